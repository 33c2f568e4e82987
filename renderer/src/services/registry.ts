/**
 * The renderer's citizen services (ARCHITECTURE.md §8.15), keyed by the ids the host lists them under
 * (common/availability.ts CITIZEN_SERVICES, §8.11). A service the host may list without a folder here is a
 * type error, so adding a service is a host entry plus a folder and one line below. A device-free service
 * (service-module.ts DEVICE_FREE_SERVICES) needs no host entry.
 */
import type { ServiceAvailability } from '../../../common/availability';
import { DEVICE_FREE_SERVICES, type OfferedService, type ServiceAction, type ServiceId, type ServiceModule } from './service-module';
import { appointmentService } from './appointment/appointment-service';
import { certificatesService } from './certificates/certificates-service';
import { guidesService } from './guides/guides-service';
import { identityTicketService } from './identity-ticket/identity-ticket-service';
import { ticketService } from './ticket/ticket-service';

export type AnyServiceModule = ServiceModule<unknown, ServiceAction>;

export const SERVICES: { readonly [S in ServiceId]: AnyServiceModule } = {
  guides: guidesService,
  takeTicket: ticketService,
  identityTicket: identityTicketService,
  appointmentCheckIn: appointmentService,
  certificates: certificatesService,
};

/** Each service's slice of the app state, as its module made it. */
export type ServiceSlices = { readonly [S in ServiceId]: unknown };

export const INITIAL_SERVICE_SLICES: ServiceSlices = Object.fromEntries(
  (Object.keys(SERVICES) as ServiceId[]).map((id) => [id, SERVICES[id].initialState]),
) as ServiceSlices;

/** The home screen's tiles: the device-free services first (always available, unless the host lists them), then the host's list. */
export function offeredServices(hostList: readonly ServiceAvailability[]): OfferedService[] {
  const listed = new Set<string>(hostList.map((a) => a.service));
  return [...DEVICE_FREE_SERVICES.filter((s) => !listed.has(s)).map((service): OfferedService => ({ service, available: true })), ...hostList];
}
