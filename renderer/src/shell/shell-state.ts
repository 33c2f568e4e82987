/**
 * The shell's part of the app state (ARCHITECTURE.md §8.15): which screen the router shows (home or one
 * citizen service), the language and elder mode. All of it belongs to one citizen and is reset with the
 * session (§8.7): the next citizen starts in 简体中文, without elder mode, on the home screen.
 */
import type { CitizenService } from '../../../common/availability';
import type { Language } from '../../../common/kiosk-api';
import { DEFAULT_LANGUAGE } from '../i18n/translate';

export type Route = { name: 'home' } | { name: 'service'; service: CitizenService };

export interface ShellState {
  route: Route;
  language: Language;
  /** Larger type, larger targets, higher contrast (theme/tokens.css `.app--elder`). */
  elder: boolean;
}

export type ShellAction =
  | { type: 'shell/reset' }
  | { type: 'shell/set-language'; language: Language }
  | { type: 'shell/set-elder'; elder: boolean }
  | { type: 'shell/home' }
  | { type: 'shell/open'; service: CitizenService };

export const INITIAL_SHELL: ShellState = { route: { name: 'home' }, language: DEFAULT_LANGUAGE, elder: false };

/**
 * The citizen's own settings. Routing (`shell/open`, `shell/home`) and `shell/reset` are app-state.ts's: they
 * touch the service slices too.
 */
export function shellReducer(state: ShellState, action: Extract<ShellAction, { type: 'shell/set-language' | 'shell/set-elder' }>): ShellState {
  switch (action.type) {
    case 'shell/set-language':
      return state.language === action.language ? state : { ...state, language: action.language };
    case 'shell/set-elder':
      return state.elder === action.elder ? state : { ...state, elder: action.elder };
  }
}
