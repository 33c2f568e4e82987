import { useI18n } from '../../i18n/i18n-context';
import { Screen } from '../../primitives/Screen';
import { useFocusHeading } from '../../primitives/use-focus-heading';

/** While the host prints and confirms the ticket (ARCHITECTURE.md §8.3: done means confirmed). */
export function PrintingScreen() {
  const { t } = useI18n();
  const status = useFocusHeading<HTMLDivElement>();
  return (
    <Screen kind={['centered', 'printing']} progress>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite" className="printing__status">
        <h1 className="screen__title">{t('printing.title')}</h1>
        <p className="screen__lead">{t('printing.hint')}</p>
      </div>
    </Screen>
  );
}
