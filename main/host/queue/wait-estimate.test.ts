import { describe, expect, it } from 'vitest';
import { estimateWaitMinutes } from './wait-estimate';

const min = (m: number): number => m * 60_000;

describe('estimateWaitMinutes', () => {
  it('is zero with nobody ahead', () => {
    expect(estimateWaitMinutes({ peopleAhead: 0, recentServiceMs: [], fallbackMinutes: 8, counters: 2 })).toBe(0);
  });

  it('uses the configured average below three timed services and rounds up', () => {
    expect(estimateWaitMinutes({ peopleAhead: 5, recentServiceMs: [min(1), min(1)], fallbackMinutes: 7.5, counters: 2 })).toBe(19);
  });

  it('uses the measured average from three services on, without float noise on exact minutes', () => {
    expect(estimateWaitMinutes({ peopleAhead: 3, recentServiceMs: [min(4), min(5), min(6)], fallbackMinutes: 30, counters: 3 })).toBe(5);
    expect(estimateWaitMinutes({ peopleAhead: 3, recentServiceMs: [min(4), min(5), min(6) + 1], fallbackMinutes: 30, counters: 3 })).toBe(6);
  });

  it('ignores negative durations left by a clock moved backwards', () => {
    expect(estimateWaitMinutes({ peopleAhead: 2, recentServiceMs: [min(3), -min(50), min(3)], fallbackMinutes: 10, counters: 1 })).toBe(20);
  });
});
