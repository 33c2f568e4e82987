/**
 * Joins the queue service and the ticket layout for the issuer: a reservation becomes the number, the
 * citizen's view of it and the print document; a repeated request id answers with the first outcome.
 */
import { errorInfo, isErrorCode } from '../../../common/errors';
import { formatLocalDateTime } from '../../../common/local-time';
import type { IssuedTicketView, TakeTicketResult } from '../../../common/queue';
import type { BusinessConfig, KioskConfig } from '../config/config-types';
import type { QueueService } from '../queue/queue-service';
import type { TicketPriority, TicketRecord } from '../queue/queue-types';
import { buildTicketDocument } from '../queue/ticket-document';
import type { ReserveOutcome, TicketQueue, TicketReserveRequest } from './ticket-issuer';

/**
 * The queue weight of 绿色通道 by age (queue-types.ts TicketPriority): ahead of ordinary tickets; an
 * appointment checked in within its window ranks above it (issue 14 §7).
 */
export const ELDERLY_PRIORITY_WEIGHT = 10;

/**
 * An appointment checked in within its window (issue 14 item 7: "a ticket that jumps the queue within its
 * window"): called before 绿色通道 and ordinary tickets. An elderly citizen with an appointment gets this one.
 */
export const APPOINTMENT_PRIORITY_WEIGHT = 20;

export class QueueTicketAdapter implements TicketQueue {
  constructor(
    private readonly queue: QueueService,
    private readonly config: Pick<KioskConfig, 'hall' | 'queue' | 'mode'>,
  ) {}

  reserve(request: TicketReserveRequest): ReserveOutcome {
    const { identity, priority: decided, ...rest } = request;
    // A priority a host service decided (an appointment checked in) comes first; else the identity's.
    const priority: TicketPriority | undefined =
      decided ?? (identity?.priority ? { weight: ELDERLY_PRIORITY_WEIGHT, reason: 'elderly' } : identity?.staffCheck ? { weight: ELDERLY_PRIORITY_WEIGHT } : undefined);
    const result = this.queue.reserve({
      ...rest,
      ...(identity && { idHmac: identity.idHmac }),
      ...(priority && { priority }),
    });
    if (result.kind === 'refused') return { kind: 'refused', code: result.code, ...(result.closed && { closed: result.closed }), ...(result.heldNumber && { heldNumber: result.heldNumber }) };
    if (result.kind === 'existing') return { kind: 'existing', result: this.replay(result.ticket) };
    const { ticket } = result;
    const business = this.business(ticket.businessId);
    const view: IssuedTicketView = {
      number: ticket.number,
      businessId: ticket.businessId,
      businessName: business.name,
      zone: business.zone,
      peopleAhead: ticket.peopleAhead,
      estimatedWaitMinutes: ticket.estimatedWaitMinutes,
      issuedAtLocal: formatLocalDateTime(ticket.reservedAt, this.config.hall.timeZone),
      ...(ticket.priority > 0 && { priority: true }),
    };
    const document = buildTicketDocument({ ticket: { ...ticket, ...(priority?.reason && { priorityReason: priority.reason }) }, business, hall: this.config.hall, issuedAtMs: ticket.reservedAt, jobId: `ticket-${ticket.id}`, training: this.config.mode === 'training' });
    return { kind: 'reserved', ticket: { id: ticket.id, number: ticket.number, day: ticket.day, view, document } };
  }

  markSent(ticketId: number): void {
    this.queue.markSent(ticketId);
  }

  settle(ticketId: number, outcome: 'issued' | 'voided' | 'uncertain', detail?: { errorCode?: string; partial?: boolean }): void {
    this.queue.settle(ticketId, outcome, detail);
  }

  markRetracted(ticketId: number): void {
    this.queue.markRetracted(ticketId);
  }

  /** The outcome a finished request had; null while it is still printing. */
  private replay(record: TicketRecord): TakeTicketResult | null {
    const code = record.errorCode && isErrorCode(record.errorCode) ? record.errorCode : 'hardwareError';
    switch (record.status) {
      case 'reserved':
      case 'printing':
        return null;
      case 'voided':
        return { outcome: 'voided', number: record.number, error: errorInfo(code), partial: record.partial === true };
      case 'uncertain':
        return { outcome: 'uncertain', number: record.number, error: errorInfo('printUncertain') };
      default: {
        // Issued and waiting: where it stands now. Called, served or skipped since: that, and nobody ahead.
        const business = this.business(record.businessId);
        const waiting = record.status === 'issued';
        const standing = waiting ? this.queue.standing(record) : { peopleAhead: 0, estimatedWaitMinutes: 0 };
        const ticket: IssuedTicketView = {
          number: record.number,
          businessId: record.businessId,
          businessName: business.name,
          zone: business.zone,
          ...standing,
          issuedAtLocal: formatLocalDateTime(record.reservedAt, this.config.hall.timeZone),
          ...(record.priority > 0 && { priority: true }),
        };
        if (record.status === 'called' || record.status === 'served' || record.status === 'noShow') {
          ticket.progress = record.calledCounter ? { state: record.status, counter: record.calledCounter } : { state: record.status };
        }
        return { outcome: 'issued', ticket };
      }
    }
  }

  private business(id: string): BusinessConfig {
    const business = this.config.queue.businesses.find((b) => b.id === id);
    if (!business) throw new Error(`business ${id} vanished from the configuration`);
    return business;
  }
}
