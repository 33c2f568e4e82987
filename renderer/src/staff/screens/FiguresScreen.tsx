/**
 * 今日数据 (issue 15 §2): today's tickets per business (issued, voided, uncertain), prints, sessions and
 * faults by device and actor, each with a small chart that has its numbers in words beside it.
 */
import { useCallback } from 'react';
import type { Actor } from '../../../../common/errors';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { CountChart, HourChart } from '../Charts';
import { useStaffText } from '../i18n/staff-text';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useStaffLoad } from '../use-staff-request';

const ACTORS: readonly Actor[] = ['software', 'staff', 'technician', 'citizen'];

export function FiguresScreen({ api, go }: StaffScreenProps) {
  const { s, text } = useStaffText();
  const load = useCallback(() => api.call('staff:figures', {}), [api]);
  const figures = useStaffLoad(load);
  const value = figures.value;
  const actorWords = (actor: string): string => (ACTORS.includes(actor as Actor) ? s(`actor.${actor as Actor}`) : actor);

  return (
    <Screen
      kind={['staff', 'staff-figures']}
      title={s('figures.title')}
      actions={
        <>
          <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
            {s('common.backToOverview')}
          </Button>
          <Button variant="secondary" onClick={figures.reload}>
            {s('overview.refresh')}
          </Button>
        </>
      }
    >
      <StaffError error={figures.error} />
      {value === null ? (
        figures.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <>
          <p className="screen__lead" data-testid="figures-day">
            {s('figures.day', { day: value.day })}
          </p>
          <section className="staff-section" data-testid="figures-tickets">
            <h2 className="staff-section__title">{s('figures.tickets')}</h2>
            <List
              className="staff-cards"
              items={value.ticketsByBusiness}
              itemKey={(b) => b.businessId}
              empty={<p>{s('figures.noBusinesses')}</p>}
              renderItem={(b) => (
                <div className="staff-card" data-testid="figures-business" data-business-id={b.businessId}>
                  <HourChart title={text(b.name)} values={b.byHour} testId={`chart-business-${b.businessId}`} />
                  <p className="staff-card__line">{s('figures.ticketsLine', { issued: b.issued, voided: b.voided, uncertain: b.uncertain })}</p>
                </div>
              )}
            />
          </section>
          <section className="staff-section" data-testid="figures-prints">
            <h2 className="staff-section__title">{s('figures.prints')}</h2>
            <p className="staff-card__line">{s('figures.printsLine', { tickets: value.prints.tickets, testTickets: value.prints.testTickets })}</p>
            <HourChart title={s('figures.printsChart')} values={value.prints.byHour} testId="chart-prints" />
          </section>
          <section className="staff-section" data-testid="figures-sessions">
            <h2 className="staff-section__title">{s('figures.sessions')}</h2>
            <p className="staff-card__line">{s('figures.sessionsLine', { count: value.sessions.started })}</p>
            <HourChart title={s('figures.sessionsChart')} values={value.sessions.byHour} testId="chart-sessions" />
          </section>
          <section className="staff-section" data-testid="figures-faults">
            <h2 className="staff-section__title">{s('figures.faults')}</h2>
            {value.faults.length === 0 ? (
              <p>{s('figures.noFaults')}</p>
            ) : (
              <CountChart
                title={s('figures.faultsChart')}
                testId="chart-faults"
                rows={value.faults.map((f) => ({ label: `${f.deviceId}-${f.actor}`, count: f.count }))}
                summary={s('figures.faultsSummary', {
                  list: value.faults.map((f) => s('figures.faultLine', { device: f.deviceId, actor: actorWords(f.actor), count: f.count })).join(s('chart.separator')),
                })}
              />
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
