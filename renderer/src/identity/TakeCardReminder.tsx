/**
 * 请取走您的身份证, large, after a session that read a card (issue 14 §9): for a while where the reader cannot
 * see the card lifted, until it is lifted where it can; `left` once staff were alerted to a card left behind.
 * A status region, so a screen reader says it without taking focus from whoever touches the screen next.
 */
import type { TakeCardReminder as Reminder } from '../../../common/identity';
import { useI18n } from '../i18n/i18n-context';
import { joinSentences } from '../speech/speech';
import { useScreenPrompt } from '../speech/speech-context';
import { IdCardIcon } from './IdCardIcon';

export function TakeCardReminder({ reminder }: { reminder: Reminder }) {
  const { t, language } = useI18n();
  useScreenPrompt(joinSentences(language, t('identity.takeCard'), reminder.left ? t('identity.takeCard.left') : null), { cacheable: true });
  return (
    <div className="take-card" role="status" data-testid="take-card-reminder">
      <IdCardIcon />
      <p className="take-card__title">{t('identity.takeCard')}</p>
      {reminder.left && <p className="take-card__body">{t('identity.takeCard.left')}</p>}
    </div>
  );
}
