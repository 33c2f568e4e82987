import type { ReactNode } from 'react';
import type { Language } from '../../../common/kiosk-api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/i18n-context';
import { Screen } from '../primitives/Screen';
import { SERVICES } from '../services/registry';
import type { OfferedService, ServiceId } from '../services/service-module';
import { ServiceTile } from './ServiceTile';

export interface HomeScreenProps {
  /**
   * The host's list of citizen services with their availability, in the order it wants them shown (§8.11),
   * after the device-free ones (registry.ts offeredServices).
   */
  services: readonly OfferedService[];
  languages: readonly Language[];
  onOpen(service: ServiceId): void;
  onLanguage(language: Language): void;
  /** The robot profile's greeting (RobotHome.tsx), above the tiles. */
  greeting?: ReactNode;
}

/** 请选择服务: one tile per service the host lists (ARCHITECTURE.md §8.15), then the language switch. */
export function HomeScreen({ services, languages, onOpen, onLanguage, greeting }: HomeScreenProps) {
  const { t } = useI18n();
  return (
    <Screen kind={['home']} title={t('home.title')}>
      {greeting}
      <div className="services">
        {services.map((availability) => (
          <ServiceTile
            key={availability.service}
            tile={SERVICES[availability.service].tile}
            availability={availability}
            onOpen={() => onOpen(availability.service)}
          />
        ))}
      </div>
      <LanguageSwitch languages={languages} onChoose={onLanguage} />
    </Screen>
  );
}
