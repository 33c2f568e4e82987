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
  it('words a lost link for the link it is, so the person sent knows where to look', () => {
    const bus = new AlertBus(new ManualClock(0), SILENT_LOGGER);
    syncDeviceAlerts(bus, 'usb', { device: 'noDevice' }, 'usblp');
    syncDeviceAlerts(bus, 'lan', { device: 'offline' }, 'tcp');
    syncDeviceAlerts(bus, 'com', { device: 'noDevice' }, 'serial');
    syncDeviceAlerts(bus, 'sim', { device: 'noDevice' }, 'sim');
    expect(bus.active().map((a) => `${a.deviceId}:${a.code}/${a.actor}:${a.message}`)).toEqual([
      'usb:noDevice/technician:打印机 USB 连接已断开，请检查 USB 线和打印机电源；重新插好后自动恢复',
      'lan:offline/staff:网络打印机无响应（网络或交换机可能中断），正在自动重连',
      'com:noDevice/technician:设备串口连接已断开，请检查连接线和电源；恢复后自动重连',
      'sim:noDevice/technician:设备未连接',
    ]);
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
