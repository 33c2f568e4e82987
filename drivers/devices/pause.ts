/**
 * Waits `ms` on the injected clock (ARCHITECTURE.md §8.4); an abort ends the wait early, and the caller
 * then sees `signal.aborted`. For poll loops that race a pause against a reply.
 */
import type { Clock } from '../../common/clock';

export function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = clock.setTimer(ms, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    const onAbort = (): void => {
      timer.cancel();
      resolve();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
