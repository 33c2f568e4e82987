/**
 * 刷脸 consent (issue 14 §5; PIPL art. 29: separate consent for sensitive personal information such as
 * biometrics): before any face is captured, in plain words — what is collected, why, who receives it and how
 * long it is kept (not at all after the session) — with an equal-sized way not to agree. Each sentence is
 * written so the guides issue can speak it as it is.
 */
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { List } from '../primitives/List';
import { Screen } from '../primitives/Screen';
import { joinSentences } from '../speech/speech';
import { useScreenPrompt } from '../speech/speech-context';

const FACTS = ['what', 'why', 'who', 'keep'] as const;

export function ConsentScreen({ onAgree, onDecline, onBack }: { onAgree(): void; onDecline(): void; onBack(): void }) {
  const { t, language } = useI18n();
  useScreenPrompt(joinSentences(language, t('consent.face.title'), ...FACTS.map((f) => t(`consent.face.${f}`))), { cacheable: true });
  return (
    <Screen
      kind={['consent']}
      title={t('consent.face.title')}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t('action.back')}
        </Button>
      }
    >
      <List className="consent__facts" items={[...FACTS]} itemKey={(f) => f} renderItem={(f) => t(`consent.face.${f}`)} />
      <div className="consent__choices">
        <Button variant="primary" large onClick={onAgree}>
          {t('consent.face.agree')}
        </Button>
        <Button variant="primary" large onClick={onDecline}>
          {t('consent.face.decline')}
        </Button>
      </div>
    </Screen>
  );
}
