import type { ServiceAvailability } from '../../../../common/availability';
import type { BusinessView } from '../../../../common/queue';
import { useHostNow } from '../../app/host-time';
import { UnavailableNotice } from '../../components/UnavailableNotice';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../primitives/Button';
import { List } from '../../primitives/List';
import { Screen } from '../../primitives/Screen';
import { BusinessButton } from './BusinessButton';

export interface BusinessScreenProps {
  businesses: readonly BusinessView[];
  takeTicket: ServiceAvailability | undefined;
  onChoose(businessId: string): void;
  onBack(): void;
}

/** 选择业务: one large button per business type, in the host's order. */
export function BusinessScreen({ businesses, takeTicket, onChoose, onBack }: BusinessScreenProps) {
  const { t } = useI18n();
  const hostNowMs = useHostNow(30_000);
  const serviceAvailable = takeTicket === undefined || takeTicket.available;
  return (
    <Screen
      kind={['businesses']}
      title={t('business.title')}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t('action.back')}
        </Button>
      }
    >
      {!serviceAvailable && takeTicket && <UnavailableNotice id="businesses-unavailable" availability={takeTicket} />}
      <List
        className="business-list"
        items={businesses}
        itemKey={(b) => b.id}
        renderItem={(b) => <BusinessButton business={b} serviceAvailable={serviceAvailable} hostNowMs={hostNowMs} onChoose={onChoose} />}
        empty={<p className="screen__lead">{t('business.none')}</p>}
      />
    </Screen>
  );
}
