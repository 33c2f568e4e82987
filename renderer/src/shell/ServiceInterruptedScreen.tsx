import { useI18n } from '../i18n/i18n-context';
import { Screen } from '../primitives/Screen';

/**
 * Shown by the error boundary (app/KioskRoot.tsx) while the UI recovers from a fault of its own: calm words,
 * no controls, never a blank screen. It carries nothing of the citizen's session.
 */
export function ServiceInterruptedScreen() {
  const { t } = useI18n();
  return (
    <Screen kind={['centered']} progress>
      <div role="status" aria-live="polite">
        <h1 className="screen__title">{t('app.interrupted.title')}</h1>
        <p className="screen__lead">{t('app.interrupted.body')}</p>
      </div>
    </Screen>
  );
}
