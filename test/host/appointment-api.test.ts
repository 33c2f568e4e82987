/**
 * 预约签到 through the composed host and its KioskApi (issue 14 items 6–7): the default training configuration
 * lists the service, the simulated scanner's label reaches the check-in screen as `appointment:changed`, and
 * 确认签到 prints the priority ticket on the simulated printer. The renderer cannot ask for priority itself.
 */
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../common/appointment';
import type { KioskEvent } from '../../common/kiosk-api';
import { validateRequest } from '../../common/kiosk-api-channels';
import type { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { startHost } from './kiosk-rig';

describe('appointment check-in over the KioskApi', () => {
  it('lists the service, reads the QR at the scanner, checks in and prints 预约签到 · 优先办理', async () => {
    const { kiosk, call, sim } = await startHost();
    kiosk.platformSim!.setFaults({ latencyMs: 0 });
    const snapshot = await call('kiosk:get-snapshot', {});
    expect(snapshot.availability.find((a) => a.service === 'appointmentCheckIn')).toEqual({ service: 'appointmentCheckIn', available: true });
    expect(snapshot.appointment.step).toBe('idle');
    const pushed: AppointmentView[] = [];
    kiosk.api.onPush((p: { event: KioskEvent }) => {
      if (p.event.type === 'appointment:changed') pushed.push(p.event.appointment);
    });
    await call('session:activity', {});
    expect(await call('appointment:begin', {})).toMatchObject({ step: 'scanning', inputs: { scanner: true, card: true } });
    const code = kiosk.platformSim!.appointments().find((a) => a.fixture === 'adult')!.code;
    kiosk.sims!.get('scanner')!.actions().scan!.start!({ data: code, symbology: 'qr' });
    await expect.poll(() => pushed.at(-1)?.step).toBe('found');
    const result = await call('appointment:check-in', { code, requestId: 'tap-1' });
    expect(result).toMatchObject({ checkedIn: true, ticket: { outcome: 'issued', ticket: { priority: true, businessId: 'social-insurance' } } });
    expect((sim as SimEscPosPrinter).printed().at(-1)!.lines.some((l) => l.includes('预约签到 · 优先办理'))).toBe(true);
  });

  it('refuses a check-in request that asks for priority, and a code of the wrong shape', () => {
    expect(validateRequest('appointment:check-in', { code: 'APT1.abcdefgh.0123456789abcdefghijkl', requestId: 'r1', priority: 50 })).toEqual({ ok: false, detail: 'unexpected field "priority"' });
    expect(validateRequest('appointment:check-in', { code: 'not a code', requestId: 'r1' })).toEqual({ ok: false, detail: 'code must be an appointment code' });
    expect(validateRequest('appointment:submit-code', { code: '' })).toMatchObject({ ok: false });
    expect(validateRequest('appointment:submit-code', { code: 'x'.repeat(5000) })).toMatchObject({ ok: false });
    expect(validateRequest('appointment:submit-code', { code: 'any QR text' })).toEqual({ ok: true, value: { code: 'any QR text' } });
  });
});
