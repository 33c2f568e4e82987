/**
 * While the host asks the platform (the look-up, the check-in and its print): one status, announced, the
 * heading focused as on every screen (ARCHITECTURE.md §8.3: the answer comes when the work is done).
 */
import { useI18n } from '../../i18n/i18n-context';
import type { MessageId } from '../../i18n/translate';
import { Screen } from '../../primitives/Screen';
import { useFocusHeading } from '../../primitives/use-focus-heading';

export function WaitScreen({ title, hint }: { title: MessageId; hint?: MessageId }) {
  const { t } = useI18n();
  const status = useFocusHeading<HTMLDivElement>();
  return (
    <Screen kind={['centered', 'printing']} progress>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite" className="printing__status">
        <h1 className="screen__title">{t(title)}</h1>
        {hint && <p className="screen__lead">{t(hint)}</p>}
      </div>
    </Screen>
  );
}
