/**
 * 暂停或恢复服务 (issue 15 §2): the whole kiosk, or one citizen service, taken out of service and given back.
 * Each row shows the host's state — in service, or paused by whom since when — and one button that turns it
 * the other way; pausing the whole kiosk is asked again. Citizens then see 暂停服务 with where to go (the
 * host's availability).
 */
import { useCallback } from 'react';
import { CITIZEN_SERVICES } from '../../../../common/availability';
import type { OutOfServiceView, SetServiceRequest } from '../../../../common/staff-desk';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { SERVICES } from '../../services/registry';
import { useStaffText } from '../i18n/staff-text';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import { useStaffAction, useStaffLoad } from '../use-staff-request';

type Target = SetServiceRequest['target'];

function pausedBy(view: OutOfServiceView, target: Target): { by: string; since: number } | null {
  if (target === 'kiosk') return view.kiosk;
  return view.services.find((s) => s.service === target) ?? null;
}

export function ServiceScreen({ api, go, ask }: StaffScreenProps) {
  const { s, t } = useStaffText();
  const { time } = useHallTime();
  const load = useCallback(() => api.call('staff:overview', {}).then((o) => o.outOfService), [api]);
  const state = useStaffLoad(load);
  const action = useStaffAction();

  const set = (target: Target, inService: boolean): void =>
    action.run(() => api.call('staff:set-service', { target, inService }), state.replace);

  const targetName = (target: Target): string => (target === 'kiosk' ? s('service.kiosk') : t(SERVICES[target].tile.label));

  const toggle = (target: Target, paused: boolean): void => {
    if (paused || target !== 'kiosk') {
      set(target, paused);
      return;
    }
    ask({
      title: s('service.pauseKioskTitle'),
      body: s('service.pauseKioskBody'),
      cancelLabel: s('common.back'),
      choices: [{ label: s('service.pauseKioskConfirm'), primary: true, onChoose: () => set('kiosk', false) }],
    });
  };

  const view = state.value;
  return (
    <Screen
      kind={['staff', 'staff-service']}
      title={s('service.title')}
      actions={
        <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
          {s('common.backToOverview')}
        </Button>
      }
    >
      <p className="screen__lead">{s('service.intro')}</p>
      <StaffError error={state.error ?? action.error} />
      {view === null ? (
        state.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <ul className="staff-cards">
          {(['kiosk', ...CITIZEN_SERVICES] as const).map((target) => {
            const paused = pausedBy(view, target);
            const name = targetName(target);
            return (
              <li key={target}>
                <article className={`staff-card staff-service${paused ? ' staff-service--paused' : ''}`} data-testid="service-row" data-target={target} data-paused={paused !== null}>
                  <h2 className="staff-card__title">{name}</h2>
                  <p data-testid="service-state">
                    <span className="staff-message__mark" aria-hidden="true">
                      {paused ? '✕' : '✓'}
                    </span>{' '}
                    {paused ? s('service.paused', { name: paused.by, time: time(paused.since) }) : s('service.running')}
                  </p>
                  <Button variant={paused ? 'primary' : 'secondary'} large disabled={action.busy} onClick={() => toggle(target, paused !== null)}>
                    {s(paused ? 'service.resume' : 'service.pause', { target: name })}
                  </Button>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
