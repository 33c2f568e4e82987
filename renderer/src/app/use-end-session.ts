/**
 * The citizen is done (完成): the screen is cleared at once and the host is asked to end the session
 * (ARCHITECTURE.md §8.6: the host owns the session, §8.7: nothing of this citizen stays on screen).
 */
import { useCallback, type Dispatch } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import type { AppAction } from './app-state';

export function useEndSession(api: KioskApi, dispatch: Dispatch<AppAction>): () => void {
  return useCallback(() => {
    dispatch({ type: 'shell/reset' });
    api.call('session:end', { reason: 'done' }).then(
      (session) => dispatch({ type: 'host/session', session }),
      () => {
        // Unreachable host: the screen is already cleared; the host's idle timer ends the session.
      },
    );
  }, [api, dispatch]);
}
