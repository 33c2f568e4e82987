import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import type { AuditEntry } from '../audit/audit-log';
import type { StaffConfig } from '../config/config-types';
import { openQueueDb, type QueueDb } from '../queue/queue-db';
import { ManualClock } from '../../../common/manual-clock';
import { PadLockStore } from './pad-lock-store';
import { hashPin, verifyPinAsync } from './pin-hash';
import { PAD_OPEN_MS, StaffSessionService } from './staff-session';

// A cheap scrypt cost (the lowest the kiosk accepts): the rules are under test, not the hash's strength.
const FAST = { N: 1024, r: 8, p: 1 };
const CONFIG: StaffConfig = {
  accounts: [
    { id: 'wang', name: '王芳', role: 'staff', pinHash: hashPin('135790', FAST) },
    { id: 'li', name: '李强', role: 'technician', pinHash: hashPin('864209', FAST) },
  ],
  lockoutAfterFailures: 5,
  lockoutMs: 300_000,
  signOutAfterMs: 120_000,
};

const dbs: QueueDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

function rig(db = openQueueDb(':memory:'), clock = new ManualClock(Date.UTC(2026, 11, 2, 2, 0))) {
  dbs.push(db);
  const audit: AuditEntry[] = [];
  const locked: number[] = [];
  const events: string[] = [];
  const staff = new StaffSessionService({
    clock,
    log: SILENT_LOGGER,
    config: CONFIG,
    lock: new PadLockStore(db),
    audit: (e) => audit.push(e),
    alertLocked: (until) => locked.push(until),
    endCitizenSession: () => events.push(`citizen ended while staff ${staff.actor() === null ? 'not yet signed in' : 'signed in'}`),
    verifyPin: verifyPinAsync,
  });
  return { staff, clock, db, audit, locked, events };
}

describe('the staff PIN pad and session (issue 15 §1)', () => {
  it('signs nobody in without the pad open, and the pad closes by itself when left (audited)', async () => {
    const { staff, clock, audit } = rig();
    expect(await staff.signIn('wang', '135790')).toEqual({ ok: false, reason: 'padClosed' });
    expect(staff.openPad()).toMatchObject({ open: true, accounts: [{ id: 'wang', name: '王芳', role: 'staff' }, { id: 'li', name: '李强', role: 'technician' }] });
    clock.advance(PAD_OPEN_MS);
    expect(staff.view().pad).toMatchObject({ open: false, accounts: [] });
    expect(audit.map((a) => a.action)).toEqual(['staff.padLeftOpen']);
    expect(await staff.signIn('wang', '135790')).toEqual({ ok: false, reason: 'padClosed' });
    expect(staff.actor()).toBeNull();
  });

  it('ends and wipes the citizen session before the staff session begins, and audits the sign-in', async () => {
    const { staff, events, audit } = rig();
    staff.openPad();
    const result = await staff.signIn('wang', '135790');
    expect(result).toMatchObject({ ok: true, session: { accountId: 'wang', name: '王芳', role: 'staff' } });
    expect(events).toEqual(['citizen ended while staff not yet signed in']);
    expect(staff.view().pad.open).toBe(false);
    expect(audit).toEqual([{ actor: 'wang', action: 'staff.signIn', subject: 'staff', detail: { name: '王芳', role: 'staff' } }]);
  });

  it('counts wrong PINs (an unknown account too), locks after five with an alert, and the lock survives a restart', async () => {
    const first = rig();
    first.staff.openPad();
    const results = [];
    for (const [id, pin] of [['wang', '000000'], ['li', '135790'], ['nobody', '135790'], ['wang', '1'], ['wang', '999999']] as const) results.push(await first.staff.signIn(id, pin));
    expect(results.slice(0, 4).map((r) => (r.ok === false && r.reason === 'wrongPin' ? r.failuresLeft : r))).toEqual([4, 3, 2, 1]);
    const lockedUntil = first.clock.now() + CONFIG.lockoutMs;
    expect(results[4]).toEqual({ ok: false, reason: 'locked', lockedUntil });
    expect(first.locked).toEqual([lockedUntil]);
    expect(first.audit.filter((a) => a.action === 'staff.signInFailed')).toHaveLength(5);
    expect(first.audit.at(-1)).toMatchObject({ action: 'staff.padLocked' });
    // The right PIN is refused while locked.
    expect(await first.staff.signIn('wang', '135790')).toEqual({ ok: false, reason: 'locked', lockedUntil });

    // Restart: a new service over the same database.
    first.staff.dispose();
    const again = rig(first.db, first.clock);
    again.staff.openPad();
    expect(again.staff.view().pad.lockedUntil).toBe(lockedUntil);
    expect(await again.staff.signIn('wang', '135790')).toEqual({ ok: false, reason: 'locked', lockedUntil });
    again.clock.advance(CONFIG.lockoutMs);
    again.staff.openPad();
    expect(again.staff.view().pad).toMatchObject({ lockedUntil: null, failuresLeft: 5 });
    expect(await again.staff.signIn('wang', '135790')).toMatchObject({ ok: true });
  });

  it('a right PIN after wrong ones starts the count again', async () => {
    const { staff } = rig();
    staff.openPad();
    await staff.signIn('wang', '111111');
    await staff.signIn('wang', '135790');
    staff.signOut('signOut');
    staff.openPad();
    expect(staff.view().pad.failuresLeft).toBe(5);
  });

  it('signs a staff member out after 120 s without a touch; a touch starts the time again', async () => {
    const { staff, clock, audit } = rig();
    const signedOut: string[] = [];
    staff.onSignedOut((a, reason) => signedOut.push(`${a.accountId} ${reason}`));
    staff.openPad();
    await staff.signIn('li', '864209');
    clock.advance(100_000);
    expect(staff.touch()).toMatchObject({ signOutAt: clock.now() + 120_000 });
    clock.advance(119_999);
    expect(staff.actor()).toMatchObject({ accountId: 'li', role: 'technician' });
    clock.advance(1);
    expect(staff.actor()).toBeNull();
    expect(signedOut).toEqual(['li idle']);
    expect(audit.at(-1)).toMatchObject({ actor: 'li', action: 'staff.signOut', detail: { reason: 'idle' } });
  });

  it('checks two PINs typed at once one after the other: a double tap spends one guess at a time', async () => {
    const { staff } = rig();
    staff.openPad();
    const [a, b] = await Promise.all([staff.signIn('wang', '135790'), staff.signIn('wang', '135790')]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toEqual({ ok: false, reason: 'padClosed' });
  });
});
