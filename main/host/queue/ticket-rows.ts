/**
 * The `tickets` row as better-sqlite3 returns it, and its mapping to TicketRecord (queue-db.ts schema).
 */
import type { PriorityReason, TicketRecord, TicketStatus } from './queue-types';

export interface TicketRow {
  id: number;
  request_id: string;
  session_id: string | null;
  business_id: string;
  day: string;
  seq: number;
  number: string;
  priority: number;
  priority_reason: PriorityReason | null;
  status: TicketStatus;
  partial: number | null;
  error_code: string | null;
  reserved_at: number;
  sent_at: number | null;
  settled_at: number | null;
  called_at: number | null;
  served_at: number | null;
  /** Absent when a read-only tool opens a database from before schema version 2. */
  called_counter?: string | null;
  /** Absent before the presenter migration (queue-db.ts). */
  retracted_at?: number | null;
}

export function toTicketRecord(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    requestId: row.request_id,
    sessionId: row.session_id,
    businessId: row.business_id,
    day: row.day,
    seq: row.seq,
    number: row.number,
    priority: row.priority,
    priorityReason: row.priority_reason,
    status: row.status,
    partial: row.partial === null ? null : row.partial === 1,
    errorCode: row.error_code,
    reservedAt: row.reserved_at,
    sentAt: row.sent_at,
    settledAt: row.settled_at,
    calledAt: row.called_at,
    servedAt: row.served_at,
    calledCounter: row.called_counter ?? null,
    retractedAt: row.retracted_at ?? null,
  };
}

/** "A" + 7 → "A007" (protocols.md §5.2: prefix plus a number zero-padded to three digits). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
