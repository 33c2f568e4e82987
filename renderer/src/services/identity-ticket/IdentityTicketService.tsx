/**
 * 刷身份证取号 on screen: the card step until the host says `identified`, the citizen confirms, then the
 * take-ticket screens (services/ticket/) with this service's availability — the host binds the ticket to the
 * identity of the session, grants 绿色通道 and keeps one active ticket per ID per business.
 */
import { useCallback } from 'react';
import { CardStepScreen } from '../../identity/CardStepScreen';
import { IdentifiedScreen } from '../../identity/IdentifiedScreen';
import { useCardStep } from '../../identity/use-card-step';
import { useI18n } from '../../i18n/i18n-context';
import type { ServiceViewProps } from '../service-module';
import { TicketService } from '../ticket/TicketService';
import type { TicketAction } from '../ticket/ticket-state';
import type { IdentityTicketAction, IdentityTicketState } from './identity-ticket-state';

export function IdentityTicketService(props: ServiceViewProps<IdentityTicketState, IdentityTicketAction>) {
  const { state, dispatch } = props;
  const ticketDispatch = useCallback((action: TicketAction) => dispatch({ type: 'identityTicket/ticket', action }), [dispatch]);
  if (state.stage === 'ticket') return <TicketService {...props} state={state.ticket} dispatch={ticketDispatch} />;
  return <CardStage {...props} />;
}

function CardStage({ api, dispatch, dispatchHost, snapshot, goHome }: ServiceViewProps<IdentityTicketState, IdentityTicketAction>) {
  const { t } = useI18n();
  const identity = snapshot.identity;
  const { retry } = useCardStep(api, 'ticket', dispatchHost, identity);
  if (identity.step === 'identified' && identity.citizen) {
    return <IdentifiedScreen citizen={identity.citizen} continueLabel={t('identity.continueTicket')} onContinue={() => dispatch({ type: 'identityTicket/continue' })} onBack={goHome} />;
  }
  return <CardStepScreen identity={identity} onRetry={retry} onBack={goHome} />;
}
