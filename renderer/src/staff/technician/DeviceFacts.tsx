/**
 * One device as the technician sees it (issue 15 §3): id and roles, driver, model, link (kind, port, baud),
 * capabilities, lifecycle, the live status in plain words, statistics, who holds it in maintenance mode, the
 * last health check and the status history, latest first. The list shows a few history lines, the device
 * screen more.
 */
import type { DeviceDiagnostics } from '../../../../common/diagnostics';
import { useStaffText } from '../i18n/staff-text';
import { useHallTime } from '../staff-time';
import { HostText } from './HostText';
import { capabilityWords, lifecycleWords, linkWords, rolesWords, statusWords } from './tech-words';

export function DeviceFacts({ device, historyShown }: { device: DeviceDiagnostics; historyShown: number }) {
  const { s } = useStaffText();
  const { time } = useHallTime();
  const statistics = Object.entries(device.statistics);
  const history = [...device.history].reverse().slice(0, historyShown);
  const health = device.lastHealth;
  return (
    <>
      <ul className="staff-card__facts tech-facts">
        <li data-testid="tech-device-roles">{s('tech.device.roles', { roles: rolesWords(device.roles, s) })}</li>
        <li>
          {s('tech.device.driver', { driver: device.driver, model: device.model })}
        </li>
        <li data-testid="tech-device-link">{s('tech.device.link', { link: linkWords(device.transport, s) })}</li>
        <li>{s('tech.device.capabilities', { capabilities: capabilityWords(device.capabilities, s) })}</li>
        <li>{s('tech.device.lifecycle', { lifecycle: lifecycleWords(device.lifecycle, s) })}</li>
        <li className="tech-facts__status" data-testid="tech-device-status" data-state={device.status.device}>
          {s('tech.device.status', { status: statusWords(device.status, s).join(s('tech.device.statusSeparator')) })}
        </li>
        <li data-testid="tech-device-maintenance" data-held={device.maintenance !== null}>
          {device.maintenance === null
            ? s('tech.device.notHeld')
            : s('tech.device.heldBy', { by: device.maintenance.by, time: time(device.maintenance.since) })}
        </li>
        <li data-testid="tech-device-statistics">
          {statistics.length === 0
            ? s('tech.device.noStatistics')
            : s('tech.device.statistics', { list: statistics.map(([k, v]) => `${k} ${v}`).join(s('tech.device.statusSeparator')) })}
        </li>
        <li data-testid="tech-device-last-health" data-ok={health?.ok}>
          {health === null ? (
            s('tech.device.noHealth')
          ) : (
            <>
              {s('tech.device.lastHealth', { level: s(`tech.health.${health.level}`), result: s(health.ok ? 'tech.health.passed' : 'tech.health.failed'), time: time(health.at) })}
              {health.findings.length > 0 && (
                <>
                  {' '}
                  <HostText text={health.findings.join('; ')} />
                </>
              )}
            </>
          )}
        </li>
      </ul>
      <div className="tech-history">
        <p className="tech-history__title">{s('tech.device.history', { count: device.history.length })}</p>
        {history.length === 0 ? (
          <p>{s('tech.device.noHistory')}</p>
        ) : (
          <ol className="tech-history__list" data-testid="tech-device-history">
            {history.map((h, i) => (
              <li key={`${h.at}-${i}`}>
                <span className="tech-history__time">{time(h.at)}</span> <HostText text={h.summary} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </>
  );
}
