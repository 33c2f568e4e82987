/**
 * The locker service against SimLocker over a memory pair on a fake clock (issue 17 §7): loading, the pick-up
 * code and its rate limit, collection by code and by ID card, and what happens when people do not do as asked.
 * The database is in memory inside the fake-clock loops (better-sqlite3 is synchronous); the restart case
 * uses a file in a temporary folder, outside them.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { SimLocker, type SimLockerOptions } from '../../../devices-sim/locker/sim-locker';
import { SerialLocker } from '../../../drivers/devices/locker/serial-locker';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { runUntil, settle } from '../../../test/drivers/escpos-fake-clock-rig';
import { auditRecordsAbout, verifyAuditChain, appendAudit } from '../audit/audit-log';
import { openQueueDb, type QueueDb } from '../queue/queue-db';
import { LockerService, LockerServiceError, type LockerServiceOptions } from './locker-service';
import { LockerStore } from './locker-store';

const KEY = Buffer.alloc(32, 7);
const codeHmac = (code: string): string => createHmac('sha256', KEY).update(`locker-code:${code}`).digest('hex');
const citizen = (n: number): string => createHmac('sha256', KEY).update(`citizen ${n}`).digest('hex');

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function rig(sim: Partial<SimLockerOptions> = {}, service: Partial<LockerServiceOptions> = {}, db: QueueDb = openQueueDb(':memory:'), clock = new ManualClock()) {
  const pair = createMemoryPair('locker');
  const board = new SimLocker({ id: 'locker', clock, transport: pair.device, boards: [{ address: 1, locks: 4 }], ...sim });
  const locker = new SerialLocker({ id: 'locker', clock, transport: pair.host, boards: sim.boards ?? [{ address: 1, locks: 4 }] });
  await board.start();
  await settle(clock, locker.open());
  const store = new LockerStore(db, 'locker');
  const svc = new LockerService({ locker, store, clock, codeHmac, audit: (e) => appendAudit(db, clock.now(), e), ...service });
  cleanups.push(async () => {
    await locker.close().catch(() => undefined);
    await board.stop();
  });
  /** Runs `promise` on the clock while `person` acts once its condition holds. */
  const meanwhile = async <T>(promise: Promise<T>, ...steps: Array<[() => boolean, () => void]>): Promise<T> => {
    for (const [when, act] of steps) {
      await runUntil(clock, when, 200_000, 20);
      act();
    }
    return settle(clock, promise, 300_000);
  };
  const open = (c: number) => () => board.status().locker?.doorsOpen?.includes(c) === true;
  const item = (c: number, present: boolean) => () => void board.actions().item!.start!({ compartment: c, present });
  const shut = (c: number) => () => void board.actions().door!.start!({ compartment: c, closed: true });
  return { clock, board, locker, store, svc, db, meanwhile, open, item, shut };
}

const loadReq = { documentRef: 'cert-2026-0001', citizenHmac: citizen(1), staffId: 'staff-07' };

describe('LockerService: loading', () => {
  it('opens a free door, waits until it is closed with something inside, then issues a six-digit code', async () => {
    const r = await rig();
    const result = await r.meanwhile(r.svc.load(loadReq), [r.open(1), r.item(1, true)], [() => true, r.shut(1)]);
    expect(result).toMatchObject({ outcome: 'loaded', compartment: 1, message: '已存入 1 号柜 / Stored in compartment 1' });
    if (result.outcome !== 'loaded') throw new Error('not loaded');
    expect(result.code).toMatch(/^[0-9]{6}$/u);
    const row = r.db.prepare<[], { code_hmac: string; citizen_hmac: string }>('SELECT code_hmac, citizen_hmac FROM locker_parcels').get()!;
    expect(row.code_hmac).toBe(codeHmac(result.code));
    expect(JSON.stringify(r.db.prepare('SELECT * FROM locker_parcels').all())).not.toContain(result.code);
    expect(auditRecordsAbout(r.db, `locker locker parcel ${result.parcelId}`).map((a) => a.action)).toEqual(['locker.open', 'locker.load']);
    expect(verifyAuditChain(r.db)).toEqual({ ok: true, records: 2 });
  });

  it('never assigns a compartment whose door is open or that has something inside', async () => {
    const r = await rig();
    r.board.cabinet.pulse(1, { jammed: new Set(), coilFault: new Set(), slowDoor: new Set() }); // door 1 stands open
    r.item(1, true)();
    r.board.cabinet.pulse(2, { jammed: new Set(), coilFault: new Set(), slowDoor: new Set() });
    r.item(2, true)();
    r.shut(2)(); // 2: closed, something inside (not ours)
    await settle(r.clock, r.locker.refreshStatus());
    const first = await r.meanwhile(r.svc.load(loadReq), [r.open(3), r.item(3, true)], [() => true, r.shut(3)]);
    expect(first).toMatchObject({ outcome: 'loaded', compartment: 3 });
    const second = await r.meanwhile(r.svc.load({ ...loadReq, documentRef: 'cert-2' }), [r.open(4), r.item(4, true)], [() => true, r.shut(4)]);
    expect(second).toMatchObject({ outcome: 'loaded', compartment: 4 });
    expect(await settle(r.clock, r.svc.load({ ...loadReq, documentRef: 'cert-3' }))).toMatchObject({ outcome: 'noFreeCompartment' });
  });

  it('a door that does not open is skipped for the next one; the failure is audited', async () => {
    const r = await rig({ faults: { coilFault: [1] } });
    const result = await r.meanwhile(r.svc.load(loadReq), [r.open(2), r.item(2, true)], [() => true, r.shut(2)]);
    expect(result).toMatchObject({ outcome: 'loaded', compartment: 2 });
    expect(r.db.prepare("SELECT action FROM audit_log WHERE action = 'locker.doorFailed'").all()).toHaveLength(1);
  });

  it('closed with nothing inside: no code; left open: staff must look', async () => {
    const r = await rig();
    expect(await r.meanwhile(r.svc.load(loadReq), [r.open(1), r.shut(1)])).toMatchObject({ outcome: 'nothingInside', compartment: 1 });
    // The least-used compartment next: 1 has been opened once already.
    const left = await r.meanwhile(r.svc.load(loadReq), [r.open(2), r.item(2, true)]);
    expect(left).toMatchObject({ outcome: 'doorLeftOpen', compartment: 2, message: expect.stringContaining('柜门未关') });
    expect(r.svc.needsAttention()).toMatchObject([{ compartment: 2, note: 'doorLeftOpen' }]);
  });

  it('refuses a request without a proper HMAC, reference or staff id', async () => {
    const r = await rig();
    expect(() => r.svc.load({ ...loadReq, citizenHmac: '520102199001011234' })).toThrow(LockerServiceError);
    expect(() => r.svc.load({ ...loadReq, documentRef: '' })).toThrow(LockerServiceError);
    expect(() => r.svc.load({ ...loadReq, staffId: ' ' })).toThrow(LockerServiceError);
  });
});

describe('LockerService: collecting', () => {
  async function loaded(options: Partial<LockerServiceOptions> = {}, sim: Partial<SimLockerOptions> = {}) {
    const r = await rig(sim, options);
    const result = await r.meanwhile(r.svc.load(loadReq), [r.open(1), r.item(1, true)], [() => true, r.shut(1)]);
    if (result.outcome !== 'loaded') throw new Error(result.outcome);
    return { ...r, code: result.code, parcelId: result.parcelId };
  }

  it('by code: the door opens, the citizen takes it and closes the door: collected', async () => {
    const r = await loaded();
    const result = await r.meanwhile(r.svc.pickUpByCode(r.code), [r.open(1), r.item(1, false)], [() => true, r.shut(1)]);
    expect(result).toMatchObject({ outcome: 'collected', compartment: 1, documentRef: 'cert-2026-0001', remaining: 0 });
    expect(await settle(r.clock, r.svc.pickUpByCode(r.code))).toMatchObject({ outcome: 'wrongCode' });
    expect(auditRecordsAbout(r.db, `locker locker parcel ${r.parcelId}`).map((a) => a.action)).toEqual(['locker.open', 'locker.load', 'locker.open', 'locker.collect']);
  });

  it('by ID card (the HMAC): the oldest parcel of that citizen', async () => {
    const r = await loaded();
    expect(await settle(r.clock, r.svc.pickUpByCitizen(citizen(2)))).toMatchObject({ outcome: 'nothingWaiting' });
    const result = await r.meanwhile(r.svc.pickUpByCitizen(citizen(1)), [r.open(1), r.item(1, false)], [() => true, r.shut(1)]);
    expect(result).toMatchObject({ outcome: 'collected', compartment: 1 });
  });

  it('closed with the document still inside: not taken, and the code still works', async () => {
    const r = await loaded();
    expect(await r.meanwhile(r.svc.pickUpByCode(r.code), [r.open(1), r.shut(1)])).toMatchObject({ outcome: 'notTaken', compartment: 1 });
    const again = await r.meanwhile(r.svc.pickUpByCode(r.code), [r.open(1), r.item(1, false)], [() => true, r.shut(1)]);
    expect(again).toMatchObject({ outcome: 'collected' });
  });

  it('a door left open after collecting is reported, raises a staff alert and goes to staff', async () => {
    const alerts: string[] = [];
    const r = await loaded({ pickUpTimeoutMs: 10_000, alert: (code, ref, message) => alerts.push(`${code} ${ref} ${message}`) });
    const result = await r.meanwhile(r.svc.pickUpByCode(r.code), [r.open(1), r.item(1, false)]);
    expect(result).toMatchObject({ outcome: 'doorLeftOpen', compartment: 1 });
    expect(alerts).toEqual([`userError locker locker parcel ${r.parcelId} 1 号柜门未关，请关好柜门 / Door 1 was left open; please close it`]);
    expect(r.svc.needsAttention()).toHaveLength(1);
    r.svc.settle(r.parcelId, 'staff-07', 'collected');
    expect(r.svc.needsAttention()).toHaveLength(0);
  });

  it('a door that fails to open for the citizen leaves the parcel waiting', async () => {
    const r = await loaded();
    r.board.setFaults({ jammed: [1] });
    expect(await settle(r.clock, r.svc.pickUpByCode(r.code))).toMatchObject({ outcome: 'doorFailed', compartment: 1, error: { code: 'hardwareError', actor: 'technician' } });
    expect(r.store.byCode(codeHmac(r.code))).toMatchObject({ state: 'waiting' });
  });

  it('wrong codes: five an hour, then the keypad locks until the oldest is an hour old', async () => {
    const r = await loaded();
    const wrong = r.code === '000000' ? '000001' : '000000';
    const lefts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await settle(r.clock, r.svc.pickUpByCode(wrong));
      if (res.outcome !== 'wrongCode') throw new Error(res.outcome);
      lefts.push(res.triesLeft);
      r.clock.advance(60_000);
    }
    expect(lefts).toEqual([4, 3, 2, 1]);
    expect(await settle(r.clock, r.svc.pickUpByCode(wrong))).toMatchObject({ outcome: 'locked' });
    const locked = await settle(r.clock, r.svc.pickUpByCode(r.code));
    expect(locked).toMatchObject({ outcome: 'locked' });
    if (locked.outcome !== 'locked') throw new Error('not locked');
    r.clock.set(locked.retryAt);
    const ok = await r.meanwhile(r.svc.pickUpByCode(r.code), [r.open(1), r.item(1, false)], [() => true, r.shut(1)]);
    expect(ok).toMatchObject({ outcome: 'collected' });
  });

  it('an expired code sends the citizen to a window', async () => {
    const r = await loaded({ holdMs: 86_400_000 });
    r.clock.advance(86_400_000);
    expect(await settle(r.clock, r.svc.pickUpByCode(r.code))).toMatchObject({ outcome: 'expired' });
  });

  it('codes are unique among live parcels: a draw that collides is drawn again', async () => {
    const draws = ['123456', '123456', '654321'];
    const r = await rig({}, { drawCode: () => draws.shift()! });
    const a = await r.meanwhile(r.svc.load(loadReq), [r.open(1), r.item(1, true)], [() => true, r.shut(1)]);
    const b = await r.meanwhile(r.svc.load(loadReq), [r.open(2), r.item(2, true)], [() => true, r.shut(2)]);
    expect([a, b].map((x) => (x.outcome === 'loaded' ? x.code : x.outcome))).toEqual(['123456', '654321']);
  });
});

describe('LockerService: a restart', () => {
  it('keeps parcels and wrong-code counts, and hands cut-short operations to staff', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'locker-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'queue.sqlite');
    const clock = new ManualClock();
    const db1 = openQueueDb(file);
    const r1 = await rig({}, {}, db1, clock);
    const loadedResult = await r1.meanwhile(r1.svc.load(loadReq), [r1.open(1), r1.item(1, true)], [() => true, r1.shut(1)]);
    await settle(clock, r1.svc.pickUpByCode(loadedResult.outcome === 'loaded' && loadedResult.code === '999999' ? '999998' : '999999'));
    r1.store.begin({ compartment: 2, documentRef: 'cert-9', citizenHmac: citizen(3), staffId: 'staff-07', at: clock.now() }); // a load the crash cut short
    db1.close();

    const db2 = openQueueDb(file);
    cleanups.push(() => {
      db2.close();
    });
    const store = new LockerStore(db2, 'locker');
    expect(store.heldCompartments()).toEqual(new Set([1, 2]));
    expect(store.codeFailuresSince(0)).toHaveLength(1);
    const r2 = await rig({}, {}, db2, clock);
    expect(r2.svc.recover()).toBe(1);
    expect(r2.svc.needsAttention()).toMatchObject([{ compartment: 2, note: 'loadInterrupted' }]);
    expect(verifyAuditChain(db2).ok).toBe(true);
  });
});
