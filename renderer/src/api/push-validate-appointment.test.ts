/** `appointment:changed` pushes (issue 14 item 7) are shape-checked like every other (push-validate.ts). */
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../../common/appointment';
import { errorInfo } from '../../../common/errors';
import { OPEN_BUSINESS } from '../test-support/fixtures';
import { parseHostEvent } from './push-validate';

const FOUND: AppointmentView = {
  step: 'refused',
  inputs: { scanner: true, card: false },
  source: 'code',
  appointments: [
    {
      code: 'APT1.eyJpZCI6IkFCQyJ9.0123456789abcdefghijkl',
      businessId: OPEN_BUSINESS.id,
      businessName: OPEN_BUSINESS.name,
      zone: OPEN_BUSINESS.zone,
      windowStartLocal: '2025-03-14 16:00',
      windowEndLocal: '2025-03-14 17:00',
      personMaskedName: '张**',
      standing: 'early',
      opensAtLocal: '2025-03-14 15:30',
    },
  ],
  error: errorInfo('appointmentEarly'),
  opensAtLocal: '2025-03-14 15:30',
};

describe('parseHostEvent: appointment:changed', () => {
  it('accepts the view as it is, and keeps only the contract fields', () => {
    expect(parseHostEvent({ type: 'appointment:changed', appointment: structuredClone(FOUND) })).toEqual({ ok: true, value: { type: 'appointment:changed', appointment: FOUND } });
    const idle = { step: 'idle', inputs: { scanner: false, card: false }, idNumber: '520102199001011234' };
    expect(parseHostEvent({ type: 'appointment:changed', appointment: idle })).toEqual({ ok: true, value: { type: 'appointment:changed', appointment: { step: 'idle', inputs: { scanner: false, card: false } } } });
  });

  it('refuses a malformed view, naming the field and never its value', () => {
    const cases: [unknown, string][] = [
      [{ step: 'checkedIn', inputs: { scanner: true, card: true } }, 'appointment.step must be one of'],
      [{ step: 'found', inputs: { scanner: 'yes', card: true } }, 'appointment.inputs must say scanner and card as booleans'],
      [{ ...FOUND, appointments: [{ ...FOUND.appointments![0], standing: 'soon' }] }, 'appointment.appointments[0].standing must be one of'],
      [{ ...FOUND, appointments: [{ ...FOUND.appointments![0], personMaskedName: 5 }] }, 'appointment.appointments[0].personMaskedName must be a string'],
      [{ ...FOUND, error: { code: '520102199001011234' } }, 'appointment.error.code must be an error code'],
    ];
    for (const [appointment, detail] of cases) {
      const checked = parseHostEvent({ type: 'appointment:changed', appointment });
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.detail).toContain(detail);
        expect(checked.detail).not.toContain('520102');
      }
    }
  });
});
