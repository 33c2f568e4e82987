/**
 * When a business issues tickets (domain.md "Queue tickets"; ARCHITECTURE.md §8.4): periods per weekday in
 * hall time, public holidays closed (unless the business is `openOnHolidays`), 调休 make-up workdays with
 * the hours of their `hoursOf` weekday, and issuing stopped `stopIssuingMinutesBeforeClose` before each
 * period really closes. A period that runs straight into the next one (12:00 | 12:00, or 24:00 | 00:00 the
 * next day) does not close, so a 24-hour service never stops issuing at midnight.
 */
import {
  addDays,
  formatMinuteOfDay,
  localDateKey,
  localMinuteOfDay,
  weekdayOf,
} from '../../../common/local-time';
import type { ClosedInfo, ClosedReason } from '../../../common/queue';
import { type BusinessConfig, type QueueCalendar, WEEKDAY_KEYS } from '../config/config-types';
import { type Period, parsePeriods } from '../config/periods';

/** How far ahead `nextOpen` looks (BusinessView.nextOpen). */
export const NEXT_OPEN_SEARCH_DAYS = 14;

export type HoursOfBusiness = Pick<BusinessConfig, 'hours' | 'stopIssuingMinutesBeforeClose'> & {
  openOnHolidays?: boolean;
};

export interface BusinessWindow {
  open: boolean;
  /** Set when closed; `dailyCapReached` is the queue service's to add. */
  closedReason?: Exclude<ClosedReason, 'dailyCapReached'>;
  /** Today's periods as configured ("09:00-12:00"); empty when the business is closed all day. */
  hoursToday: string[];
  /** When closed: the next moment issuing opens, hall time "YYYY-MM-DD HH:MM", within 14 days. */
  nextOpen?: string;
  /** stoppedIssuing: when the current period really closes, hall time "HH:MM". */
  closesAt?: string;
}

interface DayPlan {
  holiday: boolean;
  periods: Period[];
}

/** A period with the minute issuing stops (`issueEnd` ≤ `endMinute`). */
interface IssuingWindow extends Period {
  issueEnd: number;
}

function dayPlan(business: HoursOfBusiness, calendar: QueueCalendar, date: string): DayPlan {
  if (calendar.holidays.includes(date) && !business.openOnHolidays) return { holiday: true, periods: [] };
  const makeUp = calendar.workdays.find((w) => w.date === date);
  const key = makeUp ? makeUp.hoursOf : WEEKDAY_KEYS[weekdayOf(date)]!;
  return { holiday: false, periods: parsePeriods(business.hours[key] ?? []) };
}

function issuingWindows(business: HoursOfBusiness, calendar: QueueCalendar, date: string): IssuingWindow[] {
  const { periods } = dayPlan(business, calendar, date);
  const margin = business.stopIssuingMinutesBeforeClose;
  let tomorrowStartsAtMidnight: boolean | undefined;
  return periods.map((p, i) => {
    const next = periods[i + 1];
    let continues = next !== undefined && next.startMinute <= p.endMinute;
    if (!continues && p.endMinute === 1440) {
      tomorrowStartsAtMidnight ??= dayPlan(business, calendar, addDays(date, 1)).periods[0]?.startMinute === 0;
      continues = tomorrowStartsAtMidnight;
    }
    return { ...p, issueEnd: continues ? p.endMinute : p.endMinute - margin };
  });
}

/**
 * Whether the business's hours run through the midnight that ends `date`: its last period that day ends at
 * 24:00 and the next day's first one starts at 00:00 (a 24-hour service, or an evening running on into the
 * night). Such a business carries its numbering over midnight (queue-series.ts).
 */
export function runsThroughMidnight(business: HoursOfBusiness, calendar: QueueCalendar, date: string): boolean {
  const today = dayPlan(business, calendar, date).periods;
  if (today[today.length - 1]?.endMinute !== 1440) return false;
  return dayPlan(business, calendar, addDays(date, 1)).periods[0]?.startMinute === 0;
}

/**
 * The first moment at or after (`fromDate`, `fromMinute`) when issuing opens, searching today and the next
 * 14 days; undefined when the business never opens in that time.
 */
export function nextOpenFrom(
  business: HoursOfBusiness,
  calendar: QueueCalendar,
  fromDate: string,
  fromMinute: number,
): string | undefined {
  for (let d = 0; d <= NEXT_OPEN_SEARCH_DAYS; d++) {
    const date = addDays(fromDate, d);
    for (const w of issuingWindows(business, calendar, date)) {
      if (w.issueEnd <= w.startMinute) continue;
      if (d > 0 || w.startMinute >= fromMinute) return `${date} ${formatMinuteOfDay(w.startMinute)}`;
    }
  }
  return undefined;
}

/** Whether `business` issues at `nowMs`, and if not why and until when (hall time `timeZone`). */
export function businessWindow(
  business: HoursOfBusiness,
  calendar: QueueCalendar,
  timeZone: string,
  nowMs: number,
): BusinessWindow {
  const date = localDateKey(nowMs, timeZone);
  const minute = localMinuteOfDay(nowMs, timeZone);
  const plan = dayPlan(business, calendar, date);
  const hoursToday = plan.periods.map((p) => p.text);
  const closed = (closedReason: NonNullable<BusinessWindow['closedReason']>): BusinessWindow => {
    const nextOpen = nextOpenFrom(business, calendar, date, minute);
    return nextOpen === undefined ? { open: false, closedReason, hoursToday } : { open: false, closedReason, hoursToday, nextOpen };
  };
  if (plan.holiday) return closed('holiday');
  if (plan.periods.length === 0) return closed('notServiceDay');
  for (const w of issuingWindows(business, calendar, date)) {
    if (minute < w.startMinute) return closed('beforeHours');
    if (minute < w.issueEnd) return { open: true, hoursToday };
    if (minute < w.endMinute) return { ...closed('stoppedIssuing'), closesAt: formatMinuteOfDay(w.endMinute) };
  }
  return closed('afterHours');
}

/** What a refused take-ticket request tells the citizen about the closing (common/queue.ts ClosedInfo). */
export function closedInfo(reason: ClosedReason, window: Pick<BusinessWindow, 'hoursToday' | 'nextOpen' | 'closesAt'>): ClosedInfo {
  const info: ClosedInfo = { reason, hoursToday: window.hoursToday };
  if (window.closesAt !== undefined) info.closesAt = window.closesAt;
  if (window.nextOpen !== undefined) info.nextOpen = window.nextOpen;
  return info;
}
