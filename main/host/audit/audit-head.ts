/**
 * The audit chain's head written out (issue 15 §1): a record edited or deleted in the middle breaks the chain
 * by itself (audit-log.ts), but the newest records cut off the end leave a shorter chain that still verifies.
 * So the host writes the last record's id and hash to a file of its own after every append
 * (`<data folder>/kiosk.audit-head.json`, replaced atomically); `npm run audit -- verify` holds the chain against
 * it, the diagnostics screen shows it, every bundle carries it (and heartbeats will once fleet monitoring
 * exists), so a copy survives wherever the database is rolled back.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { QUEUE_DB_FILES, type QueueDb } from '../queue/queue-db';


export interface AuditHead {
  id: number;
  hash: string;
  at: number;
}

/** The newest record of the chain in the database, or null for an empty log. */
export function auditHeadOf(db: QueueDb): AuditHead | null {
  return db.prepare<[], AuditHead>('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() ?? null;
}

/** Beside its mode's database: `kiosk.audit-head.json`, `kiosk-training.audit-head.json`. */
export function auditHeadPath(dataDir: string, mode: 'training' | 'production'): string {
  return join(dataDir, QUEUE_DB_FILES[mode].replace(/\.sqlite$/u, '.audit-head.json'));
}

/** Writes `head` to `file` (temp + rename: a power cut leaves the old head or the new one, never half). */
export function writeAuditHead(file: string, head: AuditHead): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(head)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

/** The head last written out; null when none was (a kiosk that never audited anything). */
export function readAuditHead(file: string): AuditHead | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const value = JSON.parse(text) as Partial<AuditHead>;
  if (!Number.isSafeInteger(value.id) || typeof value.hash !== 'string' || !/^[0-9a-f]{64}$/u.test(value.hash) || typeof value.at !== 'number') {
    throw new Error(`${file} is not an audit head ({"id", "hash", "at"})`);
  }
  return { id: value.id!, hash: value.hash, at: value.at };
}

export type AuditHeadCheck =
  | { ok: true; head: AuditHead | null }
  | { ok: false; reason: string; head: AuditHead };

/**
 * Holds the database's chain against the head written out: the record the head names must be there with its
 * hash. Fewer records means the tail was cut off; another hash means the chain was re-written from there.
 */
export function checkAgainstHead(db: QueueDb, head: AuditHead | null): AuditHeadCheck {
  if (head === null) return { ok: true, head: null };
  const row = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(head.id);
  if (!row) {
    const lastId = auditHeadOf(db)?.id ?? 0;
    const cut = lastId + 1 === head.id ? `record ${head.id} was cut off` : `records ${lastId + 1}–${head.id} were cut off`;
    return { ok: false, head, reason: `the log ends at record ${lastId} but record ${head.id} was written out: ${cut}` };
  }
  if (row.hash !== head.hash) return { ok: false, head, reason: `record ${head.id} does not have the hash written out for it: the chain was re-written from there` };
  return { ok: true, head };
}
