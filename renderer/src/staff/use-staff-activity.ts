/**
 * Reports a signed-in staff member's touches to the host, which owns the automatic sign-out (issue 15 §1,
 * ARCHITECTURE.md §8.6): any pointerdown or keydown anywhere, at most once per second, on `staff:activity` —
 * never `session:activity`, which App stops reporting while staff are in. The reply's new sign-out time goes
 * to the host view.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { KioskApi } from '../../../common/kiosk-api';
import type { StaffSessionView } from '../../../common/staff';
import { createActivityThrottle } from '../app/use-activity';

export function useStaffActivity(api: KioskApi, monotonicNow: () => number, onSession: (session: StaffSessionView) => void): void {
  const mayReport = useMemo(() => createActivityThrottle(monotonicNow), [monotonicNow]);
  const onSessionRef = useRef(onSession);
  onSessionRef.current = onSession;

  useEffect(() => {
    let disposed = false;
    const onInput = (): void => {
      if (!mayReport()) return;
      api.call('staff:activity', {}).then(
        (session) => {
          if (!disposed) onSessionRef.current(session);
        },
        () => {
          // Signed out meanwhile, or the host is unreachable: its push (or the 暂停服务 screen) says so.
        },
      );
    };
    document.addEventListener('pointerdown', onInput, true);
    document.addEventListener('keydown', onInput, true);
    return () => {
      disposed = true;
      document.removeEventListener('pointerdown', onInput, true);
      document.removeEventListener('keydown', onInput, true);
    };
  }, [api, mayReport]);
}
