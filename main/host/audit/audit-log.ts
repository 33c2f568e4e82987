/**
 * The audit log (issue 13 §3): what staff and technicians did by hand to the kiosk's records — a ticket
 * settled, the clock confirmed — kept in the queue database (table `audit_log`, queue-db.ts migration 6) so a
 * record is written in the same transaction as the change it describes: either both are on disk or neither.
 *
 * Append-only (triggers refuse UPDATE and DELETE) and chained: each record's `hash` is SHA-256 over the
 * previous record's hash and this record's canonical form, the first one chained to 64 zeros. A record edited
 * or removed in the middle behind the software's back breaks the chain at that point (verifyAuditChain); the
 * newest records cut off the end, or the whole log re-hashed (there is no key), need the latest hash kept
 * elsewhere too (the staff journal, telemetry). The staff issue (sign-in, staff screens) appends its actions
 * to this same chain.
 */
import { createHash } from 'node:crypto';
import type { QueueDb } from '../queue/queue-db';

/** The previous hash of the first record. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** A value an audit detail may hold: plain JSON, no undefined. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };

export interface AuditEntry {
  /** Who did it: the OS user or the name given with --by (staff sign-in comes with the staff issue). */
  actor: string;
  /** What was done, `domain.verb`: `ticket.settle`, `clock.confirm`. */
  action: string;
  /** What it was done to, e.g. the ticket `2026-11-23 A003` (hall day and number), or `clock`. */
  subject: string;
  detail: { [key: string]: AuditValue };
}

export interface AuditRecord extends AuditEntry {
  id: number;
  /** Clock time of the change (epoch ms), as the kiosk believed it to be. */
  at: number;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** JSON with object keys sorted at every level: the same record always hashes the same. */
export function canonicalJson(value: AuditValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) over the previous hash, a newline, and the record's canonical form. */
export function auditHash(prevHash: string, record: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const canonical = canonicalJson({ id: record.id, at: record.at, actor: record.actor, action: record.action, subject: record.subject, detail: record.detail });
  return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/**
 * Appends one record at the end of the chain. Call it inside the transaction that makes the change it
 * records; on its own it runs in a transaction of its own (BEGIN IMMEDIATE, so two writers cannot both
 * chain to the same last record).
 */
export function appendAudit(db: QueueDb, at: number, entry: AuditEntry): AuditRecord {
  const append = (): AuditRecord => {
    const last = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
    const record = { id: (last?.id ?? 0) + 1, at, ...entry };
    const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
    const hash = auditHash(prevHash, record);
    db.prepare('INSERT INTO audit_log (id, at, actor, action, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      record.id,
      at,
      entry.actor,
      entry.action,
      entry.subject,
      canonicalJson(entry.detail),
      prevHash,
      hash,
    );
    return { ...record, prevHash, hash };
  };
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: JSON.parse(row.detail) as AuditRecord['detail'],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The records about `subject` (optionally one action), oldest first. */
export function auditRecordsAbout(db: QueueDb, subject: string, action?: string): AuditRecord[] {
  const rows = action === undefined
    ? db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE subject = ? ORDER BY id').all(subject)
    : db.prepare<[string, string], AuditRow>('SELECT * FROM audit_log WHERE subject = ? AND action = ? ORDER BY id').all(subject, action);
  return rows.map(toRecord);
}

export type AuditChainCheck = { ok: true; records: number } | { ok: false; brokenAt: number; reason: string };

/** Walks the whole chain: every record follows the one before and hashes to what it says. */
export function verifyAuditChain(db: QueueDb): AuditChainCheck {
  let prev = AUDIT_GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY id').iterate()) {
    const record = toRecord(row);
    if (record.id !== expectedId) return { ok: false, brokenAt: record.id, reason: `record ${expectedId} is missing` };
    if (record.prevHash !== prev) return { ok: false, brokenAt: record.id, reason: 'it does not follow the record before it' };
    if (auditHash(prev, record) !== record.hash || canonicalJson(record.detail) !== row.detail) {
      return { ok: false, brokenAt: record.id, reason: 'its content does not match its hash' };
    }
    prev = record.hash;
    expectedId++;
    count++;
  }
  return { ok: true, records: count };
}
