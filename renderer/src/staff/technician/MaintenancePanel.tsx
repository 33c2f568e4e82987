/**
 * Maintenance mode of one device (issue 15 §3): entering claims it for this technician, so no citizen flow
 * can use it (取号 and the other services that need it show as unavailable) until it is released here, or by
 * signing out. Says who holds it and since when; the raw console is only here, and only for its holder.
 */
import type { DeviceDiagnostics } from '../../../../common/diagnostics';
import type { KioskApi } from '../../../../common/kiosk-api';
import type { StaffSessionView } from '../../../../common/staff';
import { Button } from '../../primitives/Button';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffDialogRequest } from '../staff-route';
import { useHallTime } from '../staff-time';
import { useStaffAction } from '../use-staff-request';
import { RawConsole } from './RawConsole';
import { TechError } from './TechError';

export interface MaintenancePanelProps {
  api: KioskApi;
  device: DeviceDiagnostics;
  session: StaffSessionView | null;
  ask(dialog: StaffDialogRequest): void;
  /** The device as the host answered the change. */
  onDevice(device: DeviceDiagnostics): void;
}

export function MaintenancePanel({ api, device, session, ask, onDevice }: MaintenancePanelProps) {
  const { s } = useStaffText();
  const { time } = useHallTime();
  const action = useStaffAction();
  const holder = device.maintenance;
  const mine = holder !== null && session !== null && holder.by === session.accountId;

  const set = (on: boolean): void => action.run(() => api.call('tech:maintenance', { deviceId: device.id, on }), onDevice);
  const askEnter = (): void =>
    ask({
      title: s('tech.maint.confirmTitle', { id: device.id }),
      body: s('tech.maint.confirmBody'),
      cancelLabel: s('common.back'),
      choices: [{ label: s('tech.maint.confirm'), primary: true, onChoose: () => set(true) }],
    });

  return (
    <div className="tech-panel" data-testid="tech-maintenance" data-held={holder !== null} data-mine={mine}>
      <section className={`staff-card tech-maint${holder ? ' tech-maint--held' : ''}`} aria-labelledby={`maint-${device.id}`}>
        <h2 className="staff-card__title" id={`maint-${device.id}`}>
          {s('tech.maint.title')}
        </h2>
        <p>{s('tech.maint.intro')}</p>
        <StaffMessage kind={holder ? 'warning' : 'info'} testId="maint-state">
          {holder === null ? s('tech.maint.notHeld') : s(mine ? 'tech.maint.heldByYou' : 'tech.maint.heldBy', { by: holder.by, time: time(holder.since) })}
        </StaffMessage>
        <div className="staff-card__actions">
          {mine ? (
            <Button variant="primary" disabled={action.busy} onClick={() => set(false)}>
              {s('tech.maint.exit')}
            </Button>
          ) : (
            <Button variant="primary" disabled={action.busy} onClick={askEnter}>
              {s('tech.maint.enter')}
            </Button>
          )}
        </div>
        {action.busy && <StaffMessage kind="info">{s('common.working')}</StaffMessage>}
        <TechError error={action.error} testId="maint-refused" />
      </section>
      {mine ? (
        <RawConsole api={api} device={device} />
      ) : (
        <StaffMessage kind="info" testId="raw-console-hidden">
          {s('tech.raw.onlyInMaintenance')}
        </StaffMessage>
      )}
    </div>
  );
}
