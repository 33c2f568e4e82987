/**
 * The estimated wait printed on a ticket and shown per business (domain.md "Queue tickets": "an estimated
 * wait"): people ahead × average service time ÷ windows serving the business, rounded up to a minute.
 * The average is today's measured one once at least MIN_TIMED_SERVICES services have been timed
 * (called → served), otherwise the configured `avgServiceMinutes`.
 *
 * Calls and services are reported by the hall's counters through the calling-system interface
 * (calling-api.ts, `queue.callingApi`); with it off nothing is timed and the configured average is used.
 */

/** Fewer timed services than this and the configured average is used instead. */
export const MIN_TIMED_SERVICES = 3;

export interface WaitEstimateInput {
  peopleAhead: number;
  /** Durations (ms) of today's most recent services, newest first, already limited to the recent window. */
  recentServiceMs: readonly number[];
  fallbackMinutes: number;
  counters: number;
}

export function estimateWaitMinutes(input: WaitEstimateInput): number {
  const { peopleAhead, counters } = input;
  if (peopleAhead <= 0) return 0;
  // A clock moved backwards (training mode) can leave a negative duration; it measures nothing.
  const timed = input.recentServiceMs.filter((ms) => Number.isFinite(ms) && ms >= 0);
  if (timed.length < MIN_TIMED_SERVICES) return Math.ceil((peopleAhead * input.fallbackMinutes) / counters);
  const totalMs = timed.reduce((sum, ms) => sum + ms, 0);
  // Integer numerator and denominator: an exact multiple of a minute does not round up by float noise.
  return Math.ceil((peopleAhead * totalMs) / (timed.length * counters * 60_000));
}
