/** An appointment judged in hall time (issue 14 item 7): open from half an hour before its window to its end. */
import { describe, expect, it } from 'vitest';
import type { Appointment } from '../../../common/platform-api';
import { appointmentChoice, mostUseful } from './appointment-standing';
import { appointmentTicketRequestId, checkInKey } from './appointment-keys';

const BUSINESS = { name: { 'zh-CN': '社保医保' }, zone: { 'zh-CN': '二楼 A 区' } };
const A: Appointment = { code: 'APT1.x', businessId: 'si', windowStart: '2026-11-23T10:00:00+08:00', windowEnd: '2026-11-23T10:30:00+08:00', personMaskedName: '张*', status: 'booked' };
const at = (local: string): number => Date.parse(`2026-11-23T${local}:00+08:00`);
const standing = (local: string, a: Appointment = A) => appointmentChoice(a, BUSINESS, at(local), 'Asia/Shanghai').standing;

describe('appointmentChoice', () => {
  it('early until 30 minutes before the window, open through its end, late after; used once checked in', () => {
    expect(standing('09:29')).toBe('early');
    expect(standing('09:30')).toBe('open');
    expect(standing('10:30')).toBe('open');
    expect(standing('10:31')).toBe('late');
    expect(standing('10:00', { ...A, status: 'checkedIn' })).toBe('used');
  });

  it('shows the window and the opening in hall time, whatever the machine’s zone', () => {
    expect(appointmentChoice(A, BUSINESS, at('08:00'), 'Asia/Shanghai')).toMatchObject({ windowStartLocal: '2026-11-23 10:00', windowEndLocal: '2026-11-23 10:30', opensAtLocal: '2026-11-23 09:30', standing: 'early' });
  });

  it('of several not open, the next to open says most', () => {
    const late = appointmentChoice(A, BUSINESS, at('11:00'), 'Asia/Shanghai');
    const early = appointmentChoice({ ...A, windowStart: '2026-11-23T15:00:00+08:00', windowEnd: '2026-11-23T16:00:00+08:00' }, BUSINESS, at('11:00'), 'Asia/Shanghai');
    expect(mostUseful([late, early])).toBe(early);
  });
});

describe('the names a check-in is carried under (ARCHITECTURE.md §8.3)', () => {
  it('the same for the same kiosk and code, different for another kiosk or after a stale early; in the platform’s key alphabet', () => {
    const key = checkInKey('kiosk-01', 'APT1.a.b');
    expect(key).toBe(checkInKey('kiosk-01', 'APT1.a.b'));
    expect(key).not.toBe(checkInKey('kiosk-02', 'APT1.a.b'));
    expect(key).not.toBe(checkInKey('kiosk-01', 'APT1.a.b', '2026-11-23T09:30:00+08:00'));
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{8,128}$/);
  });

  it('the ticket’s request id has a dot, which the renderer’s ids never have', () => {
    expect(appointmentTicketRequestId('APT1.a.b')).toMatch(/^apt\.[A-Za-z0-9_-]{32}$/);
    expect(appointmentTicketRequestId('APT1.a.b')).toBe(appointmentTicketRequestId('APT1.a.b'));
  });
});
