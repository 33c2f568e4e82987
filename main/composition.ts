/**
 * The one place that chooses real or simulated devices (ARCHITECTURE.md §1, §8.14): from the configuration's
 * device registry and the driver table it builds each link (a memory pair with the driver's simulator on the
 * other end, or a real serial, TCP or usblp link), the device classes, and the host services, wired by
 * constructor arguments.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../common/clock';
import type { CitizenService } from '../common/availability';
import type { DeviceRole } from '../common/device';
import type { ErrorCode } from '../common/errors';
import type { Logger } from '../common/logger';
import type { TicketPrinter } from '../drivers/devices/printer-types';
import type { Device } from '../drivers/devices/device-types';
import { createMemoryPair } from '../drivers/transport/memory-pair';
import { createReportMemoryPair } from '../drivers/transport/report-memory-pair';
import { PlatformSim } from '../devices-sim/platform/platform-sim';
import { SimRegistry } from '../devices-sim/sim-registry';
import { simTemplateMatchesCard } from '../devices-sim/zfm/sim-template';
import type { StatisticsStore } from '../drivers/devices/statistics';
import type { ReportTransport } from '../drivers/transport/report-transport';
import type { Transport } from '../drivers/transport/transport';
import { DRIVERS, type DeviceContext, type RunnableSim } from './device-drivers/driver-table';
import { describerFor } from './host/diagnostics/frame-describers';
import { composeDiagnostics, type DiagnosticsSide } from './host/diagnostics/compose-diagnostics';
import { FrameLog } from './host/diagnostics/frame-log';
import { citizenForRole, maintenanceBlockers } from './host/diagnostics/maintenance-availability';
import { testPort } from './host/diagnostics/port-test';
import { tapReportTransport, tapTransport } from './host/diagnostics/transport-tap';
import { openHidReportTransport } from './device-drivers/hidpos-transport';
import { openRealTransport } from './device-drivers/real-transports';
import { AlertBus } from './host/alerts/alert-bus';
import { KioskApiService } from './host/api/kiosk-api-service';
import { composeAppointments } from './host/appointments/compose-appointments';
import { AvailabilityService } from './host/availability/availability-service';
import { type DeviceEntryConfig, type KioskConfig, rolesOf } from './host/config/config-types';
import { composeHostControl } from './host/control/host-control';
import { reportCommandFailure, reportCommandSuccess, syncDeviceAlerts } from './host/devices/device-alerts';
import { DeviceManager, type ManagedDevice } from './host/devices/device-manager';
import { DEVICE_STATS_FILE, SqliteStatisticsStore } from './host/devices/sqlite-statistics-store';
import { IdentityService } from './host/identity/identity-service';
import { KIOSK_KEY_FILE, type KioskKey, openKioskKey } from './host/identity/kiosk-key';
import { randomInt } from 'node:crypto';
import type { FaceCamera } from '../drivers/devices/face-camera-types';
import type { FingerprintReader } from '../drivers/devices/fingerprint-types';
import type { IdCardReader } from '../drivers/devices/id-card-types';
import { FaceAnalyzer } from './host/face/face-analyzer';
import { LazyFaceAnalyzer } from './host/face/lazy-face-analyzer';
import { UvcFrameSource } from './host/face/uvc-frame-source';
import { IdentityVerification } from './host/identity/identity-verification';
import { DeviceCounters } from '../drivers/devices/statistics';
import { claimQueueMode, openQueueDb, QUEUE_DB_FILES } from './host/queue/queue-db';
import { QueueService } from './host/queue/queue-service';
import { PlatformClient } from './host/platform/platform-client';
import { ProgressDesk } from './host/progress/progress-desk';
import { composeCertificates, type Certificates } from './host/certificates/compose-certificates';
import type { DocumentPrinter } from '../drivers/devices/document-printer-types';
import { SessionService } from './host/session/session-service';
import { CitizenHelp } from './host/session/citizen-help';
import { EspeakClips } from './host/speech/espeak-clips';
import { composeGuides, type GuidesSide } from './host/guides/compose-guides';
import { RobotDesk } from './host/robot/robot-desk';
import type { RobotBase } from '../drivers/devices/robot-base/robot-base-types';
import type { ReceiptPrinter } from '../drivers/devices/printer-types';
import { composeStaff, type StaffSide } from './host/staff/compose-staff';
import { BusinessBoard } from './host/tickets/business-board';
import { QueueTicketAdapter } from './host/tickets/queue-adapter';
import { TicketIssuer, ticketRef } from './host/tickets/ticket-issuer';

/** The software's version, for the diagnostic bundle (package.json `version`). */
export const APP_VERSION = '0.1.0';

export interface ComposeOptions {
  config: KioskConfig;
  dataDir: string;
  clock: Clock;
  log: Logger;
  /** Per-line print time of simulated printers (0 = instant, for benchmarks). */
  simLineTimeMs?: number;
  /** Staff asked for the kiosk app to restart (issue 15 §2): the host process stops and its supervisor starts it again. */
  restartApp?: () => void;
  /** The configuration file the kiosk runs (the technician's device editor changes it); none: the built-in default. */
  configPath?: string;
  env?: Record<string, string | undefined>;
  /** The host's latest log lines, for the diagnostic bundle (issue 15 §3). */
  recentLogLines?: () => readonly string[];
}

export interface Kiosk {
  api: KioskApiService;
  devices: DeviceManager;
  alerts: AlertBus;
  queue: QueueService;
  session: SessionService;
  identity: IdentityService;
  /** Hall staff and technicians (issue 15): the staff session, the staff desk, the audit trail. */
  staff: StaffSide;
  /** Technician diagnostics (issue 15 §3): maintenance mode, the frame log, status history, the technician desk. */
  diagnostics: DiagnosticsSide;
  /** Present in training mode: the simulated devices, for the control API. */
  sims: SimRegistry | null;
  /** Service guides (issue 16): the catalogue in force, its index, the desk and the updater. */
  guides: GuidesSide;
  /** Present in training mode: the simulated government platform (its `/sim/platform/*` routes join the control API). */
  platformSim: PlatformSim | null;
  /** The government platform's identity and appointment API (issue 14 §8); null without one configured. */
  platform: PlatformClient | null;
  /** HMACs of ID numbers under this kiosk's own key (host/identity/kiosk-key.ts). */
  identityKey: KioskKey;
  /** Certificates, the outbox and 好差评 (issue 17). */
  certificates: Certificates;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What building a device needs beyond its entry: where simulators and camera feeds go, and the frame log. */
interface DeviceBuild {
  statistics: StatisticsStore;
  sims: SimRegistry | null;
  running: RunnableSim[];
  faceFeeds: UvcFrameSource[];
  frames: FrameLog;
  /** Each device's link as its driver sees it, tapped for the frame log: the raw console writes here. */
  links: Map<string, Transport | ReportTransport>;
}

/**
 * One registry entry's link and device (ARCHITECTURE.md §8.14): the driver table's factories, on the link the
 * driver speaks (driver-table.ts `link`). A `sim` transport (training only) puts the driver's simulator on the
 * far end of a memory pair of bytes or reports, or makes it the camera's frame source; otherwise a real link.
 * Byte and report links are tapped for the technician's live frame log (issue 15 §3), masked by the codecs.
 */
function buildDevice(options: ComposeOptions, build: DeviceBuild, id: string, entry: DeviceEntryConfig): ManagedDevice {
  const { config, clock, log } = options;
  const driver = DRIVERS[entry.driver];
  const ctx: DeviceContext = {
    id,
    roles: rolesOf(entry),
    model: entry.model ?? driver.defaultModel,
    options: entry.options ?? {},
    clock,
    log: log.child(`device:${id}`),
    statistics: build.statistics,
    timeZone: config.hall.timeZone,
  };
  const simulate = <S extends RunnableSim>(make: () => S): S => {
    if (!build.sims) throw new Error(`devices.${id}: a simulated device needs training mode`);
    const sim = make();
    build.sims.add(sim);
    build.running.push(sim);
    return sim;
  };
  const sink = build.frames.sink(id, describerFor(entry.driver, ctx.model));
  const bytes = (link: Transport): Transport => {
    const tapped = tapTransport(link, sink);
    build.links.set(id, tapped);
    return tapped;
  };
  const reports = (link: ReportTransport): ReportTransport => {
    const tapped = tapReportTransport(link, sink);
    build.links.set(id, tapped);
    return tapped;
  };
  const t = entry.transport;
  const managed = (device: Device): ManagedDevice => ({ device, transport: t.kind });
  switch (driver.link) {
    case 'frames':
      // Camera frames: the simulator renders them in training; a real (uvc) camera's come from the renderer.
      if (t.kind === 'uvc') {
        const source = new UvcFrameSource({ clock, log: ctx.log.child('uvc'), ...(t.deviceLabel !== undefined && { deviceLabel: t.deviceLabel }) });
        build.faceFeeds.push(source);
        return managed(driver.createDevice(ctx, source));
      }
      if (t.kind !== 'sim') throw new Error(`devices.${id}: the face camera takes frames from its simulator or the renderer (uvc), not ${t.kind}`);
      return managed(driver.createDevice(ctx, simulate(() => driver.createSimulator(ctx))));
    case 'reports': {
      if (t.kind !== 'sim') return managed(driver.createDevice(ctx, reports(openHidReportTransport(id, t))));
      const pair = createReportMemoryPair(id);
      simulate(() => driver.createSimulator({ ...ctx, transport: pair.device }));
      return managed(driver.createDevice(ctx, reports(pair.host)));
    }
    case 'url': {
      // An address (issue 17): a real one from the configuration, or the simulator's loopback server once started.
      if (t.kind === 'ipp' || t.kind === 'http') {
        const url = t.url;
        return managed(driver.createDevice(ctx, () => url));
      }
      if (t.kind !== 'sim') throw new Error(`devices.${id}: ${entry.driver} is reached at an address (ipp or http), not over ${t.kind}`);
      const sim = simulate(() => driver.createSimulator({ ...ctx, lineTimeMs: options.simLineTimeMs }));
      return managed(driver.createDevice(ctx, () => sim.url));
    }
    default: {
      if (t.kind === 'ipp' || t.kind === 'http') throw new Error(`devices.${id}: ${entry.driver} takes a byte link, not an address (${t.kind})`);
      if (t.kind === 'uvc') throw new Error(`devices.${id}: only a face camera takes frames from the renderer (uvc)`);
      if (t.kind !== 'sim') return managed(driver.createDevice(ctx, bytes(openRealTransport(id, t, { model: ctx.model }))));
      const pair = createMemoryPair(id);
      simulate(() => driver.createSimulator({ ...ctx, transport: pair.device, lineTimeMs: options.simLineTimeMs, hallMap: config.hall.map }));
      return managed(driver.createDevice(ctx, bytes(pair.host)));
    }
  }
}

export function composeKiosk(options: ComposeOptions): Kiosk {
  const { config, clock, log } = options;
  mkdirSync(options.dataDir, { recursive: true });
  const db = openQueueDb(join(options.dataDir, QUEUE_DB_FILES[config.mode]));
  if (claimQueueMode(db, config.mode)) log.warn('queue database adopted', { file: QUEUE_DB_FILES[config.mode], mode: config.mode });
  const stats = SqliteStatisticsStore.open(join(options.dataDir, DEVICE_STATS_FILE), db);
  // Made on first start, owner-only, never in a database or log (issue 14 §7): identity-bound records use it.
  const identityKey = openKioskKey(options.dataDir, (mode) =>
    log.warn('identity key file was readable by others: tightened to 0600; treat the key as exposed', { mode: mode.toString(8) }),
  );
  if (identityKey.created) log.info('identity key made for this kiosk', { file: KIOSK_KEY_FILE });
  const statistics = stats.store;
  const sims = config.mode === 'training' ? new SimRegistry() : null;
  const simulators: RunnableSim[] = [];
  const faceFeeds: UvcFrameSource[] = [];
  const frames = new FrameLog({ clock, log: log.child('frames') });
  const build: DeviceBuild = { statistics, sims, running: simulators, faceFeeds, frames, links: new Map() };
  const devices = new DeviceManager(
    Object.entries(config.devices).map(([id, entry]) => buildDevice(options, build, id, entry)),
    clock,
    log.child('devices'),
  );
  // The simulated platform judges a fingerprint as the simulated module made it: the card holder's finger, or another.
  // Only where no platform is configured: a training kiosk pointed at a platform elsewhere (another process,
  // a test platform) holds none of the simulator's appointments or people.
  const platformSim =
    config.mode === 'training' && config.platform.baseUrl === undefined
      ? new PlatformSim({
          clock,
          port: config.server.platformSimPort,
          timeZone: config.hall.timeZone,
          businessIds: config.queue.businesses.map((b) => b.id),
          fingerVerdict: ({ template }) => (simTemplateMatchesCard(template) === true ? 'match' : 'noMatch'),
          log: log.child('platform-sim'),
        })
      : null;
  const platformUrl = config.platform.baseUrl ?? (platformSim ? () => platformSim.url : null);
  const platform =
    platformUrl === null
      ? null
      : new PlatformClient({ baseUrl: platformUrl, kioskId: config.hall.id, clock, log: log.child('platform'), timeoutMs: config.platform.timeoutMs, identityTimeoutMs: config.platform.identityTimeoutMs });
  const alerts = new AlertBus(clock, log.child('alerts'));
  const availability = new AvailabilityService(
    { statusOfRole: (role: DeviceRole) => devices.forRole(role)?.status },
    config.hall.alternatives,
    // Withdrawn by staff first (out of service, its printer in a paper exchange: issue 15 §2); a clock far
    // behind the last time seen stops issuing (issue 13 §3; host/clock/clock-watch.ts).
    {
      takeTicket: () => withdrawn('takeTicket') ?? control.clockWatch.blockingReason(),
      identityTicket: () => withdrawn('identityTicket') ?? control.clockWatch.blockingReason(),
      // 预约签到 needs the platform: without one configured the service is withdrawn (issue 14 item 7).
      appointmentCheckIn: () => withdrawn('appointmentCheckIn') ?? control.clockWatch.blockingReason() ?? (platform ? null : 'platformUnavailable'),
      // 证明打印 (issue 17 §2): the platform issues every certificate; a clock gone back would misdate them.
      certificates: () => withdrawn('certificates') ?? control.clockWatch.blockingReason() ?? (platform ? null : 'platformUnavailable'),
    },
  );
  devices.onStatusChanged((id, status) => {
    syncDeviceAlerts(alerts, id, status, devices.transportKind(id));
    availability.refresh();
    appointments.refreshInputs();
  });

  // Withdrawn by staff (out of service, a paper exchange) or held by a technician (maintenance mode, §3).
  const withdrawn = (service: CitizenService): ErrorCode | null =>
    staff.desk.withdrawnReason(service, (role) => devices.forRole(role)) ?? heldBlockers[service]();
  const heldBlockers = maintenanceBlockers({ isHeld: (id) => diagnostics.maintenance.isHeld(id) }, (role) => devices.forRole(role)?.id);
  // What citizen flows see of the devices: one a technician holds is no device (issue 15 §3).
  const citizenDevice = citizenForRole(devices, { isHeld: (id) => diagnostics.maintenance.isHeld(id) });
  const ticketPrinterId = (): string => devices.forRole('ticketPrinter')?.id ?? 'ticketPrinter';
  const session = new SessionService(clock, config.session, log.child('session'));
  // The face worker starts when the first citizen looks at the camera, not with the kiosk (its models take ~2 s).
  const faceWorker = new LazyFaceAnalyzer(() => new FaceAnalyzer({ clock, log: log.child('face') }));
  const verification = new IdentityVerification({
    clock,
    log: log.child('identity'),
    timeZone: config.hall.timeZone,
    camera: () => citizenDevice<FaceCamera>('faceCamera'),
    analyzer: () => faceWorker.get(),
    platform: () => platform,
    random: () => randomInt(2 ** 32) / 2 ** 32, // unpredictable: a recording cannot know the challenge order
    fingerprint: () => citizenDevice<FingerprintReader>('fingerprintReader'),
    staffHours: config.identity.staffOnDuty,
    calendar: config.queue.calendar,
    callStaff: (sessionId) => alerts.event('kiosk', 'identityReviewNeeded', sessionId, `${config.hall.kioskName['zh-CN']}：有市民申请人工核验身份，已发绿色通道号，请到窗口为其核验`),
  });
  const identity = new IdentityService({
    clock,
    log: log.child('identity'),
    config: config.identity,
    timeZone: config.hall.timeZone,
    reader: () => citizenDevice<IdCardReader>('idCardReader'),
    session,
    key: identityKey,
    alerts,
    verification,
  });
  // Queue counters live beside the devices' (the id `queue`), in the store both modes share.
  const queueCounters = new DeviceCounters('queue', statistics, 1);
  const queue = new QueueService({ db, config, clock, onRateLimited: () => queueCounters.add('rateLimited') });
  const board = new BusinessBoard(queue, clock);
  const tickets = new TicketIssuer({
    queue: new QueueTicketAdapter(queue, config),
    printer: () => citizenDevice<TicketPrinter>('ticketPrinter'),
    availability,
    session,
    identity,
    ticketShownMs: config.session.ticketShownMs,
    onIssued: () => {
      staff.counts.add('print', clock.now());
      reportCommandSuccess(alerts, ticketPrinterId());
      board.refresh();
    },
    onPrintFailed: (code) => reportCommandFailure(alerts, ticketPrinterId(), code),
    // One alert event per ticket (keyed by its day and number): every unsettled ticket reaches staff.
    onUnsettled: (kind, ticket, code) =>
      kind === 'partial'
        ? alerts.event(ticketPrinterId(), 'printIncomplete', ticket.ref, `${ticket.number} 号票打印不完整（已作废），请清理出票口（${code}）`)
        : alerts.event(ticketPrinterId(), 'printUncertain', ticket.ref, `${ticket.number} 号票打印结果不确定，请核实出票口（${code}）`),
    // The number stays valid; staff see nobody holds the paper and can help the citizen at the counter.
    onRetracted: (ticket) => alerts.event(ticketPrinterId(), 'ticketRetracted', ticket.ref, `${ticket.number} 号票无人取走，已被出票机回收（号码仍有效）`),
    log: log.child('tickets'),
  });
  const staff = composeStaff({
    config,
    db,
    dataDir: options.dataDir,
    clock,
    log,
    devices,
    alerts,
    queue,
    commands: () => control.commands,
    session,
    endIdentity: () => identity.end(),
    onWithdrawnChanged: () => availability.refresh(),
    restartApp: options.restartApp ?? (() => log.warn('restart asked, but this host was composed without a supervisor to restart it')),
    certificates: () => certificates.staff,
  });
  const diagnostics = composeDiagnostics({
    config,
    configPath: options.configPath,
    env: options.env ?? {},
    dataDir: options.dataDir,
    clock,
    log,
    devices,
    links: build.links,
    frames,
    audit: () => staff.audit,
    testPort: (id, entry, current) => testPort(id, entry, devices.get(id), current?.transport),
    rebuild: async (id, entry) => {
      await devices.replace(buildDevice(options, build, id, entry));
      identity.attachReader();
      availability.refresh();
    },
    recentLogLines: options.recentLogLines ?? (() => []),
    onHeldChanged: () => {
      availability.refresh();
      appointments.refreshInputs();
    },
    appVersion: APP_VERSION,
  });
  // A technician who signs out (or walks away) gives back every device they held.
  staff.session.onSignedOut((actor) => void diagnostics.desk.releaseAllOf(actor));
  const guides = composeGuides({
    config,
    dataDir: options.dataDir,
    clock,
    log,
    platform: () => platform,
    printer: () => citizenDevice<ReceiptPrinter>('receiptPrinter'),
    onPrinted: () => staff.counts.add('print', clock.now()),
  });
  // The robot base (issue 16 §9): a desk only where the registry has one; its trips are the host's.
  const robot = devices.forRole('robotBase')
    ? new RobotDesk({
        clock,
        log: log.child('robot'),
        robot: () => citizenDevice<RobotBase>('robotBase'),
        map: config.hall.map,
        ...(config.robot && { dockPoint: config.robot.dockPoint, lowBatteryPercent: config.robot.lowBatteryPercent, blockedAfterMs: config.robot.blockedAfterMs }),
      })
    : null;
  const citizenHelp = new CitizenHelp({
    session,
    alerts,
    clock,
    kioskName: config.hall.kioskName['zh-CN'],
    timeZone: config.hall.timeZone,
    log: log.child('help'),
    audit: (entry) => void staff.audit.record(entry),
  });
  const speech = new EspeakClips({ dataDir: options.dataDir, log: log.child('speech') });
  const certificates = composeCertificates({
    config,
    configPath: options.configPath,
    dataDir: options.dataDir,
    db,
    clock,
    log,
    alerts,
    audit: () => staff.audit,
    session,
    identity,
    platform: () => platform,
    printer: () => citizenDevice<DocumentPrinter>('documentPrinter'),
    printerId: () => devices.forRole('documentPrinter')?.id ?? 'documentPrinter',
  });
  const appointments = composeAppointments({ config, clock, log: log.child('appointments'), platform, device: (role) => citizenDevice(role), session, identity, availability, queue, tickets });
  const api = new KioskApiService({
    clock,
    log: log.child('api'),
    identity: { mode: config.mode, hallName: config.hall.name, kioskName: config.hall.kioskName, timeZone: config.hall.timeZone, languages: ['zh-CN', 'zh-TW', 'en'], hostLostAfterMs: config.server.hostHangAfterMs, profile: config.profile, ...(config.robot && { greeting: config.robot.greeting }) },
    session,
    availability,
    businesses: board,
    tickets,
    citizenIdentity: identity,
    appointments,
    faceFeed: faceFeeds[0] ?? null,
    staff: staff.session,
    staffDesk: staff.desk,
    technicianDesk: diagnostics.desk,
    guides: guides.desk,
    robot,
    speech,
    citizenHelp,
    certificates: certificates.desk,
    evaluation: certificates.evaluation,
    progress: new ProgressDesk({ session, identity, platform: () => platform, log: log.child('progress') }),
  });
  // Staff settle uncertain tickets and technicians confirm the clock through the running host (issue 13 §3).
  const control = composeHostControl({
    db,
    queue,
    alerts,
    clock,
    mode: config.mode,
    timeZone: config.hall.timeZone,
    dataDir: options.dataDir,
    log,
    onAvailabilityChanged: () => availability.refresh(),
    onQueueChanged: () => board.refresh(),
  });

  return {
    api,
    devices,
    alerts,
    queue,
    session,
    identity,
    staff,
    diagnostics,
    sims,
    platformSim,
    platform,
    identityKey,
    guides,
    certificates,
    async start() {
      const recovered = queue.recoverAfterRestart();
      if (recovered.voided + recovered.uncertain > 0) log.warn('tickets settled after restart', { voided: recovered.voided, uncertain: recovered.uncertain });
      // The host stopped while these were printing: each may or may not be in the tray (§8.3).
      for (const t of recovered.uncertainTickets) {
        alerts.event(ticketPrinterId(), 'printUncertain', ticketRef(t.day, t.number), `${t.number} 号票打印时终端重启，结果不确定，请核实出票口`);
      }
      await control.start();
      if (platformSim) {
        await platformSim.start();
        log.info('simulated platform listening', { url: platformSim.url });
      }
      await Promise.all(simulators.map((sim) => sim.start()));
      await devices.start();
      identity.attachReader();
      availability.refresh();
      board.start();
      // The guide index is built in its worker once the host is up (after `kiosk ready`): start-up does not wait.
      guides.start();
      // The outbox sends what waits; certificate jobs a crash left open are followed up with the printer.
      await certificates.start();
    },
    async stop() {
      await control.stop();
      board.stop();
      session.dispose();
      identity.dispose();
      staff.dispose();
      diagnostics.dispose();
      appointments.dispose();
      robot?.stop();
      await guides.stop();
      await certificates.stop();
      await faceWorker.dispose();
      api.dispose();
      await devices.stop();
      await Promise.all(simulators.map((sim) => sim.stop()));
      await platformSim?.stop();
      db.close();
      stats.db.close();
    },
  };
}
