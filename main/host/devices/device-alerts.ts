/**
 * Turns device status into alerts on the bus (ARCHITECTURE.md §8.8), routed by who must act: paper low and
 * paper out, an open cover → staff; a cutter error, a silent or missing device → technician. A garbled
 * reply is not in the status (the driver reports it as hardwareError), so a command that failed with
 * `garbledReply` raises it under its own code; it clears when the device answers properly again (online,
 * or a confirmed print). A lost link is worded for the link it is (issue 13 §2): the USB cable, the network
 * printer's switch and cable, or the serial cable, each saying it comes back by itself.
 */
import type { Alert } from '../../../common/alerts';
import type { DeviceStatus, TransportConfig } from '../../../common/device';
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

/** noDevice and offline in the words of the link that was lost. */
const LINK_MESSAGES: Partial<Record<TransportConfig['kind'], Partial<Record<'noDevice' | 'offline', string>>>> = {
  usblp: { noDevice: '打印机 USB 连接已断开，请检查 USB 线和打印机电源；重新插好后自动恢复' },
  tcp: {
    noDevice: '网络打印机连接中断，请检查打印机电源、网线和交换机；恢复后自动重连',
    offline: '网络打印机无响应（网络或交换机可能中断），正在自动重连',
  },
  serial: { noDevice: '设备串口连接已断开，请检查连接线和电源；恢复后自动重连' },
};

function messageFor(code: Alert['code'] & string, link: TransportConfig['kind'] | undefined): string {
  const worded = link && (code === 'noDevice' || code === 'offline') ? LINK_MESSAGES[link]?.[code] : undefined;
  return worded ?? MESSAGES[code] ?? code;
}

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

/** `link`: the device's transport kind, for the words of a lost link. */
export function syncDeviceAlerts(bus: AlertBus, deviceId: string, status: DeviceStatus, link?: TransportConfig['kind']): void {
  const now = alertCodes(status);
  for (const code of WATCHED) {
    if (now.has(code)) bus.raise(deviceId, code, messageFor(code, link));
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
