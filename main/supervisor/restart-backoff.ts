/**
 * Restart back-off for supervised processes (ARCHITECTURE.md §8.9): the host child and the kiosk browser.
 * The delay doubles from `initialMs` up to `maxMs` while a process keeps dying, and drops back to
 * `initialMs` once an incarnation has stayed healthy for `resetAfterMs`. Pure: the caller measures uptime.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffOptions> = { initialMs: 250, maxMs: 30_000, resetAfterMs: 60_000 };

export class RestartBackoff {
  private readonly options: BackoffOptions;
  private failures = 0;

  constructor(options: BackoffOptions = DEFAULT_BACKOFF) {
    const { initialMs, maxMs, resetAfterMs } = options;
    if (!(initialMs > 0) || !(maxMs >= initialMs) || !(resetAfterMs >= 0)) {
      throw new RangeError(`bad back-off ${JSON.stringify(options)}: need 0 < initialMs <= maxMs, resetAfterMs >= 0`);
    }
    this.options = { initialMs, maxMs, resetAfterMs };
  }

  /**
   * The delay before the next start, given how long the incarnation that just ended was healthy
   * (0 when it never became ready).
   */
  next(healthyMs: number): number {
    if (healthyMs >= this.options.resetAfterMs) this.failures = 0;
    const delay = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return delay;
  }

  /** Consecutive quick failures counted so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }
}
