/**
 * 取号, the take-ticket service (ARCHITECTURE.md §8.15): its home tile, its slice and its screens, under the
 * id the host lists it by (`takeTicket`, common/availability.ts).
 */
import { createElement } from 'react';
import type { ServiceModule } from '../service-module';
import { TicketIcon } from './TicketIcon';
import { TicketService } from './TicketService';
import { INITIAL_TICKET_STATE, isPrinting, ticketReducer, type TicketAction, type TicketState } from './ticket-state';

export const ticketService: ServiceModule<TicketState, TicketAction> = {
  id: 'takeTicket',
  tile: { label: 'home.takeTicket', Icon: TicketIcon },
  initialState: INITIAL_TICKET_STATE,
  reduce: ticketReducer,
  // While a ticket prints nothing navigates away, and no second request starts (§8.3).
  isBusy: isPrinting,
  render: (props) => createElement(TicketService, props),
};
