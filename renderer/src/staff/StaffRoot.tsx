/**
 * Which staff screen App shows instead of the citizen UI (issue 15 §1): the staff app while the host holds a
 * staff session, the PIN pad while it has the pad open, else none. Both render host state: the host holds
 * the session and refuses every staff channel without it, whatever is shown here.
 */
import { useCallback, type Dispatch } from 'react';
import type { KioskApi, KioskSnapshot, Language } from '../../../common/kiosk-api';
import type { StaffView } from '../../../common/staff';
import type { AppAction } from '../app/app-state';
import type { HostView } from '../app/host-view';
import { PinPadScreen } from './PinPadScreen';
import { StaffApp } from './StaffApp';

export type StaffScreenShown = 'app' | 'pad';

export function staffScreenOf(host: HostView): StaffScreenShown | null {
  const staff = host.lost ? undefined : host.snapshot?.staff;
  if (staff === undefined) return null;
  if (staff.session !== null) return 'app';
  return staff.pad.open ? 'pad' : null;
}

/** The hidden entry was held: ask the host to open the pad (it answers with the pad, and pushes it too). */
export function useOpenPad(api: KioskApi, dispatch: Dispatch<AppAction>): () => void {
  return useCallback(() => {
    api.call('staff:open-pad', {}).then(
      (pad) => dispatch({ type: 'host/staff', staff: { pad, session: null } }),
      () => {
        // The host is unreachable: nothing opens, and the citizen screen stays as it was.
      },
    );
  }, [api, dispatch]);
}

export interface StaffRootProps {
  api: KioskApi;
  snapshot: KioskSnapshot;
  monotonicNow(): number;
  dispatch: Dispatch<AppAction>;
}

export function StaffRoot({ api, snapshot, monotonicNow, dispatch }: StaffRootProps) {
  const onStaff = useCallback((staff: StaffView) => dispatch({ type: 'host/staff', staff }), [dispatch]);
  const onLanguage = useCallback((language: Language) => dispatch({ type: 'shell/set-language', language }), [dispatch]);
  const { session, pad } = snapshot.staff;
  if (session !== null) {
    return <StaffApp key={`${session.accountId}@${session.signedInAt}`} api={api} snapshot={snapshot} session={session} monotonicNow={monotonicNow} onStaff={onStaff} onLanguage={onLanguage} />;
  }
  return <PinPadScreen api={api} pad={pad} onStaff={onStaff} />;
}
