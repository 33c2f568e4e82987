/**
 * 确认签到 (issue 14 item 7): the platform's check-in under this kiosk's key for the code, then the ticket that
 * jumps the queue, taken through the TicketIssuer with the appointment's priority (weight above 绿色通道,
 * reason `appointment`) and bound to the session's identity when there is one (the issuer does that).
 *
 * Order and idempotency (ARCHITECTURE.md §8.3; appointment-keys.ts): nothing is asked of the platform while
 * the ticket could not be printed (the printer's availability, the business's hours), so an appointment is
 * not spent on a kiosk that cannot give its ticket. The key and the ticket's request id are derived from the
 * code: a retry after a timeout, a 5xx or a restart gets the platform's first `checkedIn` and the same ticket.
 * When the check-in went through but the print did not (voided, uncertain), the result says so
 * (`checkedIn: true` with the ticket's outcome): the citizen is told the appointment is checked in and staff
 * at the information desk can print or call it; asking again answers the same, never a second number.
 */
import type { AppointmentCheckInResult, AppointmentChoice } from '../../../common/appointment';
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import type { Clock } from '../../../common/clock';
import { errorInfo } from '../../../common/errors';
import { formatLocalDateTime } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import type { CheckInResult } from '../../../common/platform-api';
import type { TakeTicketRequest, TakeTicketResult } from '../../../common/queue';
import type { PlatformClient, PlatformReply } from '../platform/platform-client';
import { checkInRefusalError } from '../platform/platform-refusals';
import { APPOINTMENT_PRIORITY_WEIGHT } from '../tickets/queue-adapter';
import type { TakeTicketOptions } from '../tickets/ticket-issuer';
import { appointmentTicketRequestId, checkInKey } from './appointment-keys';

export type AppointmentPlatform = Pick<PlatformClient, 'lookupAppointment' | 'findAppointments' | 'checkIn'>;

/** Keys tried for one check-in: the first, then one per stale `early` (appointment-keys.ts). */
const MAX_KEYS = 3;

export interface CheckInDeps {
  clock: Clock;
  log: Logger;
  kioskId: string;
  timeZone: string;
  platform(): AppointmentPlatform | null;
  availability: { of(service: CitizenService): ServiceAvailability };
  /** The business takes tickets now (hours, holidays: the queue's BusinessView.open). */
  businessOpen(businessId: string): boolean;
  /** The ticket this kiosk reserved under a request id, if any (queue-service.ts findByRequest). */
  ticketOf(requestId: string): { sessionId: string | null } | undefined;
  tickets: { take(request: TakeTicketRequest, options: TakeTicketOptions): Promise<TakeTicketResult> };
}

/** The platform's check-in under this kiosk's key for `code`, past a stale remembered `early`. */
export async function platformCheckIn(deps: Pick<CheckInDeps, 'clock' | 'kioskId'>, platform: AppointmentPlatform, code: string): Promise<PlatformReply<CheckInResult>> {
  let key = checkInKey(deps.kioskId, code);
  let reply = await platform.checkIn(code, { idempotencyKey: key });
  for (let i = 1; i < MAX_KEYS && reply.ok && reply.value.outcome === 'early'; i++) {
    const opensAt = reply.value.checkInOpensAt;
    if (Date.parse(opensAt) > deps.clock.now()) break; // really early: a fresh answer
    key = checkInKey(deps.kioskId, code, opensAt);
    reply = await platform.checkIn(code, { idempotencyKey: key });
  }
  return reply;
}

/**
 * An appointment the platform lists as checked in: this kiosk's own check-in whose ticket never came (a crash
 * between the two; the same key answers `checkedIn` again), or a replay. A ticket this kiosk already issued
 * for it makes it a replay without asking.
 */
export async function isOwnUnticketedCheckIn(deps: Pick<CheckInDeps, 'clock' | 'kioskId' | 'ticketOf'>, platform: AppointmentPlatform, code: string): Promise<PlatformReply<boolean>> {
  if (deps.ticketOf(appointmentTicketRequestId(code))) return { ok: true, value: false };
  const reply = await platformCheckIn(deps, platform, code);
  return reply.ok ? { ok: true, value: reply.value.outcome === 'checkedIn' } : reply;
}

/** `stillCurrent`: the session that asked is still in progress (the ticket is not printed for the next citizen). */
export async function checkInAndTakeTicket(deps: CheckInDeps, choice: AppointmentChoice, sessionId: string, stillCurrent: () => boolean): Promise<AppointmentCheckInResult> {
  const availability = deps.availability.of('appointmentCheckIn');
  if (!availability.available) return { checkedIn: false, error: errorInfo(availability.reason ?? 'noDevice', 'the ticket cannot be printed now') };
  if (!deps.businessOpen(choice.businessId)) return { checkedIn: false, error: errorInfo('businessClosed') };
  const requestId = appointmentTicketRequestId(choice.code);
  const held = deps.ticketOf(requestId);
  // This kiosk gave the appointment its number in another session: the code is shown again (a replay).
  if (held && held.sessionId !== sessionId) return { checkedIn: false, error: errorInfo('appointmentUsed', 'this kiosk issued its ticket before') };
  const platform = deps.platform();
  if (!platform) return { checkedIn: false, error: errorInfo('platformUnavailable', 'no platform configured') };

  const reply = await platformCheckIn(deps, platform, choice.code);
  if (!reply.ok) {
    deps.log.warn('appointment check-in failed', { businessId: choice.businessId, code: reply.error.code });
    return { checkedIn: false, error: reply.error };
  }
  const result = reply.value;
  const refusal = checkInRefusalError(result);
  if (refusal) {
    deps.log.info('appointment check-in refused', { businessId: choice.businessId, outcome: result.outcome });
    if (result.outcome !== 'early') return { checkedIn: false, error: refusal };
    return { checkedIn: false, error: refusal, opensAtLocal: formatLocalDateTime(Date.parse(result.checkInOpensAt), deps.timeZone) };
  }
  deps.log.info('appointment checked in', { businessId: choice.businessId });
  // Checked in, nobody there to take the ticket: the code again later finds this kiosk's check-in and prints.
  if (!stillCurrent()) return { checkedIn: true, ticket: { outcome: 'refused', error: errorInfo('canceled', 'the session ended during the check-in') } };
  const ticket = await deps.tickets.take(
    { businessId: choice.businessId, requestId },
    { service: 'appointmentCheckIn', priority: { weight: APPOINTMENT_PRIORITY_WEIGHT, reason: 'appointment' } },
  );
  if (ticket.outcome !== 'issued') deps.log.warn('appointment checked in, its ticket not issued', { businessId: choice.businessId, outcome: ticket.outcome, code: ticket.error.code });
  return { checkedIn: true, ticket };
}
