/**
 * One command at a time per device (ARCHITECTURE.md §3), shared by status polling and jobs. Every command
 * is bounded by a time-out on the injected clock and by an AbortSignal; a command still waiting in the
 * queue when its signal aborts never runs.
 */
import type { Clock } from '../../common/clock';
import { DeviceError } from './device-error';

export interface QueuedCommandOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export type CommandBody<T> = (signal: AbortSignal) => Promise<T>;

export class CommandQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private depth = 0;

  constructor(private readonly clock: Clock) {}

  /** Commands waiting or running. */
  get length(): number {
    return this.depth;
  }

  run<T>(name: string, body: CommandBody<T>, options: QueuedCommandOptions): Promise<T> {
    this.depth++;
    const result = this.tail.then(() => this.execute(name, body, options));
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result.finally(() => this.depth--);
  }

  private execute<T>(name: string, body: CommandBody<T>, { timeoutMs, signal }: QueuedCommandOptions): Promise<T> {
    if (signal?.aborted) return Promise.reject(new DeviceError('canceled', `${name}: canceled before it started`));
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        timer.cancel();
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const onAbort = (): void => {
        controller.abort();
        finish(() => reject(new DeviceError('canceled', `${name}: canceled`)));
      };
      const timer = this.clock.setTimer(timeoutMs, () => {
        controller.abort();
        finish(() => reject(new DeviceError('timeout', `${name}: no answer within ${timeoutMs} ms`)));
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      body(controller.signal).then(
        (value) => finish(() => resolve(value)),
        (err: unknown) => finish(() => reject(DeviceError.from(err))),
      );
    });
  }
}
