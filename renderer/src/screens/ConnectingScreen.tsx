import { useI18n } from '../i18n/i18n-context';

/** Until the first snapshot arrives from the host. */
export function ConnectingScreen() {
  const { t } = useI18n();
  return (
    <main className="screen screen--centered">
      <p className="screen__lead" role="status" aria-live="polite">
        {t('app.connecting')}
      </p>
      <div className="progress" aria-hidden="true">
        <span className="progress__bar" />
      </div>
    </main>
  );
}
