/**
 * 预约签到's slice of the app state (ARCHITECTURE.md §8.15; issue 14 item 7): where the citizen is in the flow
 * and what the host answered to 确认签到. Which appointment was found, whether it is early or late, whether it
 * was checked in: all the host's (§8.6), pushed as `appointment:changed` into the snapshot. 取普通号 goes on to
 * the take-ticket screens (services/ticket/) inside this service. App clears the slice at the session's end.
 */
import type { AppointmentCheckInResult } from '../../../../common/appointment';
import type { KioskErrorInfo } from '../../../../common/errors';
import type { IssuedTicketView, TakeTicketResult, TicketDeliveryEvent } from '../../../../common/queue';
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from '../ticket/ticket-state';

/** A check-in that did not end with a ticket in hand. */
export type CheckInOutcome =
  /** Refused before or by the platform: nothing changed. */
  | { kind: 'refused'; error: KioskErrorInfo; opensAtLocal?: string }
  /** Checked in, but the ticket was not issued (voided, uncertain, refused): staff can print or call it. */
  | { kind: 'notIssued'; ticket: Exclude<TakeTicketResult, { outcome: 'issued' }> }
  /** The call itself failed (the link, a deadline): the same request again is safe. */
  | { kind: 'apiError'; error: KioskErrorInfo };

export type AppointmentState =
  /** The scan screen and what the host found (its view picks the screen). */
  | { stage: 'scan' }
  /** 刷身份证签到: the card step, then what the host found for the card. */
  | { stage: 'card' }
  | { stage: 'checkingIn'; code: string; requestId: string }
  | { stage: 'ticket'; ticket: IssuedTicketView; requestId: string }
  | { stage: 'outcome'; outcome: CheckInOutcome; code: string; requestId: string }
  /** 取普通号: the ordinary take-ticket flow. */
  | { stage: 'ordinary'; ticket: TicketState };

export type AppointmentAction =
  | { type: 'appointment/scan' }
  | { type: 'appointment/card' }
  | { type: 'appointment/requested'; code: string; requestId: string }
  | { type: 'appointment/settled'; requestId: string; result: AppointmentCheckInResult }
  | { type: 'appointment/failed'; requestId: string; error: KioskErrorInfo }
  /** A presenter's ticket left the mouth (`ticket:delivery`, matched by its number). */
  | { type: 'appointment/delivery'; number: string; delivery: TicketDeliveryEvent['delivery'] }
  | { type: 'appointment/ordinary' }
  | { type: 'appointment/ticket'; action: TicketAction };

export const INITIAL_APPOINTMENT_STATE: AppointmentState = { stage: 'scan' };

export function isAppointmentBusy(state: AppointmentState): boolean {
  return state.stage === 'checkingIn' || (state.stage === 'ordinary' && isPrinting(state.ticket));
}

export function appointmentReducer(state: AppointmentState, action: AppointmentAction): AppointmentState {
  switch (action.type) {
    case 'appointment/scan':
    case 'appointment/card':
      if (state.stage === 'checkingIn' || state.stage === 'ticket' || state.stage === 'ordinary') return state;
      return { stage: action.type === 'appointment/scan' ? 'scan' : 'card' };
    case 'appointment/requested': {
      const again = state.stage === 'outcome' && state.requestId === action.requestId;
      if (state.stage !== 'scan' && state.stage !== 'card' && state.stage !== 'outcome' && !again) return state;
      return { stage: 'checkingIn', code: action.code, requestId: action.requestId };
    }
    case 'appointment/settled': {
      if (state.stage !== 'checkingIn' || state.requestId !== action.requestId) return state; // stale
      const { result } = action;
      if (!result.checkedIn) {
        const outcome: CheckInOutcome = result.opensAtLocal ? { kind: 'refused', error: result.error, opensAtLocal: result.opensAtLocal } : { kind: 'refused', error: result.error };
        return { stage: 'outcome', outcome, code: state.code, requestId: state.requestId };
      }
      if (result.ticket.outcome === 'issued') return { stage: 'ticket', ticket: result.ticket.ticket, requestId: state.requestId };
      return { stage: 'outcome', outcome: { kind: 'notIssued', ticket: result.ticket }, code: state.code, requestId: state.requestId };
    }
    case 'appointment/failed':
      if (state.stage !== 'checkingIn' || state.requestId !== action.requestId) return state;
      return { stage: 'outcome', outcome: { kind: 'apiError', error: action.error }, code: state.code, requestId: state.requestId };
    case 'appointment/delivery':
      if (state.stage !== 'ticket' || state.ticket.number !== action.number || state.ticket.delivery !== 'presented') return state;
      return { ...state, ticket: { ...state.ticket, delivery: action.delivery } };
    case 'appointment/ordinary':
      return state.stage === 'checkingIn' || state.stage === 'ordinary' ? state : { stage: 'ordinary', ticket: INITIAL_TICKET_STATE };
    case 'appointment/ticket':
      return state.stage === 'ordinary' ? { stage: 'ordinary', ticket: ticketReducer(state.ticket, action.action) } : state;
  }
}
