/** The outbox's send loop, states and key problems (outbox.ts, open-outbox.ts; issue 17 §5, §8). */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outbox } from './outbox';
import { OutboxInputError, OutboxUnavailableError } from './outbox-errors';
import { OUTBOX_DB_FILES } from './outbox-store';
import type { OutboxAcknowledged, OutboxRefused } from './outbox-types';
import { FakePlatform, type OutboxRig, makeRig } from './test-outbox-rig';

const ID = '52010219900101123X';
const form = { service: '个人参保登记', name: '张三丰', idNumber: ID };
let rig: OutboxRig;
const open: Outbox[] = [];
const track = (box: Outbox): Outbox => (open.push(box), box);
afterEach(async () => {
  for (const box of open.splice(0)) await box.close();
  rig.dispose();
});
const dbFile = (): string => join(rig.dataDir, OUTBOX_DB_FILES.production);

describe('Outbox', () => {
  it('keeps a record durably: committed when put returns, and still there after reopening', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const id = box.put('application', 'kiosk-01-app-0001', box.citizenHmac(ID), form);
    const other = new Database(dbFile(), { readonly: true });
    expect(other.prepare('SELECT id, state, attempts FROM outbox_records').all()).toEqual([{ id, state: 'waiting', attempts: 0 }]);
    other.close();
    await box.close();
    const again = track(rig.open());
    expect(again.records()).toMatchObject([{ id, kind: 'application', state: 'waiting', attempts: 0 }]);
    const platform = new FakePlatform();
    const acked: OutboxAcknowledged[] = [];
    again.onAcknowledged((a) => acked.push(a));
    again.register('application', platform.send);
    again.start();
    await again.whenIdle();
    expect(platform.accepted.get('kiosk-01-app-0001')?.payload).toEqual(form);
    expect(acked).toEqual([{ id, kind: 'application', idempotencyKey: 'kiosk-01-app-0001', citizenHmac: again.citizenHmac(ID), reply: { acceptanceNo: 'SL000001' } }]);
    expect(again.records()).toEqual([]);
  });

  it('backs off exponentially on the clock while the platform is down, up to the bound, then sends when it is back', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const platform = new FakePlatform();
    platform.down = true;
    const times: number[] = [];
    box.register('application', async (p, k) => (times.push(rig.clock.now()), platform.send(p, k)));
    box.start();
    const t0 = rig.clock.now();
    const id = box.put('application', 'kiosk-01-app-0002', box.citizenHmac(ID), form);
    await box.whenIdle();
    for (const wait of [1_000, 2_000, 4_000, 8_000, 16_000, 16_000]) {
      rig.clock.advance(wait - 1);
      await box.whenIdle();
      const before = times.length;
      rig.clock.advance(1);
      await box.whenIdle();
      expect(times.length, `after ${wait} ms`).toBe(before + 1);
    }
    expect(times.map((t) => t - t0)).toEqual([0, 1_000, 3_000, 7_000, 15_000, 31_000, 47_000]);
    expect(box.records()).toMatchObject([{ id, state: 'waiting', attempts: 7, lastError: 'platformUnavailable' }]);
    expect(box.status()).toMatchObject({ counts: { application: { waiting: 1, sending: 0 } }, oldestWaitingAgeMs: 47_000, nextAttemptAt: t0 + 63_000 });
    platform.down = false;
    await box.sendNow();
    expect(platform.acceptances).toBe(1);
    expect(box.records()).toEqual([]);
    expect(box.status()).toMatchObject({ counts: {}, oldestWaitingAgeMs: null, nextAttemptAt: null });
  });

  it('does not let a wall clock set back push a retry out by the jump', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const platform = new FakePlatform();
    platform.down = true;
    box.register('application', platform.send);
    box.start();
    box.put('application', 'kiosk-01-app-0012', box.citizenHmac(ID), form);
    await box.whenIdle();
    rig.clock.set(rig.clock.now() - 86_400_000);
    await box.whenIdle();
    rig.clock.advance(16_000);
    await box.whenIdle();
    expect(platform.calls).toHaveLength(2);
  });

  it('keeps a refused record for staff, alerts, never retries it; staff can open and then discard it', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const platform = new FakePlatform();
    platform.refuse = true;
    const refused: OutboxRefused[] = [];
    box.onRefused((r) => refused.push(r));
    box.register('evaluation', platform.send);
    box.start();
    const id = box.put('evaluation', 'kiosk-01-eval-0001', box.citizenHmac(ID), { level: '不满意', reasons: ['等候时间长'] });
    await box.whenIdle();
    expect(refused).toMatchObject([{ id, kind: 'evaluation', error: 'formInvalid' }]);
    expect(rig.alerts).toMatchObject([{ code: 'refused', ref: id }]);
    rig.clock.advance(3_600_000);
    await box.whenIdle();
    expect(platform.calls).toHaveLength(1);
    expect(box.status().counts).toEqual({ evaluation: { waiting: 0, sending: 0, refused: 1, quarantined: 0 } });
    expect(box.openRefused(id)).toEqual({ level: '不满意', reasons: ['等候时间长'] });
    expect(box.discard(id)).toBe(true);
    expect(box.records()).toEqual([]);
  });

  it('quarantines a record whose sealed bytes were altered on disk: alerted, not sent, the others still go', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const bad = box.put('application', 'kiosk-01-app-0003', box.citizenHmac(ID), form);
    const good = box.put('application', 'kiosk-01-app-0004', box.citizenHmac(ID), form);
    const raw = new Database(dbFile());
    const { sealed } = raw.prepare<[string], { sealed: Buffer }>('SELECT sealed FROM outbox_records WHERE id = ?').get(bad)!;
    sealed[20]! ^= 0x80;
    raw.prepare('UPDATE outbox_records SET sealed = ? WHERE id = ?').run(sealed, bad);
    raw.close();
    const platform = new FakePlatform();
    box.register('application', platform.send);
    box.start();
    await box.whenIdle();
    expect(platform.calls).toEqual(['kiosk-01-app-0004']);
    expect(box.records()).toMatchObject([{ id: bad, state: 'quarantined' }]);
    expect(rig.alerts).toMatchObject([{ code: 'quarantined', ref: bad }]);
    expect(good).not.toBe(bad);
  });

  it('sends one record at a time, once per attempt, and only kinds that have a sender', async () => {
    rig = makeRig();
    const box = track(rig.open());
    let inFlight = 0;
    let most = 0;
    const platform = new FakePlatform();
    box.register('application', async (p, k) => {
      most = Math.max(most, ++inFlight);
      try {
        return await platform.send(p, k);
      } finally {
        inFlight--;
      }
    });
    for (let i = 0; i < 5; i++) box.put('application', `kiosk-01-app-01${i}0`, box.citizenHmac(ID), { i });
    box.put('certificateReport', 'kiosk-01-cert-0001', box.citizenHmac(ID), { issuance: 'x' });
    box.start();
    await box.sendNow();
    expect(most).toBe(1);
    expect(platform.calls).toHaveLength(5);
    expect(new Set(platform.calls).size).toBe(5);
    expect(box.records()).toMatchObject([{ kind: 'certificateReport', state: 'waiting', attempts: 0 }]);
  });

  it('is idempotent on put and refuses what it must not store', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const h = box.citizenHmac(ID);
    const id = box.put('application', 'kiosk-01-app-0005', h, form);
    expect(box.put('application', 'kiosk-01-app-0005', h, form)).toBe(id);
    expect(box.records()).toHaveLength(1);
    expect(() => box.put('evaluation', 'kiosk-01-app-0005', h, {})).toThrow(OutboxInputError);
    expect(() => box.put('application', 'kiosk-01-app-0006', ID, form)).toThrow(/never an ID number/);
    expect(() => box.put('application', 'short', h, form)).toThrow(OutboxInputError);
    expect(() => box.put('nonsense' as 'application', 'kiosk-01-app-0007', h, form)).toThrow(OutboxInputError);
  });

  it('reports its counts with no personal data in them', async () => {
    rig = makeRig();
    const box = track(rig.open());
    const h = box.citizenHmac(ID);
    box.put('application', 'kiosk-01-app-0008', h, form);
    rig.clock.advance(90_000);
    box.put('evaluation', 'kiosk-01-eval-0002', h, { level: '满意' });
    const status = box.status();
    expect(status).toEqual({
      available: true,
      problem: null,
      running: false,
      counts: { application: { waiting: 1, sending: 0, refused: 0, quarantined: 0 }, evaluation: { waiting: 1, sending: 0, refused: 0, quarantined: 0 } },
      oldestWaitingAgeMs: 90_000,
      nextAttemptAt: rig.clock.now() - 90_000,
    });
    const shown = JSON.stringify([status, box.records()]);
    for (const secret of [ID, '张三丰', h]) expect(shown).not.toContain(secret);
  });
});

describe('the outbox without its key', () => {
  it('keeps records it cannot open, says so, alerts, sends nothing and makes no new key; restoring the key brings it back', async () => {
    rig = makeRig();
    const first = rig.open();
    const id = first.put('application', 'kiosk-01-app-0009', first.citizenHmac(ID), form);
    await first.close();
    const key = readFileSync(rig.keyFile);
    rmSync(rig.keyFile);
    const locked = track(rig.open());
    expect(existsSync(rig.keyFile)).toBe(false);
    expect(locked.status()).toMatchObject({ available: false, problem: 'keyMissing', counts: { application: { waiting: 1 } } });
    expect(rig.alerts).toMatchObject([{ code: 'keyMissing', ref: null }]);
    expect(rig.alerts[0]!.message).toMatch(/密钥.*key/);
    expect(() => locked.put('application', 'kiosk-01-app-0010', 'a'.repeat(64), form)).toThrow(OutboxUnavailableError);
    const platform = new FakePlatform();
    locked.register('application', platform.send);
    locked.start();
    await locked.sendNow();
    expect(platform.calls).toEqual([]);
    await locked.close();
    open.splice(0);
    writeFileSync(rig.keyFile, key, { mode: 0o600 });
    const restored = track(rig.open());
    restored.register('application', platform.send);
    restored.start();
    await restored.whenIdle();
    expect(platform.accepted.has('kiosk-01-app-0009')).toBe(true);
    expect(restored.records().map((r) => r.id)).not.toContain(id);
  });

  it('refuses to seal under a key that is not the records’ key, leaving the file alone', async () => {
    rig = makeRig();
    const first = rig.open();
    first.put('application', 'kiosk-01-app-0011', first.citizenHmac(ID), form);
    await first.close();
    const stranger = randomBytes(32);
    writeFileSync(rig.keyFile, stranger, { mode: 0o600 });
    const box = track(rig.open());
    expect(box.status()).toMatchObject({ available: false, problem: 'keyMismatch' });
    expect(rig.alerts).toMatchObject([{ code: 'keyMismatch' }]);
    expect(() => box.citizenHmac(ID)).toThrow(OutboxUnavailableError);
    expect(readFileSync(rig.keyFile).equals(stranger)).toBe(true);
  });

  it('makes a new key when the old one is gone and nothing was waiting for it', async () => {
    rig = makeRig();
    const first = rig.open();
    const h1 = first.citizenHmac(ID);
    await first.close();
    rmSync(rig.keyFile);
    const box = track(rig.open());
    expect(box.status().available).toBe(true);
    expect(box.citizenHmac(ID)).not.toBe(h1);
    expect(existsSync(rig.keyFile)).toBe(true);
  });
});
