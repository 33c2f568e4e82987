/**
 * What the technician screens do (issue 15 §3), as the signed-in technician, each action audited: the
 * registry's devices with what they report of themselves, health checks at three levels, the live frame log,
 * maintenance mode (claims the device so no citizen flow can use it) and the raw console inside it, the device
 * editor with its test, backup and roll-back, the diagnostic bundle, and the audit chain's state.
 */
import type { Clock } from '../../../common/clock';
import type { TransportConfig } from '../../../common/device';
import type {
  AuditStatusView,
  BundleView,
  DeviceDiagnostics,
  DeviceEditRequest,
  DeviceEditResult,
  FrameView,
  HealthLevelName,
  HealthView,
  RawCommandView,
} from '../../../common/diagnostics';
import { errorInfo } from '../../../common/errors';
import { KioskApiError } from '../../../common/kiosk-api';
import type { Device } from '../../../drivers/devices/device-types';
import type { ReportTransport } from '../../../drivers/transport/report-transport';
import type { Transport } from '../../../drivers/transport/transport';
import type { AuditTrail } from '../audit/audit-trail';
import type { DeviceEntryConfig } from '../config/config-types';
import type { StaffActor } from '../staff/staff-session';
import { applyWithRollback } from './config-rollback';
import type { DeviceConfigEditor } from './device-config-editor';
import { DiagnosticsError } from './diagnostics-error';
import type { FrameLog } from './frame-log';
import type { Maintenance } from './maintenance';
import { RawConsole } from './raw-console';
import type { StatusHistory } from './status-history';

/** How long a device has to come up on its new configuration before the old one is put back. */
export const COME_BACK_MS = 15_000;

export interface TechnicianDeskDeps {
  clock: Clock;
  devices: { summaries(): Array<{ id: string }>; get(id: string): Device | undefined };
  /** The model rows a driver knows (driver-configs.ts). */
  modelsOf(driver: string): string[];
  /** The registry as configured (transport and model of each id). */
  entry(id: string): DeviceEntryConfig | undefined;
  links: ReadonlyMap<string, Transport | ReportTransport>;
  frames: FrameLog;
  history: StatusHistory;
  maintenance: Maintenance;
  audit: AuditTrail;
  /** Null where the kiosk runs the built-in default (nothing to edit), else the editor of its file. */
  editor: DeviceConfigEditor | null;
  /** Builds the device again on `entry` and opens it (the running configuration's entry replaced too). */
  rebuild(id: string, entry: DeviceEntryConfig): Promise<void>;
  exportBundle(): Promise<BundleView>;
}

/** A refusal in words, for the technician's screen. */
function refuse(err: unknown): never {
  if (err instanceof DiagnosticsError) throw new KioskApiError(errorInfo('badRequest', err.message));
  throw err;
}

const portOf = (t: TransportConfig): { port: string | null; baudRate: number | null } => {
  switch (t.kind) {
    case 'serial':
      return { port: t.path, baudRate: t.baudRate };
    case 'tcp':
      return { port: `${t.host}:${t.port}`, baudRate: null };
    case 'usblp':
      return { port: t.path, baudRate: null };
    case 'hid':
    case 'usb':
      return { port: `${t.vendorId.toString(16).padStart(4, '0')}:${t.productId.toString(16).padStart(4, '0')}${t.kind === 'hid' && t.path ? ` ${t.path}` : ''}`, baudRate: null };
    case 'ipp':
    case 'http':
      return { port: t.url, baudRate: null };
    default:
      return { port: null, baudRate: null };
  }
};

export class TechnicianDesk {
  private readonly lastHealth = new Map<string, HealthView>();

  constructor(private readonly deps: TechnicianDeskDeps) {}

  devices(): DeviceDiagnostics[] {
    return this.deps.devices.summaries().map((s) => this.view(this.device(s.id)));
  }

  async healthCheck(deviceId: string, level: HealthLevelName, actor: StaffActor): Promise<HealthView> {
    const device = this.device(deviceId);
    // An interactive check (a test card read, a test finger) waits for the technician: bounded like any command.
    const report = await device.healthCheck(level, { timeoutMs: level === 'interactive' ? 30_000 : 10_000 }).catch((err: unknown) => ({ level, ok: false, findings: [String(err)] }));
    const view: HealthView = { level, ok: report.ok, findings: [...report.findings], at: this.deps.clock.now(), ...('error' in report && report.error && { error: report.error }) };
    this.lastHealth.set(deviceId, view);
    this.deps.audit.record({ actor: actor.accountId, action: 'device.healthCheck', subject: deviceId, detail: { level, ok: report.ok } });
    return view;
  }

  frames(deviceId: string, afterSeq: number): FrameView[] {
    this.device(deviceId);
    return this.deps.frames.entries(deviceId, { afterSeq }).map((e) => ({ seq: e.seq, at: e.at, direction: e.direction, hex: e.hex, meaning: e.meaning }));
  }

  async setMaintenance(deviceId: string, on: boolean, actor: StaffActor): Promise<DeviceDiagnostics> {
    const device = this.device(deviceId);
    try {
      if (on) await this.deps.maintenance.enter(deviceId, actor.accountId);
      else await this.deps.maintenance.release(deviceId, actor.accountId);
    } catch (err) {
      refuse(err);
    }
    return this.view(device);
  }

  /** Released when the technician's session ends: a device is never left held by nobody. */
  async releaseAllOf(actor: StaffActor): Promise<void> {
    await this.deps.maintenance.releaseAllOf(actor.accountId);
  }

  async rawCommand(deviceId: string, hex: string, waitMs: number | undefined, actor: StaffActor): Promise<RawCommandView> {
    const device = this.device(deviceId);
    const transport = this.deps.links.get(deviceId);
    if (!transport) throw new KioskApiError(errorInfo('unsupported', `${deviceId} 没有可直接发送命令的链路（摄像头） / ${deviceId} has no link to send raw commands on (a camera)`));
    const console = new RawConsole({
      deviceId,
      driver: device.driver,
      model: device.model,
      transport,
      clock: this.deps.clock,
      assertMaintenance: () => this.deps.maintenance.assertHeldBy(deviceId, actor.accountId),
      audit: (entry) => void this.deps.audit.record(entry),
    });
    try {
      const result = await console.send({ actor: actor.accountId, hex, ...(waitMs !== undefined && { waitMs }) });
      return {
        outcome: result.outcome,
        sent: result.sent.map((f) => ({ hex: f.hex, meaning: f.meaning })),
        replies: result.replies.map((f) => ({ hex: f.hex, meaning: f.meaning })),
        replyBytes: result.replyBytes,
        listenedMs: result.listenedMs,
        message: result.message,
      };
    } catch (err) {
      if (err instanceof DiagnosticsError) {
        this.deps.audit.record({ actor: actor.accountId, action: 'device.rawCommandRefused', subject: deviceId, detail: { code: err.code } });
      }
      refuse(err);
    }
  }

  async editDevice(request: DeviceEditRequest, actor: StaffActor): Promise<DeviceEditResult> {
    const device = this.device(request.deviceId);
    const editable = this.editable(request.deviceId);
    if (!editable.ok) throw new KioskApiError(errorInfo('badRequest', editable.reason));
    const editor = this.deps.editor!;
    const before = this.deps.entry(request.deviceId)!;
    // The screen changes port and speed; how the device is wired (its flow control) stays as configured.
    const transport =
      request.transport?.kind === 'serial' && before.transport.kind === 'serial' && before.transport.flowControl !== undefined
        ? { ...request.transport, flowControl: before.transport.flowControl }
        : request.transport;
    let saved: DeviceEntryConfig | null = null;
    const result = await applyWithRollback({
      deviceId: request.deviceId,
      clock: this.deps.clock,
      save: async () => {
        const change = await editor.apply(request.deviceId, { ...(transport && { transport }), ...(request.model !== undefined && { model: request.model }) });
        saved = change.entry;
        return change;
      },
      restart: (which) => this.deps.rebuild(request.deviceId, which === 'new' ? saved! : before),
      cameBack: () => this.deps.devices.get(request.deviceId)?.status.device === 'online',
      restore: (backupPath) => editor.rollback(backupPath),
      waitMs: COME_BACK_MS,
    });
    this.deps.audit.record({
      actor: actor.accountId,
      action: 'device.configure',
      subject: device.id,
      detail: { outcome: result.outcome, ...(request.transport && { transport: request.transport.kind }), ...(request.model !== undefined && { model: request.model }) },
    });
    return { outcome: result.outcome, message: result.message, ...('backupPath' in result && { backupPath: result.backupPath }) };
  }

  async bundle(actor: StaffActor): Promise<BundleView> {
    try {
      const result = await this.deps.exportBundle();
      this.deps.audit.record({ actor: actor.accountId, action: 'diagnostics.bundle', subject: 'kiosk', detail: { bytes: result.bytes, usb: result.usb.filter((u) => u.ok).length } });
      return result;
    } catch (err) {
      this.deps.audit.record({ actor: actor.accountId, action: 'diagnostics.bundleFailed', subject: 'kiosk', detail: { code: err instanceof DiagnosticsError ? err.code : 'error' } });
      refuse(err);
    }
  }

  auditStatus(): AuditStatusView {
    const verdict = this.deps.audit.verify();
    return {
      head: this.deps.audit.head(),
      headWrittenOut: verdict.headWrittenOut,
      ok: verdict.ok,
      records: verdict.ok ? verdict.records : null,
      problem: verdict.ok ? null : verdict.reason,
    };
  }

  private editable(id: string): DeviceDiagnostics['editable'] {
    const entry = this.deps.entry(id);
    if (!this.deps.editor) return { ok: false, reason: '本机使用内置默认配置，没有可修改的配置文件：请用 --config 或 KIOSK_CONFIG 指定配置文件 / the kiosk runs the built-in default: there is no configuration file to change (give one with --config or KIOSK_CONFIG)' };
    if (!entry || entry.transport.kind === 'sim') return { ok: false, reason: '模拟设备没有端口可改：在配置文件中把它的 transport 改为真实端口 / a simulated device has no port to change: give it a real transport in the configuration file' };
    return { ok: true };
  }

  private device(id: string): Device {
    const device = this.deps.devices.get(id);
    if (!device) throw new KioskApiError(errorInfo('badRequest', `没有设备 ${id} / there is no device ${id}`));
    return device;
  }

  private view(device: Device): DeviceDiagnostics {
    const entry = this.deps.entry(device.id);
    const transport = entry?.transport ?? ({ kind: 'sim' } as const);
    const holder = this.deps.maintenance.holder(device.id);
    const status = device.status;
    return {
      id: device.id,
      roles: [...device.roles],
      driver: device.driver,
      model: device.model,
      models: this.deps.modelsOf(device.driver),
      transport: { kind: transport.kind, ...portOf(transport) },
      capabilities: Object.keys(status).filter((k) => k !== 'device'),
      lifecycle: device.lifecycle,
      status,
      statistics: { ...device.statistics() },
      history: this.deps.history.history(device.id).map((h) => ({ at: h.at, summary: h.summary })),
      lastHealth: this.lastHealth.get(device.id) ?? null,
      maintenance: holder ? { by: holder.actor, since: holder.since } : null,
      editable: this.editable(device.id),
    };
  }
}
