/**
 * 无法按预约签到 (issue 14 items 7–8): early (and from when), late, used, forged or unknown, a scan that could not
 * be read, a platform down or slow — each told in one kind sentence (the error's message) with a way forward:
 * try again where that can help, scan again, 取普通号, or home (the messages name the 一楼咨询台).
 */
import type { AppointmentChoice } from '../../../../common/appointment';
import type { KioskErrorInfo } from '../../../../common/errors';
import { useHostNow, useHostTime } from '../../app/host-time';
import { formatHallDateTime } from '../../i18n/date-format';
import { useI18n } from '../../i18n/i18n-context';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { AppointmentFacts } from './AppointmentFacts';

/** Failures of the platform itself: the same again may well work. */
export const PLATFORM_RETRYABLE: ReadonlySet<string> = new Set(['platformTimeout', 'platformUnavailable']);

export interface RefusedScreenProps {
  error: KioskErrorInfo;
  source?: 'code' | 'card';
  opensAtLocal?: string;
  appointment?: AppointmentChoice;
  /** The same step again (the card's look-up, the check-in), where that may help: the caller decides. */
  onRetry?: () => void;
  onRescan(): void;
  onOrdinary(): void;
  onHome(): void;
}

export function RefusedScreen({ error, source, opensAtLocal, appointment, onRetry, onRescan, onOrdinary, onHome }: RefusedScreenProps) {
  const { t, language } = useI18n();
  const { timeZone } = useHostTime();
  const nowMs = useHostNow(30_000);
  const message = error.code === 'appointmentUnknown' && source === 'card' ? t('appointment.refused.noneByCard') : t(errorMessageId(error.code));
  const retry = onRetry;
  return (
    <Screen
      kind={['outcome', 'outcome-refused', 'appointment-refused']}
      title={
        <>
          <span aria-hidden="true" className="outcome__icon">
            !
          </span>{' '}
          {t('appointment.refused.title')}
        </>
      }
      actions={
        <>
          {retry ? (
            <Button variant="primary" large onClick={retry}>
              {t('action.retry')}
            </Button>
          ) : (
            <Button variant="primary" large onClick={onRescan}>
              {t('appointment.rescan')}
            </Button>
          )}
          <Button variant="primary" large onClick={onOrdinary}>
            {t('appointment.takeOrdinary')}
          </Button>
          <Button variant="secondary" large onClick={onHome}>
            {t('action.home')}
          </Button>
        </>
      }
    >
      <div className="outcome__message" role="alert">
        <p className="screen__lead">{message}</p>
        {opensAtLocal && (
          <p className="screen__lead" data-testid="appointment-opens-at">
            {t('appointment.refused.opensAt', { time: formatHallDateTime(opensAtLocal, nowMs, timeZone, language) })}
          </p>
        )}
      </div>
      {appointment && <AppointmentFacts choice={appointment} />}
    </Screen>
  );
}
