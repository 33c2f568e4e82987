/** Capped exponential back-off with jitter for reconnecting the API socket. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000, factor: 2 };

/**
 * Delay before reconnect attempt `attempt` (0-based): initial × factor^attempt, capped at maxMs, then
 * "equal jitter" (half fixed, half random) so a hall full of kiosks does not reconnect in lockstep.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(options.maxMs, options.initialMs * Math.pow(options.factor, Math.max(0, attempt)));
  const half = exp / 2;
  return Math.round(half + half * Math.min(1, Math.max(0, random())));
}
