/**
 * One device's screen (issue 15 §3): what it reports (read again every 2 s), and one panel at a time — the
 * three health checks, the live frame log, maintenance mode with the raw console, the device editor.
 */
import { useCallback, useState } from 'react';
import type { DeviceDiagnostics } from '../../../../common/diagnostics';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText, type StaffMessageId } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { DeviceEditor } from './DeviceEditor';
import { DeviceFacts } from './DeviceFacts';
import { FrameLog, useFrameLog } from './FrameLog';
import { HealthChecks } from './HealthChecks';
import { MaintenancePanel } from './MaintenancePanel';
import { TechError } from './TechError';
import { rolesWords } from './tech-words';
import { DEVICE_POLL_MS, useLive } from './use-poll';

export type DevicePanel = 'health' | 'frames' | 'maintenance' | 'editor';

const PANELS: ReadonlyArray<{ panel: DevicePanel; label: StaffMessageId }> = [
  { panel: 'health', label: 'tech.panel.health' },
  { panel: 'frames', label: 'tech.panel.frames' },
  { panel: 'maintenance', label: 'tech.panel.maintenance' },
  { panel: 'editor', label: 'tech.panel.editor' },
];

/** History lines on the device screen. */
const DEVICE_HISTORY = 20;

export function DeviceScreen({ api, snapshot, go, ask, deviceId }: StaffScreenProps & { deviceId: string }) {
  const { s } = useStaffText();
  const [panel, setPanel] = useState<DevicePanel>('health');
  const load = useCallback(async (): Promise<DeviceDiagnostics | undefined> => (await api.call('tech:devices', {})).find((d) => d.id === deviceId), [api, deviceId]);
  const live = useLive(load, DEVICE_POLL_MS);
  const frames = useFrameLog(api, deviceId, panel === 'frames');
  const device = live.value;

  return (
    <Screen
      kind={['staff', 'tech-device']}
      title={device ? s('tech.device.name', { id: device.id, roles: rolesWords(device.roles, s) }) : deviceId}
      actions={
        <>
          <Button variant="secondary" onClick={() => go({ name: 'devices' })}>
            {s('tech.devices.back')}
          </Button>
          <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
            {s('common.backToOverview')}
          </Button>
        </>
      }
    >
      <TechError error={live.error} />
      {device === null && live.error === null && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>}
      {device === undefined && <StaffMessage kind="error">{s('tech.device.gone', { id: deviceId })}</StaffMessage>}
      {device && (
        <>
          <div className="staff-card tech-device" data-testid="tech-device" data-device-id={device.id}>
            <DeviceFacts device={device} historyShown={DEVICE_HISTORY} />
          </div>
          <div className="staff-row tech-panels" data-testid="tech-panels">
            {PANELS.map(({ panel: p, label }) => (
              <Button key={p} variant="toggle" modifier="tech-choice" pressed={p === panel} data-panel={p} onClick={() => setPanel(p)}>
                {s(label)}
              </Button>
            ))}
          </div>
          {panel === 'health' && <HealthChecks api={api} device={device} />}
          {panel === 'frames' && <FrameLog log={frames} />}
          {panel === 'maintenance' && <MaintenancePanel api={api} device={device} session={snapshot.staff.session} ask={ask} onDevice={live.replace} />}
          {panel === 'editor' && <DeviceEditor api={api} device={device} ask={ask} />}
        </>
      )}
    </Screen>
  );
}
