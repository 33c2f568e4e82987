/**
 * Turns device status into alerts on the bus (ARCHITECTURE.md §8.8), routed by who must act: paper low and
 * paper out, an open cover → staff; a cutter error, a silent or missing device → technician. A garbled
 * reply is not in the status (the driver reports it as hardwareError), so a command that failed with
 * `garbledReply` raises it under its own code; it clears when the device answers properly again (online,
 * or a confirmed print).
 */
import type { Alert } from '../../../common/alerts';
import type { DeviceStatus } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import type { AlertBus } from '../alerts/alert-bus';

const MESSAGES: Record<Alert['code'] & string, string> = {
  paperLow: '纸卷将尽，请及时更换',
  paperOut: '打印机缺纸，请装纸',
  paperJam: '打印机卡纸，请清理',
  coverOpen: '打印机盖未关好',
  cutterError: '切刀故障，请联系技术人员',
  offline: '设备无响应',
  noDevice: '设备未连接',
  hardwareError: '设备硬件故障',
  garbledReply: '设备应答异常（乱码），请检查连接线与波特率',
} as Record<Alert['code'] & string, string>;

/** The alert conditions a status shows, as codes. */
export function alertCodes(status: DeviceStatus): Set<Alert['code']> {
  const codes = new Set<Alert['code']>();
  const p = status.printer;
  if (p?.paper === 'low') codes.add('paperLow');
  if (p?.paper === 'out') codes.add('paperOut');
  if (p?.paper === 'jammed') codes.add('paperJam');
  if (p?.coverOpen) codes.add('coverOpen');
  if (p?.cutterError) codes.add('cutterError');
  if (status.device === 'offline') codes.add('offline');
  if (status.device === 'noDevice') codes.add('noDevice');
  if (status.device === 'hardwareError' && !p?.cutterError) codes.add('hardwareError');
  return codes;
}

const WATCHED: Alert['code'][] = ['paperLow', 'paperOut', 'paperJam', 'coverOpen', 'cutterError', 'offline', 'noDevice', 'hardwareError'];

export function syncDeviceAlerts(bus: AlertBus, deviceId: string, status: DeviceStatus): void {
  const now = alertCodes(status);
  for (const code of WATCHED) {
    if (now.has(code)) bus.raise(deviceId, code, MESSAGES[code] ?? code);
    else bus.clear(deviceId, code);
  }
  if (status.device === 'online') bus.clear(deviceId, 'garbledReply');
}

/** A command on `deviceId` failed with `code`: a garbled reply becomes its own alert (technician). */
export function reportCommandFailure(bus: AlertBus, deviceId: string, code: ErrorCode): void {
  if (code === 'garbledReply') bus.raise(deviceId, 'garbledReply', MESSAGES.garbledReply ?? code);
}

/** A command on `deviceId` succeeded: the device answers properly again. */
export function reportCommandSuccess(bus: AlertBus, deviceId: string): void {
  bus.clear(deviceId, 'garbledReply');
}
