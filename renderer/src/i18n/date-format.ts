/**
 * Dates and times for the screen, always in HALL time (ARCHITECTURE.md §8.4): host epoch milliseconds go
 * through common/local-time.ts with the hall's time zone, never through the machine's own zone.
 */
import type { Language } from '../../../common/kiosk-api';
import { addDays, localDateKey, localParts } from '../../../common/local-time';
import { translate, type MessageId } from './translate';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Indexed by LocalParts.weekday (0 = Sunday). */
const WEEKDAY_IDS: readonly MessageId[] = ['weekday.0', 'weekday.1', 'weekday.2', 'weekday.3', 'weekday.4', 'weekday.5', 'weekday.6'];

function dateParams(year: number, month: number, day: number): Record<string, string | number> {
  return { year, month, day, month2: pad2(month), day2: pad2(day) };
}

/** "2025年3月14日 星期五" / "Friday 2025-03-14". */
export function formatClockDate(epochMs: number, timeZone: string, language: Language): string {
  const p = localParts(epochMs, timeZone);
  const weekday = translate(language, WEEKDAY_IDS[p.weekday] ?? 'weekday.0');
  return translate(language, 'clock.date', { ...dateParams(p.year, p.month, p.day), weekday });
}

/** "14:05". */
export function formatClockTime(epochMs: number, timeZone: string, language: Language): string {
  const p = localParts(epochMs, timeZone);
  return translate(language, 'clock.time', { hour: pad2(p.hour), minute: pad2(p.minute) });
}

const HALL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2})$/;

/**
 * A hall-local "YYYY-MM-DD HH:MM" from the host (common/queue.ts) relative to the hall's today:
 * "今天 14:05", "明天 09:00", "3月17日 09:00". Text in another shape is shown as it came.
 */
export function formatHallDateTime(hallLocal: string, nowMs: number, timeZone: string, language: Language): string {
  const m = HALL_DATE_TIME.exec(hallLocal);
  if (!m) return hallLocal;
  const [, y, mo, d, time] = m as unknown as [string, string, string, string, string];
  const key = `${y}-${mo}-${d}`;
  const today = localDateKey(nowMs, timeZone);
  if (key === today) return translate(language, 'time.today', { time });
  if (key === addDays(today, 1)) return translate(language, 'time.tomorrow', { time });
  return translate(language, 'time.date', { ...dateParams(Number(y), Number(mo), Number(d)), time });
}
