/**
 * 预约签到 on screen (issue 14 items 6–7; ARCHITECTURE.md §8.15). While the citizen is in this service the host
 * reads the QR scanner for it (`appointment:begin` … `appointment:cancel`); a keyboard-wedge scanner's bursts are
 * handed to the host as they come (`appointment:submit-code`). The host's `appointment:changed` view picks the
 * screen: looking, found (确认签到), or refused with a way forward. 刷身份证签到 is the card step (purpose
 * `appointment`, the card alone), then the host's look-up by card. The ticket and the outcomes are the host's
 * answer to 确认签到; 取普通号 is the ordinary take-ticket flow.
 */
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { AppointmentView } from '../../../../common/appointment';
import { errorInfo } from '../../../../common/errors';
import { CardStepScreen } from '../../identity/CardStepScreen';
import { useCardStep } from '../../identity/use-card-step';
import { useWedgeScan } from '../../input/use-wedge-scan';
import type { ServiceViewProps } from '../service-module';
import { TicketScreen } from '../ticket/TicketScreen';
import { TicketService } from '../ticket/TicketService';
import { RETRYABLE_API_ERRORS, type TicketAction } from '../ticket/ticket-state';
import type { AppointmentAction, AppointmentState } from './appointment-state';
import { FoundScreen } from './FoundScreen';
import { NotIssuedScreen } from './NotIssuedScreen';
import { PLATFORM_RETRYABLE, RefusedScreen } from './RefusedScreen';
import { ScanScreen } from './ScanScreen';
import { useCheckIn } from './use-check-in';
import { WaitScreen } from './WaitScreen';

type Props = ServiceViewProps<AppointmentState, AppointmentAction>;

const ignore = (): void => undefined;

export function AppointmentService(props: Props) {
  const { state, dispatch, dispatchHost, api, snapshot, newRequestId, goHome, endSession } = props;
  const view = snapshot.appointment;
  const inFlow = state.stage !== 'ordinary';
  const showView = useCallback((appointment: AppointmentView) => dispatchHost({ type: 'host/appointment', appointment }), [dispatchHost]);
  const ticketDispatch = useCallback((action: TicketAction) => dispatch({ type: 'appointment/ticket', action }), [dispatch]);
  const checkIn = useCheckIn(api, dispatch, state, newRequestId);

  // The host reads the scanner for this screen only while the citizen is in the check-in flow.
  useEffect(() => {
    if (!inFlow) return;
    api.call('appointment:begin', {}).then(showView, ignore);
    return () => void api.call('appointment:cancel', {}).then(showView, ignore);
  }, [api, inFlow, showView]);

  useWedgeScan((code) => void api.call('appointment:submit-code', { code }).then(showView, ignore), { enabled: state.stage === 'scan' });

  // A presenter's ticket leaving the mouth (protocols.md §2.6) comes as a host event.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'ticket:delivery') dispatch({ type: 'appointment/delivery', number: event.number, delivery: event.delivery });
      }),
    [api, dispatch],
  );

  const restart = (stage: 'appointment/scan' | 'appointment/card') => {
    api.call('appointment:begin', {}).then(showView, ignore);
    dispatch({ type: stage });
  };
  const rescan = () => restart('appointment/scan');
  const ordinary = () => dispatch({ type: 'appointment/ordinary' });
  const findByCard = () => void api.call('appointment:find-by-card', {}).then(showView, ignore);

  /** What the host found (or why not), on either way in; null while it waits for a code or a card. */
  const hostScreen = (): ReactNode => {
    switch (view.step) {
      case 'looking':
        return <WaitScreen title="appointment.looking" />;
      case 'found':
        return <FoundScreen appointments={view.appointments ?? []} onConfirm={checkIn.confirm} onRescan={rescan} onBack={goHome} />;
      case 'refused': {
        const error = view.error ?? errorInfo('appointmentUnknown');
        const retry = view.source === 'card' && PLATFORM_RETRYABLE.has(error.code) ? findByCard : undefined;
        return (
          <RefusedScreen
            error={error}
            source={view.source}
            opensAtLocal={view.opensAtLocal}
            appointment={view.appointments?.[0]}
            onRetry={retry}
            onRescan={rescan}
            onOrdinary={ordinary}
            onHome={goHome}
          />
        );
      }
      default:
        return null;
    }
  };

  switch (state.stage) {
    case 'ordinary':
      return <TicketService {...props} state={state.ticket} dispatch={ticketDispatch} availability={snapshot.availability.find((a) => a.service === 'takeTicket')} />;
    case 'checkingIn':
      return <WaitScreen title="appointment.checkingIn.title" hint="appointment.checkingIn.hint" />;
    case 'ticket':
      return <TicketScreen ticket={state.ticket} onDone={endSession} priorityLabel="appointment.ticketPriority" />;
    case 'outcome': {
      const { outcome, code, requestId } = state;
      if (outcome.kind === 'notIssued') return <NotIssuedScreen ticket={outcome.ticket} onDone={endSession} />;
      const retry =
        outcome.kind === 'apiError'
          ? RETRYABLE_API_ERRORS.has(outcome.error.code) ? () => checkIn.retry(code, requestId) : undefined
          : PLATFORM_RETRYABLE.has(outcome.error.code) ? () => checkIn.confirm(code) : undefined;
      return (
        <RefusedScreen
          error={outcome.error}
          opensAtLocal={outcome.kind === 'refused' ? outcome.opensAtLocal : undefined}
          appointment={view.appointments?.find((a) => a.code === code)}
          onRetry={retry}
          onRescan={rescan}
          onOrdinary={ordinary}
          onHome={goHome}
        />
      );
    }
    case 'card':
      return <CardStage {...props} hostScreen={hostScreen()} onFind={findByCard} onBack={rescan} />;
    case 'scan':
      // The prompt shows once the host reads the scanner for this screen (`appointment:begin` answered): a code
      // scanned before that would be read by nobody, and the citizen would wait in front of a silent screen.
      if (view.step === 'idle') return <WaitScreen title="appointment.preparing" />;
      return hostScreen() ?? <ScanScreen inputs={view.inputs} onCard={() => restart('appointment/card')} onBack={goHome} />;
  }
}

/** 刷身份证签到: the card step until the host identified the citizen, then the host's look-up by card. */
function CardStage({ api, dispatchHost, snapshot, hostScreen, onFind, onBack }: Props & { hostScreen: ReactNode; onFind(): void; onBack(): void }) {
  const identity = snapshot.identity;
  const { retry } = useCardStep(api, 'appointment', dispatchHost, identity, 'card');
  const identified = identity.step === 'identified';
  // Once per identification (onFind is a fresh function each render): the look-up's answers come as host events.
  const find = useRef(onFind);
  find.current = onFind;
  useEffect(() => {
    if (identified) find.current();
  }, [identified]);
  if (hostScreen !== null) return hostScreen;
  if (identified) return <WaitScreen title="appointment.looking" />;
  return <CardStepScreen identity={identity} onRetry={retry} onBack={onBack} />;
}
