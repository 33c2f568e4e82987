/**
 * The steps after the card (issue 14 §5, §10), driven by the host's identity events: the face step's prompts
 * (look at the camera, come closer, hold still, turn left / right, blink) with which challenge of how many,
 * the finger step's (place, hold, lift), and 正在核验 while the platform compares. The camera's frames never
 * reach this screen in training (the simulator renders them in the host): a face guide shows where to look.
 * With the uvc camera the live preview fills the guide, mirrored (camera/FacePreview.tsx), and a camera the
 * renderer cannot open replaces the prompt with a message pointing to the other ways (issue 14 item 5).
 */
import { useContext } from 'react';
import type { IdentityView } from '../../../common/identity';
import { FaceFeedContext } from '../camera/face-feed-context';
import { FacePreview } from '../camera/FacePreview';
import { useI18n } from '../i18n/i18n-context';
import { Button } from '../primitives/Button';
import { Screen } from '../primitives/Screen';
import { joinSentences } from '../speech/speech';
import { useScreenPrompt } from '../speech/speech-context';

export function VerifyStepScreen({ identity, onCancel }: { identity: IdentityView; onCancel(): void }) {
  const { t, language } = useI18n();
  const { step, face, finger } = identity;
  const feed = useContext(FaceFeedContext);
  const title = step === 'face' ? t('identity.face.title') : step === 'finger' ? t('identity.finger.title') : t('identity.verifying.title');
  const prompt =
    step === 'face' && feed.problem ? t('identity.face.cameraUnavailable') : step === 'face' && face ? t(`identity.face.${face.prompt}`) : step === 'finger' && finger ? t(`identity.finger.${finger.prompt}`) : t('identity.verifying.lead');
  useScreenPrompt(joinSentences(language, title, prompt), { cacheable: true });
  return (
    <Screen
      kind={['verify-step', `verify-step--${step}`]}
      title={title}
      progress={step === 'verifying'}
      actions={
        <Button variant="secondary" onClick={onCancel}>
          {t('action.back')}
        </Button>
      }
    >
      {step === 'face' && <div className="face-guide" aria-hidden="true">{feed.stream && <FacePreview stream={feed.stream} />}</div>}
      <p className="screen__lead" role="status" data-testid="verify-step-prompt">
        {prompt}
      </p>
      {step === 'face' && face?.challenge && (
        <p className="verify-step__progress">{t('identity.face.challenge', { index: face.challenge.index + 1, total: face.challenge.total })}</p>
      )}
    </Screen>
  );
}
