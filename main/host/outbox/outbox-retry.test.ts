/** The back-off schedule (outbox-retry.ts, issue 17 §5). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, retryDelayMs } from './outbox-retry';

describe('retryDelayMs', () => {
  const policy = { baseMs: 1_000, maxMs: 16_000, jitter: 0.5 };

  it('doubles per attempt up to the bound', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 16_000]);
  });

  it('takes at most the jitter share off, never more, never adds', () => {
    expect(retryDelayMs(3, policy, () => 0.999999)).toBe(2_000);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(3_000);
    for (let i = 0; i < 200; i++) {
      const d = retryDelayMs(1 + (i % 12), DEFAULT_RETRY, Math.random);
      expect(d).toBeGreaterThanOrEqual(DEFAULT_RETRY.baseMs * (1 - DEFAULT_RETRY.jitter));
      expect(d).toBeLessThanOrEqual(DEFAULT_RETRY.maxMs);
    }
  });
});
