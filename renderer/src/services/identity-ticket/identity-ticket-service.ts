/**
 * 刷身份证取号, the identity-bound take-ticket service (ARCHITECTURE.md §8.15; issue 14 §7), under the id the
 * host lists it by (`identityTicket`, common/availability.ts).
 */
import { createElement } from 'react';
import { IdCardIcon } from '../../identity/IdCardIcon';
import type { ServiceModule } from '../service-module';
import { IdentityTicketService } from './IdentityTicketService';
import { identityTicketReducer, INITIAL_IDENTITY_TICKET_STATE, isIdentityTicketBusy, type IdentityTicketAction, type IdentityTicketState } from './identity-ticket-state';

export const identityTicketService: ServiceModule<IdentityTicketState, IdentityTicketAction> = {
  id: 'identityTicket',
  tile: { label: 'home.identityTicket', Icon: IdCardIcon },
  initialState: INITIAL_IDENTITY_TICKET_STATE,
  reduce: identityTicketReducer,
  isBusy: isIdentityTicketBusy,
  render: (props) => createElement(IdentityTicketService, props),
};
