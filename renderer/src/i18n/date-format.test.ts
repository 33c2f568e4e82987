import { describe, expect, it } from 'vitest';
import { formatClockDate, formatClockTime, formatHallDateTime } from './date-format';

// 15:30 UTC on Friday 14 March is 23:30 Friday in Shanghai; 16:30 UTC is already 00:30 Saturday there.
const LATE_FRIDAY_SHANGHAI = Date.UTC(2025, 2, 14, 15, 30);
const SATURDAY_SHANGHAI = Date.UTC(2025, 2, 14, 16, 30);

describe('hall-time formatting', () => {
  it('formats the host clock in the hall zone', () => {
    expect(formatClockTime(LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('23:30');
    expect(formatClockDate(LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('2025年3月14日 星期五');
    expect(formatClockDate(SATURDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('2025年3月15日 星期六');
    expect(formatClockDate(SATURDAY_SHANGHAI, 'Asia/Shanghai', 'en')).toBe('Saturday 2025-03-15');
    expect(formatClockTime(SATURDAY_SHANGHAI, 'UTC', 'en')).toBe('16:30');
  });

  it('words a hall-local date-time relative to the hall day', () => {
    expect(formatHallDateTime('2025-03-14 15:00', LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('今天 15:00');
    expect(formatHallDateTime('2025-03-15 09:00', LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('明天 09:00');
    expect(formatHallDateTime('2025-03-17 09:00', LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('3月17日 09:00');
    expect(formatHallDateTime('2025-03-17 09:00', LATE_FRIDAY_SHANGHAI, 'Asia/Shanghai', 'en')).toBe('2025-03-17 09:00');
    // One hour later in Shanghai it is Saturday: "tomorrow" moves with the hall day, not the UTC day.
    expect(formatHallDateTime('2025-03-15 09:00', SATURDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('今天 09:00');
    expect(formatHallDateTime('not a time', SATURDAY_SHANGHAI, 'Asia/Shanghai', 'zh-CN')).toBe('not a time');
  });
});
