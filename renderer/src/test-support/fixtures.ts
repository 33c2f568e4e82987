/** Host-shaped data for renderer tests: a small hall on a fixed host clock. */
import { IDLE_APPOINTMENT } from '../../../common/appointment';
import { IDLE_IDENTITY } from '../../../common/identity';
import type { ServiceAvailability } from '../../../common/availability';
import type { KioskSnapshot } from '../../../common/kiosk-api';
import type { BusinessView, IssuedTicketView } from '../../../common/queue';
import type { SessionState } from '../../../common/session';

/** Friday 2025-03-14 14:05:00 in Asia/Shanghai (06:05 UTC): the machine running the tests may be in any zone. */
export const HOST_NOW_MS = Date.UTC(2025, 2, 14, 6, 5, 0);

export function makeSession(overrides: Partial<SessionState> = {}): SessionState {
  return { phase: 'home', sessionId: null, countdownEndsAt: null, idleTimeoutMs: 60_000, countdownMs: 20_000, ...overrides };
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
    hostLostAfterMs: 15_000,
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
