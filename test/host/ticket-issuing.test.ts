/**
 * "No print, no ticket" through the composed host (issue 9 §9, ARCHITECTURE.md §8.3): the real queue on
 * SQLite, the real driver and the simulated printer, called the way both shells call the API.
 */
import { isPrintedTicket } from '../../devices-sim/sim-device';
import { describe, expect, it } from 'vitest';
import { afterJobBytesSent, startHost as host } from './kiosk-rig';

describe('taking a ticket through the host', () => {
  it('issues A001 then A002, each confirmed by the printer; the API refuses a priority field', async () => {
    const { call, sim } = await host();
    const a = await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r1' });
    const b = await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r2' });
    expect(a).toMatchObject({ outcome: 'issued', ticket: { number: 'A001', peopleAhead: 0 } });
    expect(b).toMatchObject({ outcome: 'issued', ticket: { number: 'A002', peopleAhead: 1 } });
    expect(sim.printed().filter(isPrintedTicket).map((t) => t.cut)).toEqual([true, true]);
    await expect(call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r3', priority: 9 } as never)).rejects.toMatchObject({ info: { code: 'badRequest' } });
  });

  it('a double tap (same requestId) prints once; a second request while printing is refused as busy', async () => {
    const { call, sim } = await host(undefined, 20);
    const first = call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'tap' });
    const again = call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'tap' });
    const other = call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'tap-2' });
    const [r1, r2, r3] = await Promise.all([first, again, other]);
    expect(r1).toEqual(r2);
    expect(r3).toMatchObject({ outcome: 'refused', error: { code: 'busy' } });
    expect(sim.printed().filter(isPrintedTicket)).toHaveLength(1);
  });

  it('paper out → refused with the reason, no number spent; unknown and closed businesses are refused', async () => {
    const { call, kiosk, sim, clock } = await host();
    sim.setFaults({ paper: 'out' });
    await expect.poll(async () => (await call('kiosk:get-snapshot', {})).availability[0]).toMatchObject({ available: false, reason: 'paperOut', alternative: { 'zh-CN': '请到一楼咨询台人工取号' } });
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'p1' })).toMatchObject({ outcome: 'refused', error: { code: 'paperOut' } });
    sim.clearFaults();
    await expect.poll(async () => (await call('kiosk:get-snapshot', {})).availability[0]?.available).toBe(true);
    expect(await call('queue:take-ticket', { businessId: 'nope', requestId: 'p2' })).toMatchObject({ outcome: 'refused', error: { code: 'businessUnknown' } });
    clock.set(Date.UTC(2026, 10, 23, 14, 0)); // 22:00 local: A is closed, D (24 h) is open
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'p3' })).toMatchObject({ outcome: 'refused', error: { code: 'businessClosed' } });
    expect(await call('queue:take-ticket', { businessId: 'self-service', requestId: 'p4' })).toMatchObject({ outcome: 'issued', ticket: { number: 'D001' } });
    expect(kiosk.queue.listBusinesses().find((b) => b.id === 'social-insurance')).toMatchObject({ open: false, closedReason: 'afterHours' });
  });

  it('paper runs out mid-ticket → uncertain (the printer keeps the rest, §2.7), staff alerted; after the refill the rest prints before the next ticket, which gets a fresh number', async () => {
    const { call, kiosk, sim } = await host();
    sim.setFaults({ paper: 'out', afterLines: 4 });
    const r = await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'm1' });
    expect(r).toMatchObject({ outcome: 'uncertain', number: 'A001', error: { code: 'printUncertain' } });
    expect(kiosk.alerts.active().map((a) => `${a.code}/${a.actor}`)).toEqual(expect.arrayContaining(['paperOut/staff']));
    expect(kiosk.alerts.recentEvents().map((a) => `${a.code}/${a.actor}/${a.ref}`)).toEqual(['printUncertain/staff/2026-11-23 A001']);
    expect(kiosk.queue.listUncertain().map((t) => t.number)).toEqual(['A001']);
    sim.setFaults({ paper: 'full' });
    await expect.poll(async () => (await call('kiosk:get-snapshot', {})).availability[0]?.available).toBe(true);
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'm2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002' } });
    const cut = sim.printed().filter(isPrintedTicket).filter((t) => t.cut).map((t) => t.lines.join(' '));
    expect(cut).toHaveLength(2);
    expect(cut[0]).not.toContain('A002'); // the rest of A001 came out first
    expect(cut[1]).toContain('A002');
  });

  it('the cutter fails at the cut → voided (partial): the model clears its buffer there (§2.7), so nothing more of it prints', async () => {
    const { call, kiosk, sim } = await host();
    sim.setFaults({ cutterError: true, afterLines: 4 });
    const r = await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'c1' });
    expect(r).toMatchObject({ outcome: 'voided', number: 'A001', partial: true, error: { code: 'cutterError', actor: 'technician' } });
    expect(kiosk.alerts.recentEvents().map((a) => `${a.code}/${a.ref}`)).toEqual(['printIncomplete/2026-11-23 A001']);
    sim.clearFaults();
    await expect.poll(async () => (await call('kiosk:get-snapshot', {})).availability[0]?.available).toBe(true);
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'c2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002' } });
    expect(sim.printed().filter(isPrintedTicket).map((t) => t.cut)).toEqual([false, true]);
  });

  it('the printer vanishes after the bytes went out → uncertain, listed for staff; a restart reuses no number', async () => {
    const first = await host(undefined, 20);
    afterJobBytesSent(first, () => first.sim.setFaults({ unplugged: true }));
    const job = first.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'u1' });
    expect(await job).toMatchObject({ outcome: 'uncertain', number: 'A001', error: { code: 'printUncertain' } });
    expect(first.kiosk.queue.listUncertain().map((t) => t.number)).toEqual(['A001']);
    await first.stopKeepingData();
    const second = await host(first.dir);
    expect(await second.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'u2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002' } });
    expect(await second.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'u1' })).toMatchObject({ outcome: 'uncertain', number: 'A001' });
  });
});

describe('asking again for a ticket (issue 13 §3)', () => {
  it('answers what really happened: where it stands while it waits, then called to its counter, then served', async () => {
    const { call, kiosk } = await host();
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r1' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A001', peopleAhead: 0 } });
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002', peopleAhead: 1 } });
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002', peopleAhead: 1 } });
    const first = kiosk.queue.callNext(['social-insurance'], '3')!;
    expect(first.number).toBe('A001');
    const again = await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r1' });
    expect(again).toMatchObject({ outcome: 'issued', ticket: { number: 'A001', peopleAhead: 0, progress: { state: 'called', counter: '3' } } });
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r2' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A002', peopleAhead: 0 } });
    kiosk.queue.markServed(first.id);
    expect(await call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'r1' })).toMatchObject({ outcome: 'issued', ticket: { progress: { state: 'served' } } });
  });
});
