/**
 * When a record that could not be sent is tried again (issue 17 §5): exponential back-off from `baseMs`,
 * doubling per attempt up to `maxMs`, with jitter that takes up to `jitter` of the delay off so kiosks that
 * lost the platform together do not return to it together. Bounded: never above `maxMs`, never below
 * `(1 - jitter) × baseMs`.
 */

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** 0..1: the share of each delay the jitter may take away. */
  jitter: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 5_000, maxMs: 10 * 60_000, jitter: 0.5 };

/** The delay before attempt `attempt + 1`, after `attempt` (≥ 1) attempts failed; `random` in [0, 1). */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const full = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(full * (1 - policy.jitter * r));
}
