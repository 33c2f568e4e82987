/**
 * The staff side of the host (issue 15 §1, §2), composed in one place for main/composition.ts: the audit
 * trail with its head written out, the staff session and its pad lock, the staff desk and its stores, and
 * the counts for today's figures (sessions begun, tickets printed, faults by device and actor).
 */
import type { Alert } from '../../../common/alerts';
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import { errorInfo } from '../../../common/errors';
import { KioskApiError } from '../../../common/kiosk-api';
import type { Logger } from '../../../common/logger';
import { escPosModel } from '../../../drivers/protocol/escpos/models';
import type { Device } from '../../../drivers/devices/device-types';
import { auditHeadPath } from '../audit/audit-head';
import { AuditTrail } from '../audit/audit-trail';
import type { KioskConfig } from '../config/config-types';
import type { StaffCommands } from '../control/staff-commands';
import type { QueueDb } from '../queue/queue-db';
import type { QueueService } from '../queue/queue-service';
import { StaffCommandError } from '../queue/ticket-settlement';
import { FoundItemsStore } from './found-items-store';
import { HourlyCounts } from './hourly-counts';
import { OutOfServiceStore } from './out-of-service-store';
import { PadLockStore } from './pad-lock-store';
import { PaperRollStore } from './paper-roll-store';
import { verifyPinAsync } from './pin-hash';
import { StaffDesk, type StaffDeskDeps } from './staff-desk';
import { STAFF_PAD_ALERT_ID, StaffSessionService } from './staff-session';

/** How often the head is written out for records appended outside the staff screens. */
export const AUDIT_HEAD_SYNC_MS = 5_000;

export interface StaffComposeDeps {
  config: KioskConfig;
  db: QueueDb;
  dataDir: string;
  clock: Clock;
  log: Logger;
  devices: { summaries(): Array<{ id: string }>; get(id: string): Device | undefined; forRole(role: DeviceRole): Device | undefined };
  alerts: { active(): Alert[]; recentEvents(): Alert[]; event(deviceId: string, code: Alert['code'], ref: string, message: string): void; onAlert(l: (a: Alert) => void): () => void };
  queue: Pick<QueueService, 'listUncertain'>;
  /** The staff commands of the running host (late-bound: host control is composed after the API). */
  commands(): StaffCommands;
  session: { end(reason: 'staff'): unknown; onChanged(l: (s: { sessionId: string | null }) => void): () => void };
  /** Wipes the identity of the session (the card and its verification), as identity:end does. */
  endIdentity(): void;
  onWithdrawnChanged(): void;
  restartApp(): void;
  /** Uncertain certificates (issue 17 §2; late-bound: certificates are composed after staff). */
  certificates(): ReturnType<StaffDeskDeps['certificates']>;
}

export interface StaffSide {
  audit: AuditTrail;
  session: StaffSessionService;
  desk: StaffDesk;
  counts: HourlyCounts;
  dispose(): void;
}

/** The ESC/POS model table's roll length; null for a printer whose driver has no such table. */
function rollLengthMm(device: Device): number | null {
  if (device.driver !== 'escpos') return null;
  try {
    return escPosModel(device.model).rollLengthMm;
  } catch {
    return null;
  }
}

export function composeStaff(deps: StaffComposeDeps): StaffSide {
  const { config, db, clock, log } = deps;
  const audit = new AuditTrail(db, clock, auditHeadPath(deps.dataDir, config.mode), log.child('audit'));
  audit.sync();
  const counts = new HourlyCounts(db, config.hall.timeZone);
  const session = new StaffSessionService({
    clock,
    log: log.child('staff'),
    config: config.staff,
    lock: new PadLockStore(db),
    audit: (entry) => audit.record(entry),
    alertLocked: (until) =>
      deps.alerts.event(STAFF_PAD_ALERT_ID, 'pinLocked', String(until), `${config.hall.kioskName['zh-CN']}：员工密码连续输错，登录已锁定至 ${new Date(until).toISOString()}（可能有人在试密码）`),
    endCitizenSession: () => {
      deps.endIdentity();
      deps.session.end('staff');
    },
    verifyPin: verifyPinAsync,
  });
  const desk = new StaffDesk({
    clock,
    log: log.child('staff-desk'),
    timeZone: config.hall.timeZone,
    db,
    businesses: config.queue.businesses,
    devices: () => deps.devices.summaries().map((s) => deps.devices.get(s.id)!),
    rollLengthMm,
    rolls: new PaperRollStore(db),
    outOfService: new OutOfServiceStore(db),
    foundItems: new FoundItemsStore(db),
    counts,
    alerts: deps.alerts,
    uncertainTickets: () => deps.queue.listUncertain(),
    settle: ({ day, number, outcome, by }) => {
      try {
        deps.commands().settle({ command: 'settle', day, number, outcome, by, note: 'staff screen' });
      } catch (err) {
        if (err instanceof StaffCommandError) throw new KioskApiError(errorInfo('badRequest', err.message));
        throw err;
      } finally {
        audit.sync();
      }
    },
    audit: (entry) => audit.record(entry),
    certificates: deps.certificates,
    onWithdrawnChanged: deps.onWithdrawnChanged,
    restartApp: deps.restartApp,
  });
  let lastSession: string | null = null;
  const offs = [
    session.onSignedOut((actor) => desk.abandonRestocksOf(actor)),
    deps.session.onChanged((s) => {
      if (s.sessionId !== null && s.sessionId !== lastSession) counts.add('session', clock.now());
      lastSession = s.sessionId;
    }),
    // Faults by device and actor: every condition raised and every event, counted once as it comes.
    deps.alerts.onAlert((a) => {
      if (a.active) counts.add('fault', a.at, `${a.deviceId}\u0000${a.actor}`);
    }),
  ];
  // Records the host control channel appends (npm run tickets, clock confirmations) get their head written too.
  const headTimer = clock.every(AUDIT_HEAD_SYNC_MS, () => audit.sync());
  return {
    audit,
    session,
    desk,
    counts,
    dispose: () => {
      session.signOut('restart');
      for (const off of offs) off();
      headTimer.cancel();
      audit.sync();
      session.dispose();
    },
  };
}
