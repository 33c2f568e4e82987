import { describe, expect, it } from 'vitest';
import type { BusinessConfig, QueueCalendar } from '../config/config-types';
import { loadConfig } from '../config/load-config';
import { businessWindow } from './business-hours';
import { at } from './test-manual-clock';

const config = loadConfig({ env: {} });
const TZ = 'Asia/Shanghai';
const calendar = config.queue.calendar;
const [A, B, , D] = config.queue.businesses as [BusinessConfig, BusinessConfig, BusinessConfig, BusinessConfig];

/** Hall time in Asia/Shanghai (UTC+8), so the tests read like the hall's clock. */
const local = (dateTime: string): number => at(`${dateTime}+08:00`);

describe('businessWindow', () => {
  it('is open inside a period and closed before the first one (2026-11-23 is a Monday)', () => {
    expect(businessWindow(A, calendar, TZ, local('2026-11-23T09:00:00'))).toEqual({
      open: true,
      hoursToday: ['09:00-12:00', '13:30-17:30'],
    });
    expect(businessWindow(A, calendar, TZ, local('2026-11-23T08:59:59'))).toEqual({
      open: false,
      closedReason: 'beforeHours',
      hoursToday: ['09:00-12:00', '13:30-17:30'],
      nextOpen: '2026-11-23 09:00',
    });
  });

  it('stops issuing 30 minutes before each period closes', () => {
    expect(businessWindow(A, calendar, TZ, local('2026-11-23T11:29:59')).open).toBe(true);
    const morning = businessWindow(A, calendar, TZ, local('2026-11-23T11:30:00'));
    expect(morning).toMatchObject({ open: false, closedReason: 'stoppedIssuing', nextOpen: '2026-11-23 13:30' });
    const evening = businessWindow(A, calendar, TZ, local('2026-11-23T17:10:00'));
    expect(evening).toMatchObject({ open: false, closedReason: 'stoppedIssuing', nextOpen: '2026-11-24 09:00' });
  });

  it('counts the lunch break as before the afternoon period', () => {
    expect(businessWindow(B, calendar, TZ, local('2026-11-23T12:15:00'))).toMatchObject({
      open: false,
      closedReason: 'beforeHours',
      nextOpen: '2026-11-23 13:30',
    });
    expect(businessWindow(B, calendar, TZ, local('2026-11-23T13:30:00')).open).toBe(true);
  });

  it('is after hours once the last period ended, and finds Monday from Friday evening', () => {
    expect(businessWindow(B, calendar, TZ, local('2026-11-27T17:30:00'))).toMatchObject({
      open: false,
      closedReason: 'afterHours',
      nextOpen: '2026-11-30 09:00',
    });
  });

  it('opens A on Saturday morning only; B does not serve on Saturday', () => {
    expect(businessWindow(A, calendar, TZ, local('2026-11-28T10:00:00'))).toEqual({ open: true, hoursToday: ['09:00-12:00'] });
    expect(businessWindow(B, calendar, TZ, local('2026-11-28T10:00:00'))).toEqual({
      open: false,
      closedReason: 'notServiceDay',
      hoursToday: [],
      nextOpen: '2026-11-30 09:00',
    });
  });

  it('closes on a holiday and looks past the whole National Day week', () => {
    expect(businessWindow(A, calendar, TZ, local('2026-10-01T10:00:00'))).toEqual({
      open: false,
      closedReason: 'holiday',
      hoursToday: [],
      nextOpen: '2026-10-08 09:00',
    });
    expect(businessWindow(B, calendar, TZ, local('2026-09-30T18:00:00')).nextOpen).toBe('2026-10-08 09:00');
  });

  it('works a 调休 make-up day with the hours of its hoursOf weekday', () => {
    // 2026-10-10 is a Saturday made a working day with Friday's hours: B, closed on Saturdays, opens.
    expect(businessWindow(B, calendar, TZ, local('2026-10-10T14:00:00'))).toEqual({
      open: true,
      hoursToday: ['09:00-12:00', '13:30-17:30'],
    });
    // 2026-09-20 is a Sunday worked with Monday's hours.
    expect(businessWindow(B, calendar, TZ, local('2026-09-20T09:30:00')).open).toBe(true);
    // The day is the hall's: 16:30 UTC on the 9th is already 00:30 on the 10th in Guiyang.
    expect(businessWindow(B, calendar, TZ, at('2026-10-09T16:30:00Z'))).toMatchObject({
      open: false,
      closedReason: 'beforeHours',
      nextOpen: '2026-10-10 09:00',
    });
  });

  it('keeps a 24-hour service open at any time, holidays included', () => {
    for (const t of ['2026-11-23T00:00:00', '2026-11-23T12:00:00', '2026-11-22T23:59:59', '2026-10-01T03:00:00']) {
      expect(businessWindow(D, calendar, TZ, local(t))).toEqual({ open: true, hoursToday: ['00:00-24:00'] });
    }
    const notOnHolidays = { ...D, openOnHolidays: false };
    expect(businessWindow(notOnHolidays, calendar, TZ, local('2026-10-01T03:00:00'))).toMatchObject({
      closedReason: 'holiday',
      nextOpen: '2026-10-08 00:00',
    });
  });

  it('applies the stop margin only where a period really closes', () => {
    const margin = { ...D, stopIssuingMinutesBeforeClose: 30 };
    // 24:00 runs into 00:00 the next day: no closing at midnight.
    expect(businessWindow(margin, calendar, TZ, local('2026-11-23T23:45:00')).open).toBe(true);
    // Without Sunday hours, Saturday's 24:00 is a real close.
    const noSunday = { ...margin, hours: { ...margin.hours, sun: [] } };
    expect(businessWindow(noSunday, calendar, TZ, local('2026-11-28T23:45:00'))).toMatchObject({
      open: false,
      closedReason: 'stoppedIssuing',
      nextOpen: '2026-11-30 00:00',
    });
    // Two periods that touch (12:00 | 12:00) do not close at noon either.
    const split = { ...margin, hours: { mon: ['08:00-12:00', '12:00-18:00'] } };
    expect(businessWindow(split, calendar, TZ, local('2026-11-23T11:50:00')).open).toBe(true);
    expect(businessWindow(split, calendar, TZ, local('2026-11-23T17:40:00')).closedReason).toBe('stoppedIssuing');
  });

  it('gives no nextOpen when nothing opens within 14 days', () => {
    const calendarWithout: QueueCalendar = { holidays: [], workdays: [] };
    const never = { ...B, hours: {} };
    expect(businessWindow(never, calendarWithout, TZ, local('2026-11-23T10:00:00'))).toEqual({
      open: false,
      closedReason: 'notServiceDay',
      hoursToday: [],
    });
    // Sunday hours only, asked on a Monday after a holiday fortnight: 15 days ahead is out of reach.
    const sundays = { ...B, hours: { sun: ['09:00-12:00'] } };
    const fortnight: QueueCalendar = { holidays: ['2026-11-29', '2026-12-06'], workdays: [] };
    expect(businessWindow(sundays, fortnight, TZ, local('2026-11-23T10:00:00')).nextOpen).toBeUndefined();
    expect(businessWindow(sundays, calendarWithout, TZ, local('2026-11-23T10:00:00')).nextOpen).toBe('2026-11-29 09:00');
  });
});
