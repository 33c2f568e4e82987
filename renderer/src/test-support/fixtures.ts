/** Host-shaped data for renderer tests: a small hall on a fixed host clock. */
import { IDLE_APPOINTMENT } from '../../../common/appointment';
import type { StaffAccountTile, StaffSessionView, StaffView } from '../../../common/staff';
import type { PrinterSupply, TodayFigures, UncertainTicketView } from '../../../common/staff-desk';
import { IDLE_IDENTITY } from '../../../common/identity';
import type { ServiceAvailability } from '../../../common/availability';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import type { BusinessView, IssuedTicketView } from '../../../common/queue';
import type { SessionState } from '../../../common/session';

/** Friday 2025-03-14 14:05:00 in Asia/Shanghai (06:05 UTC): the machine running the tests may be in any zone. */
export const HOST_NOW_MS = Date.UTC(2025, 2, 14, 6, 5, 0);

export function makeSession(overrides: Partial<SessionState> = {}): SessionState {
  return { phase: 'home', sessionId: null, countdownEndsAt: null, idleTimeoutMs: 60_000, countdownMs: 20_000, elder: false, ...overrides };
}

export function makeBusiness(overrides: Partial<BusinessView> = {}): BusinessView {
  return {
    id: 'id-card',
    prefix: 'A',
    name: { 'zh-CN': '居民身份证', 'zh-TW': '居民身份證', en: 'Resident ID card' },
    zone: { 'zh-CN': '一楼 A 区', en: 'Floor 1, Zone A' },
    open: true,
    hoursToday: ['09:00-12:00', '13:30-17:30'],
    waiting: 4,
    estimatedWaitMinutes: 12,
    ...overrides,
  };
}

export const OPEN_BUSINESS = makeBusiness();

export const CLOSED_BUSINESS = makeBusiness({
  id: 'exit-entry',
  prefix: 'B',
  name: { 'zh-CN': '出入境证件', en: 'Exit and entry documents' },
  zone: { 'zh-CN': '二楼 B 区' },
  open: false,
  closedReason: 'beforeHours',
  hoursToday: ['09:00-12:00', '15:00-17:30'],
  nextOpen: '2025-03-14 15:00',
  waiting: 0,
  estimatedWaitMinutes: 0,
});

export const TAKE_TICKET_AVAILABLE: ServiceAvailability = { service: 'takeTicket', available: true };

export const TAKE_TICKET_PAPER_OUT: ServiceAvailability = {
  service: 'takeTicket',
  available: false,
  reason: 'paperOut',
  role: 'ticketPrinter',
  alternative: { 'zh-CN': '请到 3 号自助机或 5 号窗口取号', en: 'Please use kiosk 3 or counter 5' },
};

/** No pad open, nobody signed in (issue 15 §1). */
export const NO_STAFF: StaffView = {
  pad: { open: false, closesAt: null, accounts: [], lockedUntil: null, failuresLeft: 5 },
  session: null,
};

export function makeSnapshot(overrides: Partial<KioskSnapshot> = {}): KioskSnapshot {
  return {
    mode: 'production',
    hallName: { 'zh-CN': '南明区政务服务中心', 'zh-TW': '南明區政務服務中心', en: 'Nanming Government Service Centre' },
    kioskName: { 'zh-CN': '1 号自助机', en: 'Kiosk 1' },
    timeZone: 'Asia/Shanghai',
    nowMs: HOST_NOW_MS,
    languages: ['zh-CN', 'zh-TW', 'en'],
    session: makeSession({ phase: 'active', sessionId: 'S1' }),
    identity: IDLE_IDENTITY,
    appointment: IDLE_APPOINTMENT,
    availability: [TAKE_TICKET_AVAILABLE],
    businesses: [OPEN_BUSINESS, CLOSED_BUSINESS],
    staff: NO_STAFF,
    hostLostAfterMs: 15_000,
    guides: { state: 'ready', catalogueVersion: '2025.03.01-1' },
    evaluation: null,
    profile: 'kiosk',
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<IssuedTicketView> = {}): IssuedTicketView {
  return {
    number: 'A012',
    businessId: OPEN_BUSINESS.id,
    businessName: OPEN_BUSINESS.name,
    zone: OPEN_BUSINESS.zone,
    peopleAhead: 4,
    estimatedWaitMinutes: 12,
    issuedAtLocal: '2025-03-14 14:05',
    ...overrides,
  };
}

/** Who may sign in on the fake host's pad (issue 15 §1); each signs in with STAFF_PIN. */
export const STAFF_ACCOUNTS: StaffAccountTile[] = [
  { id: 'demo-staff', name: '王芳', role: 'staff' },
  { id: 'tech-li', name: '李强', role: 'technician' },
];
/** The demo account's PIN (main/host/staff/demo-account.ts). */
export const STAFF_PIN = '246810';

export function makeStaffSession(overrides: Partial<StaffSessionView> = {}): StaffSessionView {
  return { accountId: 'demo-staff', name: '王芳', role: 'staff', signedInAt: HOST_NOW_MS, signOutAt: HOST_NOW_MS + 120_000, ...overrides };
}

/** Signed in as the demo account, the pad closed. */
export function signedInStaff(overrides: Partial<StaffSessionView> = {}): StaffView {
  return { pad: { ...NO_STAFF.pad }, session: makeStaffSession(overrides) };
}

/** The ticket printer, its roll a good way used. */
export function makeSupply(overrides: Partial<PrinterSupply> = {}): PrinterSupply {
  return {
    deviceId: 'ticket-printer',
    roles: ['ticketPrinter'],
    model: 'KP-247',
    device: 'online',
    paper: 'low',
    coverOpen: false,
    mediaPresented: false,
    rollLengthMm: 80_000,
    usedSinceExchangeMm: 68_000,
    ticketsSinceExchange: 850,
    ticketsLeft: 150,
    lastExchangeAt: HOST_NOW_MS - 26 * 3_600_000,
    restock: null,
    ...overrides,
  };
}

export function makeUncertainTicket(overrides: Partial<UncertainTicketView> = {}): UncertainTicketView {
  return {
    day: '2025-03-14',
    number: 'A012',
    businessId: OPEN_BUSINESS.id,
    businessName: OPEN_BUSINESS.name,
    reservedAt: HOST_NOW_MS - 20 * 60_000,
    errorCode: 'printUncertain',
    ...overrides,
  };
}

/** Today's figures: a morning's tickets at 09:00–11:00 and one fault. */
export function makeFigures(overrides: Partial<TodayFigures> = {}): TodayFigures {
  const hours = (values: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => values[h] ?? 0);
  return {
    day: '2025-03-14',
    ticketsByBusiness: [{ businessId: OPEN_BUSINESS.id, name: OPEN_BUSINESS.name, issued: 12, voided: 1, uncertain: 1, byHour: hours({ 9: 5, 10: 6, 11: 3 }) }],
    prints: { tickets: 14, testTickets: 1, byHour: hours({ 9: 5, 10: 7, 11: 3 }) },
    sessions: { started: 20, byHour: hours({ 9: 8, 10: 9, 11: 3 }) },
    faults: [{ deviceId: 'ticket-printer', actor: 'staff', count: 2 }],
    ...overrides,
  };
}
