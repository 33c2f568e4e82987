import { useI18n } from '../i18n/i18n-context';
import { Screen } from '../primitives/Screen';

/** Until the first snapshot arrives from the host. */
export function ConnectingScreen() {
  const { t } = useI18n();
  return (
    <Screen kind={['centered']} progress>
      <p className="screen__lead" role="status" aria-live="polite">
        {t('app.connecting')}
      </p>
    </Screen>
  );
}
