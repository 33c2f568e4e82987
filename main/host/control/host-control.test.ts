/**
 * The host's control channel and what it drives (issue 13 §3): a 0600 unix socket in the data folder, a
 * stale one replaced, a live one left alone; settling resolves the ticket's alert; a clock set back raises a
 * technician alert that confirming clears.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { AlertBus } from '../alerts/alert-bus';
import { LastSeenStore } from '../clock/last-seen-store';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from '../queue/queue-db';
import { QueueService } from '../queue/queue-service';
import { ManualClock, at } from '../queue/test-manual-clock';
import { callHost } from './control-client';
import { CONTROL_SOCKET_FILE } from './control-protocol';
import { openControlChannel } from './control-server';
import { composeHostControl } from './host-control';

const SEEN = at('2026-11-23T02:00:00Z');
let dir: string;
let db: QueueDb;
const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-ctl-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const socketPath = () => join(dir, CONTROL_SOCKET_FILE);
const answerAll = { answer: () => ({ ok: false as const, error: 'badRequest', message: 'test' }), log: SILENT_LOGGER };

async function hostControl(clock: ManualClock) {
  const alerts = new AlertBus(clock, SILENT_LOGGER);
  const config = structuredClone(loadConfig({ env: {} }));
  const queue = new QueueService({ db, config, clock });
  let availabilityChanges = 0;
  const control = composeHostControl({ db, queue, alerts, clock, mode: 'production', timeZone: 'Asia/Shanghai', dataDir: dir, log: SILENT_LOGGER, onAvailabilityChanged: () => availabilityChanges++, onQueueChanged: () => undefined });
  await control.start();
  cleanups.push(() => control.stop());
  return { alerts, queue, control, availabilityChanges: () => availabilityChanges };
}

describe('the control channel socket', () => {
  it('is a socket only the kiosk user can open (0600), removed when the host stops', async () => {
    const channel = (await openControlChannel({ path: socketPath(), ...answerAll }))!;
    const stat = lstatSync(socketPath());
    expect(stat.isSocket()).toBe(true);
    expect(stat.mode & 0o777).toBe(0o600);
    await channel.close();
    expect(existsSync(socketPath())).toBe(false);
  });

  it('replaces a stale socket left by a killed host', async () => {
    const script = `require('node:net').createServer().listen(${JSON.stringify(socketPath())}, () => process.kill(process.pid, 'SIGKILL'))`;
    spawnSync(process.execPath, ['-e', script]);
    expect(lstatSync(socketPath()).isSocket()).toBe(true);
    const channel = await openControlChannel({ path: socketPath(), ...answerAll });
    expect(channel).not.toBeNull();
    expect(await callHost(socketPath(), { command: 'confirm-clock', by: 't' })).toEqual({ kind: 'reply', reply: { ok: false, error: 'badRequest', message: 'test' } });
    await channel!.close();
  });

  it('leaves a socket another live host answers on alone, and a file that is not a socket', async () => {
    const other = createServer((s) => s.end());
    await new Promise<void>((r) => other.listen(socketPath(), r));
    cleanups.push(() => new Promise<void>((r) => other.close(() => r())));
    expect(await openControlChannel({ path: socketPath(), ...answerAll })).toBeNull();
    expect(lstatSync(socketPath()).isSocket()).toBe(true);
    const file = join(dir, 'not-a-socket');
    writeFileSync(file, 'x');
    expect(await openControlChannel({ path: file, ...answerAll })).toBeNull();
    expect(existsSync(file)).toBe(true);
  });

  it('tells the command there is no host when nobody listens', async () => {
    expect(await callHost(socketPath(), { command: 'confirm-clock', by: 't' })).toEqual({ kind: 'noHost' });
  });
});

describe('the host carrying out staff commands', () => {
  it('settling an uncertain ticket over the channel resolves its printUncertain alert', async () => {
    const clock = new ManualClock(SEEN);
    const { alerts, queue } = await hostControl(clock);
    const r = queue.reserve({ businessId: 'social-insurance', requestId: 'r1', sessionId: 's' });
    if (r.kind !== 'reserved') throw new Error('not reserved');
    queue.markSent(r.ticket.id);
    queue.settle(r.ticket.id, 'uncertain', { errorCode: 'timeout' });
    alerts.event('ticket-printer', 'printUncertain', '2026-11-23 A001', 'A001 号票打印结果不确定');
    // Training and production share the data folder and its socket, never a database: the other mode's
    // command is refused, and nothing changes.
    const wrongMode = await callHost(socketPath(), { command: 'settle', number: 'A001', outcome: 'issued', by: 'wang', mode: 'training' });
    expect(wrongMode).toMatchObject({ kind: 'reply', reply: { ok: false, error: 'modeMismatch', message: expect.stringContaining('the running kiosk is in production mode') } });
    expect(alerts.recentEvents()).toMatchObject([{ code: 'printUncertain', active: true }]);
    const call = await callHost(socketPath(), { command: 'settle', number: 'A001', outcome: 'issued', by: 'wang', mode: 'production' });
    expect(call).toMatchObject({ kind: 'reply', reply: { ok: true, result: { kind: 'settled', inCallOrder: true, peopleAhead: 0, alertsResolved: 1, via: 'host', ticket: { number: 'A001', status: 'issued' } } } });
    expect(alerts.recentEvents()).toMatchObject([{ code: 'printUncertain', ref: '2026-11-23 A001', active: false }]);
    const again = await callHost(socketPath(), { command: 'settle', number: 'A001', outcome: 'voided', by: 'li' });
    expect(again).toMatchObject({ kind: 'reply', reply: { ok: false, error: 'alreadySettled' } });
  });

  it('a clock set back at start raises a technician alert and withdraws issuing; confirm-clock clears both', async () => {
    new LastSeenStore(db).record(SEEN);
    const clock = new ManualClock(SEEN - 365 * 86_400_000);
    const { alerts, control, availabilityChanges } = await hostControl(clock);
    expect(alerts.active()).toMatchObject([{ deviceId: 'clock', code: 'clockInvalid', actor: 'technician', active: true }]);
    expect(control.clockWatch.blockingReason()).toBe('clockInvalid');
    expect(availabilityChanges()).toBe(1);
    const call = await callHost(socketPath(), { command: 'confirm-clock', by: 'tech-zhao', note: 'RTC battery replaced' });
    expect(call).toMatchObject({ kind: 'reply', reply: { ok: true, result: { kind: 'clock', changed: true, lastSeenAt: SEEN, via: 'host' } } });
    expect(alerts.active()).toEqual([]);
    expect(control.clockWatch.blockingReason()).toBeNull();
    expect(availabilityChanges()).toBe(2);
  });
});
