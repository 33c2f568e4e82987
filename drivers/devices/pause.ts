/**
 * Waits `ms` on the injected clock (ARCHITECTURE.md §8.4); an abort ends the wait early, and the caller
 * then sees `signal.aborted`. For poll loops that race a pause against a reply.
 */
import type { Clock } from '../../common/clock';
import { boundedWait } from './bounded-wait';

const DONE = { value: undefined };

export function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return boundedWait<void>({ clock, what: 'pause', signal, timeoutMs: ms, atDeadline: () => DONE, onAbort: () => DONE }).promise;
}
