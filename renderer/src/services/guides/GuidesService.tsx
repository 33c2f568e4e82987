/**
 * 办事指南 on screen (issue 16 §5): the page on top of the slice's stack picks the screen; every text, hit,
 * route and outcome is the host's answer. 取号 from a guide page runs the take-ticket screens
 * (services/ticket/) inside this service, its request sent at once for the item's business.
 */
import { useCallback, useMemo } from 'react';
import type { ServiceViewProps } from '../service-module';
import { TicketService } from '../ticket/TicketService';
import { INITIAL_TICKET_STATE, type TicketAction } from '../ticket/ticket-state';
import { useTicketActions } from '../ticket/use-ticket-actions';
import { BrowseScreen } from './BrowseScreen';
import { BundleScreen } from './BundleScreen';
import type { GuideContext, GuideNav } from './guide-context';
import { GuidesHome } from './GuidesHome';
import { topPage, type GuidesAction, type GuidesState } from './guides-state';
import { ItemScreen } from './ItemScreen';
import { OnlineScreen } from './OnlineScreen';
import { PolicyScreen } from './PolicyScreen';
import { TripScreen } from './TripScreen';
import { useGuideActions } from './use-guide-actions';

type Props = ServiceViewProps<GuidesState, GuidesAction>;

export function GuidesService(props: Props) {
  const { state, dispatch, dispatchHost, api, snapshot, newRequestId, goHome } = props;
  const top = topPage(state);
  const ticketDispatch = useCallback((action: TicketAction) => dispatch({ type: 'guides/ticket', action }), [dispatch]);
  const tickets = useTicketActions(api, ticketDispatch, top.name === 'ticket' ? top.ticket.screen : INITIAL_TICKET_STATE.screen, newRequestId);
  const actions = useGuideActions(api, dispatch, dispatchHost, newRequestId, state.print);
  const atHome = state.stack.length <= 1;

  const nav = useMemo<GuideNav>(
    () => ({
      open: (kind, id) => dispatch({ type: 'guides/push', page: { name: 'guide', kind, id } }),
      browse: (request) => dispatch({ type: 'guides/push', page: { name: 'browse', request } }),
      back: () => (atHome ? goHome() : dispatch({ type: 'guides/back' })),
    }),
    [atHome, dispatch, goHome],
  );

  const takeTicket = useCallback(
    (businessId: string) => {
      dispatch({ type: 'guides/ticket-open' });
      tickets.take(businessId);
    },
    [dispatch, tickets],
  );

  const ctx: GuideContext = { ...props, nav, actions, takeTicket };
  switch (top.name) {
    case 'home':
      return <GuidesHome ctx={ctx} />;
    case 'browse':
      return <BrowseScreen ctx={ctx} request={top.request} />;
    case 'guide':
      if (top.kind === 'item') return <ItemScreen key={top.id} ctx={ctx} id={top.id} section={top.section} />;
      if (top.kind === 'bundle') return <BundleScreen key={top.id} ctx={ctx} id={top.id} section={top.section} />;
      return <PolicyScreen key={top.id} ctx={ctx} id={top.id} />;
    case 'online':
      return <OnlineScreen url={top.url} qr={top.qr} onBack={nav.back} />;
    case 'trip':
      return <TripScreen ctx={ctx} to={top.to} error={top.error} />;
    case 'ticket':
      return <TicketService {...props} state={top.ticket} dispatch={ticketDispatch} availability={snapshot.availability.find((a) => a.service === 'takeTicket')} />;
  }
}
