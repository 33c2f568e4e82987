/**
 * 预约已签到，号票未能打印 (issue 14 item 7; ARCHITECTURE.md §8.3 told honestly): the platform checked the
 * appointment in, but the ticket was voided, is uncertain, or was refused (one ticket per ID, hours). The
 * citizen need not check in again: staff at the information desk can print the ticket or call them. Asking
 * the kiosk again would give the same answer, never a second number, so there is no retry here.
 */
import type { TakeTicketResult } from '../../../../common/queue';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';

export function NotIssuedScreen({ ticket, onDone }: { ticket: Exclude<TakeTicketResult, { outcome: 'issued' }>; onDone(): void }) {
  const { t } = useI18n();
  const lines: string[] = [];
  if (ticket.outcome === 'uncertain') lines.push(t('appointment.notIssued.uncertain', { number: ticket.number }));
  lines.push(t('appointment.notIssued.body'));
  if (ticket.outcome === 'voided' && ticket.partial) lines.push(t('outcome.voided.partial'));
  if (ticket.outcome !== 'uncertain') lines.push(t('outcome.reason', { reason: t(errorMessageId(ticket.error.code)) }));
  if (ticket.outcome === 'refused' && ticket.heldNumber) lines.push(t('outcome.heldNumber', { number: ticket.heldNumber }));
  return (
    <Screen
      kind={['outcome', `outcome-${ticket.outcome}`, 'appointment-not-issued']}
      title={t('appointment.notIssued.title')}
      actions={
        <Button variant="primary" large onClick={onDone}>
          {t('ticket.done')}
        </Button>
      }
    >
      <div className="outcome__message" role="alert">
        {lines.map((line) => (
          <p key={line} className="screen__lead">
            {line}
          </p>
        ))}
      </div>
    </Screen>
  );
}
