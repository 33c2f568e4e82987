/**
 * Host view, shell and service slices in one reducer, so that a session ended by the host clears the
 * citizen's screens and language in the same update that shows the new phase (ARCHITECTURE.md §8.6, §8.7:
 * nothing of one citizen reaches the next; 长辈模式 is part of the host's session state itself). The router's
 * moves (open a service, go home) are decided here, where both the route and the active service's slice are known.
 */
import type { SessionState } from '../../../common/session';
import type { StaffView } from '../../../common/staff';
import { INITIAL_SERVICE_SLICES, SERVICES, type ServiceSlices } from '../services/registry';
import type { ServiceAction, ServiceId } from '../services/service-module';
import { INITIAL_SHELL, shellReducer, type ShellAction, type ShellState } from '../shell/shell-state';
import { EMPTY_HOST_VIEW, hostViewReducer, type HostAction, type HostView } from './host-view';

export interface AppState {
  host: HostView;
  shell: ShellState;
  services: ServiceSlices;
}

/** A service's own action, addressed to its slice. */
export interface ServiceActionEnvelope {
  type: 'service/action';
  service: ServiceId;
  action: ServiceAction;
}

export type AppAction = HostAction | ShellAction | ServiceActionEnvelope;

export const INITIAL_APP_STATE: AppState = { host: EMPTY_HOST_VIEW, shell: INITIAL_SHELL, services: INITIAL_SERVICE_SLICES };

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

/**
 * True when a staff member signed in or out (issue 15 §1): the citizen's screens, language and elder mode go
 * when staff come in (the host has ended that session), and whatever the staff chose goes when they leave.
 */
export function staffSessionChanged(before: StaffView | undefined, after: StaffView | undefined): boolean {
  if (!before || !after) return false;
  const [a, b] = [before.session, after.session];
  if (a === null || b === null) return a !== b;
  return a.accountId !== b.accountId || a.signedInAt !== b.signedInAt;
}

/** The state with every trace of the citizen gone, the host view kept. */
function cleared(host: HostView): AppState {
  return { host, shell: INITIAL_SHELL, services: INITIAL_SERVICE_SLICES };
}

function withSlice(state: AppState, service: ServiceId, slice: unknown): AppState {
  return slice === state.services[service] ? state : { ...state, services: { ...state.services, [service]: slice } };
}

function activeServiceBusy(state: AppState): boolean {
  const route = state.shell.route;
  return route.name === 'service' && SERVICES[route.service].isBusy(state.services[route.service]);
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'service/action': {
      const route = state.shell.route;
      if (route.name !== 'service' || route.service !== action.service) return state; // not on screen: nothing to apply to
      return withSlice(state, action.service, SERVICES[action.service].reduce(state.services[action.service], action.action));
    }
    case 'shell/open': {
      if (state.shell.route.name !== 'home') return state;
      const opened = { ...state, shell: { ...state.shell, route: { name: 'service', service: action.service } as const } };
      return withSlice(opened, action.service, SERVICES[action.service].initialState);
    }
    case 'shell/switch': {
      const route = state.shell.route;
      if (route.name !== 'service' || route.service !== action.from || action.to === action.from || activeServiceBusy(state)) return state;
      const left = withSlice(state, action.from, SERVICES[action.from].initialState);
      return withSlice({ ...left, shell: { ...left.shell, route: { name: 'service', service: action.to } } }, action.to, SERVICES[action.to].initialState);
    }
    case 'shell/home': {
      const route = state.shell.route;
      if (route.name === 'home' || activeServiceBusy(state)) return state;
      return withSlice({ ...state, shell: { ...state.shell, route: { name: 'home' } } }, route.service, SERVICES[route.service].initialState);
    }
    case 'shell/reset':
      return cleared(state.host);
    case 'shell/set-language': {
      const shell = shellReducer(state.shell, action);
      return shell === state.shell ? state : { ...state, shell };
    }
    default: {
      const host = hostViewReducer(state.host, action);
      if (host === state.host) return state;
      if (sessionEnded(state.host.snapshot?.session, host.snapshot?.session)) return cleared(host);
      if (staffSessionChanged(state.host.snapshot?.staff, host.snapshot?.staff)) return cleared(host);
      // The host is gone: nothing of the citizen's flow stays on the screen (issue 13 §4, ARCHITECTURE.md §8.7),
      // but 暂停服务 is said in the language they chose, as they may still stand there (like the interruption
      // screen, KioskRoot.tsx). The host's next snapshot clears that too if it ended the session meanwhile.
      if (host.lost) return { ...cleared(host), shell: { ...INITIAL_SHELL, language: state.shell.language } };
      return { ...state, host };
    }
  }
}
