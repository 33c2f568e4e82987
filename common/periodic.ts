/**
 * A task every `ms` on an injected clock (ARCHITECTURE.md §8.4), for housekeeping: a liveness ping, a list
 * refresh, a time record. When the clock is moved forward by hand (training mode), the task runs when its
 * turn falls due and once more on arrival, never once for every period skipped: a day skipped in training
 * would otherwise replay 43,200 two-second pings and thousands of database writes while the host answers
 * nothing (issue 13 §6, found by the midnight e2e test).
 */
import type { Clock, TimerHandle } from './clock';

/**
 * `advancingTo`: during a move by hand, the point on the clock's timer line (elapsedMs) the move ends at;
 * null otherwise. Each clock class passes its own.
 */
export function periodic(clock: Clock, advancingTo: () => number | null, ms: number, fn: () => void): TimerHandle {
  let handle: TimerHandle | undefined;
  let cancelled = false;
  const schedule = (): void => {
    const target = advancingTo();
    const wait = target === null ? ms : Math.max(ms, target - clock.elapsedMs());
    handle = clock.setTimer(wait, run);
  };
  const run = (): void => {
    if (cancelled) return;
    fn();
    if (!cancelled) schedule();
  };
  schedule();
  return {
    cancel: () => {
      cancelled = true;
      handle?.cancel();
    },
  };
}
