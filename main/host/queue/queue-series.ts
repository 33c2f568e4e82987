/**
 * Which hall day a business numbers on now (issue 13 §3, "the queue in a real day"). A ticket's `day` is the
 * day its numbering series started; the counter, the daily cap, the waiting list and the call order are per
 * (business, day). Usually that is today in hall time, so numbering restarts at 001 at midnight. A business
 * whose hours run through midnight carries its series over instead, so that no number is ever waiting twice
 * (last night's D045 and this morning's D045) and the tickets taken before midnight are called after it: its
 * numbering goes on past midnight until its waiting list is empty, and only then restarts at 001.
 *
 * The series carries over while all of these hold:
 * - the business's hours run through every midnight since the series began (business-hours.ts
 *   runsThroughMidnight), for at most MAX_CARRY_OVER_DAYS. A business that closes before midnight has no
 *   counter working after its close: its leftover tickets belong to a day that is over (their citizens went
 *   home), and carrying them would put yesterday's never-called numbers ahead of the morning's citizens;
 * - the series still has tickets that are, or may become, waiting: issued, reserved or printing (a print
 *   running at midnight), or uncertain (the citizen may hold it, and staff may settle it as issued) and taken
 *   within UNCERTAIN_HOLDS_MS: one staff never settled in a shift no longer holds the numbering open, or one
 *   forgotten paper-out would keep a 24-hour business on one series until its 999 numbers were gone;
 * - the counters work this business's list through the kiosk: one of its tickets was called within
 *   CALLED_WITHIN_MS. Only then does the kiosk know who is still waiting. Without the calling interface, or
 *   for a business the counters call some other way, nothing is ever called here, the list never empties,
 *   and carrying over would run the numbers to 999; such a business restarts at midnight as before.
 */
import { addDays, localDateKey } from '../../../common/local-time';
import type { BusinessConfig, KioskConfig } from '../config/config-types';
import { runsThroughMidnight } from './business-hours';
import type { QueueDb } from './queue-db';

/** A carried series must have seen a call this recently (a night without calls is shorter). */
export const CALLED_WITHIN_MS = 24 * 60 * 60 * 1000;
/** The longest a series is carried; 999 numbers are gone long before in a hall that calls them. */
export const MAX_CARRY_OVER_DAYS = 14;

/** Tickets that are waiting or may come to wait: they hold their series open. */
export const LIVE_STATUSES = ['reserved', 'printing', 'issued'] as const;
/** How long an uncertain ticket holds its series open (a shift): staff settle it, or it stops holding. */
export const UNCERTAIN_HOLDS_MS = 12 * 60 * 60 * 1000;

export class QueueSeries {
  private readonly sql;

  constructor(
    db: QueueDb,
    private readonly config: Pick<KioskConfig, 'hall' | 'queue'>,
  ) {
    const live = LIVE_STATUSES.map((s) => `'${s}'`).join(', ');
    this.sql = {
      latestDay: db.prepare<[string], { day: string | null }>('SELECT MAX(day) AS day FROM counters WHERE business_id = ?'),
      hasLive: db.prepare<[string, string, number], { one: number }>(
        `SELECT 1 AS one FROM tickets WHERE business_id = ? AND day = ? AND (status IN (${live}) OR (status = 'uncertain' AND reserved_at > ?)) LIMIT 1`,
      ),
      calledSince: db.prepare<[string, number], { one: number }>('SELECT 1 AS one FROM tickets WHERE business_id = ? AND called_at > ? LIMIT 1'),
    };
  }

  /** The hall day `business` numbers on at `nowMs`: today's, or an earlier series carried over midnight. */
  dayOf(business: BusinessConfig, nowMs: number): string {
    const today = localDateKey(nowMs, this.config.hall.timeZone);
    const latest = this.sql.latestDay.get(business.id)?.day ?? null;
    // No series yet, today's, or one "in the future" (the clock went back, clock-watch.ts): today's day.
    if (latest === null || latest >= today) return today;
    if (!this.runsThroughEveryMidnight(business, latest, today)) return today;
    if (this.sql.hasLive.get(business.id, latest, nowMs - UNCERTAIN_HOLDS_MS) === undefined) return today;
    if (this.sql.calledSince.get(business.id, nowMs - CALLED_WITHIN_MS) === undefined) return today;
    return latest;
  }

  private runsThroughEveryMidnight(business: BusinessConfig, from: string, today: string): boolean {
    let date = from;
    for (let d = 0; date < today; d++, date = addDays(date, 1)) {
      if (d >= MAX_CARRY_OVER_DAYS) return false;
      if (!runsThroughMidnight(business, this.config.queue.calendar, date)) return false;
    }
    return true;
  }
}
