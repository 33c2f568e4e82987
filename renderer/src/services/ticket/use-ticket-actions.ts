/**
 * The take-ticket call (common/queue.ts). One call at a time: a second tap while one is in flight sends
 * nothing. Each tap carries a fresh requestId; "retry" after an API failure re-sends the SAME id, so the
 * host answers with the first outcome instead of issuing twice (ARCHITECTURE.md §8.3).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { KioskApi } from '../../../../common/kiosk-api';
import { toErrorInfo } from '../../api/error-info';
import type { TicketAction, TicketScreenState } from './ticket-state';

export interface TicketActions {
  take(businessId: string): void;
  retry(businessId: string, requestId: string): void;
}

export function useTicketActions(api: KioskApi, dispatch: (action: TicketAction) => void, screen: TicketScreenState, newRequestId: () => string): TicketActions {
  const inFlight = useRef<string | null>(null);

  // A flow reset (session ended) abandons the call: its late answer is ignored by the reducer.
  useEffect(() => {
    if (screen.name !== 'printing') inFlight.current = null;
  }, [screen]);

  const send = useCallback(
    (businessId: string, requestId: string) => {
      if (inFlight.current !== null) return;
      inFlight.current = requestId;
      dispatch({ type: 'ticket/requested', businessId, requestId });
      api
        .call('queue:take-ticket', { businessId, requestId })
        .then(
          (result) => dispatch({ type: 'ticket/settled', requestId, result }),
          (error: unknown) => dispatch({ type: 'ticket/failed', requestId, error: toErrorInfo(error) }),
        )
        .finally(() => {
          if (inFlight.current === requestId) inFlight.current = null;
        });
    },
    [api, dispatch],
  );

  const take = useCallback((businessId: string) => send(businessId, newRequestId()), [send, newRequestId]);

  return { take, retry: send };
}
