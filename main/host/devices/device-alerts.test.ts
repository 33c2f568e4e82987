import { describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import { AlertBus } from '../alerts/alert-bus';
import { reportCommandFailure, reportCommandSuccess, syncDeviceAlerts } from './device-alerts';

describe('device status → alerts', () => {
  it('raises paper low for staff, replaces it with paper out, and clears both on a new roll', () => {
    const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
    syncDeviceAlerts(bus, 'ticket-printer', { device: 'online', printer: { paper: 'low' } });
    expect(bus.active().map((a) => `${a.code}/${a.actor}`)).toEqual(['paperLow/staff']);
    syncDeviceAlerts(bus, 'ticket-printer', { device: 'userError', printer: { paper: 'out' } });
    expect(bus.active().map((a) => `${a.code}/${a.actor}`)).toEqual(['paperOut/staff']);
    syncDeviceAlerts(bus, 'ticket-printer', { device: 'online', printer: { paper: 'full' } });
    expect(bus.active()).toEqual([]);
  });
  it('sends cutter errors and missing devices to the technician', () => {
    const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
    syncDeviceAlerts(bus, 'p', { device: 'hardwareError', printer: { cutterError: true } });
    syncDeviceAlerts(bus, 'q', { device: 'noDevice' });
    expect(bus.active().map((a) => `${a.deviceId}:${a.code}/${a.actor}`)).toEqual(['p:cutterError/technician', 'q:noDevice/technician']);
  });
});

describe('garbled replies', () => {
  it('raise garbledReply for the technician (not a generic hardware error) and clear when the device answers again', () => {
    const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
    reportCommandFailure(bus, 'p', 'paperOut'); // other codes come from the status, not from here
    reportCommandFailure(bus, 'p', 'garbledReply');
    expect(bus.active().map((a) => `${a.code}/${a.actor}`)).toEqual(['garbledReply/technician']);
    reportCommandSuccess(bus, 'p');
    expect(bus.active()).toEqual([]);
    reportCommandFailure(bus, 'p', 'garbledReply');
    syncDeviceAlerts(bus, 'p', { device: 'online', printer: { paper: 'full' } });
    expect(bus.active()).toEqual([]);
  });
});
