/**
 * 待确认的号票 (issue 15 §2; ARCHITECTURE.md §8.3): tickets whose print was never confirmed. Staff look at the
 * slot or ask the citizen, then settle each as issued (已取走（有效）) or voided (作废) — both asked again in
 * a dialog, as neither can be undone here. The host settles by the same rule as the tickets CLI. Uncertain
 * certificates (issue 17 §2) are listed above them (UncertainCertificates.tsx).
 */
import { useCallback, useState } from 'react';
import { isErrorCode } from '../../../../common/errors';
import type { UncertainTicketView } from '../../../../common/staff-desk';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { useStaffText } from '../i18n/staff-text';
import { StaffError, StaffMessage } from '../StaffMessage';
import type { StaffScreenProps } from '../staff-route';
import { useHallTime } from '../staff-time';
import { useStaffAction, useStaffLoad } from '../use-staff-request';
import { UncertainCertificates } from './UncertainCertificates';

export function UncertainTicketsScreen({ api, go, ask }: StaffScreenProps) {
  const { s, t, text } = useStaffText();
  const { when } = useHallTime();
  const load = useCallback(() => api.call('staff:overview', {}).then((o) => o.uncertainTickets), [api]);
  const tickets = useStaffLoad(load);
  const loadCertificates = useCallback(() => api.call('staff:overview', {}).then((o) => o.uncertainCertificates), [api]);
  const certificates = useStaffLoad(loadCertificates);
  const action = useStaffAction();
  const [settled, setSettled] = useState<string | null>(null);

  const settle = (ticket: UncertainTicketView, outcome: 'issued' | 'voided'): void =>
    action.run(
      () => api.call('staff:settle-ticket', { day: ticket.day, number: ticket.number, outcome }),
      (list) => {
        tickets.replace(list);
        setSettled(ticket.number);
      },
    );

  const confirm = (ticket: UncertainTicketView, outcome: 'issued' | 'voided'): void => {
    const issued = outcome === 'issued';
    ask({
      title: s(issued ? 'uncertain.confirmIssuedTitle' : 'uncertain.confirmVoidedTitle', { number: ticket.number }),
      body: s(issued ? 'uncertain.confirmIssuedBody' : 'uncertain.confirmVoidedBody'),
      cancelLabel: s('common.back'),
      choices: [{ label: s(issued ? 'uncertain.confirmIssued' : 'uncertain.confirmVoided'), primary: true, onChoose: () => settle(ticket, outcome) }],
    });
  };

  return (
    <Screen
      kind={['staff', 'staff-uncertain']}
      title={s('uncertain.title')}
      actions={
        <Button variant="secondary" onClick={() => go({ name: 'overview' })}>
          {s('common.backToOverview')}
        </Button>
      }
    >
      <p className="screen__lead">{s('uncertain.intro')}</p>
      {settled !== null && <StaffMessage kind="ok">{settled.startsWith('CRT-') ? s('uncertain.certificateSettled', { id: settled }) : s('uncertain.settled', { number: settled })}</StaffMessage>}
      <StaffError error={tickets.error ?? certificates.error ?? action.error} />
      {certificates.value !== null && (
        <UncertainCertificates
          api={api}
          ask={ask}
          certificates={certificates.value}
          action={action}
          onSettled={(list, id) => {
            certificates.replace(list);
            setSettled(id);
          }}
        />
      )}
      {tickets.value === null ? (
        tickets.loading && <StaffMessage kind="info">{s('common.loading')}</StaffMessage>
      ) : (
        <List
          className="staff-cards"
          items={tickets.value}
          itemKey={(ticket) => `${ticket.day}-${ticket.number}`}
          empty={<p data-testid="uncertain-none">{s('uncertain.none')}</p>}
          renderItem={(ticket) => (
            <article className="staff-card" data-testid="uncertain-ticket" data-number={ticket.number} data-day={ticket.day}>
              <h2 className="staff-card__title">{s('uncertain.ticket', { number: ticket.number, business: text(ticket.businessName) })}</h2>
              <ul className="staff-card__facts">
                <li>{s('uncertain.reservedAt', { time: when(ticket.reservedAt) })}</li>
                {ticket.errorCode !== null && (
                  <li>{s('uncertain.reason', { reason: isErrorCode(ticket.errorCode) ? t(errorMessageId(ticket.errorCode)) : ticket.errorCode })}</li>
                )}
              </ul>
              <div className="staff-card__actions">
                <Button variant="primary" large disabled={action.busy} onClick={() => confirm(ticket, 'issued')}>
                  {s('uncertain.issued')}
                </Button>
                <Button variant="secondary" large disabled={action.busy} onClick={() => confirm(ticket, 'voided')}>
                  {s('uncertain.voided')}
                </Button>
              </div>
            </article>
          )}
        />
      )}
    </Screen>
  );
}
