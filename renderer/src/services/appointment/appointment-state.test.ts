/** 预约签到's slice (issue 14 item 7): a late answer for another tap is ignored; busy while checking in. */
import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../../common/errors';
import { makeTicket } from '../../test-support/fixtures';
import { appointmentReducer, INITIAL_APPOINTMENT_STATE, isAppointmentBusy } from './appointment-state';

describe('appointmentReducer', () => {
  it('checking in is busy; its answer picks the ticket or the outcome; a stale answer changes nothing', () => {
    const checking = appointmentReducer(INITIAL_APPOINTMENT_STATE, { type: 'appointment/requested', code: 'APT1.c', requestId: 'r1' });
    expect(isAppointmentBusy(checking)).toBe(true);
    expect(appointmentReducer(checking, { type: 'appointment/settled', requestId: 'r0', result: { checkedIn: false, error: errorInfo('appointmentUsed') } })).toBe(checking);
    expect(appointmentReducer(checking, { type: 'appointment/scan' })).toBe(checking);
    const ticket = makeTicket({ priority: true });
    expect(appointmentReducer(checking, { type: 'appointment/settled', requestId: 'r1', result: { checkedIn: true, ticket: { outcome: 'issued', ticket } } })).toEqual({ stage: 'ticket', ticket, requestId: 'r1' });
    expect(appointmentReducer(checking, { type: 'appointment/settled', requestId: 'r1', result: { checkedIn: false, error: errorInfo('appointmentEarly'), opensAtLocal: '2025-03-14 16:30' } })).toEqual({
      stage: 'outcome',
      outcome: { kind: 'refused', error: errorInfo('appointmentEarly'), opensAtLocal: '2025-03-14 16:30' },
      code: 'APT1.c',
      requestId: 'r1',
    });
  });

  it('a presented ticket leaving the mouth is matched by its number', () => {
    const ticket = makeTicket({ delivery: 'presented' });
    const shown = { stage: 'ticket' as const, ticket, requestId: 'r1' };
    expect(appointmentReducer(shown, { type: 'appointment/delivery', number: 'B001', delivery: 'taken' })).toBe(shown);
    expect(appointmentReducer(shown, { type: 'appointment/delivery', number: ticket.number, delivery: 'taken' })).toMatchObject({ ticket: { delivery: 'taken' } });
  });
});
