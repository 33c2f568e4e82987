/**
 * Queue tickets (domain.md "Queue tickets"; protocols.md §5; ARCHITECTURE.md §8.3, §8.4, §8.6). A number
 * is reserved in one BEGIN IMMEDIATE transaction (hours, daily cap, counter, ticket row), marked printing
 * before the first byte goes to the printer, and settled once: issued, voided or uncertain. Numbers are
 * never reused — the per-day counter only goes up — and days are hall days: at 00:00 hall time numbering
 * restarts at 001 whatever the machine's own time zone, except for a business whose hours run through
 * midnight, which carries its numbering over until its waiting list is empty (queue-series.ts).
 */
import type { Clock } from '../../../common/clock';
import { addDays, formatLocalDateTime, localDateKey } from '../../../common/local-time';
import type { BusinessView } from '../../../common/queue';
import type { BusinessConfig, KioskConfig } from '../config/config-types';
import { LastSeenStore } from '../clock/last-seen-store';
import { businessWindow, closedInfo, nextOpenFrom } from './business-hours';
import type { QueueDb } from './queue-db';
import { QueueSeries } from './queue-series';
import {
  QueueStateError,
  type ReserveRequest,
  type ReserveResult,
  type SettleDetail,
  type SettleOutcome,
  type TicketRecord,
} from './queue-types';
import { type TicketRow, ticketNumber, toTicketRecord } from './ticket-rows';
import { type SettleByHandRequest, type SettledByHand, settleUncertainByHand } from './ticket-settlement';
import { estimateWaitMinutes } from './wait-estimate';

/** The highest number a business can hand out in a day: three digits (A999). */
export const MAX_SEQ = 999;

export interface QueueServiceOptions {
  db: QueueDb;
  config: Pick<KioskConfig, 'hall' | 'queue'>;
  clock: Clock;
  /** A request refused by the per-kiosk rate limit (counted in statistics by the composition). */
  onRateLimited?: () => void;
}

type Count = { n: number };

/** The rate limit's window: any minute (queue.ticketsPerMinute). */
const RATE_WINDOW_MS = 60_000;

/**
 * How far back served / no-show without a day look for the call they finish: a carried series sees a call
 * within a day (queue-series.ts), so two days hold every ticket still at a window and none from weeks ago.
 */
export const CALLED_TICKET_HORIZON_MS = 2 * 24 * 60 * 60 * 1000;

export class QueueService {
  private readonly db: QueueDb;
  private readonly config: QueueServiceOptions['config'];
  private readonly clock: Clock;
  private readonly onRateLimited: (() => void) | undefined;
  private readonly series: QueueSeries;
  private readonly lastSeen: LastSeenStore;
  private readonly sql;

  constructor(options: QueueServiceOptions) {
    this.db = options.db;
    this.config = options.config;
    this.clock = options.clock;
    this.onRateLimited = options.onRateLimited;
    this.series = new QueueSeries(options.db, options.config);
    this.lastSeen = new LastSeenStore(options.db);
    const db = this.db;
    this.sql = {
      byId: db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?'),
      markRetracted: db.prepare<{ id: number; now: number }>(
        "UPDATE tickets SET retracted_at = @now WHERE id = @id AND retracted_at IS NULL AND status IN ('issued', 'called')",
      ),
      byRequest: db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE request_id = ?'),
      activeForId: db.prepare<[string, string, string], { number: string }>(
        "SELECT number FROM tickets WHERE id_hmac = ? AND business_id = ? AND day = ? AND status IN ('reserved', 'printing', 'issued', 'uncertain', 'called') ORDER BY id DESC LIMIT 1",
      ),
      reservedSince: db.prepare<[number, number], { n: number; first: number | null }>(
        'SELECT COUNT(*) AS n, MIN(reserved_at) AS first FROM tickets WHERE reserved_at > ? AND reserved_at <= ?',
      ),
      // Prefixes are unique in the hall, so a number names one ticket a day (the newest, should a prefix move).
      byNumber: db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE day = ? AND number = ? ORDER BY id DESC LIMIT 1'),
      handedOut: db.prepare<[string, string], Count>(
        "SELECT COUNT(*) AS n FROM tickets WHERE business_id = ? AND day = ? AND status <> 'voided'",
      ),
      lastSeq: db.prepare<[string, string], { last_seq: number }>('SELECT last_seq FROM counters WHERE business_id = ? AND day = ?'),
      bumpCounter: db.prepare<[string, string], { last_seq: number }>(
        `INSERT INTO counters (business_id, day, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (business_id, day) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq`,
      ),
      insert: db.prepare(
        `INSERT INTO tickets (request_id, session_id, business_id, day, seq, number, priority, priority_reason, status, reserved_at, id_hmac)
         VALUES (@requestId, @sessionId, @businessId, @day, @seq, @number, @priority, @priorityReason, 'reserved', @reservedAt, @idHmac)`,
      ),
      waiting: db.prepare<[string, string], Count>(
        "SELECT COUNT(*) AS n FROM tickets WHERE business_id = ? AND day = ? AND status = 'issued'",
      ),
      ahead: db.prepare<{ businessId: string; day: string; id: number; priority: number; reservedAt: number }, Count>(
        `SELECT COUNT(*) AS n FROM tickets WHERE business_id = @businessId AND day = @day AND status = 'issued' AND id <> @id
           AND (priority > @priority OR (priority = @priority AND (reserved_at < @reservedAt OR (reserved_at = @reservedAt AND id < @id))))`,
      ),
      recentServed: db.prepare<[string, string, number], { ms: number }>(
        `SELECT served_at - called_at AS ms FROM tickets
          WHERE business_id = ? AND day = ? AND status = 'served' AND called_at IS NOT NULL AND served_at IS NOT NULL
          ORDER BY served_at DESC, id DESC LIMIT ?`,
      ),
      // Each business on the day it numbers on (queue-series.ts): [["social-insurance", "2026-11-23"], …].
      next: db.prepare<[string], TicketRow>(
        `SELECT t.* FROM json_each(?) AS q JOIN tickets AS t
            ON t.business_id = json_extract(q.value, '$[0]') AND t.day = json_extract(q.value, '$[1]')
          WHERE t.status = 'issued'
          ORDER BY t.priority DESC, t.reserved_at, t.id LIMIT 1`,
      ),
      // The ticket a number's served / no-show means when no day is given: the one that was called — to
      // this counter first, then one still at a window, then the latest call (issue 13 §3).
      // Only calls of the last CALLED_TICKET_HORIZON_MS: a typo must not finish a ticket served weeks ago.
      calledByNumber: db.prepare<{ number: string; counter: string | null; since: number }, TicketRow>(
        `SELECT * FROM tickets WHERE number = @number AND called_at > @since
          ORDER BY (@counter IS NOT NULL AND called_counter = @counter) DESC, status = 'called' DESC, called_at DESC, id DESC LIMIT 1`,
      ),
      latestByNumber: db.prepare<[string, number], TicketRow>('SELECT * FROM tickets WHERE number = ? AND reserved_at > ? ORDER BY id DESC LIMIT 1'),
      byCallRequest: db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE called_counter = ? AND call_request_id = ?'),
      setStatus: db.prepare<{ to: string; now: number; id: number; from: string; counter: string | null; callRequestId: string | null }>(
        `UPDATE tickets SET status = @to,
            sent_at = CASE WHEN @to = 'printing' THEN @now ELSE sent_at END,
            called_at = CASE WHEN @to = 'called' THEN @now ELSE called_at END,
            called_counter = CASE WHEN @to = 'called' THEN @counter ELSE called_counter END,
            call_request_id = CASE WHEN @to = 'called' THEN @callRequestId ELSE call_request_id END,
            served_at = CASE WHEN @to IN ('served', 'noShow') THEN @now ELSE served_at END
          WHERE id = @id AND status = @from`,
      ),
      settle: db.prepare(
        `UPDATE tickets SET status = @outcome, settled_at = @now, error_code = @errorCode, partial = @partial
          WHERE id = @id AND status IN ('reserved', 'printing')`,
      ),
      recoverReserved: db.prepare<[number]>(
        "UPDATE tickets SET status = 'voided', settled_at = ?, error_code = 'internal', partial = 0 WHERE status = 'reserved'",
      ),
      recoverPrinting: db.prepare<[number]>(
        "UPDATE tickets SET status = 'uncertain', settled_at = ?, error_code = 'printUncertain' WHERE status = 'printing'",
      ),
      printingIds: db.prepare<[], { id: number }>("SELECT id FROM tickets WHERE status = 'printing' ORDER BY reserved_at, id"),
      uncertainAll: db.prepare<[], TicketRow>("SELECT * FROM tickets WHERE status = 'uncertain' ORDER BY reserved_at, id"),
      uncertainOn: db.prepare<[string], TicketRow>(
        "SELECT * FROM tickets WHERE status = 'uncertain' AND day = ? ORDER BY reserved_at, id",
      ),
    };
  }

  /** The businesses as the citizen's screen shows them now. */
  listBusinesses(): BusinessView[] {
    const now = this.clock.now();
    const today = this.today(now);
    return this.config.queue.businesses.map((b) => {
      const day = this.series.dayOf(b, now);
      const window = businessWindow(b, this.config.queue.calendar, this.config.hall.timeZone, now);
      const waiting = this.sql.waiting.get(b.id, day)!.n;
      const view: BusinessView = {
        id: b.id,
        prefix: b.prefix,
        name: b.name,
        zone: b.zone,
        open: window.open,
        hoursToday: window.hoursToday,
        waiting,
        estimatedWaitMinutes: this.estimate(b, day, waiting),
      };
      if (window.open && this.capReached(b, day)) {
        view.open = false;
        view.closedReason = 'dailyCapReached';
        const nextOpen = nextOpenFrom(b, this.config.queue.calendar, addDays(today, 1), 0);
        if (nextOpen !== undefined) view.nextOpen = nextOpen;
      } else if (!window.open) {
        if (window.closedReason !== undefined) view.closedReason = window.closedReason;
        if (window.nextOpen !== undefined) view.nextOpen = window.nextOpen;
      }
      return view;
    });
  }

  /**
   * Reserves the next number, or answers a repeated requestId with its ticket. Priority is set by the host
   * from a verified reason only; the renderer cannot ask for it.
   */
  reserve(request: ReserveRequest): ReserveResult {
    const priority = request.priority;
    if (priority && !(Number.isInteger(priority.weight) && priority.weight >= 0 && priority.weight <= 1000)) {
      throw new RangeError(`priority weight must be a whole number 0-1000 (got ${priority.weight})`);
    }
    const now = this.clock.now();
    return this.db.transaction((): ReserveResult => {
      const existing = this.sql.byRequest.get(request.requestId);
      if (existing) {
        if (existing.business_id !== request.businessId) {
          throw new QueueStateError(`requestId ${request.requestId} was already used for business ${existing.business_id}`);
        }
        return { kind: 'existing', ticket: toTicketRecord(existing) };
      }
      const business = this.business(request.businessId);
      if (!business) return { kind: 'refused', code: 'businessUnknown' };
      const window = businessWindow(business, this.config.queue.calendar, this.config.hall.timeZone, now);
      if (!window.open) {
        const reason = window.closedReason ?? 'afterHours';
        return { kind: 'refused', code: 'businessClosed', closedReason: reason, closed: closedInfo(reason, window) };
      }
      const limited = this.rateLimited(now, window.hoursToday);
      if (limited) return limited;
      const day = this.series.dayOf(business, now);
      // One active ticket per ID per business (domain.md): an uncertain one counts, it may be in the tray.
      const held = request.idHmac !== undefined && business.oneTicketPerId ? this.sql.activeForId.get(request.idHmac, business.id, day) : undefined;
      if (held) return { kind: 'refused', code: 'ticketAlreadyHeld', heldNumber: held.number };
      if (this.capReached(business, day)) {
        const nextOpen = nextOpenFrom(business, this.config.queue.calendar, addDays(this.today(now), 1), 0);
        return { kind: 'refused', code: 'dailyCapReached', closedReason: 'dailyCapReached', closed: closedInfo('dailyCapReached', { hoursToday: window.hoursToday, nextOpen }) };
      }

      const seq = this.sql.bumpCounter.get(business.id, day)!.last_seq;
      // The flat-RTC guard's "last time seen" (clock-watch.ts), on disk with the number it came with.
      this.lastSeen.record(now);
      const number = ticketNumber(business.prefix, seq);
      const weight = priority?.weight ?? 0;
      const id = Number(
        this.sql.insert.run({
          requestId: request.requestId,
          sessionId: request.sessionId,
          businessId: business.id,
          day,
          seq,
          number,
          priority: weight,
          priorityReason: priority?.reason ?? null,
          reservedAt: now,
          idHmac: request.idHmac ?? null,
        }).lastInsertRowid,
      );
      const peopleAhead = this.sql.ahead.get({ businessId: business.id, day, id, priority: weight, reservedAt: now })!.n;
      return {
        kind: 'reserved',
        ticket: {
          id,
          number,
          seq,
          businessId: business.id,
          day,
          priority: weight,
          peopleAhead,
          estimatedWaitMinutes: this.estimate(business, day, peopleAhead),
          reservedAt: now,
        },
      };
    }).immediate();
  }

  /** reserved → printing, just before the first byte goes to the printer; again while printing is a no-op. */
  markSent(ticketId: number): TicketRecord {
    return this.move(ticketId, ['reserved', 'printing'], 'printing');
  }

  /** Settles a reserved or printing ticket, once: a settled ticket never changes its outcome. */
  settle(ticketId: number, outcome: SettleOutcome, detail: SettleDetail = {}): TicketRecord {
    const changed = this.sql.settle.run({
      id: ticketId,
      outcome,
      now: this.clock.now(),
      errorCode: detail.errorCode ?? null,
      partial: detail.partial === undefined ? null : detail.partial ? 1 : 0,
    }).changes;
    const row = this.sql.byId.get(ticketId);
    if (!row) throw new QueueStateError(`no ticket with id ${ticketId}`);
    if (changed === 0) throw new QueueStateError(`ticket ${row.number} (${row.day}) is already ${row.status}; it cannot be settled as ${outcome}`);
    return toTicketRecord(row);
  }

  /**
   * A presenter printer retracted the issued ticket nobody took (protocols.md §2.6). It stays issued, in its
   * place in the call order; only the mark changes, once. Returns the ticket, or undefined when it was
   * already marked or is not issued (a voided number has no paper to retract).
   */
  markRetracted(ticketId: number): TicketRecord | undefined {
    const changed = this.sql.markRetracted.run({ id: ticketId, now: this.clock.now() }).changes;
    return changed === 0 ? undefined : toTicketRecord(this.sql.byId.get(ticketId)!);
  }

  /**
   * At start-up: a reserved ticket never reached the printer (voided); a printing one may have (uncertain,
   * returned so staff are alerted to each).
   */
  recoverAfterRestart(): { voided: number; uncertain: number; uncertainTickets: TicketRecord[] } {
    const now = this.clock.now();
    return this.db.transaction(() => {
      const ids = this.sql.printingIds.all().map((r) => r.id);
      const voided = this.sql.recoverReserved.run(now).changes;
      const uncertain = this.sql.recoverPrinting.run(now).changes;
      return { voided, uncertain, uncertainTickets: ids.map((id) => toTicketRecord(this.sql.byId.get(id)!)) };
    }).immediate();
  }

  /**
   * One person cannot drain the day's numbers or the roll (issue 13 §3): at most queue.ticketsPerMinute
   * tickets in any minute from this kiosk, counted from its own database (a restart does not reset it).
   * Refused like a closed business, saying when the next ticket may be taken.
   */
  private rateLimited(now: number, hoursToday: string[]): ReserveResult | null {
    const limit = this.config.queue.ticketsPerMinute;
    const recent = this.sql.reservedSince.get(now - RATE_WINDOW_MS, now)!;
    if (recent.n < limit || recent.first === null) return null;
    this.onRateLimited?.();
    // Shown to the minute: the next whole minute after the oldest of them leaves the window.
    const againMs = Math.ceil((recent.first + RATE_WINDOW_MS) / 60_000) * 60_000;
    const again = formatLocalDateTime(againMs, this.config.hall.timeZone);
    return { kind: 'refused', code: 'rateLimited', closedReason: 'rateLimited', closed: closedInfo('rateLimited', { hoursToday, nextOpen: again }) };
  }

  /** Where a waiting ticket stands now: the people ahead of it and the estimate (a replayed request). */
  standing(ticket: Pick<TicketRecord, 'id' | 'businessId' | 'day' | 'priority' | 'reservedAt'>): { peopleAhead: number; estimatedWaitMinutes: number } {
    const business = this.business(ticket.businessId);
    const peopleAhead = this.sql.ahead.get({ businessId: ticket.businessId, day: ticket.day, id: ticket.id, priority: ticket.priority, reservedAt: ticket.reservedAt })!.n;
    return { peopleAhead, estimatedWaitMinutes: business ? this.estimate(business, ticket.day, peopleAhead) : 0 };
  }

  /** Tickets whose printing is uncertain, for staff to check (§8.3); all days unless `day` is given. */
  listUncertain(day?: string): TicketRecord[] {
    const rows = day === undefined ? this.sql.uncertainAll.all() : this.sql.uncertainOn.all(day);
    return rows.map(toTicketRecord);
  }

  /** The ticket a request id reserved, if any (an appointment's ticket is named by its code, issue 14 item 7). */
  findByRequest(requestId: string): TicketRecord | undefined {
    const row = this.sql.byRequest.get(requestId);
    return row ? toTicketRecord(row) : undefined;
  }

  getTicket(ticketId: number): TicketRecord | undefined {
    const row = this.sql.byId.get(ticketId);
    return row ? toTicketRecord(row) : undefined;
  }

  /** A ticket by its hall day and number ("A001"). */
  findTicket(day: string, number: string): TicketRecord | undefined {
    const row = this.sql.byNumber.get(day, number);
    return row ? toTicketRecord(row) : undefined;
  }

  /**
   * A ticket by number alone, for served / no-show (calling-api.ts): the one that was called (to `counter`
   * first), else the newest with that number. Numbers carried over midnight make "today's" ambiguous.
   */
  findCalledTicket(number: string, counter?: string): TicketRecord | undefined {
    const since = this.clock.now() - CALLED_TICKET_HORIZON_MS;
    const row = this.sql.calledByNumber.get({ number, counter: counter ?? null, since }) ?? this.sql.latestByNumber.get(number, since);
    return row ? toTicketRecord(row) : undefined;
  }

  /** The hall day `businessId` numbers on now: today, or a series carried over midnight (queue-series.ts). */
  seriesDay(businessId: string): string | undefined {
    const business = this.business(businessId);
    return business ? this.series.dayOf(business, this.clock.now()) : undefined;
  }

  /**
   * Staff settle an uncertain ticket as issued or voided (ticket-settlement.ts), audited. Issued, it waits
   * in the call order at the place its reservation time gives it.
   */
  settleByHand(request: SettleByHandRequest): SettledByHand {
    return settleUncertainByHand(this.db, { now: this.clock.now(), timeZone: this.config.hall.timeZone }, request);
  }

  /**
   * The next issued ticket of `businessIds` (priority first, then the earliest), each business on the day
   * it numbers on (today, or its series carried over midnight), marked called to
   * `counter`. With `requestId` (the calling system's id for this request), asking again with the same
   * counter and id answers with the ticket that request called, so a retry after a lost reply skips nobody.
   */
  callNext(businessIds: readonly string[], counter?: string, requestId?: string): TicketRecord | null {
    if (businessIds.length === 0) return null;
    const now = this.clock.now();
    return this.db.transaction(() => {
      if (counter !== undefined && requestId !== undefined) {
        const earlier = this.sql.byCallRequest.get(counter, requestId);
        if (earlier) return toTicketRecord(earlier);
      }
      const queues = businessIds.flatMap((id) => {
        const business = this.business(id);
        return business ? [[id, this.series.dayOf(business, now)]] : [];
      });
      const row = this.sql.next.get(JSON.stringify(queues));
      if (!row) return null;
      this.sql.setStatus.run({ to: 'called', now, id: row.id, from: 'issued', counter: counter ?? null, callRequestId: counter === undefined ? null : requestId ?? null });
      return toTicketRecord(this.sql.byId.get(row.id)!);
    }).immediate();
  }

  /** called → served; the called-to-served time feeds the wait estimate. */
  markServed(ticketId: number): TicketRecord {
    return this.move(ticketId, ['called'], 'served');
  }

  /** called → noShow (过号): the citizen did not come to the window. */
  markNoShow(ticketId: number): TicketRecord {
    return this.move(ticketId, ['called'], 'noShow');
  }

  private move(ticketId: number, from: readonly TicketRecord['status'][], to: TicketRecord['status']): TicketRecord {
    const now = this.clock.now();
    return this.db.transaction(() => {
      const row = this.sql.byId.get(ticketId);
      if (!row) throw new QueueStateError(`no ticket with id ${ticketId}`);
      if (!from.includes(row.status)) throw new QueueStateError(`ticket ${row.number} (${row.day}) is ${row.status}; it cannot become ${to}`);
      if (row.status !== to) this.sql.setStatus.run({ to, now, id: ticketId, from: row.status, counter: null, callRequestId: null });
      return toTicketRecord(this.sql.byId.get(ticketId)!);
    }).immediate();
  }

  private business(id: string): BusinessConfig | undefined {
    return this.config.queue.businesses.find((b) => b.id === id);
  }

  private today(now: number): string {
    return localDateKey(now, this.config.hall.timeZone);
  }

  /** The cap counts every number of the series (`day`) that was not voided; 999 numbers are the hard limit. */
  private capReached(business: BusinessConfig, day: string): boolean {
    const lastSeq = this.sql.lastSeq.get(business.id, day)?.last_seq ?? 0;
    return lastSeq >= MAX_SEQ || this.sql.handedOut.get(business.id, day)!.n >= business.dailyCap;
  }

  private estimate(business: BusinessConfig, day: string, peopleAhead: number): number {
    const recent = this.sql.recentServed.all(business.id, day, this.config.queue.recentWindow).map((r) => r.ms);
    return estimateWaitMinutes({
      peopleAhead,
      recentServiceMs: recent,
      fallbackMinutes: business.avgServiceMinutes,
      counters: business.counters,
    });
  }
}
