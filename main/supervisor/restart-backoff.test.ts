import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, RestartBackoff } from './restart-backoff';

describe('RestartBackoff', () => {
  it('doubles from 250 ms up to 30 s by default', () => {
    const backoff = new RestartBackoff();
    const delays = Array.from({ length: 10 }, () => backoff.next(0));
    expect(delays).toEqual([250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(DEFAULT_BACKOFF).toEqual({ initialMs: 250, maxMs: 30_000, resetAfterMs: 60_000 });
  });

  it('starts over after an incarnation stayed healthy long enough', () => {
    const backoff = new RestartBackoff({ initialMs: 100, maxMs: 10_000, resetAfterMs: 1_000 });
    expect([backoff.next(0), backoff.next(999), backoff.next(500)]).toEqual([100, 200, 400]);
    expect(backoff.next(1_000)).toBe(100);
    expect(backoff.next(0)).toBe(200);
    expect(backoff.consecutiveFailures).toBe(2);
  });

  it('never overflows however many failures pile up', () => {
    const backoff = new RestartBackoff({ initialMs: 1, maxMs: 5_000, resetAfterMs: 1 });
    for (let i = 0; i < 2_000; i++) backoff.next(0);
    expect(backoff.next(0)).toBe(5_000);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new RestartBackoff({ initialMs: 0, maxMs: 10, resetAfterMs: 10 })).toThrow(RangeError);
    expect(() => new RestartBackoff({ initialMs: 20, maxMs: 10, resetAfterMs: 10 })).toThrow(RangeError);
    expect(() => new RestartBackoff({ initialMs: 1, maxMs: 10, resetAfterMs: -1 })).toThrow(RangeError);
  });
});
