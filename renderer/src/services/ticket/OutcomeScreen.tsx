import type { ReactNode } from 'react';
import type { ClosedInfo } from '../../../../common/queue';
import { useHostNow, useHostTime } from '../../app/host-time';
import { formatHallDateTime } from '../../i18n/date-format';
import { useI18n } from '../../i18n/i18n-context';
import { closedReasonMessageId, errorMessageId, type MessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { RETRYABLE_API_ERRORS, type TicketOutcome } from './ticket-state';

export interface OutcomeScreenProps {
  outcome: TicketOutcome;
  onHome(): void;
  /** Back to the business list for a new ticket (a fresh request). */
  onRetake(): void;
  /** The same request again, after an API failure: the host answers a repeated id with its first outcome. */
  onRetry(): void;
}

interface Wording {
  title: MessageId;
  lines: string[];
  retake: boolean;
  retry: boolean;
}

/** Every take-ticket result that is not a ticket, told honestly (ARCHITECTURE.md §8.3). */
export function OutcomeScreen({ outcome, onHome, onRetake, onRetry }: OutcomeScreenProps) {
  const { t, language } = useI18n();
  const { timeZone } = useHostTime();
  const hostNowMs = useHostNow(30_000);
  const reason = (code: Parameters<typeof errorMessageId>[0]): string => t('outcome.reason', { reason: t(errorMessageId(code)) });

  /** The host's specific reason (e.g. 已停止取号，本业务 17:00 截止) and, when known, the next opening. */
  const closedLines = (closed: ClosedInfo): string[] => [
    closed.reason === 'stoppedIssuing' && closed.closesAt
      ? t('closed.stoppedIssuingAt', { time: closed.closesAt })
      : t(closedReasonMessageId(closed.reason)),
    ...(closed.nextOpen ? [t('business.nextOpen', { time: formatHallDateTime(closed.nextOpen, hostNowMs, timeZone, language) })] : []),
  ];

  let wording: Wording;
  switch (outcome.outcome) {
    case 'voided':
      wording = {
        title: 'outcome.voided.title',
        lines: [
          t('outcome.voided.body'),
          ...(outcome.number ? [t('outcome.voided.number', { number: outcome.number })] : []),
          ...(outcome.partial ? [t('outcome.voided.partial')] : []),
          reason(outcome.error.code),
        ],
        retake: true,
        retry: false,
      };
      break;
    case 'uncertain':
      wording = {
        title: 'outcome.uncertain.title',
        lines: [t('outcome.uncertain.body', { number: outcome.number })],
        retake: false,
        retry: false,
      };
      break;
    case 'refused':
      wording = {
        title: 'outcome.refused.title',
        lines: outcome.closed
          ? closedLines(outcome.closed)
          : [t(errorMessageId(outcome.error.code)), ...(outcome.heldNumber ? [t('outcome.heldNumber', { number: outcome.heldNumber })] : [])],
        retake: true,
        retry: false,
      };
      break;
    case 'apiError': {
      const retry = RETRYABLE_API_ERRORS.has(outcome.error.code);
      wording = {
        title: 'outcome.apiError.title',
        lines: [t(errorMessageId(outcome.error.code)), ...(retry ? [t('outcome.apiError.retryNote')] : [])],
        retake: false,
        retry,
      };
      break;
    }
  }

  const buttons: ReactNode[] = [];
  if (wording.retry) buttons.push(<Action key="retry" primary label={t('action.retry')} onClick={onRetry} />);
  if (wording.retake) buttons.push(<Action key="retake" primary label={t('action.retakeTicket')} onClick={onRetake} />);
  buttons.push(<Action key="home" primary={buttons.length === 0} label={t('action.home')} onClick={onHome} />);

  const title = (
    <>
      <span aria-hidden="true" className="outcome__icon">
        !
      </span>{' '}
      {t(wording.title)}
    </>
  );
  return (
    <Screen kind={['outcome', `outcome-${outcome.outcome}`]} title={title} actions={buttons}>
      <div className="outcome__message" role="alert">
        {wording.lines.map((line) => (
          <p key={line} className="screen__lead">
            {line}
          </p>
        ))}
      </div>
    </Screen>
  );
}

function Action({ label, primary, onClick }: { label: string; primary: boolean; onClick(): void }) {
  return (
    <Button variant={primary ? 'primary' : 'secondary'} large onClick={onClick}>
      {label}
    </Button>
  );
}
