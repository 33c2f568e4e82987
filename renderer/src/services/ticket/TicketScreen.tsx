import type { IssuedTicketView } from '../../../../common/queue';
import { useHostNow, useHostTime } from '../../app/host-time';
import { formatHallDateTime } from '../../i18n/date-format';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import type { MessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';

/** A ticket asked for again after the counters moved on: what really happened to it (issue 13 §3). */
function progressLine(progress: NonNullable<IssuedTicketView['progress']>, t: I18n['t']): string {
  if (progress.state === 'called') return progress.counter ? t('ticket.progress.called', { counter: progress.counter }) : t('ticket.progress.calledNoCounter');
  return t(progress.state === 'served' ? 'ticket.progress.served' : 'ticket.progress.noShow');
}

/** Presenter printers (protocols.md §2.6): where the paper is, said first and announced as it changes. */
function paperFact(delivery: IssuedTicketView['delivery'], t: I18n['t']): Fact[] {
  if (delivery === 'presented') return [{ key: 'paper', text: t('ticket.delivery.presented'), status: true }];
  if (delivery === 'retracted') return [{ key: 'paper', text: t('error.ticketRetracted'), status: true }];
  return [];
}

interface Fact {
  key: string;
  text: string;
  /** Announced as it appears: the ticket's progress, which is news to the citizen. */
  status?: boolean;
}

/**
 * The issued ticket, as the host reported it after the printer confirmed it. With nobody ahead (or a 0 estimate)
 * it says 预计即将叫号, as the printed ticket does (main/host/queue/ticket-document.ts), not 约 0 分钟.
 */
export function TicketScreen({ ticket, onDone, priorityLabel = 'ticket.priority' }: { ticket: IssuedTicketView; onDone(): void; /** Why it is served first (预约签到 · 优先办理). */ priorityLabel?: MessageId }) {
  const { t, text, language } = useI18n();
  const { timeZone } = useHostTime();
  const hostNowMs = useHostNow(30_000);
  const waiting: Fact[] = ticket.progress
    ? [{ key: 'progress', text: progressLine(ticket.progress, t), status: true }]
    : [
        { key: 'ahead', text: t('ticket.peopleAhead', { count: ticket.peopleAhead }) },
        {
          key: 'estimate',
          text: ticket.peopleAhead === 0 || ticket.estimatedWaitMinutes === 0 ? t('ticket.estimateSoon') : t('ticket.estimate', { minutes: ticket.estimatedWaitMinutes }),
        },
      ];
  const paper = paperFact(ticket.delivery, t);
  const facts: Fact[] = [
    ...paper,
    ...(ticket.priority ? [{ key: 'priority', text: t(priorityLabel) }] : []),
    ...waiting,
    { key: 'zone', text: t('ticket.zone', { zone: text(ticket.zone) }) },
    { key: 'issued', text: t('ticket.issuedAt', { time: formatHallDateTime(ticket.issuedAtLocal, hostNowMs, timeZone, language) }) },
  ];
  return (
    <Screen
      kind={['ticket']}
      title={t(ticket.delivery === 'taken' ? 'ticket.delivery.taken' : ticket.delivery === 'retracted' ? 'ticket.delivery.retracted' : 'ticket.title')}
      actions={
        <Button variant="primary" large onClick={onDone}>
          {t('ticket.done')}
        </Button>
      }
    >
      <section className="ticket" aria-labelledby="ticket-number-label">
        <p id="ticket-number-label" className="ticket__label">
          {t('ticket.numberLabel')}
        </p>
        <p className="ticket__number" data-testid="ticket-number">
          {ticket.number}
        </p>
        <p className="ticket__business">{text(ticket.businessName)}</p>
        <List
          className="ticket__facts"
          items={facts}
          itemKey={(f) => f.key}
          renderItem={(f) => (f.status ? <span role="status">{f.text}</span> : f.text)}
        />
        <p className="ticket__listen">{t('ticket.listen')}</p>
      </section>
    </Screen>
  );
}
