/**
 * 刷身份证取号 (issue 14 §5, §7): consent to 刷脸 (or another way: a finger, or 人工核验), the card and the
 * chosen verification, then the take-ticket flow with a ticket the host binds to the identity it verified. The
 * slice says only where the citizen is and what they chose; the card, the verification, the priority and the
 * one-ticket rule are the host's (ARCHITECTURE.md §8.6). App clears the slice when the session ends (§8.7).
 */
import type { VerificationMethod } from '../../../../common/identity';
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from '../ticket/ticket-state';

export type IdentityTicketState =
  | { stage: 'consent' }
  | { stage: 'alternatives' }
  | { stage: 'card'; method: Exclude<VerificationMethod, 'card'> }
  | { stage: 'ticket'; ticket: TicketState };

export type IdentityTicketAction =
  /** Agreed to 刷脸, or chose another way on the alternatives screen. */
  | { type: 'identityTicket/method'; method: Exclude<VerificationMethod, 'card'> }
  | { type: 'identityTicket/alternatives' }
  /** The citizen confirmed the identity the host established and goes on to choose a business. */
  | { type: 'identityTicket/continue' }
  | { type: 'identityTicket/ticket'; action: TicketAction };

export const INITIAL_IDENTITY_TICKET_STATE: IdentityTicketState = { stage: 'consent' };

export function identityTicketReducer(state: IdentityTicketState, action: IdentityTicketAction): IdentityTicketState {
  switch (action.type) {
    case 'identityTicket/method':
      return state.stage === 'ticket' ? state : { stage: 'card', method: action.method };
    case 'identityTicket/alternatives':
      return state.stage === 'ticket' ? state : { stage: 'alternatives' };
    case 'identityTicket/continue':
      return state.stage === 'card' ? { stage: 'ticket', ticket: INITIAL_TICKET_STATE } : state;
    case 'identityTicket/ticket':
      return state.stage === 'ticket' ? { stage: 'ticket', ticket: ticketReducer(state.ticket, action.action) } : state;
  }
}

export function isIdentityTicketBusy(state: IdentityTicketState): boolean {
  return state.stage === 'ticket' && isPrinting(state.ticket);
}
