import type { ServiceAvailability } from '../../../common/availability';
import type { Language } from '../../../common/kiosk-api';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { TicketIcon } from '../components/icons';
import { UnavailableNotice } from '../components/UnavailableNotice';
import { useI18n } from '../i18n/i18n-context';
import { useFocusHeading } from './use-focus-heading';

export interface HomeScreenProps {
  /** The host's word on the take-ticket service; undefined when it lists none (not device-bound). */
  takeTicket: ServiceAvailability | undefined;
  languages: readonly Language[];
  onTakeTicket(): void;
  onLanguage(language: Language): void;
}

export function HomeScreen({ takeTicket, languages, onTakeTicket, onLanguage }: HomeScreenProps) {
  const { t } = useI18n();
  const heading = useFocusHeading();
  const unavailable = takeTicket !== undefined && !takeTicket.available;
  return (
    <main className="screen screen--home">
      <h1 ref={heading} tabIndex={-1} className="screen__title">
        {t('home.title')}
      </h1>
      <div className="services">
        <div className="service">
          <button
            type="button"
            className="button button--service"
            aria-disabled={unavailable || undefined}
            aria-describedby={unavailable ? 'take-ticket-unavailable' : undefined}
            onClick={unavailable ? undefined : onTakeTicket}
          >
            <TicketIcon />
            {t('home.takeTicket')}
          </button>
          {unavailable && <UnavailableNotice id="take-ticket-unavailable" availability={takeTicket} />}
        </div>
      </div>
      <LanguageSwitch languages={languages} onChoose={onLanguage} />
    </main>
  );
}
