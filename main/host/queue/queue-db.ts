/**
 * The queue's embedded database (better-sqlite3, synchronous): tickets and per-day counters that survive a
 * crash (domain.md "a restart loses no tickets, prints nothing twice"; ARCHITECTURE.md §8.3). WAL with
 * `synchronous = FULL`, so a reserved number is on disk before the first byte goes to the printer.
 * Schema changes are numbered migrations recorded in `PRAGMA user_version`; other host services may keep
 * their own tables in the same file (they create them themselves).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type QueueDb = Database.Database;

/** How long a writer waits for another connection's lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5_000;

export const TICKET_STATUSES = ['reserved', 'printing', 'issued', 'voided', 'uncertain', 'called', 'served', 'noShow'] as const;
export const PRIORITY_REASONS = ['elderly', 'disability', 'military', 'appointment'] as const;

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** Migration n brings user_version from n to n + 1. Never edit a shipped one: append. */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE counters (
    business_id TEXT NOT NULL,
    day TEXT NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq BETWEEN 0 AND 999),
    PRIMARY KEY (business_id, day)
  );
  CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    session_id TEXT,
    business_id TEXT NOT NULL,
    day TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999),
    number TEXT NOT NULL,
    priority INTEGER NOT NULL DEFAULT 0,
    priority_reason TEXT CHECK (priority_reason IS NULL OR priority_reason IN (${quoted(PRIORITY_REASONS)})),
    status TEXT NOT NULL CHECK (status IN (${quoted(TICKET_STATUSES)})),
    partial INTEGER CHECK (partial IS NULL OR partial IN (0, 1)),
    error_code TEXT,
    reserved_at INTEGER NOT NULL,
    sent_at INTEGER,
    settled_at INTEGER,
    called_at INTEGER,
    served_at INTEGER,
    UNIQUE (business_id, day, seq),
    FOREIGN KEY (business_id, day) REFERENCES counters (business_id, day)
  );
  CREATE INDEX tickets_by_queue ON tickets (business_id, day, status, priority DESC, reserved_at, id);
  CREATE INDEX tickets_by_status ON tickets (status, day);
  `,
  // The counter (window) a ticket was called to, as the calling system names it (calling-api.ts).
  `ALTER TABLE tickets ADD COLUMN called_counter TEXT;`,
  // The calling system's id for one call-next request: a retry after a lost reply gets the same ticket.
  `ALTER TABLE tickets ADD COLUMN call_request_id TEXT;
   CREATE UNIQUE INDEX tickets_by_call_request ON tickets (called_counter, call_request_id) WHERE call_request_id IS NOT NULL;`,
  // Facts about the file itself: which mode's tickets it holds (issue 13 §3).
  `CREATE TABLE kiosk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // The per-kiosk rate limit counts the last minute's tickets at every reservation: no scan of every day.
  `CREATE INDEX tickets_by_reserved_at ON tickets (reserved_at);`,
  // Issue 13 §3, the queue in a real day. The audit log (main/host/audit/audit-log.ts): append-only, each
  // record chained to the one before by SHA-256, so a record edited or removed later shows. Its rows are
  // written in the same transaction as the change they record (a ticket settled by hand, a clock confirmed).
  `CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     subject TEXT NOT NULL,
     detail TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL UNIQUE
   );
   CREATE INDEX audit_log_by_subject ON audit_log (subject, action);
   CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  // A number carried past midnight is finished by number alone (the ticket that was called), and whether a
  // business's list is worked by the counters is read from its latest call (queue-series.ts).
  `CREATE INDEX tickets_by_number ON tickets (number, called_at);
   CREATE INDEX tickets_by_business_called ON tickets (business_id, called_at) WHERE called_at IS NOT NULL;`,
  // Presenter printers (protocols.md §2.6, issue 13 §1): an issued ticket nobody took from the mouth was
  // pulled back into the printer's bin. It stays issued (its number is spent and may still be called: the
  // citizen may come to the counter), but counters and staff see that nobody holds the paper.
  `ALTER TABLE tickets ADD COLUMN retracted_at INTEGER;`,
  // Issue 14 §7: a ticket taken with an ID card names its holder only by the HMAC of the ID number under the
  // kiosk's own key (host/identity/kiosk-key.ts), never the number; the index serves "one active ticket per
  // ID per business".
  `ALTER TABLE tickets ADD COLUMN id_hmac TEXT;
   CREATE INDEX tickets_by_id_hmac ON tickets (id_hmac, business_id, day) WHERE id_hmac IS NOT NULL;`,
  // Issue 15 §1, §2: staff at the kiosk. The PIN pad's lock (one row) survives a restart; a paper roll's
  // counters at its last guided exchange; what staff took out of service (the kiosk, or one service) stays
  // out after a restart; forgotten ID cards and tickets, what, when and to whom they were handed; hall-hour
  // counts of sessions, prints and faults for today's figures.
  `CREATE TABLE staff_pad_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    failures INTEGER NOT NULL CHECK (failures >= 0),
    locked_until INTEGER
  );
  CREATE TABLE paper_rolls (
    device_id TEXT PRIMARY KEY,
    exchanged_at INTEGER NOT NULL,
    lines_at INTEGER NOT NULL,
    cuts_at INTEGER NOT NULL,
    exchanged_by TEXT NOT NULL
  );
  CREATE TABLE out_of_service (
    target TEXT PRIMARY KEY,
    by TEXT NOT NULL,
    since INTEGER NOT NULL
  );
  CREATE TABLE found_items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('idCard', 'ticket', 'other')),
    what TEXT NOT NULL,
    found_at INTEGER NOT NULL,
    logged_by TEXT NOT NULL,
    handed_to TEXT,
    handed_at INTEGER,
    handed_by TEXT
  );
  CREATE TABLE hourly_counts (
    day TEXT NOT NULL,
    hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    kind TEXT NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    n INTEGER NOT NULL,
    PRIMARY KEY (day, hour, kind, key)
  );`,
  // Issue 17 §2: the certificate issuance journal (certificates/issuance-journal.ts). The intent is on disk
  // before the printer hears of the job, the printer's job id once it accepted it, the outcome once the job
  // ended; the job's name is the row's id, so after a crash the printer is asked what became of it. The
  // citizen only by the HMAC of the ID number. A reprint is a row of its own pointing at the first.
  `CREATE TABLE certificate_issuances (
    id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    certificate_id TEXT NOT NULL,
    id_hmac TEXT NOT NULL,
    pages INTEGER NOT NULL CHECK (pages >= 1),
    status TEXT NOT NULL CHECK (status IN ('intent', 'sending', 'accepted', 'issued', 'voided', 'uncertain')),
    job_id INTEGER,
    pages_completed INTEGER,
    error_code TEXT,
    reprint_of TEXT REFERENCES certificate_issuances (id),
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    settled_at INTEGER,
    settled_by TEXT
  );
  CREATE INDEX certificate_issuances_by_status ON certificate_issuances (status, created_at);
  CREATE INDEX certificate_issuances_by_certificate ON certificate_issuances (certificate_id, status);`,
  // Issue 17 §8: 好差评, one row per rated transaction (evaluation/evaluation-store.ts). Level and reasons
  // only: a free-text comment may name people, so it travels sealed in the outbox and is not kept here.
  `CREATE TABLE evaluations (
    transaction_id TEXT PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    reasons TEXT NOT NULL,
    has_comment INTEGER NOT NULL CHECK (has_comment IN (0, 1)),
    rated_at INTEGER NOT NULL,
    forwarded_at INTEGER
  );
  CREATE INDEX evaluations_by_rated_at ON evaluations (rated_at);`,
];

export const QUEUE_SCHEMA_VERSION = MIGRATIONS.length;

export type QueueMode = 'training' | 'production';

/** Training and production never share numbers: each has its own file (issue 13 §3). */
export const QUEUE_DB_FILES: Readonly<Record<QueueMode, string>> = { production: 'kiosk.sqlite', training: 'kiosk-training.sqlite' };

export class QueueModeError extends Error {
  override readonly name = 'QueueModeError';
}

/**
 * Marks the file as `mode`'s, or refuses it when it is the other mode's. A file without a mark (made before
 * marks existed) is adopted by the first mode that opens it; returns true then, so the caller can log it.
 */
export function claimQueueMode(db: QueueDb, mode: QueueMode): boolean {
  const row = db.prepare<[], { value: string }>("SELECT value FROM kiosk_meta WHERE key = 'mode'").get();
  if (row?.value === mode) return false;
  if (row) {
    throw new QueueModeError(`the queue database ${db.name} holds ${row.value} tickets; a ${mode} kiosk never uses them (its file is ${QUEUE_DB_FILES[mode]})`);
  }
  db.prepare("INSERT INTO kiosk_meta (key, value) VALUES ('mode', ?)").run(mode);
  return true;
}

/** Opens (creating if needed) the database file and brings its schema up to date. */
export function openQueueDb(file: string): QueueDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function migrate(db: QueueDb): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `queue database ${db.name} has schema version ${version}, newer than this software knows (${MIGRATIONS.length}); install the newer version or restore a backup`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
