/**
 * Taking a queue ticket (ARCHITECTURE.md §8.3 "done means confirmed"; protocols.md §2.7): a number is
 * reserved in a transaction, printed, and only then issued. The printer's answer decides the outcome:
 * confirmed → issued; refused before any byte → voided; a fault mid-job → voided (partial, staff alerted to
 * a possible stub in the tray); silence after the bytes went out → uncertain (citizen told to check the
 * tray, staff can list it). A driver that throws is judged the same way: voided while no byte went out
 * (onSending not yet called), uncertain after. A closed business is refused with its specific reason. A
 * repeated requestId gets the first outcome; a second tap while printing is refused as busy; nothing is
 * ever issued twice.
 */
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import { errorInfo, type ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import type { PrintDocument } from '../../../common/print-document';
import type { ClosedInfo, IssuedTicketView, TakeTicketRequest, TakeTicketResult, TicketDeliveryEvent } from '../../../common/queue';
import type { PrintResult, TicketPrinter, TicketRemoval } from '../../../drivers/devices/printer-types';
import type { TicketPriority } from '../queue/queue-types';

/** The session's identity as a ticket may carry it (host/identity/held-identity.ts): never the number. */
export interface TicketIdentity {
  idHmac: string;
  /** 绿色通道 by age. */
  priority: boolean;
  /** 人工核验: a priority ticket, the identity checked at the counter. */
  staffCheck?: boolean;
}

export interface TicketReserveRequest {
  businessId: string;
  requestId: string;
  sessionId: string;
  identity?: TicketIdentity;
  /** Decided by a host service (an appointment checked in, issue 14 item 7); otherwise the identity's age decides. */
  priority?: TicketPriority;
}

/**
 * What a host service adds to a take (never the renderer: queue:take-ticket has no such fields,
 * common/api-validate.ts): the citizen service whose availability the print needs, and a priority it decided.
 */
export interface TakeTicketOptions {
  service?: CitizenService;
  priority?: TicketPriority;
}

/** What the issuer needs from the queue (main/host/queue/queue-service.ts). */
export interface TicketQueue {
  reserve(request: TicketReserveRequest): ReserveOutcome;
  markSent(ticketId: number): void;
  settle(ticketId: number, outcome: 'issued' | 'voided' | 'uncertain', detail?: { errorCode?: string; partial?: boolean }): void;
  /** A presenter retracted the issued ticket nobody took (protocols.md §2.6): it stays issued, marked. */
  markRetracted(ticketId: number): void;
}

export type ReserveOutcome =
  | { kind: 'reserved'; ticket: { id: number; number: string; day: string; view: IssuedTicketView; document: PrintDocument } }
  | { kind: 'existing'; result: TakeTicketResult | null }
  | { kind: 'refused'; code: Extract<ErrorCode, 'businessUnknown' | 'businessClosed' | 'dailyCapReached' | 'rateLimited' | 'ticketAlreadyHeld'>; closed?: ClosedInfo; heldNumber?: string };

/** The ticket an unsettled print was for: `ref` names it for staff (hall day and number, "2026-11-23 A003"). */
export interface UnsettledTicket {
  number: string;
  ref: string;
}

export interface TicketIssuerDeps {
  queue: TicketQueue;
  printer: () => TicketPrinter | undefined;
  availability: { of(service: CitizenService): ServiceAvailability };
  session: { current(): string; hold<T>(work: Promise<T>): Promise<T>; endAfter(ms: number, reason: 'done', sessionId: string): void };
  /** The identity established in the session, if any (issue 14 §7): the ticket is bound to it. */
  identity?: { bound(sessionId: string): TicketIdentity | null };
  ticketShownMs: number;
  printTimeoutMs?: number;
  onIssued?: () => void;
  /** A partly printed or uncertain ticket: staff must look (one alert event per ticket). */
  onUnsettled?: (kind: 'partial' | 'uncertain', ticket: UnsettledTicket, code: ErrorCode) => void;
  /** Every print that did not confirm, with the printer's code (e.g. garbledReply → its own alert). */
  onPrintFailed?: (code: ErrorCode) => void;
  /** A presenter printer retracted an issued ticket nobody took: staff should know nobody holds it. */
  onRetracted?: (ticket: UnsettledTicket) => void;
  log: Logger;
}

export class TicketIssuer {
  private readonly inFlight = new Map<string, Promise<TakeTicketResult>>();
  private readonly sessionsPrinting = new Set<string>();
  private readonly deliveryListeners = new Set<(event: TicketDeliveryEvent) => void>();

  constructor(private readonly deps: TicketIssuerDeps) {}

  take(request: TakeTicketRequest, options: TakeTicketOptions = {}): Promise<TakeTicketResult> {
    const pending = this.inFlight.get(request.requestId);
    if (pending) return pending;
    const sessionId = this.deps.session.current();
    if (this.sessionsPrinting.has(sessionId)) {
      return Promise.resolve({ outcome: 'refused', error: errorInfo('busy', 'a ticket is already being printed for this session') });
    }
    const work = this.issue(request, sessionId, options).finally(() => {
      this.inFlight.delete(request.requestId);
      this.sessionsPrinting.delete(sessionId);
    });
    this.inFlight.set(request.requestId, work);
    this.sessionsPrinting.add(sessionId);
    return this.deps.session.hold(work);
  }

  /** A presented ticket left the printer's mouth (protocols.md §2.6): pushed to the renderer. */
  onDelivery(listener: (event: TicketDeliveryEvent) => void): () => void {
    this.deliveryListeners.add(listener);
    return () => this.deliveryListeners.delete(listener);
  }

  private async issue(request: TakeTicketRequest, sessionId: string, options: TakeTicketOptions): Promise<TakeTicketResult> {
    const availability = this.deps.availability.of(options.service ?? 'takeTicket');
    const printer = this.deps.printer();
    if (!availability.available || !printer) {
      return { outcome: 'refused', error: errorInfo(availability.reason ?? 'noDevice', 'the ticket printer cannot print now') };
    }
    const identity = this.deps.identity?.bound(sessionId) ?? undefined;
    const reserved = this.deps.queue.reserve({
      businessId: request.businessId,
      requestId: request.requestId,
      sessionId,
      ...(identity && { identity }),
      ...(options.priority && { priority: options.priority }),
    });
    if (reserved.kind === 'refused') {
      return { outcome: 'refused', error: errorInfo(reserved.code), ...(reserved.closed && { closed: reserved.closed }), ...(reserved.heldNumber && { heldNumber: reserved.heldNumber }) };
    }
    if (reserved.kind === 'existing') {
      return reserved.result ?? { outcome: 'refused', error: errorInfo('busy', 'this request is still being printed') };
    }
    const { ticket } = reserved;
    const log = this.deps.log.child(`ticket:${ticket.number}`);
    let sent = false;
    const mouth = new MouthWatch((how) => this.removed(ticket, how, request.requestId, sessionId, log));
    let result: PrintResult;
    try {
      result = await printer.print(ticket.document, {
        timeoutMs: this.deps.printTimeoutMs,
        events: {
          onSending: () => {
            this.deps.queue.markSent(ticket.id);
            sent = true;
            // From here a crash leaves the number uncertain (§8.3): the line staff and tests find it by.
            log.info('ticket printing started', { number: ticket.number });
          },
          onPresented: () => mouth.presented(),
          onRemoved: (how) => mouth.removed(how),
        },
      });
    } catch (err) {
      log.error('print threw', { error: err, sent });
      // Nothing went out: no paper moved, the number is void. Bytes went out: the paper may be in the tray.
      const error = errorInfo('internal', 'the print job failed unexpectedly');
      result = sent ? { outcome: 'unknown', error } : { outcome: 'notPrinted', error };
    }
    if (result.outcome !== 'confirmed') this.deps.onPrintFailed?.(result.error.code);
    const settled = this.settle(ticket, result, log, sessionId, mouth.isPresented);
    mouth.settled();
    return settled;
  }

  private settle(ticket: { id: number; number: string; day: string; view: IssuedTicketView }, result: PrintResult, log: Logger, sessionId: string, presented: boolean): TakeTicketResult {
    switch (result.outcome) {
      case 'confirmed':
        this.deps.queue.settle(ticket.id, 'issued');
        log.info('ticket issued', { businessId: ticket.view.businessId, presented });
        // Only the session that asked: if it ended during the print, the next citizen's is not cut short.
        // A ticket waiting in a presenter's mouth keeps the screen until it is taken or retracted (removed()).
        if (!presented) this.deps.session.endAfter(this.deps.ticketShownMs, 'done', sessionId);
        this.deps.onIssued?.();
        return { outcome: 'issued', ticket: presented ? { ...ticket.view, delivery: 'presented' } : ticket.view };
      case 'notPrinted':
        this.deps.queue.settle(ticket.id, 'voided', { errorCode: result.error.code, partial: false });
        log.warn('ticket voided before printing', { code: result.error.code });
        return { outcome: 'voided', number: ticket.number, error: result.error, partial: false };
      case 'incomplete':
        this.deps.queue.settle(ticket.id, 'voided', { errorCode: result.error.code, partial: true });
        log.warn('ticket voided mid-print', { code: result.error.code });
        this.deps.onUnsettled?.('partial', unsettled(ticket), result.error.code);
        return { outcome: 'voided', number: ticket.number, error: result.error, partial: true };
      case 'unknown':
        this.deps.queue.settle(ticket.id, 'uncertain', { errorCode: result.error.code });
        log.warn('ticket outcome uncertain', { code: result.error.code });
        this.deps.onUnsettled?.('uncertain', unsettled(ticket), result.error.code);
        return { outcome: 'uncertain', number: ticket.number, error: errorInfo('printUncertain', result.error.detail) };
    }
  }

  /** The presented ticket left the mouth (after its result was settled: MouthWatch keeps that order). */
  private removed(ticket: { id: number; number: string; day: string }, how: TicketRemoval, requestId: string, sessionId: string, log: Logger): void {
    log.info('presented ticket gone', { how });
    if (how === 'retracted') {
      this.deps.queue.markRetracted(ticket.id);
      this.deps.onRetracted?.(unsettled(ticket));
    }
    for (const l of [...this.deliveryListeners]) l({ requestId, number: ticket.number, delivery: how });
    this.deps.session.endAfter(this.deps.ticketShownMs, 'done', sessionId);
  }
}

/**
 * A presenter's ticket between the printer's word and the queue's (protocols.md §2.6): the printer may
 * report the ticket gone before the issuer has settled it as issued; the removal is then held until it has,
 * so a retracted mark never lands on a ticket that is not issued yet and the renderer hears in order.
 */
class MouthWatch {
  private isIn = false;
  private isSettled = false;
  private pending: TicketRemoval | null = null;

  constructor(private readonly onRemoved: (how: TicketRemoval) => void) {}

  get isPresented(): boolean {
    return this.isIn;
  }

  presented(): void {
    this.isIn = true;
  }

  removed(how: TicketRemoval): void {
    if (this.isSettled) this.onRemoved(how);
    else this.pending = how;
  }

  settled(): void {
    this.isSettled = true;
    if (this.isIn && this.pending !== null) this.onRemoved(this.pending);
    this.pending = null;
  }
}

/**
 * How staff find a ticket: its hall day and number, "2026-11-23 A003" (numbers restart every day). The day
 * is the ticket's numbering day, which a number carried over midnight keeps (queue-series.ts).
 */
export function ticketRef(day: string, number: string): string {
  return `${day} ${number}`;
}

function unsettled(ticket: { number: string; day: string }): UnsettledTicket {
  return { number: ticket.number, ref: ticketRef(ticket.day, ticket.number) };
}
