/**
 * The simulated platform's answer time (issue 14 item 8: "realistic latency, 300–800 ms by default"), drawn
 * from the simulator's seeded generator so a test run sees the same delays every time (ARCHITECTURE.md §4).
 */
import type { SeededRandom } from '../seeded-random';

/** Inclusive bounds in milliseconds; `[n, n]` is a fixed delay, `[0, 0]` answers at once. */
export type LatencyRange = readonly [min: number, max: number];

export const DEFAULT_LATENCY_MS: LatencyRange = [300, 800];
/** The longest delay the control API accepts: two minutes, well past any client's time limit. */
export const MAX_LATENCY_MS = 120_000;

/** One delay in [min, max], uniformly. */
export function drawLatencyMs(rng: SeededRandom, [min, max]: LatencyRange): number {
  return min === max ? min : rng.int(min, max);
}
