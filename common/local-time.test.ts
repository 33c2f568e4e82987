import { describe, expect, it } from 'vitest';
import { addDays, formatLocalDateTime, localDateKey, localMinuteOfDay, localParts, localTimeToEpoch, weekdayOf } from './local-time';

const TZ = 'Asia/Shanghai';

describe('hall-local time (ARCHITECTURE.md §8.4)', () => {
  it('puts 15:59:59Z and 16:00:00Z on different Shanghai days, whatever the process zone', () => {
    const before = Date.UTC(2026, 10, 22, 15, 59, 59);
    const after = Date.UTC(2026, 10, 22, 16, 0, 0);
    expect(localDateKey(before, TZ)).toBe('2026-11-22');
    expect(localDateKey(after, TZ)).toBe('2026-11-23');
    expect(formatLocalDateTime(after, TZ)).toBe('2026-11-23 00:00');
    expect(localMinuteOfDay(before, TZ)).toBe(23 * 60 + 59);
  });
  it('gives the local weekday', () => {
    // 2026-11-23 is a Monday.
    expect(localParts(Date.UTC(2026, 10, 22, 16, 30), TZ).weekday).toBe(1);
    expect(weekdayOf('2026-11-23')).toBe(1);
  });
  it('converts a local wall time back to epoch, also across DST in another zone', () => {
    expect(localTimeToEpoch('2026-11-23', 9 * 60, TZ)).toBe(Date.UTC(2026, 10, 23, 1, 0));
    expect(localTimeToEpoch('2026-07-01', 9 * 60, 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 13, 0));
    expect(localTimeToEpoch('2026-12-01', 9 * 60, 'America/New_York')).toBe(Date.UTC(2026, 11, 1, 14, 0));
    expect(localTimeToEpoch('2026-11-23', 24 * 60, TZ)).toBe(Date.UTC(2026, 10, 23, 16, 0));
  });
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
