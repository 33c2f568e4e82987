/**
 * `npm run audit -- verify` (issue 15 §1) as a technician runs it on a kiosk's data folder: exit 0 and the
 * record count for an intact chain; exit 3 and the first broken link for a record edited, one deleted, or a
 * tail cut off behind the software's back (the last against the head written out).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import { auditHeadPath } from '../../main/host/audit/audit-head';
import { AuditTrail } from '../../main/host/audit/audit-trail';
import { openQueueDb, QUEUE_DB_FILES } from '../../main/host/queue/queue-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A training kiosk's data folder (the default configuration's mode) with four audited staff actions. */
function dataFolder(tamper?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-audit-cli-'));
  dirs.push(dir);
  const db = openQueueDb(join(dir, QUEUE_DB_FILES.training));
  const trail = new AuditTrail(db, new ManualClock(), auditHeadPath(dir, 'training'), SILENT_LOGGER);
  for (const action of ['staff.signIn', 'service.outOfService', 'service.backInService', 'staff.signOut']) trail.record({ actor: 'wang', action, subject: 'kiosk', detail: {} });
  if (tamper) db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${tamper}`);
  db.close();
  return dir;
}

const verify = (dir: string) => spawnSync(process.execPath, ['--import', 'tsx', 'main/host/audit/audit-cli.ts', 'verify', '--data', dir], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, KIOSK_CONFIG: '' } });

describe('npm run audit -- verify', () => {
  it('reports an intact chain', () => {
    const result = verify(dataFolder());
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^audit chain intact: 4 records, matches the head written out \(record 4, [0-9a-f]{16}…\)/u);
    expect(result.status).toBe(0);
  });

  it.each([
    ['an edited record', "UPDATE audit_log SET actor = 'li' WHERE id = 2", 'record 2: its content does not match its hash'],
    ['a deleted record', 'DELETE FROM audit_log WHERE id = 2', 'record 3: record 2 is missing'],
    ['a cut-off tail', 'DELETE FROM audit_log WHERE id = 4', 'record 4 was cut off'],
  ])('reports %s with the first broken link', (_what, tamper, reason) => {
    const result = verify(dataFolder(tamper));
    expect(result.stdout).toContain('audit chain BROKEN');
    expect(result.stdout).toContain(reason);
    expect(result.status).toBe(3);
  });
});
