/**
 * What the staff screens show and do (issue 15 §2): supplies and the guided restock, jam and cover recovery,
 * forgotten cards and tickets, uncertain tickets, out of service, today's figures. Every action is the
 * host's (audited under the signed-in person); these are the views it answers with.
 */
import type { CertificateKind } from './certificate-document';
import type { Alert } from './alerts';
import type { CitizenService } from './availability';
import type { DeviceRole, DeviceState, PaperLevel } from './device';
import type { LocalText } from './queue';

/**
 * A guided paper exchange (§2): begun, the printer is withdrawn from citizens (取号 shows as unavailable with
 * where to go); ended, the roll's counters reset, the status is read again and a test ticket is offered.
 */
export interface RestockView {
  by: string;
  startedAt: number;
}

/** One printer's paper as staff need it. */
export interface PrinterSupply {
  deviceId: string;
  roles: DeviceRole[];
  model: string;
  device: DeviceState;
  /** undefined: the printer cannot tell. */
  paper?: PaperLevel;
  coverOpen?: boolean;
  /** A presenter printer's ticket still in the mouth. */
  mediaPresented?: boolean;
  /** Paper length of a full roll of this model (the model table), mm; null when the table does not say. */
  rollLengthMm: number | null;
  /** Paper used since the roll was last exchanged through the guided restock, mm (the statistics). */
  usedSinceExchangeMm: number;
  /** Tickets printed since that exchange. */
  ticketsSinceExchange: number;
  /** Estimated tickets left: the roll's remaining length over the average ticket's; null when unknown. */
  ticketsLeft: number | null;
  lastExchangeAt: number | null;
  restock: RestockView | null;
}

export type RestockStep = 'begin' | 'end' | 'cancel';

export interface RestockRequest {
  deviceId: string;
  step: RestockStep;
}

/** A test ticket (no queue number) after a restock or a repair: proves paper, cutter and presenter. */
export type TestTicketResult = { ok: true } | { ok: false; code: string; message: string };

/** Taken out of service by staff (§2): the whole kiosk, or one service; citizens see 暂停服务 and where to go. */
export interface OutOfServiceView {
  kiosk: { by: string; since: number } | null;
  services: Array<{ service: CitizenService; by: string; since: number }>;
}

export interface SetServiceRequest {
  target: 'kiosk' | CitizenService;
  inService: boolean;
}

export const FOUND_ITEM_KINDS = ['idCard', 'ticket', 'other'] as const;
export type FoundItemKind = (typeof FOUND_ITEM_KINDS)[number];
/** Bounds of the free text staff type about a found item (never an ID number: the host refuses one). */
export const FOUND_ITEM_TEXT_MAX = 60;

/** A forgotten ID card or ticket (§2): what, when, handed to whom. */
export interface FoundItem {
  id: number;
  kind: FoundItemKind;
  /** e.g. "身份证（张*）" or "A012 号票"; never an ID number. */
  what: string;
  foundAt: number;
  loggedBy: string;
  handedTo: string | null;
  handedAt: number | null;
  handedBy: string | null;
}

export interface LogFoundItemRequest {
  kind: FoundItemKind;
  what: string;
}

export interface HandOverRequest {
  id: number;
  handedTo: string;
}

/** An uncertain ticket staff settle as issued or voided (the same rule as the tickets CLI). */
export interface UncertainTicketView {
  day: string;
  number: string;
  businessId: string;
  businessName: LocalText;
  reservedAt: number;
  errorCode: string | null;
}

export interface SettleTicketRequest {
  day: string;
  number: string;
  outcome: 'issued' | 'voided';
}

/**
 * A certificate whose print was never confirmed (issue 17 §2; ARCHITECTURE.md §8.3): the printer stopped
 * answering, or no longer knew the job after a restart. Staff look in the tray and settle it; no personal data.
 */
export interface UncertainCertificateView {
  issuanceId: string;
  kind: CertificateKind;
  pages: number;
  /** Sheets the printer reported done, where it did. */
  pagesCompleted: number | null;
  createdAt: number;
  errorCode: string | null;
}

export interface SettleCertificateRequest {
  issuanceId: string;
  /** issued: the citizen has the whole certificate; voided: it did not come out whole (what came out is destroyed). */
  outcome: 'issued' | 'voided';
}

/** The first page of the staff screens. */
export interface StaffOverview {
  supplies: PrinterSupply[];
  outOfService: OutOfServiceView;
  uncertainTickets: UncertainTicketView[];
  uncertainCertificates: UncertainCertificateView[];
  /** Active alerts for staff and technicians, newest first. */
  alerts: Alert[];
  /** Found items not yet handed over. */
  foundItemsWaiting: number;
}

/** Today's figures (§2), hall day; each series has one value per hour 0–23 for the small charts. */
export interface TodayFigures {
  day: string;
  ticketsByBusiness: Array<{ businessId: string; name: LocalText; issued: number; voided: number; uncertain: number; byHour: number[] }>;
  prints: { tickets: number; testTickets: number; byHour: number[] };
  sessions: { started: number; byHour: number[] };
  faults: Array<{ deviceId: string; actor: string; count: number }>;
}
