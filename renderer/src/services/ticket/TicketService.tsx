/**
 * The take-ticket service on screen (ARCHITECTURE.md §8.15): its slice picks the screen; every answer is the
 * host's. Entering the business list refreshes it, since hours open and close with time as well as with events.
 */
import { useEffect } from 'react';
import type { ServiceViewProps } from '../service-module';
import { BusinessScreen } from './BusinessScreen';
import { OutcomeScreen } from './OutcomeScreen';
import { PrintingScreen } from './PrintingScreen';
import { TicketScreen } from './TicketScreen';
import type { TicketAction, TicketState } from './ticket-state';
import { useTicketActions } from './use-ticket-actions';

export function TicketService({ state, dispatch, dispatchHost, api, snapshot, availability, newRequestId, goHome, endSession }: ServiceViewProps<TicketState, TicketAction>) {
  const { screen } = state;
  const tickets = useTicketActions(api, dispatch, screen, newRequestId);

  useEffect(() => {
    if (screen.name !== 'businesses') return;
    let current = true;
    api.call('queue:list-businesses', {}).then(
      (businesses) => current && dispatchHost({ type: 'host/businesses', businesses }),
      () => {
        // Keep what the snapshot and events gave us.
      },
    );
    return () => {
      current = false;
    };
  }, [api, dispatchHost, screen.name]);

  // A presenter's ticket leaving the mouth (protocols.md §2.6) comes as a host event, not as a reply.
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.type === 'ticket:delivery') dispatch({ type: 'ticket/delivery', requestId: event.requestId, delivery: event.delivery });
      }),
    [api, dispatch],
  );

  switch (screen.name) {
    case 'businesses':
      return <BusinessScreen businesses={snapshot.businesses} takeTicket={availability} onChoose={tickets.take} onBack={goHome} />;
    case 'printing':
      return <PrintingScreen />;
    case 'ticket':
      return <TicketScreen ticket={screen.ticket} onDone={endSession} />;
    case 'outcome':
      return (
        <OutcomeScreen
          outcome={screen.outcome}
          onHome={goHome}
          onRetake={() => dispatch({ type: 'ticket/businesses' })}
          onRetry={() => tickets.retry(screen.businessId, screen.requestId)}
        />
      );
  }
}
