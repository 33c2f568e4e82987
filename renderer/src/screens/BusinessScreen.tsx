import type { ServiceAvailability } from '../../../common/availability';
import type { BusinessView } from '../../../common/queue';
import { useHostNow } from '../app/host-time';
import { UnavailableNotice } from '../components/UnavailableNotice';
import { useI18n } from '../i18n/i18n-context';
import { BusinessButton } from './BusinessButton';
import { useFocusHeading } from './use-focus-heading';

export interface BusinessScreenProps {
  businesses: readonly BusinessView[];
  takeTicket: ServiceAvailability | undefined;
  onChoose(businessId: string): void;
  onBack(): void;
}

/** 选择业务: one large button per business type, in the host's order. */
export function BusinessScreen({ businesses, takeTicket, onChoose, onBack }: BusinessScreenProps) {
  const { t } = useI18n();
  const heading = useFocusHeading();
  const hostNowMs = useHostNow(30_000);
  const serviceAvailable = takeTicket === undefined || takeTicket.available;
  return (
    <main className="screen screen--businesses">
      <h1 ref={heading} tabIndex={-1} className="screen__title">
        {t('business.title')}
      </h1>
      {!serviceAvailable && takeTicket && <UnavailableNotice id="businesses-unavailable" availability={takeTicket} />}
      {businesses.length === 0 ? (
        <p className="screen__lead">{t('business.none')}</p>
      ) : (
        <ul className="business-list">
          {businesses.map((b) => (
            <li key={b.id}>
              <BusinessButton business={b} serviceAvailable={serviceAvailable} hostNowMs={hostNowMs} onChoose={onChoose} />
            </li>
          ))}
        </ul>
      )}
      <div className="screen__actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('action.back')}
        </button>
      </div>
    </main>
  );
}
