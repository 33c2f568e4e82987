/**
 * The fake host's staff side (issue 15 §1, §2), for renderer tests: a small but honest in-memory model of
 * what main/host/staff does. The pad opens and closes; STAFF_PIN signs any fixture account in (ending the
 * citizen session first), wrong PINs count down and lock the pad; every staff call restarts the automatic
 * sign-out. The desk's data — supplies, out of service, uncertain tickets, alerts, found items, figures — are
 * public fields a test may set; actions change them as the host would and push `staff:changed` and
 * `availability:changed` where the host does.
 */
import type { Alert } from '../../../common/alerts';
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import { errorInfo, type ErrorCode } from '../../../common/errors';
import { KioskApiError, type ApiChannel, type KioskEvent, type KioskSnapshot } from '../../../common/kiosk-api';
import type { ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import type { SessionState } from '../../../common/session';
import type { StaffPadView, StaffSessionView } from '../../../common/staff';
import type { FoundItem, OutOfServiceView, PrinterSupply, TestTicketResult, TodayFigures, UncertainCertificateView, UncertainTicketView } from '../../../common/staff-desk';
import { makeFigures, makeSupply, makeUncertainTicket, STAFF_ACCOUNTS, STAFF_PIN } from './fixtures';

export const FAKE_STAFF_RULES = {
  lockoutAfterFailures: 5,
  lockoutMs: 15 * 60_000,
  padOpenMs: 60_000,
  signOutAfterMs: 120_000,
} as const;

export type StaffChannel = Extract<ApiChannel, `staff:${string}`>;

/** What the desk needs of the fake host. */
export interface FakeStaffHost {
  snapshot: KioskSnapshot;
  push(event: KioskEvent): void;
  setSession(session: Partial<SessionState>): void;
}

/** The services a printer's paper exchange withdraws: all of them print a ticket. */
const PRINTING_SERVICES: readonly CitizenService[] = ['takeTicket', 'identityTicket', 'appointmentCheckIn'];

function refuse(code: ErrorCode, detail?: string): never {
  throw new KioskApiError(errorInfo(code, detail));
}

export class FakeStaffDesk {
  supplies: PrinterSupply[] = [makeSupply()];
  outOfService: OutOfServiceView = { kiosk: null, services: [] };
  uncertainTickets: UncertainTicketView[] = [makeUncertainTicket()];
  uncertainCertificates: UncertainCertificateView[] = [];
  alerts: Alert[] = [];
  foundItems: FoundItem[] = [];
  figures: TodayFigures = makeFigures();
  /** How often `staff:restart-app` was asked. */
  restarts = 0;
  private readonly recheckQueue: Partial<PrinterSupply>[] = [];
  private readonly testTicketQueue: TestTicketResult[] = [];
  private failures = 0;
  private nextFoundId = 1;
  /** The availability before staff withdrew anything, given back when nothing is withdrawn any more. */
  private citizenAvailability: ServiceAvailability[] | null = null;

  constructor(private readonly host: FakeStaffHost) {}

  /** What the next `staff:recheck` calls find, in order (changes to the printer's supply). */
  scriptRecheck(...changes: Partial<PrinterSupply>[]): void {
    this.recheckQueue.push(...changes);
  }

  /** The answers to the next `staff:test-ticket` calls; without one, a test ticket prints. */
  scriptTestTicket(...results: TestTicketResult[]): void {
    this.testTicketQueue.push(...results);
  }

  /** Signs `accountId` in as a right PIN would (the citizen session ended first), and pushes it. */
  signIn(accountId: string = STAFF_ACCOUNTS[0]!.id): StaffSessionView {
    const account = STAFF_ACCOUNTS.find((a) => a.id === accountId);
    if (!account) throw new Error(`fake: no staff account ${accountId}`);
    this.host.setSession({ phase: 'home', sessionId: null, countdownEndsAt: null, elder: false });
    const session: StaffSessionView = { accountId: account.id, name: account.name, role: account.role, signedInAt: this.now, signOutAt: this.now + FAKE_STAFF_RULES.signOutAfterMs };
    this.failures = 0;
    this.publish({ pad: this.closedPad(), session });
    return session;
  }

  /** The automatic sign-out (or any other end) as the host does it: the session goes, and is pushed. */
  signOut(): void {
    this.publish({ pad: this.host.snapshot.staff.pad, session: null });
  }

  /** The pad left open closes by itself. */
  padTimedOut(): void {
    this.publish({ pad: this.closedPad(), session: null });
  }

  handlers(): Pick<ApiChannelHandlers, StaffChannel> {
    return {
      'staff:open-pad': () => {
        const staff = this.host.snapshot.staff;
        if (staff.session !== null) return structuredClone(staff.pad);
        const pad: StaffPadView = { open: true, closesAt: this.now + FAKE_STAFF_RULES.padOpenMs, accounts: structuredClone(STAFF_ACCOUNTS), lockedUntil: this.lockedUntil(), failuresLeft: this.failuresLeft() };
        this.publish({ pad, session: null });
        return structuredClone(pad);
      },
      'staff:close-pad': () => {
        const pad = this.closedPad();
        this.publish({ pad, session: this.host.snapshot.staff.session });
        return structuredClone(pad);
      },
      'staff:sign-in': ({ accountId, pin }) => {
        const staff = this.host.snapshot.staff;
        if (!staff.pad.open || staff.session !== null) return { ok: false, reason: 'padClosed' };
        const lockedUntil = this.lockedUntil();
        if (lockedUntil !== null) return { ok: false, reason: 'locked', lockedUntil };
        if (pin === STAFF_PIN && STAFF_ACCOUNTS.some((a) => a.id === accountId)) return { ok: true, session: this.signIn(accountId) };
        this.failures++;
        if (this.failures >= FAKE_STAFF_RULES.lockoutAfterFailures) {
          this.failures = 0;
          const until = this.now + FAKE_STAFF_RULES.lockoutMs;
          this.publish({ pad: { ...staff.pad, lockedUntil: until, failuresLeft: FAKE_STAFF_RULES.lockoutAfterFailures }, session: null });
          return { ok: false, reason: 'locked', lockedUntil: until };
        }
        this.publish({ pad: { ...staff.pad, failuresLeft: this.failuresLeft() }, session: null });
        return { ok: false, reason: 'wrongPin', failuresLeft: this.failuresLeft() };
      },
      'staff:sign-out': () => {
        this.signOut();
        return structuredClone(this.host.snapshot.staff);
      },
      'staff:activity': () => structuredClone(this.signedIn()),
      'staff:overview': () => {
        this.signedIn();
        return structuredClone({
          supplies: this.supplies,
          outOfService: this.outOfService,
          uncertainTickets: this.uncertainTickets,
          uncertainCertificates: this.uncertainCertificates,
          alerts: this.alerts,
          foundItemsWaiting: this.foundItems.filter((f) => f.handedTo === null).length,
        });
      },
      'staff:restock': ({ deviceId, step }) => {
        const session = this.signedIn();
        const supply = this.supply(deviceId);
        if (step === 'begin') supply.restock = supply.restock ?? { by: session.name, startedAt: this.now };
        else if (step === 'cancel') supply.restock = null;
        else {
          if (supply.restock === null) refuse('badRequest', 'no paper exchange under way');
          Object.assign(supply, {
            restock: null,
            paper: 'full',
            coverOpen: false,
            usedSinceExchangeMm: 0,
            ticketsSinceExchange: 0,
            ticketsLeft: supply.rollLengthMm === null ? null : 1_000,
            lastExchangeAt: this.now,
          } satisfies Partial<PrinterSupply>);
        }
        this.withdraw();
        return structuredClone(supply);
      },
      'staff:recheck': ({ deviceId }) => {
        this.signedIn();
        const supply = this.supply(deviceId);
        Object.assign(supply, this.recheckQueue.shift() ?? {});
        return structuredClone(supply);
      },
      'staff:test-ticket': ({ deviceId }) => {
        this.signedIn();
        this.supply(deviceId);
        const result = this.testTicketQueue.shift() ?? { ok: true };
        if (result.ok) this.figures.prints.testTickets++;
        return result;
      },
      'staff:settle-ticket': ({ day, number }) => {
        this.signedIn();
        const index = this.uncertainTickets.findIndex((t) => t.day === day && t.number === number);
        if (index < 0) refuse('badRequest', `no uncertain ticket ${day} ${number}`);
        this.uncertainTickets.splice(index, 1);
        return structuredClone(this.uncertainTickets);
      },
      'staff:settle-certificate': ({ issuanceId }) => {
        this.signedIn();
        const index = this.uncertainCertificates.findIndex((c) => c.issuanceId === issuanceId);
        if (index < 0) refuse('badRequest', `no uncertain certificate ${issuanceId}`);
        this.uncertainCertificates.splice(index, 1);
        return structuredClone(this.uncertainCertificates);
      },
      'staff:set-service': ({ target, inService }) => {
        const session = this.signedIn();
        const mark = { by: session.name, since: this.now };
        if (target === 'kiosk') this.outOfService.kiosk = inService ? null : (this.outOfService.kiosk ?? mark);
        else {
          const others = this.outOfService.services.filter((s) => s.service !== target);
          const current = this.outOfService.services.find((s) => s.service === target);
          this.outOfService.services = inService ? others : [...others, current ?? { service: target, ...mark }];
        }
        this.withdraw();
        return structuredClone(this.outOfService);
      },
      'staff:found-items': () => {
        this.signedIn();
        return structuredClone(this.foundItems);
      },
      'staff:log-found-item': ({ kind, what }) => {
        const session = this.signedIn();
        if (/(?:\d[\s-]?){14,}[\dXx]/u.test(what)) refuse('badRequest', 'do not write an ID number here');
        this.foundItems.unshift({ id: this.nextFoundId++, kind, what, foundAt: this.now, loggedBy: session.name, handedTo: null, handedAt: null, handedBy: null });
        return structuredClone(this.foundItems);
      },
      'staff:hand-over': ({ id, handedTo }) => {
        const session = this.signedIn();
        const item = this.foundItems.find((f) => f.id === id);
        if (!item || item.handedTo !== null) refuse('badRequest', `no found item ${id} waiting`);
        Object.assign(item, { handedTo, handedAt: this.now, handedBy: session.name });
        return structuredClone(this.foundItems);
      },
      'staff:figures': () => {
        this.signedIn();
        return structuredClone(this.figures);
      },
      'staff:restart-app': () => {
        this.signedIn();
        this.restarts++;
        this.signOut();
        return {};
      },
    };
  }

  private get now(): number {
    return this.host.snapshot.nowMs;
  }

  /** The session a staff channel runs under (the fake's gate refused the call without one); it is a touch. */
  private signedIn(): StaffSessionView {
    const session = this.host.snapshot.staff.session;
    if (session === null) refuse('forbidden', 'staff sign-in required');
    const touched = { ...session, signOutAt: this.now + FAKE_STAFF_RULES.signOutAfterMs };
    this.publish({ pad: this.host.snapshot.staff.pad, session: touched });
    return touched;
  }

  private supply(deviceId: string): PrinterSupply {
    const supply = this.supplies.find((s) => s.deviceId === deviceId);
    if (!supply) refuse('noDevice', `no printer ${deviceId}`);
    return supply;
  }

  private lockedUntil(): number | null {
    const until = this.host.snapshot.staff.pad.lockedUntil;
    return until !== null && until > this.now ? until : null;
  }

  private failuresLeft(): number {
    return FAKE_STAFF_RULES.lockoutAfterFailures - this.failures;
  }

  private closedPad(): StaffPadView {
    return { open: false, closesAt: null, accounts: [], lockedUntil: this.lockedUntil(), failuresLeft: this.failuresLeft() };
  }

  private publish(staff: KioskSnapshot['staff']): void {
    this.host.push({ type: 'staff:changed', staff: structuredClone(staff) });
  }

  /** Citizens see what staff withdrew: a paper exchange, the whole kiosk or one service out of service. */
  private withdraw(): void {
    const base = this.citizenAvailability ?? this.host.snapshot.availability;
    const restocking = this.supplies.some((s) => s.restock !== null && s.roles.includes('ticketPrinter'));
    const reasonFor = (service: CitizenService): ErrorCode | null => {
      if (this.outOfService.kiosk !== null || this.outOfService.services.some((s) => s.service === service)) return 'outOfService';
      if (restocking && PRINTING_SERVICES.includes(service)) return 'restocking';
      return null;
    };
    const withdrawn = base.some((a) => reasonFor(a.service) !== null);
    this.citizenAvailability = withdrawn ? base : null;
    const availability = base.map((a): ServiceAvailability => {
      const reason = reasonFor(a.service);
      return reason === null ? a : { service: a.service, available: false, reason, alternative: { 'zh-CN': '请到服务窗口办理', en: 'Please go to a service window' } };
    });
    this.host.push({ type: 'availability:changed', availability });
  }
}
