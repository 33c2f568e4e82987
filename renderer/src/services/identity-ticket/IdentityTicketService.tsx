/**
 * 刷身份证取号 on screen: the 刷脸 consent (with its equal-sized alternative), the card step, the chosen
 * verification — each prompt from the host's identity events — until the host says `identified`; the citizen
 * confirms, then the take-ticket screens (services/ticket/) — the host binds the ticket to the verified
 * identity, grants 绿色通道 and keeps one active ticket per ID per business.
 */
import { useCallback, useEffect } from 'react';
import type { VerificationMethod } from '../../../../common/identity';
import { AlternativesScreen } from '../../identity/AlternativesScreen';
import { CardStepScreen } from '../../identity/CardStepScreen';
import { ConsentScreen } from '../../identity/ConsentScreen';
import { IdentifiedScreen } from '../../identity/IdentifiedScreen';
import { StaffOffDutyScreen } from '../../identity/StaffOffDutyScreen';
import { useCardStep } from '../../identity/use-card-step';
import { VerifyStepScreen } from '../../identity/VerifyStepScreen';
import { useI18n } from '../../i18n/i18n-context';
import type { ServiceViewProps } from '../service-module';
import { TicketService } from '../ticket/TicketService';
import type { TicketAction } from '../ticket/ticket-state';
import type { IdentityTicketAction, IdentityTicketState } from './identity-ticket-state';

type Props = ServiceViewProps<IdentityTicketState, IdentityTicketAction>;

export function IdentityTicketService(props: Props) {
  const { state, dispatch, snapshot, goHome, api } = props;
  const ticketDispatch = useCallback((action: TicketAction) => dispatch({ type: 'identityTicket/ticket', action }), [dispatch]);
  // Leaving the service (home, or the session's end) wipes the identity on the host at once (ARCHITECTURE.md §8.7).
  useEffect(() => () => void api.call('identity:end', {}).catch(() => undefined), [api]);
  const methods = snapshot.identity.methods;
  switch (state.stage) {
    case 'ticket':
      return <TicketService {...props} state={state.ticket} dispatch={ticketDispatch} />;
    case 'card':
      return <CardStage {...props} method={state.method} />;
    case 'consent':
      // Without a camera (or a platform to compare with) there is nothing to consent to: the other ways at once.
      if (!methods.face) return <AlternativesScreen methods={methods} onChoose={(method) => dispatch({ type: 'identityTicket/method', method })} onBack={goHome} />;
      return <ConsentScreen onAgree={() => dispatch({ type: 'identityTicket/method', method: 'face' })} onDecline={() => dispatch({ type: 'identityTicket/alternatives' })} onBack={goHome} />;
    case 'alternatives':
      return <AlternativesScreen methods={methods} onChoose={(method) => dispatch({ type: 'identityTicket/method', method })} onBack={goHome} />;
  }
}

function CardStage({ api, dispatch, dispatchHost, snapshot, goHome, method }: Props & { method: Exclude<VerificationMethod, 'card'> }) {
  const { t } = useI18n();
  const identity = snapshot.identity;
  const { retry } = useCardStep(api, 'ticket', dispatchHost, identity, method);
  const otherWay = (): void => dispatch({ type: 'identityTicket/alternatives' });
  switch (identity.step) {
    case 'identified':
      if (!identity.citizen) break;
      return (
        <IdentifiedScreen
          citizen={identity.citizen}
          staffCheck={identity.verifiedBy === 'staff'}
          continueLabel={t('identity.continueTicket')}
          onContinue={() => dispatch({ type: 'identityTicket/continue' })}
          onBack={goHome}
        />
      );
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
  // A refusal after the card (the face or finger did not verify) offers another way as well as trying again.
  const verificationRefused = identity.step === 'refused' && identity.citizen !== undefined;
  return <CardStepScreen identity={identity} onRetry={retry} onBack={goHome} {...(verificationRefused && { onOtherWay: otherWay })} />;
}
