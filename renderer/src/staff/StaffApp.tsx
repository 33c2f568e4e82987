/**
 * The staff app (issue 15 §2), shown by App instead of the citizen UI whenever the host holds a staff
 * session (§1): the header, one staff screen at a time, and a confirm dialog over it. The screens' state is
 * this component's and goes when it unmounts (signed out, by hand, by the idle timer or by a restart).
 * Touches report `staff:activity`; the host refuses every staff channel without its session, whatever is
 * shown here.
 */
import { useCallback, useRef, useState } from 'react';
import type { KioskApi, KioskSnapshot, Language } from '../../../common/kiosk-api';
import type { StaffSessionView, StaffView } from '../../../common/staff';
import { Button } from '../primitives/Button';
import { Dialog } from '../primitives/Dialog';
import { FiguresScreen } from './screens/FiguresScreen';
import { FoundItemsScreen } from './screens/FoundItemsScreen';
import { OverviewScreen } from './screens/OverviewScreen';
import { RecoveryWizard } from './screens/RecoveryWizard';
import { RestartingScreen } from './screens/RestartingScreen';
import { RestockWizard } from './screens/RestockWizard';
import { ServiceScreen } from './screens/ServiceScreen';
import { UncertainTicketsScreen } from './screens/UncertainTicketsScreen';
import { AuditScreen } from './technician/AuditScreen';
import { BundleScreen } from './technician/BundleScreen';
import { DeviceScreen } from './technician/DeviceScreen';
import { DevicesScreen } from './technician/DevicesScreen';
import { StaffHeader } from './StaffHeader';
import type { StaffDialogRequest, StaffRoute, StaffScreenProps } from './staff-route';
import { useStaffActivity } from './use-staff-activity';

export interface StaffAppProps {
  api: KioskApi;
  snapshot: KioskSnapshot;
  session: StaffSessionView;
  monotonicNow(): number;
  /** A host answer about the pad or the session, for the host view (its `staff:changed` push follows). */
  onStaff(staff: StaffView): void;
  onLanguage(language: Language): void;
}

function StaffScreen({ route, ...props }: StaffScreenProps & { route: StaffRoute }) {
  switch (route.name) {
    case 'overview':
      return <OverviewScreen {...props} />;
    case 'restock':
      return <RestockWizard {...props} supply={route.supply} />;
    case 'recover':
      return <RecoveryWizard {...props} supply={route.supply} />;
    case 'uncertain':
      return <UncertainTicketsScreen {...props} />;
    case 'found':
      return <FoundItemsScreen {...props} />;
    case 'service':
      return <ServiceScreen {...props} />;
    case 'figures':
      return <FiguresScreen {...props} />;
    case 'restarting':
      return <RestartingScreen />;
    case 'devices':
      return <DevicesScreen {...props} />;
    case 'device':
      return <DeviceScreen {...props} deviceId={route.deviceId} />;
    case 'bundle':
      return <BundleScreen {...props} />;
    case 'audit':
      return <AuditScreen {...props} />;
  }
}

export function StaffApp({ api, snapshot, session, monotonicNow, onStaff, onLanguage }: StaffAppProps) {
  const [route, setRoute] = useState<StaffRoute>({ name: 'overview' });
  const [dialog, setDialog] = useState<StaffDialogRequest | null>(null);
  const staffRef = useRef(snapshot.staff);
  staffRef.current = snapshot.staff;

  const onSession = useCallback(
    (next: StaffSessionView) => {
      const current = staffRef.current;
      // A reply for a session that has ended meanwhile changes nothing.
      if (current.session?.accountId === next.accountId && current.session.signedInAt === next.signedInAt) onStaff({ ...current, session: next });
    },
    [onStaff],
  );
  useStaffActivity(api, monotonicNow, onSession);

  const signOut = (): void => {
    api.call('staff:sign-out', {}).then(onStaff, () => {
      // Already signed out, or the host is unreachable: its push, or the 暂停服务 screen, follows.
    });
  };
  const go = useCallback((next: StaffRoute) => {
    setDialog(null);
    setRoute(next);
  }, []);
  const ask = useCallback((request: StaffDialogRequest) => setDialog(request), []);

  return (
    <div className="staff">
      <div className="staff__content" inert={dialog !== null}>
        <StaffHeader session={session} onSignOut={signOut} />
        <StaffScreen key={route.name === 'device' ? `device:${route.deviceId}` : route.name} route={route} api={api} snapshot={snapshot} go={go} ask={ask} onLanguage={onLanguage} />
      </div>
      {dialog !== null && (
        <Dialog title={dialog.title} body={dialog.body}>
          <div className="staff-dialog__choices">
            {/* The safe answer first: it takes the focus when the dialog opens. */}
            <Button variant="secondary" onClick={() => setDialog(null)}>
              {dialog.cancelLabel}
            </Button>
            {dialog.choices.map((choice) => (
              <Button
                key={choice.label}
                variant={choice.primary ? 'primary' : 'secondary'}
                onClick={() => {
                  setDialog(null);
                  choice.onChoose();
                }}
              >
                {choice.label}
              </Button>
            ))}
          </div>
        </Dialog>
      )}
    </div>
  );
}
