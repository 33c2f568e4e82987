import type { IssuedTicketView } from '../../../common/queue';
import { useHostNow, useHostTime } from '../app/host-time';
import { formatHallDateTime } from '../i18n/date-format';
import { useI18n } from '../i18n/i18n-context';
import { useFocusHeading } from './use-focus-heading';

/**
 * The issued ticket, as the host reported it after the printer confirmed it. With nobody ahead (or a 0 estimate)
 * it says 预计即将叫号, as the printed ticket does (main/host/queue/ticket-document.ts), not 约 0 分钟.
 */
/** A ticket asked for again after the counters moved on: what really happened to it (issue 13 §3). */
function progressLine(progress: NonNullable<IssuedTicketView['progress']>, t: ReturnType<typeof useI18n>['t']): string {
  if (progress.state === 'called') return progress.counter ? t('ticket.progress.called', { counter: progress.counter }) : t('ticket.progress.calledNoCounter');
  return t(progress.state === 'served' ? 'ticket.progress.served' : 'ticket.progress.noShow');
}

export function TicketScreen({ ticket, onDone }: { ticket: IssuedTicketView; onDone(): void }) {
  const { t, text, language } = useI18n();
  const { timeZone } = useHostTime();
  const hostNowMs = useHostNow(30_000);
  const heading = useFocusHeading();
  return (
    <main className="screen screen--ticket">
      <h1 ref={heading} tabIndex={-1} className="screen__title">
        {t('ticket.title')}
      </h1>
      <section className="ticket" aria-labelledby="ticket-number-label">
        <p id="ticket-number-label" className="ticket__label">
          {t('ticket.numberLabel')}
        </p>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="ticket__business">{text(ticket.businessName)}</p>
        <ul className="ticket__facts">
          {ticket.progress ? (
            <li role="status">{progressLine(ticket.progress, t)}</li>
          ) : (
            <>
              <li>{t('ticket.peopleAhead', { count: ticket.peopleAhead })}</li>
              <li>
                {ticket.peopleAhead === 0 || ticket.estimatedWaitMinutes === 0
                  ? t('ticket.estimateSoon')
                  : t('ticket.estimate', { minutes: ticket.estimatedWaitMinutes })}
              </li>
            </>
          )}
          <li>{t('ticket.zone', { zone: text(ticket.zone) })}</li>
          <li>{t('ticket.issuedAt', { time: formatHallDateTime(ticket.issuedAtLocal, hostNowMs, timeZone, language) })}</li>
        </ul>
        <p className="ticket__listen">{t('ticket.listen')}</p>
      </section>
      <div className="screen__actions">
        <button type="button" className="button button--primary button--large" onClick={onDone}>
          {t('ticket.done')}
        </button>
      </div>
    </main>
  );
}
