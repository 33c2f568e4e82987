/**
 * 导出诊断包 (issue 15 §3): one file with the configuration, recent logs, statistics, status history and the
 * audit chain's head, every ID number and name masked and PIN hashes and tokens left out, in the data
 * folder's exports and on every USB stick mounted. Shows where it went, how big it is, each stick's copy and
 * the host's message; a failure (a full disk, a read-only folder) in the host's words.
 */
import { useState } from 'react';
import type { BundleView } from '../../../../common/diagnostics';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useStaffAction } from '../use-staff-request';
import { HostText } from './HostText';
import { TechError } from './TechError';

export function BundleScreen({ api, go }: StaffScreenProps) {
  const { s } = useStaffText();
  const action = useStaffAction();
  const [bundle, setBundle] = useState<BundleView | null>(null);
  const exportBundle = (): void => {
    setBundle(null);
    action.run(() => api.call('tech:export-bundle', {}), setBundle);
  };
  return (
    <Screen
      kind={['staff', 'tech-bundle']}
      title={s('tech.bundle.title')}
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
      <p className="screen__lead">{s('tech.bundle.intro')}</p>
      <div className="staff-row">
        <Button variant="primary" large disabled={action.busy} onClick={exportBundle}>
          {s(bundle === null ? 'tech.bundle.export' : 'tech.bundle.exportAgain')}
        </Button>
      </div>
      {action.busy && <StaffMessage kind="info">{s('tech.bundle.exporting')}</StaffMessage>}
      <TechError error={action.error} testId="bundle-failed" />
      {bundle !== null && (
        <div className="staff-card" data-testid="bundle-result">
          <StaffMessage kind="ok">
            <HostText text={bundle.message} testId="bundle-message" />
          </StaffMessage>
          <ul className="staff-card__facts">
            <li>
              {s('tech.bundle.path')} <span className="tech-frame__hex" data-testid="bundle-path">{bundle.path}</span>
            </li>
            <li data-testid="bundle-bytes">{s('tech.bundle.bytes', { bytes: bundle.bytes.toLocaleString('en-US'), kb: Math.max(1, Math.round(bundle.bytes / 1024)) })}</li>
            {bundle.usb.length === 0 ? (
              <li data-testid="bundle-usb-none">{s('tech.bundle.noUsb')}</li>
            ) : (
              bundle.usb.map((u) => (
                <li key={u.dir} data-testid="bundle-usb" data-ok={u.ok}>
                  {s(u.ok ? 'tech.bundle.usbOk' : 'tech.bundle.usbFailed', { dir: u.dir })} <HostText text={u.message} />
                </li>
              ))
            )}
          </ul>
        </div>
      )}
    </Screen>
  );
}
