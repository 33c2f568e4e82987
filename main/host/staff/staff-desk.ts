/**
 * What the staff screens do (issue 15 §2), as the signed-in person, each action audited: supplies and the
 * guided paper exchange, recovery after a jam or an open cover, test tickets, uncertain tickets settled by
 * the tickets CLI's rule, out of service and back, forgotten cards and tickets, today's figures. The API
 * handlers call this only after the host's staff gate let the call through (staff-gate.ts).
 */
import type { Alert } from '../../../common/alerts';
import type { CitizenService } from '../../../common/availability';
import type { Clock } from '../../../common/clock';
import type { DeviceRole, DeviceStatus } from '../../../common/device';
import { errorInfo, type ErrorCode } from '../../../common/errors';
import { KioskApiError } from '../../../common/kiosk-api';
import { localDateKey, localTimeToEpoch } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import type { LocalText } from '../../../common/queue';
import type {
  FoundItem,
  LogFoundItemRequest,
  OutOfServiceView,
  PrinterSupply,
  RestockStep,
  SetServiceRequest,
  StaffOverview,
  TestTicketResult,
  TodayFigures,
  SettleCertificateRequest,
  UncertainCertificateView,
  UncertainTicketView,
} from '../../../common/staff-desk';
import type { Device } from '../../../drivers/devices/device-types';
import type { AuditEntry } from '../audit/audit-log';
import { SERVICE_NEEDS } from '../availability/availability-service';
import type { TicketRecord } from '../queue/queue-types';
import type { QueueDb } from '../queue/queue-db';
import { refuseIdNumber } from './found-item-text';
import type { FoundItemsStore } from './found-items-store';
import type { HourlyCounts } from './hourly-counts';
import type { OutOfServiceStore } from './out-of-service-store';
import { paperSupply } from './paper-supply';
import type { PaperRollStore } from './paper-roll-store';
import type { StaffActor } from './staff-session';
import { todayFigures } from './today-figures';

export interface StaffDeskDeps {
  clock: Clock;
  log: Logger;
  timeZone: string;
  db: QueueDb;
  businesses: ReadonlyArray<{ id: string; name: LocalText }>;
  /** Every device of the registry. */
  devices(): Device[];
  /** The model table's roll length for a printer, mm; null when it does not say. */
  rollLengthMm(device: Device): number | null;
  rolls: PaperRollStore;
  outOfService: OutOfServiceStore;
  foundItems: FoundItemsStore;
  counts: HourlyCounts;
  alerts: { active(): Alert[]; recentEvents(): Alert[] };
  uncertainTickets(): TicketRecord[];
  /** The tickets CLI's settle (staff-commands.ts via the host): the same rule, the same audit record. */
  settle(request: { day: string; number: string; outcome: 'issued' | 'voided'; by: string }): void;
  audit(entry: AuditEntry): void;
  /** The certificate issuance journal's uncertain rows and their settlement (issue 17 §2); late-bound: composed after staff. */
  certificates(): { uncertain(): UncertainCertificateView[]; settle(issuanceId: string, outcome: 'issued' | 'voided', by: string): void } | null;
  /** Availability must be computed again: a printer was taken from citizens or given back, a service set. */
  onWithdrawnChanged(): void;
  /** Asks the supervisor to restart the host (the kiosk app). */
  restartApp(): void;
}

/** Mistakes staff can make get a reason in words, never an internal error. */
function refuse(code: ErrorCode, message: string): never {
  throw new KioskApiError(errorInfo(code, message));
}

const isPrinter = (d: Device): boolean => d.roles.some((r) => r === 'ticketPrinter' || r === 'receiptPrinter');

export class StaffDesk {
  private readonly restocks = new Map<string, { by: string; startedAt: number }>();

  constructor(private readonly deps: StaffDeskDeps) {}

  /** Why `service` is withdrawn by staff, or null: out of service, or a printer it needs in exchange. */
  withdrawnReason(service: CitizenService, deviceForRole: (role: DeviceRole) => Device | undefined): ErrorCode | null {
    if (this.deps.outOfService.isOut(service)) return 'outOfService';
    for (const role of SERVICE_NEEDS[service]) {
      const device = deviceForRole(role);
      if (device && this.restocks.has(device.id)) return 'restocking';
    }
    return null;
  }

  overview(): StaffOverview {
    const alerts = [...this.deps.alerts.active(), ...this.deps.alerts.recentEvents().filter((a) => a.active)]
      .filter((a) => a.actor === 'staff' || a.actor === 'technician')
      .sort((a, b) => b.at - a.at);
    return {
      supplies: this.supplies(),
      outOfService: this.deps.outOfService.view(),
      uncertainTickets: this.uncertain(),
      uncertainCertificates: this.deps.certificates()?.uncertain() ?? [],
      alerts,
      foundItemsWaiting: this.deps.foundItems.waiting(),
    };
  }

  supplies(): PrinterSupply[] {
    return this.deps.devices().filter(isPrinter).map((d) => this.supplyOf(d));
  }

  async restock(deviceId: string, step: RestockStep, actor: StaffActor): Promise<PrinterSupply> {
    const device = this.printer(deviceId);
    const now = this.deps.clock.now();
    const running = this.restocks.get(deviceId);
    if (step === 'begin') {
      if (running) return this.supplyOf(device); // a second tap, or another person continuing it
      this.restocks.set(deviceId, { by: actor.accountId, startedAt: now });
      this.deps.audit({ actor: actor.accountId, action: 'printer.restockBegin', subject: deviceId, detail: { paper: device.status.printer?.paper ?? 'unknown' } });
      this.deps.onWithdrawnChanged();
      return this.supplyOf(device);
    }
    if (!running) refuse('badRequest', `${deviceId} 没有进行中的换纸 / no paper exchange is in progress on ${deviceId}`);
    this.restocks.delete(deviceId);
    if (step === 'cancel') {
      this.deps.audit({ actor: actor.accountId, action: 'printer.restockCancel', subject: deviceId, detail: {} });
    } else {
      const stats = device.statistics();
      this.deps.rolls.set(deviceId, { exchangedAt: now, linesAt: stats.linesPrinted ?? 0, cutsAt: stats.cuts ?? 0, by: actor.accountId });
      const health = await device.healthCheck('external').catch((err: unknown) => ({ ok: false, findings: [String(err)] }));
      this.deps.audit({ actor: actor.accountId, action: 'printer.restockEnd', subject: deviceId, detail: { paper: device.status.printer?.paper ?? 'unknown', statusRead: health.ok } });
    }
    this.deps.onWithdrawnChanged();
    return this.supplyOf(device);
  }

  /** A staff member signed out mid-exchange: the printer goes back to citizens (its status decides the rest). */
  abandonRestocksOf(actor: StaffActor): void {
    for (const [deviceId, r] of this.restocks) {
      if (r.by !== actor.accountId) continue;
      this.restocks.delete(deviceId);
      this.deps.audit({ actor: actor.accountId, action: 'printer.restockAbandoned', subject: deviceId, detail: {} });
    }
    this.deps.onWithdrawnChanged();
  }

  /** After a jam or an open cover was cleared: the printer is asked for its status again. */
  async recheck(deviceId: string, actor: StaffActor): Promise<PrinterSupply> {
    const device = this.printer(deviceId);
    const health = await device.healthCheck('external').catch((err: unknown) => ({ ok: false, findings: [String(err)] }));
    this.deps.audit({ actor: actor.accountId, action: 'printer.recheck', subject: deviceId, detail: { ok: health.ok, paper: device.status.printer?.paper ?? 'unknown', coverOpen: device.status.printer?.coverOpen ?? null } });
    return this.supplyOf(device);
  }

  async testTicket(deviceId: string, actor: StaffActor): Promise<TestTicketResult> {
    const device = this.printer(deviceId);
    const report = await device.healthCheck('interactive').catch((err: unknown) => ({ ok: false, findings: [String(err)], error: undefined }));
    this.deps.counts.add('testTicket', this.deps.clock.now());
    this.deps.audit({ actor: actor.accountId, action: 'printer.testTicket', subject: deviceId, detail: { ok: report.ok } });
    if (report.ok) return { ok: true };
    return { ok: false, code: report.error?.code ?? 'hardwareError', message: report.findings.join('；') };
  }

  uncertain(): UncertainTicketView[] {
    const names = new Map(this.deps.businesses.map((b) => [b.id, b.name]));
    return this.deps.uncertainTickets().map((t) => ({ day: t.day, number: t.number, businessId: t.businessId, businessName: names.get(t.businessId) ?? { 'zh-CN': t.businessId }, reservedAt: t.reservedAt, errorCode: t.errorCode }));
  }

  settle(request: { day: string; number: string; outcome: 'issued' | 'voided' }, actor: StaffActor): UncertainTicketView[] {
    this.deps.settle({ ...request, by: actor.accountId });
    return this.uncertain();
  }

  settleCertificate(request: SettleCertificateRequest, actor: StaffActor): UncertainCertificateView[] {
    const certificates = this.deps.certificates();
    if (!certificates) refuse('unsupported', '本机没有证明打印 / this kiosk prints no certificates');
    const known = certificates.uncertain().some((c) => c.issuanceId === request.issuanceId);
    if (!known) refuse('badRequest', `证明 ${request.issuanceId} 不是待确认状态（可能已处理）/ certificate ${request.issuanceId} is not uncertain (it may have been settled already)`);
    certificates.settle(request.issuanceId, request.outcome, actor.accountId);
    return certificates.uncertain();
  }

  setService(request: SetServiceRequest, actor: StaffActor): OutOfServiceView {
    const changed = this.deps.outOfService.set(request.target, request.inService, actor.accountId, this.deps.clock.now());
    if (changed) {
      this.deps.audit({ actor: actor.accountId, action: request.inService ? 'service.backInService' : 'service.outOfService', subject: request.target, detail: {} });
      this.deps.onWithdrawnChanged();
    }
    return this.deps.outOfService.view();
  }

  foundItems(): FoundItem[] {
    return this.deps.foundItems.list(this.dayStart());
  }

  logFoundItem(request: LogFoundItemRequest, actor: StaffActor): FoundItem[] {
    refuseIdNumber(request.what, refuse);
    const item = this.deps.foundItems.add(request.kind, request.what, actor.accountId, this.deps.clock.now());
    this.deps.audit({ actor: actor.accountId, action: 'found.logged', subject: `found ${item.id}`, detail: { kind: item.kind, what: item.what } });
    return this.foundItems();
  }

  handOver(id: number, handedTo: string, actor: StaffActor): FoundItem[] {
    refuseIdNumber(handedTo, refuse);
    const item = this.deps.foundItems.handOver(id, handedTo, actor.accountId, this.deps.clock.now());
    if (!item) refuse('badRequest', `没有待领取的第 ${id} 项 / found item ${id} is not waiting to be handed over`);
    this.deps.audit({ actor: actor.accountId, action: 'found.handedOver', subject: `found ${id}`, detail: { handedTo } });
    return this.foundItems();
  }

  figures(): TodayFigures {
    return todayFigures({ db: this.deps.db, counts: this.deps.counts, timeZone: this.deps.timeZone, businesses: this.deps.businesses }, this.deps.clock.now());
  }

  restart(actor: StaffActor): void {
    this.deps.audit({ actor: actor.accountId, action: 'kiosk.restart', subject: 'kiosk', detail: {} });
    this.deps.log.warn('kiosk app restart asked by staff', { accountId: actor.accountId });
    this.deps.restartApp();
  }

  private printer(deviceId: string): Device {
    const device = this.deps.devices().find((d) => d.id === deviceId);
    if (!device || !isPrinter(device)) refuse('badRequest', `没有名为 ${deviceId} 的打印机 / there is no printer ${deviceId}`);
    return device;
  }

  private supplyOf(device: Device): PrinterSupply {
    const status: DeviceStatus = device.status;
    const restock = this.restocks.get(device.id) ?? null;
    return paperSupply({
      deviceId: device.id,
      roles: device.roles,
      model: device.model,
      status,
      statistics: device.statistics(),
      rollLengthMm: this.deps.rollLengthMm(device),
      rollStart: this.deps.rolls.get(device.id),
      restock,
    });
  }

  private dayStart(): number {
    return localTimeToEpoch(localDateKey(this.deps.clock.now(), this.deps.timeZone), 0, this.deps.timeZone);
  }
}
