/**
 * The whole check of `npm run audit -- verify` (issue 15 §1): the chain in the database (each record follows
 * the one before and hashes to what it says: an edited or deleted record shows where it is), then the chain
 * against the head written out (a cut-off tail shows). Pure over an open database, for the CLI and tests.
 */
import type { QueueDb } from '../queue/queue-db';
import { type AuditHead, auditHeadOf, checkAgainstHead } from './audit-head';
import { verifyAuditChain } from './audit-log';

export type AuditVerdict =
  | { ok: true; records: number; head: AuditHead | null; headWrittenOut: AuditHead | null }
  | { ok: false; brokenAt: number | null; reason: string; headWrittenOut: AuditHead | null };

export function verifyAudit(db: QueueDb, headWrittenOut: AuditHead | null): AuditVerdict {
  const chain = verifyAuditChain(db);
  if (!chain.ok) return { ok: false, brokenAt: chain.brokenAt, reason: `record ${chain.brokenAt}: ${chain.reason}`, headWrittenOut };
  const tail = checkAgainstHead(db, headWrittenOut);
  if (!tail.ok) return { ok: false, brokenAt: headWrittenOut?.id ?? null, reason: tail.reason, headWrittenOut };
  return { ok: true, records: chain.records, head: auditHeadOf(db), headWrittenOut };
}

/** Plain words for the terminal. */
export function formatAuditVerdict(v: AuditVerdict): string {
  if (!v.ok) return `audit chain BROKEN: ${v.reason}\n`;
  const written = v.headWrittenOut === null ? 'no head was written out yet (a cut-off tail cannot be told)' : `matches the head written out (record ${v.headWrittenOut.id}, ${v.headWrittenOut.hash.slice(0, 16)}…)`;
  return `audit chain intact: ${v.records} records, ${written}\n`;
}
