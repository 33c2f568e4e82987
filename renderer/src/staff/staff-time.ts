/** Times on the staff screens, always from the HOST clock in hall time (ARCHITECTURE.md §8.4). */
import { formatLocalDateTime } from '../../../common/local-time';
import { useHostTime } from '../app/host-time';
import { formatClockTime, formatHallDateTime } from '../i18n/date-format';
import { useI18n } from '../i18n/i18n-context';

export interface HallTime {
  /** "14:05". */
  time(epochMs: number): string;
  /** "今天 14:05", "3月13日 09:12". */
  when(epochMs: number): string;
}

export function useHallTime(): HallTime {
  const { language } = useI18n();
  const { timeZone, now } = useHostTime();
  return {
    time: (ms) => formatClockTime(ms, timeZone, language),
    when: (ms) => formatHallDateTime(formatLocalDateTime(ms, timeZone), now(), timeZone, language),
  };
}

/** Whole seconds from `nowMs` until `atMs`, never below 0 (a deadline already past shows 0). */
export function secondsUntil(atMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((atMs - nowMs) / 1_000));
}
