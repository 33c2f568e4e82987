/**
 * The top bar's calls to the host (issue 16 §7): 长辈模式 is the host's session setting (ARCHITECTURE.md §8.6:
 * the renderer shows SessionState.elder, it does not keep its own), and 呼叫帮助 raises a staff alert there.
 */
import { useCallback, type Dispatch } from 'react';
import type { HelpCallResult } from '../../../common/guides-api';
import type { KioskApi } from '../../../common/kiosk-api';
import type { AppAction } from './app-state';

export interface CitizenChrome {
  setElder(on: boolean): void;
  callHelp(): Promise<HelpCallResult>;
}

export function useCitizenChrome(api: KioskApi, dispatch: Dispatch<AppAction>): CitizenChrome {
  const setElder = useCallback(
    (on: boolean) => {
      api.call('session:elder', { on }).then(
        (session) => dispatch({ type: 'host/session', session }),
        () => {
          // Refused or host unreachable: the toggle keeps showing the host's state.
        },
      );
    },
    [api, dispatch],
  );
  const callHelp = useCallback(() => api.call('help:call', {}), [api]);
  return { setElder, callHelp };
}
