/**
 * The shell's part of the app state (ARCHITECTURE.md §8.15): which screen the router shows (home or one
 * citizen service) and the language. All of it belongs to one citizen and is reset with the session (§8.7):
 * the next citizen starts in 简体中文 on the home screen. 长辈模式 is the host's (SessionState.elder, issue 16 §7).
 */
import type { Language } from '../../../common/kiosk-api';
import type { ServiceId } from '../services/service-module';
import { DEFAULT_LANGUAGE } from '../i18n/translate';

export type Route = { name: 'home' } | { name: 'service'; service: ServiceId };

export interface ShellState {
  route: Route;
  language: Language;
}

export type ShellAction =
  | { type: 'shell/reset' }
  | { type: 'shell/set-language'; language: Language }
  | { type: 'shell/home' }
  | { type: 'shell/open'; service: ServiceId }
  /** From inside a service to another one (去办理 on a guide page); refused unless `from` is on screen and idle. */
  | { type: 'shell/switch'; from: ServiceId; to: ServiceId };

export const INITIAL_SHELL: ShellState = { route: { name: 'home' }, language: DEFAULT_LANGUAGE };

/**
 * The citizen's own settings. Routing (`shell/open`, `shell/switch`, `shell/home`) and `shell/reset` are app-state.ts's: they
 * touch the service slices too.
 */
export function shellReducer(state: ShellState, action: Extract<ShellAction, { type: 'shell/set-language' }>): ShellState {
  switch (action.type) {
    case 'shell/set-language':
      return state.language === action.language ? state : { ...state, language: action.language };
  }
}
