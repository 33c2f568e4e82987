import { useHostNow, useHostTime } from '../app/host-time';
import { useI18n } from '../i18n/i18n-context';
import { formatClockDate, formatClockTime } from '../i18n/date-format';

/** Date and time of the HOST clock in the hall's time zone (ARCHITECTURE.md §8.4). */
export function HostClock() {
  const { language } = useI18n();
  const { timeZone } = useHostTime();
  const now = useHostNow(1_000);
  return (
    <div className="host-clock">
      <span className="host-clock__time">{formatClockTime(now, timeZone, language)}</span>{' '}
      <span className="host-clock__date">{formatClockDate(now, timeZone, language)}</span>
    </div>
  );
}
