/**
 * 设备诊断 (issue 15 §3): every device of the registry from `tech:devices`, read again every 2 s while the
 * screen is shown, each with what it reports and the way to its own screen (health checks, frame log,
 * maintenance mode and raw console, editor). The diagnostic bundle and the audit chain are reached from here.
 */
import { useCallback } from 'react';
import type { DeviceDiagnostics } from '../../../../common/diagnostics';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { DeviceFacts } from './DeviceFacts';
import { TechError } from './TechError';
import { rolesWords } from './tech-words';
import { DEVICE_POLL_MS, useLive } from './use-poll';

/** History lines on a list card; the device screen shows more. */
const LIST_HISTORY = 3;

function DeviceCard({ device, onOpen }: { device: DeviceDiagnostics; onOpen(): void }) {
  const { s } = useStaffText();
  const fault = device.status.device !== 'online';
  return (
    <article className={`staff-card tech-device${fault ? ' tech-device--fault' : ''}${device.maintenance ? ' tech-device--held' : ''}`} data-testid="tech-device" data-device-id={device.id}>
      <h2 className="staff-card__title">{s('tech.device.name', { id: device.id, roles: rolesWords(device.roles, s) })}</h2>
      <DeviceFacts device={device} historyShown={LIST_HISTORY} />
      <div className="staff-card__actions">
        <Button variant="primary" onClick={onOpen}>
          {s('tech.devices.open', { id: device.id })}
        </Button>
      </div>
    </article>
  );
}

export function DevicesScreen({ api, go }: StaffScreenProps) {
  const { s } = useStaffText();
  const load = useCallback(() => api.call('tech:devices', {}), [api]);
  const devices = useLive(load, DEVICE_POLL_MS);
  return (
    <Screen
      kind={['staff', 'tech-devices']}
      title={s('tech.devices.title')}
      actions={
        <>
          <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
            {s('common.backToOverview')}
          </Button>
          <Button variant="secondary" onClick={() => go({ name: 'bundle' })}>
            {s('tech.bundle.open')}
          </Button>
          <Button variant="secondary" onClick={() => go({ name: 'audit' })}>
            {s('tech.audit.open')}
          </Button>
        </>
      }
    >
      <p className="screen__lead">{s('tech.devices.intro')}</p>
      <TechError error={devices.error} />
      {devices.value === null ? (
        devices.error === null && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <List
          className="staff-cards"
          items={devices.value}
          itemKey={(d) => d.id}
          empty={<p>{s('tech.devices.none')}</p>}
          renderItem={(d) => <DeviceCard device={d} onOpen={() => go({ name: 'device', deviceId: d.id })} />}
        />
      )}
    </Screen>
  );
}
