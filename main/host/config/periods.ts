/**
 * Opening periods ("HH:MM-HH:MM", hall time) and calendar dates ("YYYY-MM-DD") as the configuration writes
 * them (domain.md "Queue tickets": hours per business, holidays and 调休 make-up days). Shared by the
 * configuration checks and the queue's business-hours computation, so both read them the same way.
 */

/** A parsed period in minutes since local midnight; `endMinute` may be 1440 ("24:00"). */
export interface Period {
  startMinute: number;
  endMinute: number;
  text: string;
}

const PERIOD_PATTERN = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function minuteOf(hh: string, mm: string, allow24: boolean): number | null {
  const h = Number(hh);
  const m = Number(mm);
  if (m > 59) return null;
  if (h === 24 && m === 0 && allow24) return 1440;
  if (h > 23) return null;
  return h * 60 + m;
}

/** Parses one period; the reason says in plain words what is wrong with it. */
export function parsePeriod(text: string): { ok: true; period: Period } | { ok: false; reason: string } {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return { ok: false, reason: `must be a period written HH:MM-HH:MM (got ${JSON.stringify(text)})` };
  const [, sh, sm, eh, em] = match as unknown as [string, string, string, string, string];
  const start = minuteOf(sh, sm, false);
  const end = minuteOf(eh, em, true);
  if (start === null) return { ok: false, reason: `starts at a time that does not exist (got ${JSON.stringify(text)})` };
  if (end === null) return { ok: false, reason: `ends at a time that does not exist (got ${JSON.stringify(text)}); 24:00 is the latest` };
  if (end <= start) return { ok: false, reason: `must end after it starts (got ${JSON.stringify(text)})` };
  return { ok: true, period: { startMinute: start, endMinute: end, text } };
}

/** Parses a day's list of periods; already validated configurations never yield an invalid one. */
export function parsePeriods(texts: readonly string[]): Period[] {
  const out: Period[] = [];
  for (const text of texts) {
    const parsed = parsePeriod(text);
    if (parsed.ok) out.push(parsed.period);
  }
  return out.sort((a, b) => a.startMinute - b.startMinute);
}

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
