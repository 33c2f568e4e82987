/**
 * One appointment as the platform holds it (issue 14 item 7): the business, the window in hall time, the name
 * as the platform masked it (张*), where to go, and whether check-in is open, as the host judged it.
 */
import type { AppointmentChoice } from '../../../../common/appointment';
import { useHostNow, useHostTime } from '../../app/host-time';
import { formatHallDateTime } from '../../i18n/date-format';
import { useI18n } from '../../i18n/i18n-context';

/** "今天 09:30" … "11:30": the end's date is left out when it is the start's. */
export function useWindowText(choice: AppointmentChoice): string {
  const { t, language } = useI18n();
  const { timeZone } = useHostTime();
  const nowMs = useHostNow(30_000);
  const start = formatHallDateTime(choice.windowStartLocal, nowMs, timeZone, language);
  const sameDay = choice.windowStartLocal.slice(0, 10) === choice.windowEndLocal.slice(0, 10);
  const end = sameDay ? choice.windowEndLocal.slice(11) : formatHallDateTime(choice.windowEndLocal, nowMs, timeZone, language);
  return t('appointment.found.window', { start, end });
}

export function AppointmentFacts({ choice }: { choice: AppointmentChoice }) {
  const { t, text, language } = useI18n();
  const { timeZone } = useHostTime();
  const nowMs = useHostNow(30_000);
  const windowText = useWindowText(choice);
  const standing =
    choice.standing === 'early' && choice.opensAtLocal
      ? t('appointment.found.early', { time: formatHallDateTime(choice.opensAtLocal, nowMs, timeZone, language) })
      : choice.standing === 'late'
        ? t('appointment.found.late')
        : choice.standing === 'used'
          ? t('appointment.found.used')
          : null;
  return (
    <div className="appointment__facts">
      <p className="appointment__business">{text(choice.businessName)}</p>
      <p data-testid="appointment-window">{windowText}</p>
      <p data-testid="appointment-name">{t('appointment.found.name', { name: choice.personMaskedName })}</p>
      <p>{t('ticket.zone', { zone: text(choice.zone) })}</p>
      {standing && <p className="appointment__standing">{standing}</p>}
    </div>
  );
}
