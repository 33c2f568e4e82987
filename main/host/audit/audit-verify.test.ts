import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { openQueueDb, type QueueDb } from '../queue/queue-db';
import { auditHeadPath, readAuditHead } from './audit-head';
import { AuditTrail } from './audit-trail';
import { auditHash } from './audit-log';
import { verifyAudit } from './audit-verify';

const dirs: string[] = [];
const dbs: QueueDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Five staff records through the trail, which writes the head out after each. */
function fiveRecords() {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-audit-'));
  dirs.push(dir);
  const db = openQueueDb(join(dir, 'kiosk.sqlite'));
  dbs.push(db);
  const headFile = auditHeadPath(dir, 'production');
  const trail = new AuditTrail(db, new ManualClock(), headFile, SILENT_LOGGER);
  for (const action of ['staff.signIn', 'printer.restockBegin', 'printer.restockEnd', 'service.outOfService', 'staff.signOut']) {
    trail.record({ actor: 'wang', action, subject: 'ticket-printer', detail: { n: action.length } });
  }
  // Behind the software's back: the append-only triggers are what an attacker with the file removes first.
  const tamper = (sql: string): void => {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.exec(sql);
  };
  return { db, headFile, tamper, written: () => readAuditHead(headFile) };
}

describe('npm run audit -- verify (issue 15 §1)', () => {
  it('finds an intact chain that matches the head written out', () => {
    const { db, written } = fiveRecords();
    expect(written()).toMatchObject({ id: 5 });
    expect(verifyAudit(db, written())).toMatchObject({ ok: true, records: 5, head: { id: 5 } });
  });

  it('finds an edited record and names it', () => {
    const { db, written, tamper } = fiveRecords();
    tamper(`UPDATE audit_log SET actor = 'li' WHERE id = 3`);
    expect(verifyAudit(db, written())).toMatchObject({ ok: false, brokenAt: 3, reason: 'record 3: its content does not match its hash' });
  });

  it('finds a deleted record in the middle', () => {
    const { db, written, tamper } = fiveRecords();
    tamper('DELETE FROM audit_log WHERE id = 2');
    expect(verifyAudit(db, written())).toMatchObject({ ok: false, brokenAt: 3, reason: 'record 3: record 2 is missing' });
  });

  it('finds a cut-off tail against the head written out, which the chain alone cannot', () => {
    const { db, written, tamper } = fiveRecords();
    tamper('DELETE FROM audit_log WHERE id >= 4');
    expect(verifyAudit(db, null)).toMatchObject({ ok: true, records: 3 });
    expect(verifyAudit(db, written())).toMatchObject({ ok: false, brokenAt: 5, reason: 'the log ends at record 3 but record 5 was written out: records 4–5 were cut off' });
  });

  it('finds a chain edited and re-hashed from there (there is no key) by the head written out', () => {
    const { db, written, tamper } = fiveRecords();
    tamper(`UPDATE audit_log SET actor = 'li' WHERE id = 4`);
    let prev = db.prepare<[], { hash: string }>('SELECT hash FROM audit_log WHERE id = 3').get()!.hash;
    for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log WHERE id >= 4 ORDER BY id').all()) {
      const hash = auditHash(prev, { id: row.id, at: row.at, actor: row.actor, action: row.action, subject: row.subject, detail: JSON.parse(row.detail) });
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
      prev = hash;
    }
    expect(verifyAudit(db, null)).toMatchObject({ ok: true, records: 5 });
    expect(verifyAudit(db, written())).toMatchObject({ ok: false, brokenAt: 5, reason: 'record 5 does not have the hash written out for it: the chain was re-written from there' });
  });
});

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  detail: string;
}
