/**
 * The renderer's citizen services (ARCHITECTURE.md §8.15), keyed by the ids the host lists them under
 * (common/availability.ts CITIZEN_SERVICES, §8.11). A service the host may list without a folder here is a
 * type error, so adding a service is a host entry plus a folder and one line below.
 */
import type { CitizenService } from '../../../common/availability';
import type { ServiceAction, ServiceModule } from './service-module';
import { appointmentService } from './appointment/appointment-service';
import { identityTicketService } from './identity-ticket/identity-ticket-service';
import { ticketService } from './ticket/ticket-service';

export type AnyServiceModule = ServiceModule<unknown, ServiceAction>;

export const SERVICES: { readonly [S in CitizenService]: AnyServiceModule } = {
  takeTicket: ticketService,
  identityTicket: identityTicketService,
  appointmentCheckIn: appointmentService,
};

/** Each service's slice of the app state, as its module made it. */
export type ServiceSlices = { readonly [S in CitizenService]: unknown };

export const INITIAL_SERVICE_SLICES: ServiceSlices = Object.fromEntries(
  (Object.keys(SERVICES) as CitizenService[]).map((id) => [id, SERVICES[id].initialState]),
) as ServiceSlices;
