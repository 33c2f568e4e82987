/**
 * What a device reports, in plain words for the technician screens (issue 15 §3): its state and status
 * blocks, its roles, link, lifecycle and capabilities. Words come from the staff catalog; anything the
 * catalog does not know (a new driver's state, a new link kind) is shown as the host named it.
 */
import { DEVICE_ROLES, type DeviceRole, type DeviceState, type DeviceStatus } from '../../../../common/device';
import type { DeviceDiagnostics, HealthLevelName } from '../../../../common/diagnostics';
import { localParts } from '../../../../common/local-time';
import type { StaffMessageId, StaffText } from '../i18n/staff-text';

type Say = StaffText['s'];

export const HEALTH_LEVELS: readonly HealthLevelName[] = ['internal', 'external', 'interactive'];

const STATES: readonly DeviceState[] = ['starting', 'online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy', 'fraudAttempt'];

export function stateWords(state: string, s: Say): string {
  return (STATES as readonly string[]).includes(state) ? s(`device.${state as DeviceState}`) : state;
}

/** The whole status, one phrase per thing it says: "工作正常", "纸张不多，请准备更换纸卷", "安全模块正常". */
export function statusWords(status: DeviceStatus, s: Say): string[] {
  const out = [stateWords(status.device, s)];
  const p = status.printer;
  if (p) {
    if (p.paper !== undefined) out.push(s(`paper.${p.paper}`));
    if (p.coverOpen) out.push(s('supply.coverOpen'));
    if (p.cutterError) out.push(s('tech.status.cutterError'));
    if (p.mediaPresented) out.push(s('supply.mediaPresented'));
    if (p.headOverheat) out.push(s('tech.status.headOverheat'));
  }
  const c = status.cardReader;
  if (c) {
    if (c.cardPresent !== undefined) out.push(s(c.cardPresent ? 'tech.status.cardPresent' : 'tech.status.noCard'));
    if (c.sam !== undefined) out.push(s(c.sam === 'ok' ? 'tech.status.samOk' : 'tech.status.samError'));
  }
  const f = status.fingerprint;
  if (f?.fingerPresent !== undefined) out.push(s(f.fingerPresent ? 'tech.status.fingerPresent' : 'tech.status.noFinger'));
  const sc = status.scanner;
  if (sc?.scanning !== undefined) out.push(s(sc.scanning ? 'tech.status.scanning' : 'tech.status.notScanning'));
  const cam = status.camera;
  if (cam) {
    if (cam.streaming !== undefined) out.push(s(cam.streaming ? 'tech.status.streaming' : 'tech.status.notStreaming'));
    if (cam.documentPresent) out.push(s('tech.status.documentPresent'));
  }
  return out;
}

export function roleWords(role: DeviceRole | string, s: Say): string {
  return (DEVICE_ROLES as readonly string[]).includes(role) ? s(`tech.role.${role as DeviceRole}`) : role;
}

export function rolesWords(roles: readonly string[], s: Say): string {
  return roles.map((r) => roleWords(r, s)).join(s('overview.listSeparator'));
}

const LINK_KINDS = ['serial', 'tcp', 'usb', 'usblp', 'hid', 'uvc', 'ipp', 'http', 'sim'] as const;
type LinkKind = (typeof LINK_KINDS)[number];

/** "串口 /dev/ttyUSB0，9600 波特", "网络 192.168.1.50:9100", "模拟设备（培训模式）". */
export function linkWords(transport: DeviceDiagnostics['transport'], s: Say): string {
  const { kind, port, baudRate } = transport;
  if (!(LINK_KINDS as readonly string[]).includes(kind)) return [kind, port].filter((x) => x !== null && x !== '').join(' ');
  if (kind === 'serial') return s('tech.link.serial', { port: port ?? '', baud: baudRate ?? '' });
  return s(`tech.link.${kind as LinkKind}`, { port: port ?? '' }).trim();
}

const LIFECYCLES = ['closed', 'open', 'claimed', 'enabled'] as const;

export function lifecycleWords(lifecycle: string, s: Say): string {
  return (LIFECYCLES as readonly string[]).includes(lifecycle) ? s(`tech.lifecycle.${lifecycle as (typeof LIFECYCLES)[number]}`) : lifecycle;
}

const CAPABILITIES = ['printer', 'cardReader', 'fingerprint', 'scanner', 'camera'] as const;

export function capabilityWords(capabilities: readonly string[], s: Say): string {
  if (capabilities.length === 0) return s('tech.device.noCapabilities');
  return capabilities
    .map((c) => ((CAPABILITIES as readonly string[]).includes(c) ? s(`tech.capability.${c as (typeof CAPABILITIES)[number]}`) : c))
    .join(s('overview.listSeparator'));
}

const PRINTER_ROLES: readonly string[] = ['ticketPrinter', 'receiptPrinter', 'documentPrinter'];

/** What the technician does during the interactive check, per role the device plays (each said once). */
export function interactiveSteps(roles: readonly string[]): StaffMessageId[] {
  const ids = roles.map((role): StaffMessageId => {
    if (PRINTER_ROLES.includes(role)) return 'tech.health.do.printer';
    switch (role) {
      case 'idCardReader':
        return 'tech.health.do.idCardReader';
      case 'fingerprintReader':
        return 'tech.health.do.fingerprintReader';
      case 'barcodeScanner':
        return 'tech.health.do.barcodeScanner';
      case 'faceCamera':
      case 'documentCamera':
        return 'tech.health.do.camera';
      default:
        return 'tech.health.do.other';
    }
  });
  return [...new Set(ids)];
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "14:05:07" in hall time: frames come a second apart, so the seconds matter. */
export function clockWithSeconds(epochMs: number, timeZone: string): string {
  const p = localParts(epochMs, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** The first 16 hex digits of a hash, enough to compare with the head written out. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
}
