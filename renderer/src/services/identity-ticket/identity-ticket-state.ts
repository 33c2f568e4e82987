/**
 * 刷身份证取号 (issue 14 §7): the card step, then the take-ticket flow with a ticket the host binds to the
 * identity it holds. The slice says only where the citizen is; the card, the priority and the one-ticket rule
 * are the host's (ARCHITECTURE.md §8.6). App clears the slice when the session ends (§8.7).
 */
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from '../ticket/ticket-state';

export type IdentityTicketState = { stage: 'card' } | { stage: 'ticket'; ticket: TicketState };

export type IdentityTicketAction =
  /** The citizen confirmed the identity the host established and goes on to choose a business. */
  | { type: 'identityTicket/continue' }
  | { type: 'identityTicket/ticket'; action: TicketAction };

export const INITIAL_IDENTITY_TICKET_STATE: IdentityTicketState = { stage: 'card' };

export function identityTicketReducer(state: IdentityTicketState, action: IdentityTicketAction): IdentityTicketState {
  switch (action.type) {
    case 'identityTicket/continue':
      return state.stage === 'card' ? { stage: 'ticket', ticket: INITIAL_TICKET_STATE } : state;
    case 'identityTicket/ticket':
      return state.stage === 'ticket' ? { stage: 'ticket', ticket: ticketReducer(state.ticket, action.action) } : state;
  }
}

export function isIdentityTicketBusy(state: IdentityTicketState): boolean {
  return state.stage === 'ticket' && isPrinting(state.ticket);
}
