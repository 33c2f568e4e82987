/**
 * The citizen's path through the screens: purely local and presentational. Every rule (is the business open,
 * may a ticket be issued) is the host's; this only remembers where the citizen is and what the host answered.
 */
import type { KioskErrorInfo } from '../../../common/errors';
import type { Language } from '../../../common/kiosk-api';
import type { IssuedTicketView, TakeTicketResult } from '../../../common/queue';
import { DEFAULT_LANGUAGE } from '../i18n/translate';

/** Every non-issued result, plus a call that failed at the API (offline, timeout, …). */
export type FlowOutcome = Exclude<TakeTicketResult, { outcome: 'issued' }> | { outcome: 'apiError'; error: KioskErrorInfo };

export type FlowScreen =
  | { name: 'home' }
  | { name: 'businesses' }
  | { name: 'printing'; businessId: string; requestId: string }
  | { name: 'ticket'; ticket: IssuedTicketView }
  | { name: 'outcome'; outcome: FlowOutcome; businessId: string; requestId: string };

export interface FlowState {
  screen: FlowScreen;
  language: Language;
}

export type FlowAction =
  | { type: 'flow/reset' }
  | { type: 'flow/set-language'; language: Language }
  | { type: 'flow/home' }
  | { type: 'flow/businesses' }
  | { type: 'flow/ticket-requested'; businessId: string; requestId: string }
  | { type: 'flow/ticket-settled'; requestId: string; result: TakeTicketResult }
  | { type: 'flow/ticket-failed'; requestId: string; error: KioskErrorInfo };

export const INITIAL_FLOW: FlowState = { screen: { name: 'home' }, language: DEFAULT_LANGUAGE };

/** API failures after which sending the same request again is worthwhile (the host dedupes by requestId). */
export const RETRYABLE_API_ERRORS: ReadonlySet<string> = new Set(['offline', 'timeout', 'busy']);

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  const screen = state.screen;
  switch (action.type) {
    case 'flow/reset':
      return INITIAL_FLOW;
    case 'flow/set-language':
      return { ...state, language: action.language };
    case 'flow/home':
      return screen.name === 'printing' ? state : { ...state, screen: { name: 'home' } };
    case 'flow/businesses':
      return screen.name === 'printing' ? state : { ...state, screen: { name: 'businesses' } };
    case 'flow/ticket-requested': {
      const allowed = screen.name === 'businesses' || (screen.name === 'outcome' && screen.requestId === action.requestId);
      if (!allowed) return state;
      return { ...state, screen: { name: 'printing', businessId: action.businessId, requestId: action.requestId } };
    }
    case 'flow/ticket-settled': {
      if (screen.name !== 'printing' || screen.requestId !== action.requestId) return state; // stale: the flow moved on
      const result = action.result;
      if (result.outcome === 'issued') return { ...state, screen: { name: 'ticket', ticket: result.ticket } };
      return { ...state, screen: { name: 'outcome', outcome: result, businessId: screen.businessId, requestId: screen.requestId } };
    }
    case 'flow/ticket-failed': {
      if (screen.name !== 'printing' || screen.requestId !== action.requestId) return state;
      const outcome: FlowOutcome = { outcome: 'apiError', error: action.error };
      return { ...state, screen: { name: 'outcome', outcome, businessId: screen.businessId, requestId: screen.requestId } };
    }
  }
}
