import type { ServiceAvailability } from '../../../common/availability';
import { useI18n } from '../i18n/i18n-context';
import { errorMessageId } from '../i18n/translate';

/** Why a service is withdrawn and where to go instead (ARCHITECTURE.md §8.11), worded from the host's reason. */
export function UnavailableNotice({ id, availability }: { id: string; availability: Pick<ServiceAvailability, 'reason' | 'alternative'> }) {
  const { t, text } = useI18n();
  return (
    <div id={id} className="notice notice--unavailable">
      <p className="notice__tag">
        <span aria-hidden="true" className="notice__icon">
          !
        </span>{' '}
        {t('service.unavailable')}
      </p>
      <p className="notice__reason">{t(errorMessageId(availability.reason ?? 'serviceUnavailable'))}</p>
      {availability.alternative && <p className="notice__alternative">{t('service.alternative', { alternative: text(availability.alternative) })}</p>}
    </div>
  );
}
