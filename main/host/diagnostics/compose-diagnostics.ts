/**
 * The technician side of the host (issue 15 §3), composed in one place for main/composition.ts: status
 * history of every device, maintenance mode (and what citizens see of it), the device editor over the
 * configuration file the kiosk runs, the diagnostic bundle, and the technician desk that serves the screens.
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { Device } from '../../../drivers/devices/device-types';
import type { ReportTransport } from '../../../drivers/transport/report-transport';
import type { Transport } from '../../../drivers/transport/transport';
import type { AuditTrail } from '../audit/audit-trail';
import type { DeviceEntryConfig, KioskConfig } from '../config/config-types';
import { driverConfig } from '../../device-drivers/driver-configs';
import { exportDiagnosticBundle } from './diagnostic-bundle';
import { DeviceConfigEditor } from './device-config-editor';
import type { FrameLog } from './frame-log';
import { Maintenance } from './maintenance';
import { StatusHistory } from './status-history';
import { TechnicianDesk } from './technician-desk';

export interface DiagnosticsComposeDeps {
  config: KioskConfig;
  /** The configuration file the kiosk runs; undefined for the built-in default. */
  configPath: string | undefined;
  env: Record<string, string | undefined>;
  dataDir: string;
  clock: Clock;
  log: Logger;
  devices: {
    summaries(): Array<{ id: string }>;
    get(id: string): Device | undefined;
    forRole(role: DeviceRole): Device | undefined;
    onStatusChanged(l: (id: string, status: Device['status']) => void): () => void;
  };
  links: ReadonlyMap<string, Transport | ReportTransport>;
  frames: FrameLog;
  /** Late-bound: the audit trail is composed with the staff side. */
  audit(): AuditTrail;
  /** Opens the port of `entry` and closes it again: the editor's test before a change is saved. */
  testPort(id: string, entry: DeviceEntryConfig, current: DeviceEntryConfig | undefined): Promise<void>;
  /** Builds the device on `entry` in place of the running one. */
  rebuild(id: string, entry: DeviceEntryConfig): Promise<void>;
  recentLogLines(): readonly string[];
  onHeldChanged(): void;
  appVersion: string;
}

export interface DiagnosticsSide {
  maintenance: Maintenance;
  history: StatusHistory;
  desk: TechnicianDesk;
  dispose(): void;
}

export function composeDiagnostics(deps: DiagnosticsComposeDeps): DiagnosticsSide {
  const { config, clock } = deps;
  const entries = new Map<string, DeviceEntryConfig>(Object.entries(config.devices));
  const history = new StatusHistory({ clock });
  const offHistory = history.attach(deps.devices);
  for (const s of deps.devices.summaries()) history.record(s.id, deps.devices.get(s.id)!.status);
  const maintenance = new Maintenance({ devices: deps.devices, clock, audit: (entry) => void deps.audit().record(entry), log: deps.log.child('maintenance') });
  const offHeld = maintenance.onChanged(() => deps.onHeldChanged());
  const editor = deps.configPath === undefined ? null : new DeviceConfigEditor({ configPath: deps.configPath, clock, env: deps.env, testPort: (id, entry) => deps.testPort(id, entry, entries.get(id)) });
  const desk = new TechnicianDesk({
    clock,
    devices: deps.devices,
    entry: (id) => entries.get(id),
    modelsOf: (driver) => [...(driverConfig(driver)?.models ?? [])],
    links: deps.links,
    frames: deps.frames,
    history,
    maintenance,
    audit: deps.audit(),
    editor,
    rebuild: async (id, entry) => {
      entries.set(id, entry);
      await deps.rebuild(id, entry);
    },
    exportBundle: () =>
      exportDiagnosticBundle({
        kioskId: config.hall.id,
        dataDir: deps.dataDir,
        clock,
        config,
        configSource: deps.configPath ?? 'built-in default',
        devices: () => deps.devices.summaries().map((s) => ({ ...s, entry: entries.get(s.id) })),
        statistics: () => Object.fromEntries(deps.devices.summaries().map((s) => [s.id, deps.devices.get(s.id)!.statistics()])),
        statusHistory: () => history.all(),
        auditHead: () => deps.audit().head(),
        recentLogLines: deps.recentLogLines,
        versions: { app: deps.appVersion, node: process.versions.node },
      }),
  });
  return {
    maintenance,
    history,
    desk,
    dispose: () => {
      offHistory();
      offHeld();
    },
  };
}
