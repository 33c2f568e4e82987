/**
 * The calls a guide page makes for the citizen: 打印清单 (`guides:print-checklist`, a fresh requestId per press,
 * and no second press while one prints: the host prints once per requestId, §8.3) and 带我去 (`robot:go`; the
 * trip itself is the host's, its progress arrives as `robot:changed`).
 */
import { useCallback, useRef, type Dispatch } from 'react';
import type { KioskApi } from '../../../../common/kiosk-api';
import type { RobotTripView } from '../../../../common/robot';
import { toErrorInfo } from '../../api/error-info';
import type { HostAction } from '../../app/host-view';
import { guideKey, type ChecklistPrint, type GuidesAction } from './guides-state';

export interface GuideActions {
  printChecklist(kind: 'item' | 'bundle', id: string): void;
  /** Asks the robot to walk the citizen to `to` and opens the trip screen. */
  goWithRobot(to: string): void;
  cancelTrip(): void;
}

export function useGuideActions(
  api: KioskApi,
  dispatch: (action: GuidesAction) => void,
  dispatchHost: Dispatch<HostAction>,
  newRequestId: () => string,
  print: ChecklistPrint | null,
): GuideActions {
  const printing = useRef<string | null>(null);
  const printingNow = print?.phase === 'printing';

  const printChecklist = useCallback(
    (kind: 'item' | 'bundle', id: string) => {
      if (printing.current !== null || printingNow) return;
      const requestId = newRequestId();
      printing.current = requestId;
      dispatch({ type: 'guides/print-requested', key: guideKey(kind, id), requestId });
      api
        .call('guides:print-checklist', { kind, id, requestId })
        .then(
          (result) => dispatch({ type: 'guides/print-settled', requestId, result }),
          (error: unknown) => dispatch({ type: 'guides/print-failed', requestId, error: toErrorInfo(error) }),
        )
        .finally(() => {
          if (printing.current === requestId) printing.current = null;
        });
    },
    [api, dispatch, newRequestId, printingNow],
  );

  const showTrip = useCallback((robot: RobotTripView) => dispatchHost({ type: 'host/robot', robot }), [dispatchHost]);

  const goWithRobot = useCallback(
    (to: string) => {
      dispatch({ type: 'guides/push', page: { name: 'trip', to } });
      api.call('robot:go', { to, requestId: newRequestId() }).then(showTrip, (error: unknown) => dispatch({ type: 'guides/trip-failed', to, error: toErrorInfo(error) }));
    },
    [api, dispatch, newRequestId, showTrip],
  );

  const cancelTrip = useCallback(() => void api.call('robot:cancel', {}).then(showTrip, () => undefined), [api, showTrip]);

  return { printChecklist, goWithRobot, cancelTrip };
}
