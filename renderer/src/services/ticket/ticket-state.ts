/**
 * The take-ticket service's slice of the app state (ARCHITECTURE.md §8.15): where the citizen is in it and
 * what the host answered, nothing more. Every rule (is the business open, may a ticket be issued) is the
 * host's (§8.6); App clears this slice whenever the host ends the session (§8.7).
 */
import type { KioskErrorInfo } from '../../../../common/errors';
import type { IssuedTicketView, TakeTicketResult, TicketDeliveryEvent } from '../../../../common/queue';

/** Every non-issued result, plus a call that failed at the API (offline, timeout, …). */
export type TicketOutcome = Exclude<TakeTicketResult, { outcome: 'issued' }> | { outcome: 'apiError'; error: KioskErrorInfo };

export type TicketScreenState =
  | { name: 'businesses' }
  | { name: 'printing'; businessId: string; requestId: string }
  | { name: 'ticket'; ticket: IssuedTicketView; requestId: string }
  | { name: 'outcome'; outcome: TicketOutcome; businessId: string; requestId: string };

export interface TicketState {
  screen: TicketScreenState;
}

export type TicketAction =
  | { type: 'ticket/businesses' }
  | { type: 'ticket/requested'; businessId: string; requestId: string }
  | { type: 'ticket/settled'; requestId: string; result: TakeTicketResult }
  | { type: 'ticket/failed'; requestId: string; error: KioskErrorInfo }
  /** The host's `ticket:delivery` event: the presented ticket left the printer's mouth (protocols.md §2.6). */
  | { type: 'ticket/delivery'; requestId: string; delivery: TicketDeliveryEvent['delivery'] };

export const INITIAL_TICKET_STATE: TicketState = { screen: { name: 'businesses' } };

/** API failures after which sending the same request again is worthwhile (the host dedupes by requestId). */
export const RETRYABLE_API_ERRORS: ReadonlySet<string> = new Set(['offline', 'timeout', 'busy']);

export function isPrinting(state: TicketState): boolean {
  return state.screen.name === 'printing';
}

export function ticketReducer(state: TicketState, action: TicketAction): TicketState {
  const screen = state.screen;
  switch (action.type) {
    case 'ticket/businesses':
      return screen.name === 'printing' || screen.name === 'businesses' ? state : INITIAL_TICKET_STATE;
    case 'ticket/requested': {
      const allowed = screen.name === 'businesses' || (screen.name === 'outcome' && screen.requestId === action.requestId);
      if (!allowed) return state;
      return { screen: { name: 'printing', businessId: action.businessId, requestId: action.requestId } };
    }
    case 'ticket/settled': {
      if (screen.name !== 'printing' || screen.requestId !== action.requestId) return state; // stale: the flow moved on
      const result = action.result;
      if (result.outcome === 'issued') return { screen: { name: 'ticket', ticket: result.ticket, requestId: action.requestId } };
      return { screen: { name: 'outcome', outcome: result, businessId: screen.businessId, requestId: screen.requestId } };
    }
    case 'ticket/delivery': {
      // Only the ticket on screen, and only while it waits in the mouth: a late event for another is stale.
      if (screen.name !== 'ticket' || screen.requestId !== action.requestId || screen.ticket.delivery !== 'presented') return state;
      return { screen: { ...screen, ticket: { ...screen.ticket, delivery: action.delivery } } };
    }
    case 'ticket/failed': {
      if (screen.name !== 'printing' || screen.requestId !== action.requestId) return state;
      const outcome: TicketOutcome = { outcome: 'apiError', error: action.error };
      return { screen: { name: 'outcome', outcome, businessId: screen.businessId, requestId: screen.requestId } };
    }
  }
}
