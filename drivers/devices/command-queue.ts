/**
 * One command at a time per device (ARCHITECTURE.md §3), shared by status polling and jobs. Every command
 * is bounded by a time-out on the injected clock and by an AbortSignal; a command still waiting in the
 * queue when its signal aborts is refused at once and never runs. A command that timed out or was aborted
 * answers its caller at once, but the next command starts only when its body has returned (the body sees
 * its signal aborted and stops), or `abortGraceMs` after the abort if the body is stuck outside our
 * control (a write the OS never completes), so two bodies never use the device together.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { boundedWait } from './bounded-wait';
import { DeviceError } from './device-error';

export interface QueuedCommandOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export type CommandBody<T> = (signal: AbortSignal) => Promise<T>;

/** How long the queue waits for an aborted body to return before it moves on regardless. */
export const DEFAULT_ABORT_GRACE_MS = 2000;

export class CommandQueue {
  private tail: Promise<void> = Promise.resolve();
  private depth = 0;

  constructor(
    private readonly clock: Clock,
    private readonly abortGraceMs = DEFAULT_ABORT_GRACE_MS,
  ) {}

  /** Commands waiting or running (including an aborted body the queue still waits for). */
  get length(): number {
    return this.depth;
  }

  run<T>(name: string, body: CommandBody<T>, options: QueuedCommandOptions): Promise<T> {
    this.depth++;
    let released = false;
    let releaseTurn!: () => void;
    const turnOver = new Promise<void>((resolve) => (releaseTurn = resolve));
    const release = (): void => {
      if (released) return;
      released = true;
      this.depth--;
      releaseTurn();
    };
    const previous = this.tail;
    this.tail = turnOver;
    return new Promise<T>((resolve, reject) => {
      const { signal } = options;
      let started = false;
      const onQueuedAbort = (): void => {
        if (started) return;
        reject(new DeviceError('canceled', `${name}: canceled before it started`));
      };
      if (signal?.aborted) onQueuedAbort();
      else signal?.addEventListener('abort', onQueuedAbort, { once: true });
      void previous.then(() => {
        signal?.removeEventListener('abort', onQueuedAbort);
        if (signal?.aborted) {
          release();
          return reject(new DeviceError('canceled', `${name}: canceled before it started`));
        }
        started = true;
        this.execute(name, body, options, release).then(resolve, reject);
      });
    });
  }

  private execute<T>(name: string, body: CommandBody<T>, { timeoutMs, signal }: QueuedCommandOptions, release: () => void): Promise<T> {
    const controller = new AbortController();
    let grace: TimerHandle | undefined;
    /** The caller hears at once; the body is told to stop, and the queue moves on when it has (or after the grace). */
    const abortBody = (err: DeviceError): DeviceError => {
      controller.abort();
      grace = this.clock.setTimer(this.abortGraceMs, release);
      return err;
    };
    const wait = boundedWait<T>({
      clock: this.clock,
      what: name,
      signal,
      timeoutMs,
      atDeadline: (ms) => abortBody(new DeviceError('timeout', `${name}: no answer within ${ms} ms`)),
      onAbort: () => abortBody(new DeviceError('canceled', `${name}: canceled`)),
    });
    let running: Promise<T>;
    try {
      running = body(controller.signal);
    } catch (err) {
      running = Promise.reject(err);
    }
    running
      .then(
        (value) => void wait.resolve(value),
        (err: unknown) => void wait.reject(DeviceError.from(err)),
      )
      .finally(() => {
        grace?.cancel();
        release();
      });
    return wait.promise;
  }

}
