/**
 * 预约签到, the check-in (issue 14 item 7; ARCHITECTURE.md §8.3): the platform simulator checks the appointment
 * in under this kiosk's key for the code, and the ticket that jumps the queue is taken (weight above 绿色通道,
 * printed 预约签到 · 优先办理, bound to the card's HMAC when the card was used). A retry after a lost reply gets
 * the first check-in and the same ticket; a replayed code is refused; a print that fails after the check-in
 * says the appointment is checked in and never makes a second number.
 */
import { describe, expect, it } from 'vitest';
import type { AppointmentCheckInResult } from '../../common/appointment';
import { fixturePerson } from '../../devices-sim/platform/seed-appointments';
import { platformCheckIn } from '../../main/host/appointments/appointment-check-in';
import { appointmentTicketRequestId } from '../../main/host/appointments/appointment-keys';
import { APPOINTMENT_PRIORITY_WEIGHT, ELDERLY_PRIORITY_WEIGHT } from '../../main/host/tickets/queue-adapter';
import { appointmentRig, linesOf, MONDAY_10AM, type AppointmentRig } from './appointment-rig';

async function found(r: AppointmentRig, fixture: string): Promise<string> {
  r.appointments.begin();
  r.appointments.submitCode(r.codeOf(fixture));
  expect(await r.settled()).toMatchObject({ step: 'found' });
  return r.codeOf(fixture);
}

const issued = (result: AppointmentCheckInResult) => {
  if (!result.checkedIn || result.ticket.outcome !== 'issued') throw new Error(`not issued: ${JSON.stringify(result)}`);
  return result.ticket.ticket;
};

describe('AppointmentService: check-in', () => {
  it('checks in and prints a priority ticket: 预约签到 · 优先办理, weight above 绿色通道, reason appointment', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    const ticket = issued(await r.appointments.checkIn({ code, requestId: 'tap-1' }));
    expect(ticket).toMatchObject({ businessId: 'social-insurance', priority: true, number: expect.stringMatching(/^[A-Z]\d{3}$/) });
    expect(linesOf(r.printed[0]!)).toContain('预约签到 · 优先办理');
    expect(linesOf(r.printed[0]!)).not.toContain('绿色通道 · 优先办理');
    const record = r.queue.findByRequest(appointmentTicketRequestId(code))!;
    expect(record).toMatchObject({ status: 'issued', priority: APPOINTMENT_PRIORITY_WEIGHT, priorityReason: 'appointment' });
    expect(APPOINTMENT_PRIORITY_WEIGHT).toBeGreaterThan(ELDERLY_PRIORITY_WEIGHT);
    expect(r.sim.appointments().find((a) => a.code === code)).toMatchObject({ status: 'checkedIn' });
    // Done: the scanner is no longer read for this session.
    const views = r.views.length;
    await r.scan(r.codeOf('foreign2023'));
    expect(r.views.length).toBe(views);
  });

  it('the same tap again answers the first result: one check-in call, one ticket', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    const [a, b] = await Promise.all([r.appointments.checkIn({ code, requestId: 'tap-1' }), r.appointments.checkIn({ code, requestId: 'tap-1' })]);
    expect(b).toBe(a);
    expect(await r.appointments.checkIn({ code, requestId: 'tap-1' })).toBe(a);
    expect(r.checkInCalls()).toHaveLength(1);
    expect(r.printed).toHaveLength(1);
  });

  it('binds the ticket to the card’s HMAC when the card found the appointment', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    r.identify('adult', 'c'.repeat(64));
    r.appointments.findByCard();
    const view = await r.settled();
    const code = view.appointments![0]!.code;
    issued(await r.appointments.checkIn({ code, requestId: 'tap-1' }));
    const idHmac = r.db.prepare('SELECT id_hmac FROM tickets WHERE request_id = ?').pluck().get(appointmentTicketRequestId(code));
    expect(idHmac).toBe('c'.repeat(64));
  });

  it('a timeout (the platform checked in, the answer lost) then a retry: the same key gets checkedIn, one ticket', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    r.sim.setFaults({ timeout: true });
    const first = r.appointments.checkIn({ code, requestId: 'tap-1' });
    await r.sim.whenHeld(1);
    r.clock.advance(5_000);
    expect(await first).toEqual({ checkedIn: false, error: expect.objectContaining({ code: 'platformTimeout' }) });
    expect(r.sim.appointments().find((a) => a.code === code)).toMatchObject({ status: 'checkedIn' });
    r.sim.clearFaults();
    r.sim.setFaults({ latencyMs: 0 });
    issued(await r.appointments.checkIn({ code, requestId: 'tap-2' }));
    expect(r.printed).toHaveLength(1);
  });

  it('a 5xx on check-in: platformUnavailable, nothing printed; the retry checks in', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    r.sim.setFaults({ serverError: 502 });
    expect(await r.appointments.checkIn({ code, requestId: 'tap-1' })).toMatchObject({ checkedIn: false, error: { code: 'platformUnavailable' } });
    expect(r.printed).toEqual([]);
    r.sim.setFaults({ serverError: false });
    issued(await r.appointments.checkIn({ code, requestId: 'tap-2' }));
  });

  it('a replay: the code shown again in a later session here, and at another kiosk, is appointmentUsed', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    issued(await r.appointments.checkIn({ code, requestId: 'tap-1' }));
    r.session.end('done');
    r.appointments.begin();
    r.appointments.submitCode(code);
    expect(await r.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentUsed' } });
    const other = await appointmentRig({ kioskId: 'kiosk-02', sim: r.sim, clock: r.clock });
    other.appointments.begin();
    other.appointments.submitCode(code);
    expect(await other.settled()).toMatchObject({ step: 'refused', error: { code: 'appointmentUsed' } });
  });

  it('the host crashed between the platform’s check-in and the ticket: the code again finds it checked in by this kiosk and prints', async () => {
    const r = await appointmentRig();
    const code = r.codeOf('adult');
    expect(await platformCheckIn({ clock: r.clock, kioskId: 'kiosk-01' }, r.platform, code)).toMatchObject({ ok: true, value: { outcome: 'checkedIn' } });
    await found(r, 'adult');
    issued(await r.appointments.checkIn({ code, requestId: 'tap-1' }));
  });

  it('the session ends while the platform checks in: no ticket for the next citizen; the code again later prints it', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    r.sim.setFaults({ latencyMs: 1_000 });
    const pending = r.appointments.checkIn({ code, requestId: 'tap-1' });
    await r.sim.whenHeld(1);
    r.session.end('staff');
    r.clock.advance(1_000);
    expect(await pending).toMatchObject({ checkedIn: true, ticket: { outcome: 'refused', error: { code: 'canceled' } } });
    expect(r.printed).toEqual([]);
    r.sim.setFaults({ latencyMs: 0 });
    expect(await found(r, 'adult')).toBe(code); // checked in by this kiosk, no ticket yet: open again
    issued(await r.appointments.checkIn({ code, requestId: 'tap-2' }));
  });

  it('the print fails after the check-in: checked in, the ticket voided; asking again never makes a second number', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    r.setPrint(r.paperOut);
    const first = await r.appointments.checkIn({ code, requestId: 'tap-1' });
    expect(first).toMatchObject({ checkedIn: true, ticket: { outcome: 'voided', error: { code: 'paperOut' } } });
    r.setPrint({ outcome: 'confirmed' });
    expect(await r.appointments.checkIn({ code, requestId: 'tap-2' })).toEqual(first);
    expect(r.printed).toHaveLength(1);
  });

  it('nothing is asked of the platform while the ticket could not be printed', async () => {
    const r = await appointmentRig();
    const code = await found(r, 'adult');
    r.setPrinterAvailable(false);
    expect(await r.appointments.checkIn({ code, requestId: 'tap-1' })).toMatchObject({ checkedIn: false, error: { code: 'paperOut' } });
    expect(r.checkInCalls()).toEqual([]);
  });

  it('refuses a code not shown in this session, and an early one the screen showed as early', async () => {
    const r = await appointmentRig();
    r.appointments.begin();
    expect(await r.appointments.checkIn({ code: r.codeOf('adult'), requestId: 'tap-1' })).toMatchObject({ checkedIn: false, error: { code: 'appointmentUnknown' } });
    r.appointments.submitCode(r.codeOf('over70'));
    await r.settled();
    expect(await r.appointments.checkIn({ code: r.codeOf('over70'), requestId: 'tap-2' })).toEqual({
      checkedIn: false,
      error: expect.objectContaining({ code: 'appointmentEarly' }),
      opensAtLocal: '2026-11-23 12:30',
    });
    expect(r.checkInCalls()).toEqual([]);
  });

  it('a platform that said early keeps that answer under the key: once check-in opened, the next key checks in', async () => {
    const r = await appointmentRig();
    const listing = r.sim.createAppointment({ ...fixturePerson('adult'), businessId: 'housing-fund', windowStartMs: MONDAY_10AM + 40 * 60_000, windowEndMs: MONDAY_10AM + 70 * 60_000 });
    const deps = { clock: r.clock, kioskId: 'kiosk-01' };
    expect(await platformCheckIn(deps, r.platform, listing.code)).toMatchObject({ ok: true, value: { outcome: 'early' } });
    r.clock.advance(11 * 60_000);
    expect(await platformCheckIn(deps, r.platform, listing.code)).toMatchObject({ ok: true, value: { outcome: 'checkedIn' } });
    expect(r.checkInCalls()).toHaveLength(3); // early, the same key's remembered early, the next key
  });
});

describe('the queue order', () => {
  it('an appointment ticket is called before 绿色通道 and ordinary ones taken earlier', async () => {
    const r = await appointmentRig();
    r.session.current();
    const ordinary = await r.tickets.take({ businessId: 'social-insurance', requestId: 'ordinary' });
    r.session.end('done');
    r.session.current();
    const elderly = await r.tickets.take({ businessId: 'social-insurance', requestId: 'elderly' }, { priority: { weight: ELDERLY_PRIORITY_WEIGHT, reason: 'elderly' } });
    r.session.end('done');
    const code = await found(r, 'adult');
    const appointment = issued(await r.appointments.checkIn({ code, requestId: 'tap-1' }));
    const numbers = [ordinary, elderly].map((t) => (t.outcome === 'issued' ? t.ticket.number : 'none'));
    expect(appointment.peopleAhead).toBe(0);
    const called = [1, 2, 3].map(() => r.queue.callNext(['social-insurance'])?.number);
    expect(called).toEqual([appointment.number, numbers[1], numbers[0]]);
  });
});
