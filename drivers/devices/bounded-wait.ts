/**
 * One bounded wait (ARCHITECTURE.md §3: every command is bounded): a promise its owner settles, which a
 * deadline on the injected clock or an AbortSignal settles first if they come first, and which cleans up
 * once, whichever way it ends. The deadline may start later (`arm`): a job's once its last byte is written.
 * The one helper behind the command queue, the reply waits, the late-reply and quiet periods and pauses.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { DeviceError } from './device-error';

/** How a deadline or an abort ends the wait: with a value, or with an error. */
export type WaitEnd<T> = { value: T } | DeviceError;

export interface BoundedWaitOptions<T> {
  clock: Clock;
  /** For the messages: "status reply", "job completion". */
  what: string;
  signal?: AbortSignal;
  /** Deadline from now; null: none until `arm(ms)`. */
  timeoutMs: number | null;
  /** At the deadline; default: rejects with `timeout`. */
  atDeadline?: (ms: number) => WaitEnd<T>;
  /** When the signal aborts; default: rejects with `canceled`. */
  onAbort?: () => WaitEnd<T>;
  /** Runs once as the wait ends; `answered`: its owner resolved it. */
  cleanup?: (answered: boolean) => void;
}

export interface BoundedWait<T> {
  readonly promise: Promise<T>;
  readonly ended: boolean;
  /** The owner's answer; false when the wait had already ended. */
  resolve(value: T): boolean;
  reject(err: DeviceError): boolean;
  /** Starts the deadline: once, and not after the end. */
  arm(ms: number): void;
}

export function boundedWait<T>(options: BoundedWaitOptions<T>): BoundedWait<T> {
  const { clock, what, signal } = options;
  let ended = false;
  let timer: TimerHandle | undefined;
  let settle!: { resolve(value: T): void; reject(err: unknown): void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  promise.catch(() => undefined); // an abandoned wait is observed by its caller, or deliberately not

  const end = (answered: boolean, outcome: WaitEnd<T>): boolean => {
    if (ended) return false;
    ended = true;
    timer?.cancel();
    signal?.removeEventListener('abort', onAbort);
    options.cleanup?.(answered);
    if (outcome instanceof DeviceError) settle.reject(outcome);
    else settle.resolve(outcome.value);
    return true;
  };
  const onAbort = (): void => void end(false, options.onAbort?.() ?? new DeviceError('canceled', `${what}: canceled`));

  const wait: BoundedWait<T> = {
    promise,
    get ended() {
      return ended;
    },
    resolve: (value) => end(true, { value }),
    reject: (err) => end(false, err),
    arm: (ms) => {
      if (ended || timer) return;
      timer = clock.setTimer(ms, () => void end(false, options.atDeadline?.(ms) ?? new DeviceError('timeout', `${what}: no answer within ${ms} ms`)));
    },
  };
  if (signal?.aborted) {
    onAbort();
    return wait;
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  if (options.timeoutMs !== null) wait.arm(options.timeoutMs);
  return wait;
}
