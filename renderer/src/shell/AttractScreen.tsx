import type { Language } from '../../../common/kiosk-api';
import type { LocalText } from '../../../common/queue';
import { HostClock } from '../components/HostClock';
import { useI18n } from '../i18n/i18n-context';
import { translate } from '../i18n/translate';
import { Button } from '../primitives/Button';
import { Screen } from '../primitives/Screen';

export interface AttractScreenProps {
  hallName: LocalText;
  kioskName: LocalText;
  languages: readonly Language[];
  /** The start button; a tap anywhere else is reported by the activity listener all the same. */
  onStart(): void;
}

/** Idle: nobody is here. Any touch wakes the kiosk (the host starts a session on activity). */
export function AttractScreen({ hallName, kioskName, languages, onStart }: AttractScreenProps) {
  const { t, text, language } = useI18n();
  const others = languages.filter((l) => l !== language);
  return (
    <Screen kind={['attract']}>
      <HostClock />
      <div className="attract">
        <h1 className="attract__hall">{text(hallName)}</h1>
        <p className="attract__kiosk">{text(kioskName)}</p>
        <p className="attract__service">{t('attract.service24h')}</p>
        <Button variant="hero" onClick={onStart}>
          {t('attract.start')}
        </Button>
        <p className="attract__hint">{t('attract.touchAnywhere')}</p>
        {others.map((l) => (
          <p key={l} lang={l} className="attract__hint attract__hint--other">
            {translate(l, 'attract.touchAnywhere')}
          </p>
        ))}
      </div>
    </Screen>
  );
}
