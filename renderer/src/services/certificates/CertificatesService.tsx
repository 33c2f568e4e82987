/**
 * 证明打印 on screen (issue 17 §2): the 刷脸 consent (with its equal-sized alternative), the card step and the
 * verification — each prompt from the host's identity events — until the host says `identified`; then the
 * host's answers: the list, a preview, the print and its outcome. Leaving the service wipes the identity on
 * the host at once (ARCHITECTURE.md §8.7); the prepared certificate is the host's and goes with the session.
 */
import { useCallback, useEffect } from 'react';
import type { CertificateChoice } from '../../../../common/certificates-api';
import type { VerificationMethod } from '../../../../common/identity';
import { toErrorInfo } from '../../api/error-info';
import { AlternativesScreen } from '../../identity/AlternativesScreen';
import { CardStepScreen } from '../../identity/CardStepScreen';
import { ConsentScreen } from '../../identity/ConsentScreen';
import { IdentifiedScreen } from '../../identity/IdentifiedScreen';
import { StaffOffDutyScreen } from '../../identity/StaffOffDutyScreen';
import { useCardStep } from '../../identity/use-card-step';
import { VerifyStepScreen } from '../../identity/VerifyStepScreen';
import type { ServiceViewProps } from '../service-module';
import { CertificateRating } from './CertificateRating';
import { CertificateOutcomeScreen, CertificatePrintingScreen, ChooseScreen, PreparingScreen, PreviewScreen, RefusedScreen } from './CertificateScreens';
import type { CertificatesAction, CertificatesState } from './certificates-state';
import { useCertificatesText } from './i18n/certificates-text';

type Props = ServiceViewProps<CertificatesState, CertificatesAction>;

export function CertificatesService(props: Props) {
  const { state, dispatch, snapshot, goHome, api, newRequestId, endSession } = props;
  useEffect(() => () => void api.call('identity:end', {}).catch(() => undefined), [api]);
  const list = useCallback(() => {
    api.call('certificates:list', {}).then(
      (r) => {
        if (r.outcome === 'listed') dispatch({ type: 'certificates/listed', choices: r.choices });
        else if (r.outcome === 'identify') dispatch({ type: 'certificates/identifyAgain' });
        else dispatch({ type: 'certificates/listFailed', code: r.code });
      },
      (err: unknown) => dispatch({ type: 'certificates/listFailed', code: toErrorInfo(err).code }),
    );
  }, [api, dispatch]);
  const choose = (choice: CertificateChoice): void => {
    const requestId = newRequestId();
    dispatch({ type: 'certificates/choose', choice, requestId });
    api.call('certificates:prepare', { kind: choice.kind, requestId }).then(
      (r) => {
        if (r.outcome === 'ready') dispatch({ type: 'certificates/prepared', preview: r.preview });
        else if (r.outcome === 'identify') dispatch({ type: 'certificates/identifyAgain' });
        else dispatch({ type: 'certificates/prepareRefused', why: r.outcome === 'notAvailable' ? 'notAvailable' : r.code });
      },
      (err: unknown) => dispatch({ type: 'certificates/prepareRefused', why: toErrorInfo(err).code }),
    );
  };
  const print = (preparedId: string): void => {
    const requestId = newRequestId();
    dispatch({ type: 'certificates/print', requestId });
    api.call('certificates:print', { preparedId, requestId }).then(
      (result) => dispatch({ type: 'certificates/printed', result }),
      // The host may still be printing: an unanswered call is told as uncertain, never as "not printed".
      () => dispatch({ type: 'certificates/printed', result: { outcome: 'uncertain', issuanceId: preparedId } }),
    );
  };
  const needsList = state.stage === 'choose' && state.choices === null && state.error === undefined;
  useEffect(() => {
    if (needsList) list();
  }, [needsList, list]);
  const methods = snapshot.identity.methods;
  switch (state.stage) {
    case 'consent':
      if (!methods.face) return <AlternativesScreen methods={methods} onChoose={(method) => dispatch({ type: 'certificates/method', method })} onBack={goHome} />;
      return <ConsentScreen onAgree={() => dispatch({ type: 'certificates/method', method: 'face' })} onDecline={() => dispatch({ type: 'certificates/alternatives' })} onBack={goHome} />;
    case 'alternatives':
      return <AlternativesScreen methods={methods} onChoose={(method) => dispatch({ type: 'certificates/method', method })} onBack={goHome} />;
    case 'card':
      return <CardStage {...props} method={state.method} />;
    case 'choose':
      return <ChooseScreen choices={state.choices} {...(state.error !== undefined && { error: state.error })} onChoose={choose} onRetry={() => dispatch({ type: 'certificates/back' })} onBack={goHome} />;
    case 'preparing':
      return <PreparingScreen title={state.choice.title} />;
    case 'preview':
      return (
        <PreviewScreen
          preview={state.preview}
          page={state.page}
          onPage={(page) => dispatch({ type: 'certificates/page', page })}
          onPrint={() => print(state.preview.preparedId)}
          onBack={() => dispatch({ type: 'certificates/back' })}
        />
      );
    case 'printing':
      return <CertificatePrintingScreen title={state.preview.title} />;
    case 'outcome': {
      const again = state.choices.find((c) => c.kind === state.preview.kind);
      // 好差评 of this certificate (issue 17 §8), when the host offers it: skippable, never asked twice.
      const rating = state.result.outcome === 'issued' ? <CertificateRating api={api} offer={snapshot.evaluation} issuanceId={state.result.issuanceId} /> : undefined;
      return (
        <CertificateOutcomeScreen
          result={state.result}
          {...(rating && { rating })}
          onRetry={() => (again ? choose(again) : dispatch({ type: 'certificates/back' }))}
          onAnother={() => dispatch({ type: 'certificates/back' })}
          onDone={endSession}
        />
      );
    }
    case 'refused':
      return <RefusedScreen why={state.why} onBack={() => dispatch({ type: 'certificates/back' })} />;
  }
}

function CardStage({ api, dispatch, dispatchHost, snapshot, goHome, method }: Props & { method: Exclude<VerificationMethod, 'card'> }) {
  const { c } = useCertificatesText();
  const identity = snapshot.identity;
  const { retry } = useCardStep(api, 'certificate', dispatchHost, identity, method);
  const otherWay = (): void => dispatch({ type: 'certificates/alternatives' });
  switch (identity.step) {
    case 'identified':
      if (!identity.citizen) break;
      return <IdentifiedScreen citizen={identity.citizen} staffCheck={identity.verifiedBy === 'staff'} continueLabel={c('continue')} onContinue={() => dispatch({ type: 'certificates/continue' })} onBack={goHome} />;
    case 'face':
    case 'finger':
    case 'verifying':
      return <VerifyStepScreen identity={identity} onCancel={goHome} />;
    case 'staffCheck':
      if (identity.staff) return <StaffOffDutyScreen staff={identity.staff} onBack={goHome} />;
      break;
    default:
      break;
  }
  const verificationRefused = identity.step === 'refused' && identity.citizen !== undefined;
  return <CardStepScreen identity={identity} onRetry={retry} onBack={goHome} {...(verificationRefused && { onOtherWay: otherWay })} />;
}
