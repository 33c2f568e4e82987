import type { BusinessView } from '../../../../common/queue';
import { useHostTime } from '../../app/host-time';
import { formatHallDateTime } from '../../i18n/date-format';
import { useI18n } from '../../i18n/i18n-context';
import { closedReasonMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';

export interface BusinessButtonProps {
  business: BusinessView;
  /** False while the take-ticket service itself is withdrawn (availability), whatever the business says. */
  serviceAvailable: boolean;
  /** Host time now, to word the next opening as today / tomorrow / a date. */
  hostNowMs: number;
  onChoose(businessId: string): void;
}

/**
 * One business type as the host computed it: open ones show the queue, closed ones why and when (the host
 * decides `open`; this only words it). Spaces between the parts keep the accessible name readable.
 */
export function BusinessButton({ business, serviceAvailable, hostNowMs, onChoose }: BusinessButtonProps) {
  const { t, text, language } = useI18n();
  const { timeZone } = useHostTime();
  const enabled = business.open && serviceAvailable;
  const hours = business.hoursToday.length > 0 ? t('business.hoursToday', { hours: business.hoursToday.join(t('list.separator')) }) : t('business.noHoursToday');
  return (
    <Button
      variant="business"
      modifier={business.open ? undefined : 'business--closed'}
      data-business-open={enabled}
      data-business-prefix={business.prefix}
      disabled={!enabled}
      onClick={() => onChoose(business.id)}
    >
      <span className="business__prefix">{business.prefix}</span>{' '}
      <span className="business__body">
        <span className="business__name">{text(business.name)}</span>{' '}
        {business.open ? (
          <span className="business__line">
            {business.waiting === 0 ? (
              <span>{t('business.noWait')}</span>
            ) : (
              <>
                <span>{t('business.waiting', { count: business.waiting })}</span>{' '}
                <span>
                  {business.estimatedWaitMinutes === 0 ? t('business.estimateSoon') : t('business.estimate', { minutes: business.estimatedWaitMinutes })}
                </span>
              </>
            )}
          </span>
        ) : (
          <>
            <span className="business__line business__reason">{t(business.closedReason ? closedReasonMessageId(business.closedReason) : 'error.businessClosed')}</span>{' '}
            <span className="business__line">{hours}</span>
            {business.nextOpen && (
              <>
                {' '}
                <span className="business__line">
                  {t('business.nextOpen', { time: formatHallDateTime(business.nextOpen, hostNowMs, timeZone, language) })}
                </span>
              </>
            )}
          </>
        )}
      </span>
    </Button>
  );
}
