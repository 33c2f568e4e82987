import type { KioskErrorInfo } from './errors';

/** Localised text as configured: zh-CN always, the others when the hall provides them. */
export interface LocalText {
  'zh-CN': string;
  'zh-TW'?: string;
  en?: string;
}

/** Why a business type cannot issue right now (the UI words each one). */
export type ClosedReason =
  | 'holiday'
  | 'notServiceDay'
  | 'beforeHours'
  | 'afterHours'
  | 'stoppedIssuing'
  | 'dailyCapReached'
  /** This kiosk issued its limit of tickets a minute (queue.ticketsPerMinute); `nextOpen` says when again. */
  | 'rateLimited';

/** A business type as the citizen's screen shows it, computed by the host on its clock. */
export interface BusinessView {
  id: string;
  prefix: string;
  name: LocalText;
  zone: LocalText;
  open: boolean;
  closedReason?: ClosedReason;
  /** Today's opening periods in hall time, e.g. ["09:00-12:00", "13:30-17:00"]; empty when closed all day. */
  hoursToday: string[];
  /** When issuing next opens (hall time, "YYYY-MM-DD HH:MM"), if known within the next 14 days. */
  nextOpen?: string;
  waiting: number;
  estimatedWaitMinutes: number;
}

export interface TakeTicketRequest {
  businessId: string;
  /** Chosen by the renderer per tap; the host answers a repeated id with the first outcome (idempotency). */
  requestId: string;
}

/** §8.3: every outcome is issued, voided or uncertain. */
export type TicketOutcome = 'issued' | 'voided' | 'uncertain';

export interface IssuedTicketView {
  number: string;
  businessId: string;
  businessName: LocalText;
  zone: LocalText;
  peopleAhead: number;
  estimatedWaitMinutes: number;
  /** Hall-local "YYYY-MM-DD HH:MM". */
  issuedAtLocal: string;
  /** 绿色通道: the host granted priority (age on the ID card, issue 14 §7); printed on the ticket too. */
  priority?: boolean;
  /**
   * Asked again after the counters moved on (issue 13 §3): what really happened to the ticket. Absent while
   * it waits; `counter` is where it was called to, when the calling system said.
   */
  progress?: { state: 'called' | 'served' | 'noShow'; counter?: string };
  /**
   * Presenter printers (protocols.md §2.6): where the paper is. `presented`: waiting in the mouth (the screen
   * says 请取走您的号票 until it is taken); then `ticket:delivery` events say taken, retracted (nobody took it
   * and the printer pulled it back: the number stays valid, staff can help) or unknown (the printer went
   * away). Absent on printers that drop or tear off the ticket.
   */
  delivery?: TicketDelivery;
}

export type TicketDelivery = 'presented' | 'taken' | 'retracted' | 'unknown';

/** The `ticket:delivery` event: the presented ticket of `requestId` left the mouth (common/kiosk-api.ts). */
export interface TicketDeliveryEvent {
  requestId: string;
  number: string;
  delivery: Exclude<TicketDelivery, 'presented'>;
}

export type TakeTicketResult =
  | { outcome: 'issued'; ticket: IssuedTicketView }
  | { outcome: 'voided'; number?: string; error: KioskErrorInfo; partial: boolean }
  | { outcome: 'uncertain'; number: string; error: KioskErrorInfo }
  /** `heldNumber`: ticketAlreadyHeld, the number this ID already holds for the business today. */
  | { outcome: 'refused'; error: KioskErrorInfo; closed?: ClosedInfo; heldNumber?: string };

/**
 * Why a take-ticket request found its business closed (businessClosed, dailyCapReached), so the citizen is
 * told the specific reason (message id `closed.<reason>`), e.g. 已停止取号，本业务 17:00 截止.
 */
export interface ClosedInfo {
  reason: ClosedReason;
  /** Today's periods in hall time, as BusinessView.hoursToday. */
  hoursToday: string[];
  /** stoppedIssuing: when the current period closes, hall time "HH:MM". */
  closesAt?: string;
  /** When issuing next opens, hall time "YYYY-MM-DD HH:MM", as BusinessView.nextOpen. */
  nextOpen?: string;
}
