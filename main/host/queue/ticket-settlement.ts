/**
 * Staff settle an uncertain ticket by hand (issue 13 §3; ARCHITECTURE.md §8.3 "uncertain … listed for
 * staff"): having checked the tray and the citizen's paper, they say it was issued (the citizen holds it) or
 * voided (it never came out). Only an `uncertain` ticket can be settled, once; the change and its audit
 * record (audit-log.ts, action `ticket.settle`, subject the ticket's hall day and number) are written in one
 * transaction. An issued ticket keeps its reservation time, so it enters the call order in its place — by the
 * time it was taken, not at the end (queue-service.ts orders by priority, then reserved_at).
 *
 * The running host applies it through QueueService (so the ticket's printUncertain alert resolves and the
 * screen's waiting count refreshes); with no host running, `npm run tickets` applies the same function to
 * the database itself. Messages are for the staff member at the terminal: Chinese, then English.
 */
import { formatLocalDateTime } from '../../../common/local-time';
import { appendAudit, type AuditRecord, auditRecordsAbout } from '../audit/audit-log';
import type { QueueDb } from './queue-db';
import type { TicketRecord, TicketStatus } from './queue-types';
import { type TicketRow, toTicketRecord } from './ticket-rows';

export type HandOutcome = 'issued' | 'voided';

export interface SettleByHandRequest {
  /** "A003". */
  number: string;
  /** The ticket's hall day; absent: the one uncertain ticket with that number, whatever its day. */
  day?: string;
  outcome: HandOutcome;
  /** Who settles it (the OS user, or --by). */
  by: string;
  note?: string;
  /** How it reached the database: through the running host, or written by the command itself. */
  via: 'host' | 'direct';
}

export interface SettledByHand {
  ticket: TicketRecord;
  audit: AuditRecord;
}

export type StaffErrorCode = 'badRequest' | 'ticketUnknown' | 'ambiguousTicket' | 'notUncertain' | 'alreadySettled';

/** A staff command that cannot be carried out, with the reason in words for the person who typed it. */
export class StaffCommandError extends Error {
  override readonly name = 'StaffCommandError';
  constructor(
    readonly code: StaffErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const SETTLE_ACTION = 'ticket.settle';

const STATUS_WORDS: Readonly<Record<TicketStatus, string>> = {
  reserved: '取号中 reserved',
  printing: '打印中 printing',
  issued: '已出票 issued',
  voided: '已作废 voided',
  uncertain: '结果不确定 uncertain',
  called: '已叫号 called',
  served: '已办结 served',
  noShow: '已过号 no-show',
};

/** How staff name a ticket: its hall day and number, as alerts do ("2026-11-23 A003"). */
export const ticketSubject = (day: string, number: string): string => `${day} ${number}`;

/** Settles the uncertain ticket `request` names, in one BEGIN IMMEDIATE transaction with its audit record. */
export function settleUncertainByHand(db: QueueDb, at: { now: number; timeZone: string }, request: SettleByHandRequest): SettledByHand {
  return db.transaction((): SettledByHand => {
    const row = findTarget(db, request);
    if (row.status !== 'uncertain') throw notUncertain(db, row, at.timeZone);
    const changed = db
      .prepare<{ id: number; to: HandOutcome; now: number }>("UPDATE tickets SET status = @to, settled_at = @now WHERE id = @id AND status = 'uncertain'")
      .run({ id: row.id, to: request.outcome, now: at.now }).changes;
    if (changed !== 1) throw new StaffCommandError('notUncertain', `${row.number} (${row.day}) changed while it was being settled; run the command again`);
    const audit = appendAudit(db, at.now, {
      actor: request.by,
      action: SETTLE_ACTION,
      subject: ticketSubject(row.day, row.number),
      detail: { ticketId: row.id, businessId: row.business_id, from: 'uncertain', to: request.outcome, note: request.note ?? null, via: request.via },
    });
    const ticket = toTicketRecord(db.prepare<[number], TicketRow>('SELECT * FROM tickets WHERE id = ?').get(row.id)!);
    return { ticket, audit };
  }).immediate();
}

function findTarget(db: QueueDb, request: SettleByHandRequest): TicketRow {
  const { number, day } = request;
  const uncertain = db.prepare<[string], TicketRow>("SELECT * FROM tickets WHERE number = ? AND status = 'uncertain' ORDER BY day, id").all(number);
  if (day !== undefined) {
    const row = db.prepare<[string, string], TicketRow>('SELECT * FROM tickets WHERE day = ? AND number = ? ORDER BY id DESC LIMIT 1').get(day, number);
    if (row) return row;
    const elsewhere = uncertain.length > 0 ? `; 结果不确定的 ${number} 在 ${days(uncertain)} / the uncertain ${number} is of ${days(uncertain)}` : '';
    throw new StaffCommandError('ticketUnknown', `${day} 没有 ${number} 号票 / there is no ticket ${number} on ${day}${elsewhere}`);
  }
  if (uncertain.length === 1) return uncertain[0]!;
  if (uncertain.length > 1) {
    throw new StaffCommandError('ambiguousTicket', `${number} 在 ${days(uncertain)} 都结果不确定，请用 --day 指定日期 / ${number} is uncertain on ${days(uncertain)}: say which with --day YYYY-MM-DD`);
  }
  const latest = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE number = ? ORDER BY id DESC LIMIT 1').get(number);
  if (latest) return latest;
  throw new StaffCommandError('ticketUnknown', `没有 ${number} 号票 / there is no ticket ${number}`);
}

function days(rows: readonly TicketRow[]): string {
  return rows.map((r) => r.day).join(', ');
}

function notUncertain(db: QueueDb, row: TicketRow, timeZone: string): StaffCommandError {
  const what = `${row.number} (${row.day})`;
  const byHand = auditRecordsAbout(db, ticketSubject(row.day, row.number), SETTLE_ACTION).at(-1);
  if (byHand) {
    const to = typeof byHand.detail.to === 'string' && byHand.detail.to in STATUS_WORDS ? STATUS_WORDS[byHand.detail.to as TicketStatus] : String(byHand.detail.to);
    const when = formatLocalDateTime(byHand.at, timeZone);
    return new StaffCommandError(
      'alreadySettled',
      `${what} 已由 ${byHand.actor} 于 ${when} 处理为「${to}」，不能再次处理 / was already settled as ${to} by ${byHand.actor} at ${when}; it cannot be settled again (now ${STATUS_WORDS[row.status]})`,
    );
  }
  return new StaffCommandError('notUncertain', `${what} 是「${STATUS_WORDS[row.status]}」，只有结果不确定的号票可以处理 / is ${STATUS_WORDS[row.status]}; only an uncertain ticket can be settled`);
}
