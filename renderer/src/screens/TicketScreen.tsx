import type { IssuedTicketView } from '../../../common/queue';
import { useHostNow, useHostTime } from '../app/host-time';
import { formatHallDateTime } from '../i18n/date-format';
import { useI18n } from '../i18n/i18n-context';
import { useFocusHeading } from './use-focus-heading';

/**
 * The issued ticket, as the host reported it after the printer confirmed it. With nobody ahead (or a 0 estimate)
 * it says 预计即将叫号, as the printed ticket does (main/host/queue/ticket-document.ts), not 约 0 分钟.
 */
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
          <li>{t('ticket.peopleAhead', { count: ticket.peopleAhead })}</li>
          <li>
            {ticket.peopleAhead === 0 || ticket.estimatedWaitMinutes === 0
              ? t('ticket.estimateSoon')
              : t('ticket.estimate', { minutes: ticket.estimatedWaitMinutes })}
          </li>
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
