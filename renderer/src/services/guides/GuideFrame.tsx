/** The frame pieces of the guide screens: 返回, and a host question that failed told with a way to ask again. */
import type { KioskErrorInfo } from '../../../../common/errors';
import { errorMessageId } from '../../i18n/translate';
import { Button } from '../../primitives/Button';
import { Screen } from '../../primitives/Screen';
import { useScreenPrompt } from '../../speech/speech-context';
import { useGuidesText } from './i18n/guides-text';

export function BackButton({ onBack }: { onBack(): void }) {
  const { t } = useGuidesText();
  return (
    <Button variant="secondary" onClick={onBack}>
      {t('action.back')}
    </Button>
  );
}

export function AnswerProblem({ error, onRetry }: { error: KioskErrorInfo; onRetry(): void }) {
  const { g, t } = useGuidesText();
  return (
    <div className="guides-problem" role="alert">
      <p className="screen__lead">{g('answer.failed', { reason: t(errorMessageId(error.code)) })}</p>
      <Button variant="primary" onClick={onRetry}>
        {t('action.retry')}
      </Button>
    </div>
  );
}

/** A guide page the host is looking up, could not give, or no longer has (an update removed it). */
export function PageNotShown({ state, onBack, onRetry }: { state: { status: 'loading' } | { status: 'failed'; error: KioskErrorInfo } | { status: 'missing' }; onBack(): void; onRetry(): void }) {
  const { g } = useGuidesText();
  const title = g(state.status === 'loading' ? 'guide.loading' : state.status === 'missing' ? 'guide.missing' : 'guide.failed');
  useScreenPrompt(title, { cacheable: true });
  return (
    <Screen
      kind={['guides', 'guides-not-shown']}
      title={title}
      actions={<BackButton onBack={onBack} />}
      progress={state.status === 'loading'}
    >
      {state.status === 'failed' && <AnswerProblem error={state.error} onRetry={onRetry} />}
      {state.status === 'missing' && <p className="screen__lead">{g('guide.missingHint')}</p>}
    </Screen>
  );
}
