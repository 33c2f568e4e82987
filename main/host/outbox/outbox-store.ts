/**
 * The outbox's own database (issue 17 §5; ARCHITECTURE.md §8.3, §8.7): better-sqlite3, WAL with
 * `synchronous = FULL`, so a record is on disk when `insert` returns, before the citizen is told "saved".
 * The file is made owner-only (SQLite gives its -wal and -shm the same mode). Payloads are sealed before they
 * reach this file; `secure_delete` zeroes a deleted record's bytes and the WAL is truncated after each
 * delete, so an acknowledged record's ciphertext does not linger either. Its own file rather than a table
 * in the queue database: the outbox is backed up, moved or set aside (a lost key) on its own.
 */
import { closeSync, constants, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { OutboxKind, OutboxStoredState } from './outbox-types';

/** One file per mode, like the queue's: a training kiosk's waiting records never reach the real platform. */
export const OUTBOX_DB_FILES = { production: 'outbox.sqlite', training: 'outbox-training.sqlite' } as const;

export const OUTBOX_SCHEMA_VERSION = 1;

export interface StoredRecord {
  id: string;
  kind: OutboxKind;
  idempotencyKey: string;
  citizenHmac: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  state: OutboxStoredState;
  formatVersion: number;
  sealed: Buffer;
}

type Row = {
  id: string;
  kind: OutboxKind;
  idempotency_key: string;
  citizen_hmac: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  state: OutboxStoredState;
  format_version: number;
  sealed: Buffer;
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS outbox_records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    citizen_hmac TEXT NOT NULL CHECK (length(citizen_hmac) = 64),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    last_error TEXT,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'refused', 'quarantined')),
    format_version INTEGER NOT NULL,
    sealed BLOB NOT NULL
  );
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox_records (state, next_attempt_at);
`;

const toRecord = (r: Row): StoredRecord => ({
  id: r.id,
  kind: r.kind,
  idempotencyKey: r.idempotency_key,
  citizenHmac: r.citizen_hmac,
  createdAt: r.created_at,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  state: r.state,
  formatVersion: r.format_version,
  sealed: r.sealed,
});

export class OutboxStore {
  private readonly stmts;

  static open(file: string): OutboxStore {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Made owner-only before SQLite opens it; SQLite creates -wal and -shm with the database's mode.
    closeSync(openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600));
    return new OutboxStore(new Database(file));
  }

  constructor(readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > OUTBOX_SCHEMA_VERSION) throw new Error(`outbox database schema ${version} is newer than this kiosk's (${OUTBOX_SCHEMA_VERSION})`);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${OUTBOX_SCHEMA_VERSION}`);
    this.stmts = {
      meta: db.prepare<[string], { value: string }>('SELECT value FROM outbox_meta WHERE key = ?'),
      setMeta: db.prepare('INSERT INTO outbox_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      insert: db.prepare(
        `INSERT INTO outbox_records (id, kind, idempotency_key, citizen_hmac, created_at, attempts, next_attempt_at, last_error, state, format_version, sealed)
         VALUES (@id, @kind, @idempotencyKey, @citizenHmac, @createdAt, 0, @nextAttemptAt, NULL, 'waiting', @formatVersion, @sealed)`,
      ),
      byId: db.prepare<[string], Row>('SELECT * FROM outbox_records WHERE id = ?'),
      byKey: db.prepare<[string], Row>('SELECT * FROM outbox_records WHERE idempotency_key = ?'),
      due: db.prepare<[number], Row>("SELECT * FROM outbox_records WHERE state = 'waiting' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at"),
      all: db.prepare<[], Omit<Row, 'sealed'>>(
        'SELECT id, kind, idempotency_key, citizen_hmac, created_at, attempts, next_attempt_at, last_error, state, format_version FROM outbox_records ORDER BY created_at, id',
      ),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox_records'),
      attempt: db.prepare('UPDATE outbox_records SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?'),
      failed: db.prepare('UPDATE outbox_records SET last_error = ? WHERE id = ?'),
      settle: db.prepare('UPDATE outbox_records SET state = ?, last_error = ?, next_attempt_at = NULL WHERE id = ?'),
      notAfter: db.prepare("UPDATE outbox_records SET next_attempt_at = @at WHERE state = 'waiting' AND next_attempt_at > @at"),
      remove: db.prepare('DELETE FROM outbox_records WHERE id = ?'),
    };
  }

  get open(): boolean {
    return this.db.open;
  }

  meta(key: string): string | undefined {
    return this.stmts.meta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.stmts.setMeta.run(key, value);
  }

  /** Every record, whatever its state. */
  recordCount(): number {
    return this.stmts.count.get()!.n;
  }

  /** Durable on return (synchronous = FULL). */
  insert(r: Pick<StoredRecord, 'id' | 'kind' | 'idempotencyKey' | 'citizenHmac' | 'createdAt' | 'nextAttemptAt' | 'formatVersion' | 'sealed'>): void {
    this.stmts.insert.run(r);
  }

  get(id: string): StoredRecord | undefined {
    const row = this.stmts.byId.get(id);
    return row && toRecord(row);
  }

  byIdempotencyKey(key: string): StoredRecord | undefined {
    const row = this.stmts.byKey.get(key);
    return row && toRecord(row);
  }

  /** Waiting records due at `now`, the longest-due first. */
  due(now: number): StoredRecord[] {
    return this.stmts.due.all(now).map(toRecord);
  }

  /** The earliest attempt due among waiting records of these kinds (those with a sender); null when none. */
  nextDueAt(kinds: readonly string[]): number | null {
    if (kinds.length === 0) return null;
    const sql = `SELECT min(next_attempt_at) AS at FROM outbox_records WHERE state = 'waiting' AND kind IN (${kinds.map(() => '?').join(', ')})`;
    return this.db.prepare<string[], { at: number | null }>(sql).get(...kinds)!.at;
  }

  /** Every record without its sealed bytes (status and the staff list). */
  summaries(): Omit<StoredRecord, 'sealed'>[] {
    return this.stmts.all.all().map((r) => toRecord({ ...r, sealed: Buffer.alloc(0) }));
  }

  /** One attempt begins: counted, and the next one scheduled, before anything goes out. */
  beginAttempt(id: string, nextAttemptAt: number): void {
    this.stmts.attempt.run(nextAttemptAt, id);
  }

  recordFailure(id: string, error: string): void {
    this.stmts.failed.run(error, id);
  }

  settle(id: string, state: 'refused' | 'quarantined', error: string): void {
    this.stmts.settle.run(state, error, id);
  }

  /**
   * Brings every waiting record due later than `at` forward to `at`, except those in `except` (attempts
   * under way keep the retry time they were given): `at` = now when the platform is back, now + the longest
   * back-off after the wall clock was set back.
   */
  dueNoLaterThan(at: number, except: ReadonlySet<string> = new Set()): void {
    if (except.size === 0) {
      this.stmts.notAfter.run({ at });
      return;
    }
    const ids = [...except];
    const sql = `UPDATE outbox_records SET next_attempt_at = ? WHERE state = 'waiting' AND next_attempt_at > ? AND id NOT IN (${ids.map(() => '?').join(', ')})`;
    this.db.prepare(sql).run(at, at, ...ids);
  }

  /** Deletes a record and truncates the WAL, so its ciphertext does not stay behind on disk. */
  remove(id: string): boolean {
    const removed = this.stmts.remove.run(id).changes > 0;
    if (removed) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return removed;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
