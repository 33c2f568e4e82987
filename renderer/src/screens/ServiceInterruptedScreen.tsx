import { useI18n } from '../i18n/i18n-context';

/**
 * Shown by the error boundary (app/KioskRoot.tsx) while the UI recovers from a fault of its own: calm words,
 * no controls, never a blank screen. It carries nothing of the citizen's session.
 */
export function ServiceInterruptedScreen() {
  const { t } = useI18n();
  return (
    <main className="screen screen--centered">
      <div role="status" aria-live="polite">
        <h1 className="screen__title">{t('app.interrupted.title')}</h1>
        <p className="screen__lead">{t('app.interrupted.body')}</p>
      </div>
      <div className="progress" aria-hidden="true">
        <span className="progress__bar" />
      </div>
    </main>
  );
}
