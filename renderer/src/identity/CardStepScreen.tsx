/**
 * 刷身份证 (issue 14 §10): the prompt follows the host's identity step — lay the card, hold it still while it
 * is read, or why it was refused with a way forward. Each prompt is one plain sentence, so the guides issue
 * can speak it as it is. Nothing personal is shown here: a refused card's fields never reach the renderer.
 */
import type { IdentityView } from '../../../common/identity';
import { useI18n } from '../i18n/i18n-context';
import { errorMessageId, type MessageId } from '../i18n/translate';
import { Button } from '../primitives/Button';
import { Screen } from '../primitives/Screen';
import { joinSentences } from '../speech/speech';
import { useScreenPrompt } from '../speech/speech-context';
import { IdCardIcon } from './IdCardIcon';

const TITLES: Record<'placeCard' | 'reading' | 'refused', MessageId> = {
  placeCard: 'identity.placeCard.title',
  reading: 'identity.reading.title',
  refused: 'identity.refused.title',
};

/** `onOtherWay`: after a face or finger that did not verify, the citizen may choose another way. */
export function CardStepScreen({ identity, onRetry, onBack, onOtherWay }: { identity: IdentityView; onRetry(): void; onBack(): void; onOtherWay?: () => void }) {
  const { t, language } = useI18n();
  const step = identity.step === 'reading' || identity.step === 'refused' ? identity.step : 'placeCard';
  const lead: string =
    step === 'refused' && identity.error ? t(errorMessageId(identity.error.code)) : t(step === 'reading' ? 'identity.reading.lead' : 'identity.placeCard.lead');
  useScreenPrompt(joinSentences(language, t(TITLES[step]), lead), { cacheable: true });
  return (
    <Screen
      kind={['card-step', `card-step--${step}`]}
      title={t(TITLES[step])}
      progress={step === 'reading'}
      actions={
        <>
          <Button variant="secondary" onClick={onBack}>
            {t('action.back')}
          </Button>
          {step === 'refused' && onOtherWay && (
            <Button variant="primary" large onClick={onOtherWay}>
              {t('identity.otherWay')}
            </Button>
          )}
          {step === 'refused' && (
            <Button variant="primary" large onClick={onRetry}>
              {t(onOtherWay ? 'action.retry' : 'identity.retry')}
            </Button>
          )}
        </>
      }
    >
      <div className="card-step__picture">
        <IdCardIcon />
      </div>
      <p className="screen__lead" role="status" data-testid="card-step-prompt">
        {lead}
      </p>
    </Screen>
  );
}
