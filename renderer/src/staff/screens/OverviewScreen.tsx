/**
 * 本机状况, the first staff screen (issue 15 §2): every printer's supplies with the guided restock and jam
 * recovery, the active alerts in plain words, the uncertain tickets and found items waiting, the
 * out-of-service state, and the ways to today's figures and a restart; for a technician, the way to the
 * device diagnostics too. Read from `staff:overview` when it opens, on 刷新, and again whenever the host
 * pushes a change of availability (a device changed).
 */
import { useCallback, useEffect, useId, useRef, type ReactNode } from 'react';
import { CITIZEN_SERVICES } from '../../../../common/availability';
import type { Alert } from '../../../../common/alerts';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { SERVICES } from '../../services/registry';
import { useStaffText } from '../i18n/staff-text';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import { SupplyCard } from '../SupplyCard';
import { useStaffAction, useStaffLoad } from '../use-staff-request';

function AlertItem({ alert }: { alert: Alert }) {
  const { s } = useStaffText();
  const { time } = useHallTime();
  return (
    <div className={`staff-alert staff-alert--${alert.actor}`} data-testid="staff-alert" data-device-id={alert.deviceId} data-code={alert.code}>
      <p className="staff-alert__message" lang="zh-CN">
        <span className="staff-message__mark" aria-hidden="true">
          !
        </span>{' '}
        {alert.message}
      </p>
      <p className="staff-alert__when">{s('overview.alertWhen', { time: time(alert.at), device: alert.deviceId, actor: s(`actor.${alert.actor}`) })}</p>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const id = useId();
  return (
    <section className="staff-section" aria-labelledby={id} data-testid={testId}>
      <h2 id={id} className="staff-section__title">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function OverviewScreen({ api, snapshot, go, ask, onLanguage }: StaffScreenProps) {
  const { s, t } = useStaffText();
  const { time } = useHallTime();
  const load = useCallback(() => api.call('staff:overview', {}), [api]);
  const overview = useStaffLoad(load);
  const restart = useStaffAction();

  const { reload } = overview;
  const availability = snapshot.availability;
  const seen = useRef(availability);
  useEffect(() => {
    if (seen.current === availability) return;
    seen.current = availability;
    reload();
  }, [availability, reload]);

  const askRestart = (): void =>
    ask({
      title: s('restart.title'),
      body: s('restart.body'),
      cancelLabel: s('restart.cancel'),
      choices: [{ label: s('restart.confirm'), primary: true, onChoose: () => restart.run(() => api.call('staff:restart-app', {}), () => go({ name: 'restarting' })) }],
    });

  // Technician diagnostics (issue 15 §3) are offered to a technician only; the host refuses them to anyone else.
  const technician = snapshot.staff.session?.role === 'technician';
  const value = overview.value;
  const paused = value ? CITIZEN_SERVICES.filter((service) => value.outOfService.services.some((o) => o.service === service)) : [];
  let serviceState;
  if (value?.outOfService.kiosk) serviceState = s('overview.kioskOut', { name: value.outOfService.kiosk.by, time: time(value.outOfService.kiosk.since) });
  else if (paused.length > 0) serviceState = s('overview.servicesOut', { services: paused.map((p) => t(SERVICES[p].tile.label)).join(s('overview.listSeparator')) });
  else serviceState = s('overview.allInService');

  return (
    <Screen
      kind={['staff', 'staff-overview']}
      title={s('overview.title')}
      actions={
        <>
          <Button variant="secondary" onClick={reload}>
            {s('overview.refresh')}
          </Button>
          <Button variant="secondary" onClick={() => go({ name: 'figures' })}>
            {s('overview.openFigures')}
          </Button>
          <Button variant="secondary" onClick={askRestart}>
            {s('overview.restart')}
          </Button>
        </>
      }
    >
      {value === null && overview.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>}
      <StaffError error={overview.error ?? restart.error} />
      {value !== null && (
        <>
          <Section title={s('overview.supplies')} testId="overview-supplies">
            <List
              className="staff-cards"
              items={value.supplies}
              itemKey={(supply) => supply.deviceId}
              empty={<p>{s('overview.noPrinters')}</p>}
              renderItem={(supply) => (
                <SupplyCard supply={supply} onRestock={() => go({ name: 'restock', supply })} onRecover={() => go({ name: 'recover', supply })} />
              )}
            />
          </Section>
          <Section title={s('overview.alerts')} testId="overview-alerts">
            <List
              className="staff-alerts"
              items={value.alerts}
              itemKey={(alert) => `${alert.deviceId}-${alert.code}-${alert.at}-${alert.ref ?? ''}`}
              empty={<p>{s('overview.noAlerts')}</p>}
              renderItem={(alert) => <AlertItem alert={alert} />}
            />
          </Section>
          <div className="staff-tiles">
            <Section title={s('overview.uncertain', { count: value.uncertainTickets.length })} testId="overview-uncertain">
              <Button variant={value.uncertainTickets.length > 0 ? 'primary' : 'secondary'} onClick={() => go({ name: 'uncertain' })}>
                {s('overview.openUncertain')}
              </Button>
            </Section>
            <Section title={s('overview.found', { count: value.foundItemsWaiting })} testId="overview-found">
              <Button variant="secondary" onClick={() => go({ name: 'found' })}>
                {s('overview.openFound')}
              </Button>
            </Section>
            <Section title={s('overview.service')} testId="overview-service">
              <p data-testid="overview-service-state">{serviceState}</p>
              <Button variant="secondary" onClick={() => go({ name: 'service' })}>
                {s('overview.openService')}
              </Button>
            </Section>
            {technician && (
              <Section title={s('tech.overview.title')} testId="overview-technician">
                <p>{s('tech.overview.body')}</p>
                <Button variant="primary" onClick={() => go({ name: 'devices' })}>
                  {s('tech.overview.open')}
                </Button>
              </Section>
            )}
          </div>
        </>
      )}
      <LanguageSwitch languages={snapshot.languages} onChoose={onLanguage} />
    </Screen>
  );
}
