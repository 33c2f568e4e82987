import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type QueueDb, openQueueDb } from '../queue/queue-db';
import { AUDIT_GENESIS_HASH, appendAudit, auditHash, auditRecordsAbout, canonicalJson, verifyAuditChain } from './audit-log';

let dir: string;
let db: QueueDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-audit-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = (n: number) => ({ actor: 'wang', action: 'ticket.settle', subject: `2026-11-23 A00${n}`, detail: { to: 'issued', note: null, ticketId: n } });

describe('audit log', () => {
  it('chains each record to the one before with SHA-256 over the previous hash and the canonical record', () => {
    const first = appendAudit(db, 1000, settle(1));
    const second = appendAudit(db, 2000, settle(2));
    expect(first).toMatchObject({ id: 1, at: 1000, prevHash: AUDIT_GENESIS_HASH });
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).toBe(auditHash(first.hash, { id: 2, at: 2000, ...settle(2) }));
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 2 });
    expect(auditRecordsAbout(db, '2026-11-23 A002', 'ticket.settle')).toEqual([second]);
  });

  it('writes canonical JSON: the same detail hashes the same whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
    const one = auditHash(AUDIT_GENESIS_HASH, { id: 1, at: 5, actor: 'a', action: 'x', subject: 's', detail: { b: 1, a: 2 } });
    const two = auditHash(AUDIT_GENESIS_HASH, { id: 1, at: 5, actor: 'a', action: 'x', subject: 's', detail: { a: 2, b: 1 } });
    expect(one).toBe(two);
  });

  it('is append-only: the database refuses to change or remove a record', () => {
    appendAudit(db, 1000, settle(1));
    expect(() => db.prepare("UPDATE audit_log SET actor = 'li'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('shows where a record was edited or removed behind the software’s back', () => {
    for (let n = 1; n <= 3; n++) appendAudit(db, n * 1000, settle(n));
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.prepare("UPDATE audit_log SET detail = replace(detail, 'issued', 'voided') WHERE id = 2").run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 2, reason: 'its content does not match its hash' });
    db.prepare("UPDATE audit_log SET detail = replace(detail, 'voided', 'issued') WHERE id = 2").run();
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 3 });
    db.prepare('DELETE FROM audit_log WHERE id = 2').run();
    expect(verifyAuditChain(db)).toEqual({ ok: false, brokenAt: 3, reason: 'record 2 is missing' });
  });

  it('joins the transaction of the change it records: rolled back together', () => {
    expect(() =>
      db.transaction(() => {
        appendAudit(db, 1000, settle(1));
        throw new Error('the change failed');
      })(),
    ).toThrow('the change failed');
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 0 });
  });
});
