/**
 * The fake host's technician side (issue 15 §3), for renderer tests: a small but honest in-memory model of
 * main/host/diagnostics/technician-desk.ts. Requests are checked with the contract's validators and refused
 * as the host refuses them (`badRequest`, with the host's words); a few devices report what they are; health
 * checks answer (and remember the last one); each device's frame log grows (`addFrames`, and every health
 * check and raw command adds its exchange); maintenance mode claims a device for the technician signed in
 * and withdraws the citizen services that need it (reason `maintenance`), and the raw console refuses outside
 * it; the editor refuses a simulated device, tests the port (a path not in `presentPorts` fails, nothing is
 * saved) and applies a change with a backup; the bundle and the audit chain answer what the test set.
 */
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import type {
  AuditStatusView,
  BundleView,
  DeviceDiagnostics,
  DeviceEditResult,
  FrameView,
  HealthLevelName,
  HealthView,
  RawCommandView,
} from '../../../common/diagnostics';
import { errorInfo } from '../../../common/errors';
import { KioskApiError, type ApiChannel, type KioskEvent, type KioskSnapshot } from '../../../common/kiosk-api';
import { validateRequest, type ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import { HOST_NOW_MS } from './fixtures';

export type TechnicianChannel = Extract<ApiChannel, `tech:${string}`>;

/** What the desk needs of the fake host. */
export interface FakeTechnicianHost {
  snapshot: KioskSnapshot;
  push(event: KioskEvent): void;
}

/** The host's form of a technician-facing message (diagnostics-error.ts `bilingual`). */
const bilingual = (zh: string, en: string): string => `${zh} / ${en}`;

/** main/host/diagnostics/technician-desk.ts `editable`, for a simulated device. */
export const SIM_NOT_EDITABLE = bilingual('模拟设备没有端口可改：在配置文件中把它的 transport 改为真实端口', 'a simulated device has no port to change: give it a real transport in the configuration file');

/** The citizen services a held device takes away, by the roles it plays (availability-service.ts SERVICE_NEEDS, in short). */
const SERVICES_OF_ROLE: Readonly<Record<string, readonly CitizenService[]>> = {
  ticketPrinter: ['takeTicket', 'identityTicket', 'appointmentCheckIn'],
  idCardReader: ['identityTicket'],
};

function refuse(detail: string): never {
  throw new KioskApiError(errorInfo('badRequest', detail));
}

function checked<C extends TechnicianChannel>(channel: C, request: unknown) {
  const result = validateRequest(channel, request);
  if (!result.ok) refuse(`${channel}: ${result.detail}`);
  return result.value;
}

/** hex-input.ts `parseHexStrict`, in short: pairs of hex digits, grouped as typed, `0x` allowed. */
function parseHex(text: string): number[] {
  const groups = text.trim() === '' ? [] : text.trim().split(/\s+/u);
  if (groups.length === 0) refuse(bilingual('请输入要发送的十六进制字节,例如 10 04 01', 'enter the bytes to send as hex, e.g. 10 04 01'));
  const bytes: number[] = [];
  for (const group of groups) {
    const digits = group.replace(/^0x/iu, '');
    if (!/^[0-9A-Fa-f]*$/u.test(digits) || digits === '') refuse(bilingual(`“${group}”不是十六进制数字(0-9、A-F)`, `"${group}" is not hex (0-9, A-F)`));
    if (digits.length % 2 !== 0) refuse(bilingual(`“${group}”位数为奇数:每个字节两位`, `"${group}" has an odd number of digits: two per byte`));
    for (let i = 0; i < digits.length; i += 2) bytes.push(Number.parseInt(digits.slice(i, i + 2), 16));
  }
  return bytes;
}

const hexOf = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/** What a simulated device answers to a raw command (empty: no reply); ESC/POS status queries and the GA 467 SAM check. */
function replyTo(driver: string, bytes: readonly number[]): Array<{ hex: string; meaning: string }> {
  const hex = hexOf(bytes);
  if (driver === 'escpos' && bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
    const n = bytes[2]!;
    if (n === 4) return [{ hex: '12', meaning: 'ESC/POS DLE EOT 4 → 纸正常 / paper OK' }];
    if (n >= 1 && n <= 3) return [{ hex: n === 1 ? '16' : '12', meaning: `ESC/POS DLE EOT ${n} → 正常 / OK` }];
  }
  if (driver === 'ga467' && hex === 'AA AA AA 96 69 00 03 11 FF ED') return [{ hex: 'AA AA AA 96 69 00 04 00 00 90 94', meaning: 'GA 467 SAM 状态 → 正常 (90) / SAM OK' }];
  return [];
}

function meaningOf(driver: string, bytes: readonly number[]): string {
  if (driver === 'escpos' && bytes[0] === 0x10 && bytes[1] === 0x04) return `ESC/POS DLE EOT ${bytes[2] ?? '?'} 实时状态 / real-time status`;
  if (driver === 'ga467' && hexOf(bytes) === 'AA AA AA 96 69 00 03 11 FF ED') return 'GA 467 SAM 状态检测 / SAM status';
  return `${bytes.length} B`;
}

/** The kiosk's devices as the fake host reports them: serial, network, HID and simulated links, one at fault. */
export function makeDeviceDiagnostics(): DeviceDiagnostics[] {
  const now = HOST_NOW_MS;
  return [
    {
      id: 'ticket-printer',
      roles: ['ticketPrinter', 'receiptPrinter'],
      driver: 'escpos',
      model: 'generic-escpos-80',
      models: ['generic-escpos-80', 'epson-tm-t88', 'cashino-kp628e', 'custom-vkp80'],
      transport: { kind: 'serial', port: '/dev/ttyUSB0', baudRate: 9600 },
      capabilities: ['printer'],
      lifecycle: 'enabled',
      status: { device: 'online', printer: { paper: 'low', coverOpen: false } },
      statistics: { linesPrinted: 12_034, cuts: 850, jobs: 850, errors: 2 },
      history: [
        { at: now - 3 * 3_600_000, summary: 'online; printer: paper full' },
        { at: now - 30 * 60_000, summary: 'online; printer: paper low (paper: full → low)' },
      ],
      lastHealth: null,
      maintenance: null,
      editable: { ok: true },
    },
    {
      id: 'receipt-printer',
      roles: ['receiptPrinter'],
      driver: 'escpos',
      model: 'epson-tm-t88',
      models: ['generic-escpos-80', 'epson-tm-t88', 'cashino-kp628e', 'custom-vkp80'],
      transport: { kind: 'tcp', port: '192.168.1.50:9100', baudRate: null },
      capabilities: ['printer'],
      lifecycle: 'enabled',
      status: { device: 'online', printer: { paper: 'full' } },
      statistics: { linesPrinted: 310, cuts: 21 },
      history: [{ at: now - 2 * 3_600_000, summary: 'online; printer: paper full' }],
      lastHealth: null,
      maintenance: null,
      editable: { ok: true },
    },
    {
      id: 'id-card-reader',
      roles: ['idCardReader'],
      driver: 'ga467',
      model: 'generic-ga467',
      models: ['generic-ga467', 'generic-ga467-select-probe'],
      transport: { kind: 'serial', port: '/dev/ttyS1', baudRate: 115200 },
      capabilities: ['cardReader'],
      lifecycle: 'enabled',
      status: { device: 'online', cardReader: { cardPresent: false, sam: 'ok' } },
      statistics: { cardsRead: 96 },
      history: [{ at: now - 3 * 3_600_000, summary: 'online; cardReader: no card, SAM ok' }],
      lastHealth: { level: 'external', ok: true, findings: ['SAM 正常 / SAM answered 90'], at: now - 60 * 60_000 },
      maintenance: null,
      editable: { ok: true },
    },
    {
      id: 'scanner',
      roles: ['barcodeScanner'],
      driver: 'hidpos',
      model: 'generic-hidpos',
      models: ['generic-hidpos'],
      transport: { kind: 'hid', port: '0c2e:0b61', baudRate: null },
      capabilities: ['scanner'],
      lifecycle: 'enabled',
      status: { device: 'online', scanner: { scanning: false } },
      statistics: {},
      history: [],
      lastHealth: null,
      maintenance: null,
      editable: { ok: true },
    },
    {
      id: 'face-camera',
      roles: ['faceCamera'],
      driver: 'facecam',
      model: 'default',
      models: ['default'],
      transport: { kind: 'sim', port: null, baudRate: null },
      capabilities: ['camera'],
      lifecycle: 'closed',
      status: { device: 'noDevice', camera: { streaming: false } },
      statistics: {},
      history: [{ at: now - 10 * 60_000, summary: 'noDevice (device: online → noDevice)' }],
      lastHealth: null,
      maintenance: null,
      editable: { ok: false, reason: SIM_NOT_EDITABLE },
    },
  ];
}

export class FakeTechnicianDesk {
  devices: DeviceDiagnostics[] = makeDeviceDiagnostics();
  /** Serial ports the port test finds; any other path fails it and nothing is saved. */
  presentPorts = new Set(['/dev/ttyUSB0', '/dev/ttyUSB1', '/dev/ttyS0', '/dev/ttyS1']);
  /** The next `tech:edit-device` outcome after a passed port test (default `applied`). */
  editOutcome: 'applied' | 'rolledBack' | 'rollbackFailed' = 'applied';
  /** What `tech:export-bundle` answers; a string: it fails with that message (a full disk). */
  bundle: BundleView | string = {
    path: '/var/lib/hallkiosk/exports/diagnostic-kiosk-1-20250314-140500.json',
    bytes: 48_213,
    usb: [],
    message: bilingual('诊断包已导出:diagnostic-kiosk-1-20250314-140500.json', 'diagnostic bundle exported: diagnostic-kiosk-1-20250314-140500.json'),
  };
  audit: AuditStatusView = {
    head: { id: 42, hash: '3f9a0c1d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e', at: HOST_NOW_MS - 60_000 },
    headWrittenOut: { id: 42, hash: '3f9a0c1d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e', at: HOST_NOW_MS - 60_000 },
    ok: true,
    records: 42,
    problem: null,
  };
  /** Health results to answer next, per level (default: passed, with the device's findings). */
  readonly healthQueue: HealthView[] = [];
  private readonly frames = new Map<string, FrameView[]>();
  private readonly nextSeq = new Map<string, number>();
  /** The availability before a hold withdrew anything; given back when nothing is held any more. */
  private citizenAvailability: ServiceAvailability[] | null = null;

  constructor(private readonly host: FakeTechnicianHost) {
    // The printer's status poll, from before the test began (the host's snapshot is not there yet).
    this.append('ticket-printer', HOST_NOW_MS - 2_000, [
      ['tx', '10 04 01', 'ESC/POS DLE EOT 1 实时状态 / real-time status'],
      ['rx', '16', 'ESC/POS DLE EOT 1 → 正常 / OK'],
    ]);
  }

  device(id: string): DeviceDiagnostics {
    const device = this.devices.find((d) => d.id === id);
    if (!device) refuse(bilingual(`没有设备 ${id}`, `there is no device ${id}`));
    return device;
  }

  /** Frames that crossed a device's link, as its tap would log them: [direction, hex, meaning]. */
  addFrames(deviceId: string, ...frames: Array<['tx' | 'rx', string, string]>): FrameView[] {
    return this.append(deviceId, this.now, frames);
  }

  private append(deviceId: string, at: number, frames: ReadonlyArray<['tx' | 'rx', string, string]>): FrameView[] {
    const log = this.frames.get(deviceId) ?? [];
    const added = frames.map(([direction, hex, meaning]) => {
      const seq = (this.nextSeq.get(deviceId) ?? 0) + 1;
      this.nextSeq.set(deviceId, seq);
      return { seq, at, direction, hex, meaning };
    });
    log.push(...added);
    // The host keeps the last 500 per device.
    this.frames.set(deviceId, log.slice(-500));
    return added;
  }

  /** Holds a device for `accountId` as another technician's session would. */
  holdFor(deviceId: string, accountId: string): void {
    this.device(deviceId).maintenance = { by: accountId, since: this.now };
    this.withdraw();
  }

  handlers(): Pick<ApiChannelHandlers, TechnicianChannel> {
    return {
      'tech:devices': (request) => {
        checked('tech:devices', request);
        return structuredClone(this.devices);
      },
      'tech:health-check': (request) => {
        const { deviceId, level } = checked('tech:health-check', request);
        const device = this.device(deviceId);
        const view = this.healthQueue.shift() ?? this.healthOf(device, level);
        device.lastHealth = { ...view, level, at: this.now };
        if (level === 'external' && device.driver === 'escpos') this.addFrames(deviceId, ['tx', '10 04 01', 'ESC/POS DLE EOT 1 实时状态 / real-time status'], ['rx', '16', 'ESC/POS DLE EOT 1 → 正常 / OK']);
        return structuredClone(device.lastHealth);
      },
      'tech:frames': (request) => {
        const { deviceId, afterSeq } = checked('tech:frames', request);
        this.device(deviceId);
        return structuredClone((this.frames.get(deviceId) ?? []).filter((f) => f.seq > afterSeq));
      },
      'tech:maintenance': (request) => {
        const { deviceId, on } = checked('tech:maintenance', request);
        const device = this.device(deviceId);
        const me = this.accountId();
        const held = device.maintenance;
        if (on) {
          if (held !== null && held.by !== me) refuse(bilingual(`${deviceId} 正由 ${held.by} 维护中`, `${deviceId} is held for maintenance by ${held.by}`));
          if (held === null) {
            device.maintenance = { by: me, since: this.now };
            if (device.lifecycle === 'enabled') device.lifecycle = 'claimed';
          }
        } else if (held !== null) {
          if (held.by !== me) refuse(bilingual(`${deviceId} 由 ${held.by} 维护,只有其本人可以解除`, `${deviceId} is held by ${held.by}; only they can release it`));
          device.maintenance = null;
          if (device.lifecycle === 'claimed') device.lifecycle = 'enabled';
        }
        this.withdraw();
        return structuredClone(device);
      },
      'tech:raw-command': (request): RawCommandView => {
        const { deviceId, hex, waitMs = 2000 } = checked('tech:raw-command', request);
        const device = this.device(deviceId);
        const held = device.maintenance;
        const me = this.accountId();
        if (held === null) refuse(bilingual(`${deviceId} 不在维护模式:请先进入维护模式`, `${deviceId} is not in maintenance mode: enter it first`));
        if (held.by !== me) refuse(bilingual(`${deviceId} 正由 ${held.by} 维护中`, `${deviceId} is held for maintenance by ${held.by}`));
        if (waitMs < 50 || waitMs > 10_000) refuse(bilingual('等待时间须为 50–10000 ms 的整数', 'the wait must be a whole number of 50–10000 ms'));
        const bytes = parseHex(hex);
        const sent = [{ hex: hexOf(bytes), meaning: meaningOf(device.driver, bytes) }];
        const replies = replyTo(device.driver, bytes);
        const replyBytes = replies.reduce((n, r) => n + r.hex.split(' ').length, 0);
        this.addFrames(deviceId, ...sent.map((f) => ['tx', f.hex, f.meaning] as ['tx', string, string]), ...replies.map((f) => ['rx', f.hex, f.meaning] as ['rx', string, string]));
        if (replyBytes === 0) return { outcome: 'noReply', sent, replies, replyBytes, listenedMs: waitMs, message: bilingual(`${waitMs} ms 内无应答`, `no reply in ${waitMs} ms`) };
        return { outcome: 'replied', sent, replies, replyBytes, listenedMs: 300, message: bilingual(`收到应答 ${replyBytes} 字节`, `reply of ${replyBytes} bytes`) };
      },
      'tech:edit-device': (request): DeviceEditResult => {
        const edit = checked('tech:edit-device', request);
        const device = this.device(edit.deviceId);
        if (!device.editable.ok) refuse(device.editable.reason);
        const t = edit.transport;
        if (t?.kind === 'serial' && !this.presentPorts.has(t.path)) {
          const why = `${t.path}: 没有这个端口 / no such port (ENOENT)`;
          return { outcome: 'notSaved', message: bilingual(`新端口测试失败,配置未保存:${why}`, `the new port failed its test, the configuration was not saved: ${why}`) };
        }
        const backupPath = '/etc/hallkiosk/config.json.bak-20250314-140500';
        const outcome = this.editOutcome;
        if (outcome === 'applied' && t !== undefined) {
          device.transport = t.kind === 'serial' ? { kind: 'serial', port: t.path, baudRate: t.baudRate } : { kind: 'tcp', port: `${t.host}:${t.port}`, baudRate: null };
        }
        if (outcome === 'applied') return { outcome, backupPath, message: bilingual(`新配置已生效,${device.id} 已恢复在线`, `the new configuration is in effect and ${device.id} is back online`) };
        if (outcome === 'rolledBack') {
          return { outcome, backupPath, message: bilingual(`${device.id} 在 15 秒内未恢复在线,已还原原配置`, `${device.id} did not come back within 15 s: the old configuration was restored`) };
        }
        return { outcome, backupPath, message: bilingual(`请把备份 ${backupPath} 手工复制回配置文件后重启本机`, `copy the backup ${backupPath} back over the configuration file by hand and restart the kiosk`) };
      },
      'tech:export-bundle': (request) => {
        checked('tech:export-bundle', request);
        if (typeof this.bundle === 'string') refuse(this.bundle);
        return structuredClone(this.bundle);
      },
      'tech:audit': (request) => {
        checked('tech:audit', request);
        return structuredClone(this.audit);
      },
    };
  }

  private get now(): number {
    return this.host.snapshot.nowMs;
  }

  /** The technician the fake's gate let through. */
  private accountId(): string {
    const session = this.host.snapshot.staff.session;
    if (session === null || session.role !== 'technician') throw new KioskApiError(errorInfo('forbidden', 'a technician must be signed in'));
    return session.accountId;
  }

  private healthOf(device: DeviceDiagnostics, level: HealthLevelName): HealthView {
    if (device.status.device !== 'online' && level !== 'internal') {
      return { level, ok: false, findings: [`${device.id}: ${device.status.device}`], error: errorInfo('noDevice', `${device.id}: no frame`), at: this.now };
    }
    const findings: Record<HealthLevelName, string> = {
      internal: `model ${device.model}; link ${device.transport.kind} open; codec self-test passed`,
      external: device.driver === 'escpos' ? 'DLE EOT 1–4 answered: 正常 / OK' : `${device.id} answered`,
      interactive: device.driver === 'escpos' ? '测试页已打印并确认 / test page printed and confirmed' : `${device.id}: the technician’s test passed`,
    };
    return { level, ok: true, findings: [findings[level]], at: this.now };
  }

  /** Citizens see a held device as gone: the services that need it say `maintenance`. */
  private withdraw(): void {
    const base = this.citizenAvailability ?? this.host.snapshot.availability;
    const withdrawn = new Set(this.devices.filter((d) => d.maintenance !== null).flatMap((d) => d.roles.flatMap((r) => SERVICES_OF_ROLE[r] ?? [])));
    this.citizenAvailability = withdrawn.size > 0 ? base : null;
    const availability = base.map((a): ServiceAvailability => (withdrawn.has(a.service) ? { service: a.service, available: false, reason: 'maintenance' } : a));
    this.host.push({ type: 'availability:changed', availability });
  }
}
