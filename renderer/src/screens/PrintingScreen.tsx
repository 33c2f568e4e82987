import { useI18n } from '../i18n/i18n-context';
import { useFocusHeading } from './use-focus-heading';

/** While the host prints and confirms the ticket (ARCHITECTURE.md §8.3: done means confirmed). */
export function PrintingScreen() {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLDivElement>();
  return (
    <main className="screen screen--centered screen--printing">
      <div ref={heading} tabIndex={-1} role="status" aria-live="polite" className="printing__status">
        <h1 className="screen__title">{t('printing.title')}</h1>
        <p className="screen__lead">{t('printing.hint')}</p>
      </div>
      <div className="progress" aria-hidden="true">
        <span className="progress__bar" />
      </div>
    </main>
  );
}
