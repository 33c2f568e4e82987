/**
 * Issue 15 §1, §2 on a composed host: the host holds the staff session (nothing staff can do without it,
 * nothing citizens can do with it), the guided paper exchange takes the printer from citizens and gives it
 * back with fresh counters, out of service survives a restart, and every action lands in a verifiable chain.
 */
import { describe, expect, it } from 'vitest';
import { auditHeadPath, readAuditHead } from '../../main/host/audit/audit-head';
import { DEMO_ACCOUNT_ID, DEMO_PIN } from '../../main/host/staff/demo-account';
import { afterJobBytesSent, startHost } from './kiosk-rig';

const SI = 'social-insurance';
type Host = Awaited<ReturnType<typeof startHost>>;

async function signIn(host: Host): Promise<void> {
  await host.call('staff:open-pad', {});
  expect(await host.call('staff:sign-in', { accountId: DEMO_ACCOUNT_ID, pin: DEMO_PIN })).toMatchObject({ ok: true });
}

const availability = (host: Host, service = 'takeTicket') => host.kiosk.api.snapshot().availability.find((a) => a.service === service);

describe('the staff session is the host’s (issue 15 §1)', () => {
  it('the hidden entry alone opens only the pad: every staff channel is refused without a right PIN', async () => {
    const host = await startHost();
    expect(await host.call('staff:open-pad', {})).toMatchObject({ open: true, accounts: [{ id: DEMO_ACCOUNT_ID }] });
    for (const channel of ['staff:overview', 'staff:figures', 'staff:found-items', 'staff:restart-app'] as const) {
      await expect(host.call(channel, {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    }
    await expect(host.call('staff:restock', { deviceId: 'ticket-printer', step: 'begin' })).rejects.toMatchObject({ info: { code: 'forbidden' } });
    expect(await host.call('staff:sign-in', { accountId: DEMO_ACCOUNT_ID, pin: '135791' })).toEqual({ ok: false, reason: 'wrongPin', failuresLeft: 4 });
    await expect(host.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    expect(availability(host)).toMatchObject({ available: true });
  });

  it('signing in ends the citizen session first; citizen channels are refused until staff sign out', async () => {
    const host = await startHost();
    const before = await host.call('session:activity', {});
    expect(before.sessionId).not.toBeNull();
    await signIn(host);
    expect(host.kiosk.session.state()).toMatchObject({ sessionId: null, phase: 'home' });
    expect(host.kiosk.api.snapshot().staff.session).toMatchObject({ accountId: DEMO_ACCOUNT_ID });
    await expect(host.call('queue:take-ticket', { businessId: SI, requestId: 'r1' })).rejects.toMatchObject({ info: { code: 'staffSignedIn' } });
    await expect(host.call('session:activity', {})).rejects.toMatchObject({ info: { code: 'staffSignedIn' } });
    await host.call('staff:sign-out', {});
    expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 'r1' })).toMatchObject({ outcome: 'issued' });
  });

  it('signs a staff member out who walked away, and the audit shows it', async () => {
    const host = await startHost();
    await signIn(host);
    host.clock.advance(119_000);
    expect(host.kiosk.api.snapshot().staff.session).not.toBeNull();
    host.clock.advance(2_000);
    expect(host.kiosk.api.snapshot().staff.session).toBeNull();
    await expect(host.call('staff:overview', {})).rejects.toMatchObject({ info: { code: 'forbidden' } });
    expect(host.kiosk.staff.audit.head()).toMatchObject({ id: 2 });
  });
});

describe('the staff desk (issue 15 §2)', () => {
  it('guided paper exchange: begin takes 取号 from citizens with where to go, end resets the counters, re-reads the status, prints a test ticket, gives 取号 back', async () => {
    const host = await startHost();
    expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 'before' })).toMatchObject({ outcome: 'issued' });
    host.sim.setFaults({ paper: 'out' });
    await expect.poll(() => availability(host)?.reason).toBe('paperOut');
    await signIn(host);
    const begun = await host.call('staff:restock', { deviceId: 'ticket-printer', step: 'begin' });
    expect(begun).toMatchObject({ paper: 'out', ticketsLeft: 0, restock: { by: DEMO_ACCOUNT_ID } });
    host.sim.clearFaults(); // the new roll is in and the cover closed: the printer could print, but the exchange holds it
    await expect.poll(() => host.printer.status.printer?.paper).toBe('full');
    expect(availability(host)).toMatchObject({ available: false, reason: 'restocking', alternative: { 'zh-CN': '请到一楼咨询台人工取号' } });
    const ended = await host.call('staff:restock', { deviceId: 'ticket-printer', step: 'end' });
    expect(ended).toMatchObject({ paper: 'full', restock: null, ticketsSinceExchange: 0, usedSinceExchangeMm: 0, rollLengthMm: 88_000 });
    expect(host.clock.now() - ended.lastExchangeAt!).toBeLessThan(5_000);
    expect(ended.ticketsLeft).toBeGreaterThan(100); // 88 m over the average ticket this printer printed
    expect(availability(host)).toMatchObject({ available: true });
    const printed = host.sim.printed().length;
    expect(await host.call('staff:test-ticket', { deviceId: 'ticket-printer' })).toEqual({ ok: true });
    expect(host.sim.printed()).toHaveLength(printed + 1);
    const after = (await host.call('staff:overview', {})).supplies[0]!;
    expect(after.ticketsSinceExchange).toBe(1);
    expect(after.usedSinceExchangeMm).toBeGreaterThan(0);
    await expect(host.call('staff:restock', { deviceId: 'ticket-printer', step: 'end' })).rejects.toMatchObject({ info: { code: 'badRequest' } });
    await expect(host.call('staff:restock', { deviceId: 'id-card-reader', step: 'begin' })).rejects.toMatchObject({ info: { code: 'badRequest' } });
  });

  it('a staff member signed out mid-exchange gives the printer back', async () => {
    const host = await startHost();
    await signIn(host);
    await host.call('staff:restock', { deviceId: 'ticket-printer', step: 'begin' });
    expect(availability(host)).toMatchObject({ reason: 'restocking' });
    await host.call('staff:sign-out', {});
    expect(availability(host)).toMatchObject({ available: true });
  });

  it('out of service for the whole kiosk or one service, kept over a restart, back in service by staff', async () => {
    const first = await startHost();
    await signIn(first);
    expect(await first.call('staff:set-service', { target: 'identityTicket', inService: false })).toMatchObject({ kiosk: null, services: [{ service: 'identityTicket', by: DEMO_ACCOUNT_ID }] });
    expect(availability(first, 'identityTicket')).toMatchObject({ available: false, reason: 'outOfService' });
    expect(availability(first, 'takeTicket')).toMatchObject({ available: true });
    await first.call('staff:set-service', { target: 'kiosk', inService: false });
    expect(first.kiosk.api.snapshot().availability.map((a) => a.reason)).toEqual(['outOfService', 'outOfService', 'outOfService', 'outOfService']);
    await first.stopKeepingData();
    const second = await startHost(first.dir);
    expect(second.kiosk.api.snapshot().availability.every((a) => !a.available && a.reason === 'outOfService')).toBe(true);
    await signIn(second);
    await second.call('staff:set-service', { target: 'kiosk', inService: true });
    await second.call('staff:set-service', { target: 'identityTicket', inService: true });
    expect(availability(second, 'takeTicket')).toMatchObject({ available: true });
  });

  it('settles an uncertain ticket by the tickets CLI’s rule, logs forgotten items without ID numbers, counts today’s figures, and the chain verifies', async () => {
    const host = await startHost(undefined, 5);
    afterJobBytesSent(host, () => host.sim.setFaults({ unplugged: true }));
    expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 'u1' })).toMatchObject({ outcome: 'uncertain', number: 'A001' });
    host.sim.clearFaults();
    await signIn(host);
    const overview = await host.call('staff:overview', {});
    expect(overview.uncertainTickets).toMatchObject([{ day: '2026-11-23', number: 'A001', businessId: SI, businessName: { 'zh-CN': '社保医保' } }]);
    expect(overview.alerts.map((a) => a.code)).toContain('printUncertain');
    expect(await host.call('staff:settle-ticket', { day: '2026-11-23', number: 'A001', outcome: 'issued' })).toEqual([]);
    await expect(host.call('staff:settle-ticket', { day: '2026-11-23', number: 'A001', outcome: 'voided' })).rejects.toMatchObject({ info: { code: 'badRequest' } });

    await expect(host.call('staff:log-found-item', { kind: 'idCard', what: '身份证 520102199003071234' })).rejects.toMatchObject({ info: { code: 'badRequest' } });
    const [card] = await host.call('staff:log-found-item', { kind: 'idCard', what: '身份证（张*）' });
    expect(card).toMatchObject({ kind: 'idCard', what: '身份证（张*）', loggedBy: DEMO_ACCOUNT_ID, handedTo: null });
    expect((await host.call('staff:overview', {})).foundItemsWaiting).toBe(1);
    expect(await host.call('staff:hand-over', { id: card!.id, handedTo: '本人领取' })).toMatchObject([{ handedTo: '本人领取', handedBy: DEMO_ACCOUNT_ID }]);
    await expect(host.call('staff:hand-over', { id: card!.id, handedTo: '交服务台' })).rejects.toMatchObject({ info: { code: 'badRequest' } });

    const figures = await host.call('staff:figures', {});
    expect(figures.day).toBe('2026-11-23');
    expect(figures.ticketsByBusiness.find((b) => b.businessId === SI)).toMatchObject({ issued: 1, voided: 0, uncertain: 0 });
    expect(figures.ticketsByBusiness.find((b) => b.businessId === SI)!.byHour[10]).toBe(1);
    expect(figures.sessions.started).toBe(1);
    expect(figures.faults.some((f) => f.deviceId === 'ticket-printer')).toBe(true);

    const actions = host.kiosk.staff.audit.head()!;
    expect(actions.id).toBe(4); // signed in, settled, logged, handed over
    expect(readAuditHead(auditHeadPath(host.dir, 'training'))).toEqual(actions);
    expect(host.kiosk.staff.audit.verify()).toMatchObject({ ok: true, records: 4, head: actions, headWrittenOut: actions });
  });
});
