import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QUEUE_DB_FILES, QUEUE_SCHEMA_VERSION, QueueModeError, claimQueueMode, openQueueDb } from './queue-db';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-db-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openQueueDb', () => {
  it('creates the folder and the schema, with durable settings', () => {
    const db = openQueueDb(join(dir, 'nested', 'data', 'kiosk.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
      expect(db.pragma('user_version', { simple: true })).toBe(QUEUE_SCHEMA_VERSION);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).toEqual(['audit_log', 'certificate_issuances', 'counters', 'evaluations', 'found_items', 'hourly_counts', 'kiosk_meta', 'out_of_service', 'paper_rolls', 'staff_pad_lock', 'tickets']);
    } finally {
      db.close();
    }
  });

  it('refuses rows that break the ticket rules', () => {
    const db = openQueueDb(join(dir, 'kiosk.sqlite'));
    try {
      const insert = db.prepare(
        "INSERT INTO tickets (request_id, business_id, day, seq, number, status, reserved_at) VALUES (?, 'a', '2026-11-23', ?, ?, ?, 0)",
      );
      expect(() => insert.run('r0', 1, 'A001', 'reserved')).toThrow(/FOREIGN KEY/); // no counter row for the day
      db.prepare("INSERT INTO counters (business_id, day, last_seq) VALUES ('a', '2026-11-23', 2)").run();
      insert.run('r1', 1, 'A001', 'reserved');
      expect(() => insert.run('r2', 2, 'A002', 'lost')).toThrow(/CHECK/);
      expect(() => insert.run('r1', 2, 'A002', 'reserved')).toThrow(/UNIQUE.*request_id/);
      expect(() => insert.run('r3', 1, 'A001', 'reserved')).toThrow(/UNIQUE/);
      expect(() => insert.run('r4', 1000, 'A1000', 'reserved')).toThrow(/CHECK/);
    } finally {
      db.close();
    }
  });

  it('reopens an existing file without migrating twice and keeps other tables', () => {
    const file = join(dir, 'kiosk.sqlite');
    const first = openQueueDb(file);
    first.exec('CREATE TABLE device_statistics (device_id TEXT PRIMARY KEY, counters TEXT NOT NULL)');
    first.prepare("INSERT INTO counters VALUES ('a', '2026-11-23', 7)").run();
    first.close();
    const again = openQueueDb(file);
    try {
      expect(again.prepare('SELECT last_seq FROM counters').pluck().get()).toBe(7);
      expect(again.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'device_statistics'").pluck().get()).toBe(1);
    } finally {
      again.close();
    }
  });

  it('refuses a database written by a newer version', () => {
    const file = join(dir, 'kiosk.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${QUEUE_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openQueueDb(file)).toThrow(/newer than this software knows/);
  });

  it('training and production never share a file: each mode has its own, an unmarked one is adopted once, the other mode is refused', () => {
    expect(QUEUE_DB_FILES).toEqual({ production: 'kiosk.sqlite', training: 'kiosk-training.sqlite' });
    const file = join(dir, 'kiosk.sqlite');
    const db = openQueueDb(file);
    try {
      expect(claimQueueMode(db, 'production')).toBe(true); // adopted (a file from before the marks)
      expect(claimQueueMode(db, 'production')).toBe(false);
      expect(() => claimQueueMode(db, 'training')).toThrow(QueueModeError);
      expect(() => claimQueueMode(db, 'training')).toThrow(/holds production tickets; a training kiosk never uses them \(its file is kiosk-training.sqlite\)/u);
    } finally {
      db.close();
    }
  });

  it('the rate limit reads the last minute through an index, not a scan of every day', () => {
    const db = openQueueDb(join(dir, 'kiosk.sqlite'));
    try {
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT COUNT(*) AS n, MIN(reserved_at) AS first FROM tickets WHERE reserved_at > ? AND reserved_at <= ?').all(0, 1);
      expect(JSON.stringify(plan)).toContain('tickets_by_reserved_at');
    } finally {
      db.close();
    }
  });
});
