/**
 * 确认签到's call (common/appointment.ts). One at a time: a second tap while one is in flight sends nothing.
 * Each tap carries a fresh requestId; `retry` after an API failure re-sends the SAME id, so the host answers
 * with the first result (ARCHITECTURE.md §8.3). After a platform failure a fresh tap is a new attempt; the
 * host's key for the code is the same, so the platform cannot check the appointment in twice.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { KioskApi } from '../../../../common/kiosk-api';
import { toErrorInfo } from '../../api/error-info';
import type { AppointmentAction, AppointmentState } from './appointment-state';

export function useCheckIn(api: KioskApi, dispatch: (action: AppointmentAction) => void, state: AppointmentState, newRequestId: () => string) {
  const inFlight = useRef<string | null>(null);

  useEffect(() => {
    if (state.stage !== 'checkingIn') inFlight.current = null;
  }, [state]);

  const send = useCallback(
    (code: string, requestId: string) => {
      if (inFlight.current !== null) return;
      inFlight.current = requestId;
      dispatch({ type: 'appointment/requested', code, requestId });
      api
        .call('appointment:check-in', { code, requestId })
        .then(
          (result) => dispatch({ type: 'appointment/settled', requestId, result }),
          (error: unknown) => dispatch({ type: 'appointment/failed', requestId, error: toErrorInfo(error) }),
        )
        .finally(() => {
          if (inFlight.current === requestId) inFlight.current = null;
        });
    },
    [api, dispatch],
  );

  const confirm = useCallback((code: string) => send(code, newRequestId()), [send, newRequestId]);
  return { confirm, retry: send };
}
