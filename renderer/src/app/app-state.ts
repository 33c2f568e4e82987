/**
 * Host view and local flow in one reducer, so that a session ended by the host clears the flow in the same
 * update that shows the new phase (ARCHITECTURE.md §8.6, §8.7: nothing of one citizen reaches the next).
 */
import type { SessionState } from '../../../common/session';
import { flowReducer, INITIAL_FLOW, type FlowAction, type FlowState } from './flow';
import { EMPTY_HOST_VIEW, hostViewReducer, type HostAction, type HostView } from './host-view';

export interface AppState {
  host: HostView;
  flow: FlowState;
}

export type AppAction = HostAction | FlowAction;

export const INITIAL_APP_STATE: AppState = { host: EMPTY_HOST_VIEW, flow: INITIAL_FLOW };

/**
 * True when the host has ended (or replaced) the citizen's session: the phase fell back to home or attract,
 * or a different session id appeared (e.g. seen only after a reconnect).
 */
export function sessionEnded(before: SessionState | undefined, after: SessionState | undefined): boolean {
  if (!before || !after) return false;
  const wasInSession = before.phase === 'active' || before.phase === 'countdown';
  if (after.phase === 'attract' && before.phase !== 'attract') return true;
  if (after.phase === 'home' && wasInSession) return true;
  return before.sessionId !== null && after.sessionId !== before.sessionId;
}

function isFlowAction(action: AppAction): action is FlowAction {
  return action.type.startsWith('flow/');
}

export function appReducer(state: AppState, action: AppAction): AppState {
  if (isFlowAction(action)) {
    const flow = flowReducer(state.flow, action);
    return flow === state.flow ? state : { ...state, flow };
  }
  const host = hostViewReducer(state.host, action);
  if (host === state.host) return state;
  // The host is gone: nothing of the citizen's flow stays on the screen (issue 13 §4, ARCHITECTURE.md §8.7).
  if (host.lost) return { host, flow: INITIAL_FLOW };
  const ended = sessionEnded(state.host.snapshot?.session, host.snapshot?.session);
  return { host, flow: ended ? INITIAL_FLOW : state.flow };
}
