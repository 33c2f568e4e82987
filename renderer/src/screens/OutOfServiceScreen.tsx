import { useI18n } from '../i18n/i18n-context';

/** Shown when the page has no way to reach the host at all (no bridge, no token). */
export function OutOfServiceScreen() {
  const { t } = useI18n();
  return (
    <main className="screen screen--centered">
      <h1 className="screen__title">{t('app.unavailable.title')}</h1>
      <p className="screen__lead">{t('app.unavailable.body')}</p>
    </main>
  );
}
