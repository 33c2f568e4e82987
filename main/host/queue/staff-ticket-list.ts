/**
 * The staff / technician list of tickets that need a look (ARCHITECTURE.md §8.3 "uncertain … listed for
 * staff"): every `uncertain` ticket (the printer vanished after the bytes went out, or the host restarted
 * mid-print), one day's retracted ones (a presenter printer took back a ticket nobody took: the number waits
 * for a citizen who has no paper, protocols.md §2.6), and optionally one day's `voided` ones. It reads the kiosk's database through its own
 * read-only connection, which WAL allows while the kiosk runs; it never writes.
 */
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type QueueDb } from './queue-db';
import type { TicketRecord } from './queue-types';
import { type TicketRow, toTicketRecord } from './ticket-rows';

export interface StaffTicketList {
  uncertain: TicketRecord[];
  /** Present when asked for: `retractedDay`'s issued tickets nobody took, not yet served or missed. */
  retracted?: TicketRecord[];
  /** Present when asked for: the voided tickets of `voidedDay`. */
  voided?: TicketRecord[];
}

export interface StaffTicketQuery {
  /** Only this hall day's uncertain tickets ("YYYY-MM-DD"); all days when absent. */
  day?: string;
  /** Also list this hall day's voided tickets. */
  voidedDay?: string;
  /** Also list this hall day's retracted tickets still waiting or called. */
  retractedDay?: string;
}

/** Opens the kiosk's database read-only; a missing file is an error, never created. */
export function openQueueDbReadOnly(file: string): QueueDb {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

export function listStaffTickets(db: QueueDb, query: StaffTicketQuery = {}): StaffTicketList {
  const uncertain = query.day === undefined
    ? db.prepare<[], TicketRow>("SELECT * FROM tickets WHERE status = 'uncertain' ORDER BY reserved_at, id").all()
    : db.prepare<[string], TicketRow>("SELECT * FROM tickets WHERE status = 'uncertain' AND day = ? ORDER BY reserved_at, id").all(query.day);
  const list: StaffTicketList = { uncertain: uncertain.map(toTicketRecord) };
  // A database from before the presenter migration has no retracted tickets to list.
  const hasRetracted = (db.pragma('table_info(tickets)') as Array<{ name: string }>).some((c) => c.name === 'retracted_at');
  if (query.retractedDay !== undefined && hasRetracted) {
    list.retracted = db
      .prepare<[string], TicketRow>("SELECT * FROM tickets WHERE retracted_at IS NOT NULL AND status IN ('issued', 'called') AND day = ? ORDER BY reserved_at, id")
      .all(query.retractedDay)
      .map(toTicketRecord);
  }
  if (query.voidedDay !== undefined) {
    list.voided = db
      .prepare<[string], TicketRow>("SELECT * FROM tickets WHERE status = 'voided' AND day = ? ORDER BY reserved_at, id")
      .all(query.voidedDay)
      .map(toTicketRecord);
  }
  return list;
}

/** Plain text for a terminal: one line per ticket, times in hall time. */
export function formatStaffTickets(list: StaffTicketList, formatTime: (ms: number) => string): string {
  const line = (t: TicketRecord): string => {
    const partial = t.partial === true ? '  部分打印/partial' : '';
    return `  ${t.day}  ${t.number}  ${t.businessId}  reserved ${formatTime(t.reservedAt)}  settled ${t.settledAt === null ? '-' : formatTime(t.settledAt)}  ${t.errorCode ?? '-'}${partial}`;
  };
  const out = [`结果不确定 uncertain: ${list.uncertain.length}`, ...list.uncertain.map(line)];
  if (list.retracted) out.push(`无人取走已回收 retracted: ${list.retracted.length}`, ...list.retracted.map(line));
  if (list.voided) out.push(`已作废 voided: ${list.voided.length}`, ...list.voided.map(line));
  return `${out.join('\n')}\n`;
}
