/**
 * The three health-check levels of one device (issue 15 §3): 内部自检 (the driver checks itself, nothing
 * sent), 通信检测 (a round trip with the device), 现场测试 (the technician acts: a test ticket prints, a test
 * card is laid, a finger pressed, a code scanned — the host waits up to 30 s). Each result says passed or
 * not, with the driver's findings and the error.
 */
import { useState } from 'react';
import type { KioskApi } from '../../../../common/kiosk-api';
import type { DeviceDiagnostics, HealthLevelName, HealthView } from '../../../../common/diagnostics';
import { Button } from '../../primitives/Button';
import { useStaffText } from '../i18n/staff-text';
import { StaffMessage } from '../StaffMessage';
import { useHallTime } from '../staff-time';
import { useStaffAction } from '../use-staff-request';
import { HostText } from './HostText';
import { TechError } from './TechError';
import { HEALTH_LEVELS, interactiveSteps } from './tech-words';

function HealthResult({ result }: { result: HealthView }) {
  const { s } = useStaffText();
  const { time } = useHallTime();
  return (
    <div className="tech-health__result" data-testid={`health-result-${result.level}`} data-ok={result.ok}>
      <StaffMessage kind={result.ok ? 'ok' : 'error'}>
        {s(result.ok ? 'tech.health.resultPassed' : 'tech.health.resultFailed', { level: s(`tech.health.${result.level}`), time: time(result.at) })}
      </StaffMessage>
      {result.findings.length > 0 && (
        <ul className="tech-health__findings" data-testid="health-findings">
          {result.findings.map((f, i) => (
            <li key={i}>
              <HostText text={f} />
            </li>
          ))}
        </ul>
      )}
      {result.error && (
        <p data-testid="health-error">
          {s('tech.health.error', { code: result.error.code })} {result.error.detail !== undefined && <HostText text={result.error.detail} />}
        </p>
      )}
    </div>
  );
}

export function HealthChecks({ api, device }: { api: KioskApi; device: DeviceDiagnostics }) {
  const { s } = useStaffText();
  const action = useStaffAction();
  const [running, setRunning] = useState<HealthLevelName | null>(null);
  const [results, setResults] = useState<Partial<Record<HealthLevelName, HealthView>>>(() => (device.lastHealth ? { [device.lastHealth.level]: device.lastHealth } : {}));

  const run = (level: HealthLevelName): void => {
    setRunning(level);
    action.run(
      () => api.call('tech:health-check', { deviceId: device.id, level }).finally(() => setRunning(null)),
      (view) => setResults((r) => ({ ...r, [level]: view })),
    );
  };

  return (
    <div className="tech-panel" data-testid="tech-health">
      <p className="screen__lead">{s('tech.health.intro')}</p>
      {HEALTH_LEVELS.map((level) => {
        const result = results[level];
        return (
          <section key={level} className="staff-card tech-health" data-testid={`health-${level}`} aria-labelledby={`health-${device.id}-${level}`}>
            <h2 className="staff-card__title" id={`health-${device.id}-${level}`}>
              {s(`tech.health.${level}`)}
            </h2>
            <p>{s(`tech.health.${level}Hint`)}</p>
            {level === 'interactive' && (
              <ul className="tech-health__steps" data-testid="health-interactive-steps">
                {interactiveSteps(device.roles).map((id) => (
                  <li key={id}>{s(id)}</li>
                ))}
                <li>{s('tech.health.waits')}</li>
              </ul>
            )}
            {running === level && (
              <StaffMessage kind="info" testId="health-running">
                {s(level === 'interactive' ? 'tech.health.runningInteractive' : 'tech.health.running')}
              </StaffMessage>
            )}
            {result && running !== level && <HealthResult result={result} />}
            <div className="staff-card__actions">
              <Button variant={level === 'interactive' ? 'secondary' : 'primary'} disabled={action.busy} onClick={() => run(level)}>
                {s('tech.health.run', { level: s(`tech.health.${level}`) })}
              </Button>
            </div>
          </section>
        );
      })}
      <TechError error={action.error} />
    </div>
  );
}
