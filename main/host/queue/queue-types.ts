/**
 * The queue service's records and results (ARCHITECTURE.md §8.3, §8.6; protocols.md §5). A ticket lives
 * reserved → printing → issued | voided | uncertain, and an issued one goes on to called → served | noShow.
 */
import type { ErrorCode } from '../../../common/errors';
import type { ClosedInfo, ClosedReason } from '../../../common/queue';
import type { PRIORITY_REASONS, TICKET_STATUSES } from './queue-db';

export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type PriorityReason = (typeof PRIORITY_REASONS)[number];

/**
 * 绿色通道 priority. A host-side parameter only, set from a verified reason (age from the ID card,
 * a checked appointment, …): the renderer's take-ticket request has no field for it (common/api-validate.ts).
 */
export interface TicketPriority {
  /** Higher is served first; 0 is a normal ticket. Whole number 0…1000. */
  weight: number;
  /**
   * Why, in the queue's words. Absent: priority the host grants for 人工核验 (issue 14 §5: staff check the
   * citizen's identity at the counter), a reason the database's list predates; stored as NULL.
   */
  reason?: PriorityReason;
}

export interface ReserveRequest {
  businessId: string;
  /** The idempotency key: the same id answers with the ticket it reserved the first time. */
  requestId: string;
  sessionId: string;
  priority?: TicketPriority;
  /**
   * The HMAC of the citizen's ID number (host/identity/kiosk-key.ts) when the ticket is taken with an ID card:
   * stored on the ticket, and, where the business has `oneTicketPerId`, refused while it holds an active one.
   */
  idHmac?: string;
}

export interface TicketRecord {
  id: number;
  requestId: string;
  sessionId: string | null;
  businessId: string;
  /** Hall-local "YYYY-MM-DD" the number belongs to. */
  day: string;
  seq: number;
  /** Prefix + three digits, "A001". */
  number: string;
  priority: number;
  priorityReason: PriorityReason | null;
  status: TicketStatus;
  /** Voided mid-print: part of a ticket may be in the tray. Null when not known or not relevant. */
  partial: boolean | null;
  errorCode: string | null;
  reservedAt: number;
  sentAt: number | null;
  settledAt: number | null;
  calledAt: number | null;
  servedAt: number | null;
  /** The counter (window) the calling system called the ticket to ("3"); null if not called or not said. */
  calledCounter: string | null;
  /**
   * When a presenter printer pulled the untaken ticket back into its bin (protocols.md §2.6): the number is
   * issued but nobody holds the paper. Null otherwise.
   */
  retractedAt: number | null;
}

export interface ReservedTicket {
  id: number;
  number: string;
  seq: number;
  businessId: string;
  day: string;
  priority: number;
  /** Issued tickets waiting before this one in queue order (priority first, then time of reservation). */
  peopleAhead: number;
  estimatedWaitMinutes: number;
  reservedAt: number;
}

export type ReserveRefusal = Extract<ErrorCode, 'businessUnknown' | 'businessClosed' | 'dailyCapReached' | 'rateLimited' | 'ticketAlreadyHeld'>;

export type ReserveResult =
  | { kind: 'reserved'; ticket: ReservedTicket }
  | { kind: 'existing'; ticket: TicketRecord }
  /** `heldNumber`: ticketAlreadyHeld, the number the same ID already holds (not personal: it is on the board). */
  | { kind: 'refused'; code: ReserveRefusal; closedReason?: ClosedReason; closed?: ClosedInfo; heldNumber?: string };

export type SettleOutcome = 'issued' | 'voided' | 'uncertain';

export interface SettleDetail {
  errorCode?: string;
  partial?: boolean;
}

/** A call that breaks the ticket life cycle (settling twice, serving a ticket never called, …): a bug. */
export class QueueStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueStateError';
  }
}
