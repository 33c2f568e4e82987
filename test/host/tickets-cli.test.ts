/**
 * The real `npm run tickets -- settle` (issue 13 §3): against a running host it goes over the control
 * channel in the data folder, so the host resolves the ticket's alert and the ticket enters the call order
 * in its place; with no host running it writes the same change and audit record to the database itself.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain, auditRecordsAbout } from '../../main/host/audit/audit-log';
import { openQueueDb, QUEUE_DB_FILES } from '../../main/host/queue/queue-db';
import { afterJobBytesSent, startHost } from './kiosk-rig';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SI = 'social-insurance';

/** Runs the command as staff type it (without npm's build step), asynchronously: the host answers meanwhile. */
function tickets(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_DATA_DIR: dataDir };
  delete env.KIOSK_CONFIG;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'main/host/queue/tickets-cli.ts'), ...args], { cwd: ROOT, env, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A001 issued, then A002 left uncertain: the printer vanished after its bytes went out. */
async function hostWithUncertainA002() {
  const host = await startHost();
  expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 'ok' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A001' } });
  afterJobBytesSent(host, () => host.sim.setFaults({ unplugged: true }));
  expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 'lost' })).toMatchObject({ outcome: 'uncertain', number: 'A002' });
  return host;
}

describe('npm run tickets -- settle', () => {
  it('with the kiosk running: carried out by the host over its socket; the alert resolves, the ticket is called in its place', async () => {
    const host = await hostWithUncertainA002();
    const run = await tickets(host.dir, 'settle', 'A002', 'issued', '--by', '王芳', '--note', '市民手持号票');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已确认出票 settled as issued: 2026-11-23 A002');
    expect(run.stdout).toContain('前面还有 1 人');
    expect(run.stdout).toContain('carried out by the running kiosk; 提醒已解除 its alert resolved');
    expect(host.kiosk.alerts.recentEvents().filter((a) => a.code === 'printUncertain')).toMatchObject([{ ref: '2026-11-23 A002', active: false }]);
    expect(host.kiosk.queue.callNext([SI], '3')?.number).toBe('A001');
    expect(host.kiosk.queue.callNext([SI], '3')?.number).toBe('A002');

    const again = await tickets(host.dir, 'settle', 'A002', 'voided');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('was already settled as 已出票 issued by 王芳');
  });

  it('with no kiosk running: the command writes the same change and audit record to the database itself', async () => {
    const host = await hostWithUncertainA002();
    await host.stopKeepingData();
    const run = await tickets(host.dir, 'settle', 'A002', 'voided', '--day', '2026-11-23', '--by', 'li');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('已作废 settled as voided: 2026-11-23 A002');
    expect(run.stdout).toContain('no kiosk running: written to its database directly');
    const db = openQueueDb(join(host.dir, QUEUE_DB_FILES.training));
    try {
      expect(db.prepare("SELECT status FROM tickets WHERE number = 'A002'").pluck().get()).toBe('voided');
      expect(auditRecordsAbout(db, '2026-11-23 A002')).toMatchObject([{ actor: 'li', action: 'ticket.settle', detail: { from: 'uncertain', to: 'voided', via: 'direct' } }]);
      expect(verifyAuditChain(db)).toEqual({ ok: true, records: 1 });
    } finally {
      db.close();
    }
    const unknown = await tickets(host.dir, 'settle', 'A009', 'issued');
    expect(unknown).toMatchObject({ code: 1, stderr: 'tickets: 没有 A009 号票 / there is no ticket A009\n' });
  });
});
