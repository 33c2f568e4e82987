/**
 * The take-ticket call (common/queue.ts). One call at a time: a second tap while one is in flight sends
 * nothing. Each tap carries a fresh requestId; "retry" after an API failure re-sends the SAME id, so the
 * host answers with the first outcome instead of issuing twice (ARCHITECTURE.md §8.3).
 */
import { useCallback, useEffect, useRef, type Dispatch } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import { toErrorInfo } from '../api/error-info';
import type { AppAction } from './app-state';
import type { FlowScreen } from './flow';

export interface TicketActions {
  take(businessId: string): void;
  retry(businessId: string, requestId: string): void;
  finish(): void;
}

export function useTicketActions(api: KioskApi, dispatch: Dispatch<AppAction>, screen: FlowScreen, newRequestId: () => string): TicketActions {
  const inFlight = useRef<string | null>(null);

  // A flow reset (session ended) abandons the call: its late answer is ignored by the reducer.
  useEffect(() => {
    if (screen.name !== 'printing') inFlight.current = null;
  }, [screen]);

  const send = useCallback(
    (businessId: string, requestId: string) => {
      if (inFlight.current !== null) return;
      inFlight.current = requestId;
      dispatch({ type: 'flow/ticket-requested', businessId, requestId });
      api
        .call('queue:take-ticket', { businessId, requestId })
        .then(
          (result) => dispatch({ type: 'flow/ticket-settled', requestId, result }),
          (error: unknown) => dispatch({ type: 'flow/ticket-failed', requestId, error: toErrorInfo(error) }),
        )
        .finally(() => {
          if (inFlight.current === requestId) inFlight.current = null;
        });
    },
    [api, dispatch],
  );

  const take = useCallback((businessId: string) => send(businessId, newRequestId()), [send, newRequestId]);

  const finish = useCallback(() => {
    dispatch({ type: 'flow/reset' });
    api.call('session:end', { reason: 'done' }).then(
      (session) => dispatch({ type: 'host/session', session }),
      () => {
        // Unreachable host: the flow is already reset; the host's idle timer ends the session.
      },
    );
  }, [api, dispatch]);

  return { take, retry: send, finish };
}
