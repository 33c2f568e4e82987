/**
 * Waits `ms` on the injected clock (ARCHITECTURE.md §8.4), for poll loops that race a pause against a reply.
 * The pause ends early, its timer cancelled, when the signal aborts (the caller then sees `signal.aborted`)
 * or when `until` settles: a reply that wins the race leaves no timer and no listener behind.
 */
import type { Clock } from '../../common/clock';
import { boundedWait } from './bounded-wait';

const DONE = { value: undefined };

export function pause(clock: Clock, ms: number, signal: AbortSignal, until?: Promise<unknown>): Promise<void> {
  const wait = boundedWait<void>({ clock, what: 'pause', signal, timeoutMs: ms, atDeadline: () => DONE, onAbort: () => DONE });
  until?.then(
    () => wait.resolve(),
    () => wait.resolve(),
  );
  return wait.promise;
}
