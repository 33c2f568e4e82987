/**
 * The appointment check-in wired from the composed host (main/composition.ts stays a list of parts): the
 * scanner and card reader by role, the hall's businesses, the queue's open/closed word and its tickets.
 */
import type { DeviceRole } from '../../../common/device';
import type { Clock } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { Device } from '../../../drivers/devices/device-types';
import type { BarcodeScanner } from '../../../drivers/devices/scanner-types';
import type { AvailabilityService } from '../availability/availability-service';
import { blockingReason } from '../availability/availability-service';
import type { KioskConfig } from '../config/config-types';
import type { QueueService } from '../queue/queue-service';
import type { TicketIssuer } from '../tickets/ticket-issuer';
import type { AppointmentPlatform } from './appointment-check-in';
import { AppointmentService, type AppointmentServiceDeps } from './appointment-service';

export interface AppointmentParts {
  config: Pick<KioskConfig, 'hall' | 'queue'>;
  clock: Clock;
  log: Logger;
  platform: AppointmentPlatform | null;
  /** DeviceManager.forRole. */
  device<T extends Device = Device>(role: DeviceRole): T | undefined;
  session: AppointmentServiceDeps['session'];
  identity: AppointmentServiceDeps['identity'];
  availability: AvailabilityService;
  queue: QueueService;
  tickets: TicketIssuer;
}

export function composeAppointments(parts: AppointmentParts): AppointmentService {
  const { config } = parts;
  const works = (role: DeviceRole): boolean => blockingReason(parts.device(role)?.status) === null;
  return new AppointmentService({
    clock: parts.clock,
    log: parts.log,
    kioskId: config.hall.id,
    timeZone: config.hall.timeZone,
    platform: () => parts.platform,
    scanner: () => parts.device<BarcodeScanner>('barcodeScanner'),
    inputs: () => ({ scanner: works('barcodeScanner'), card: works('idCardReader') }),
    session: parts.session,
    identity: parts.identity,
    business: (id) => config.queue.businesses.find((b) => b.id === id),
    businessOpen: (id) => parts.queue.listBusinesses().find((b) => b.id === id)?.open === true,
    availability: parts.availability,
    ticketOf: (requestId) => parts.queue.findByRequest(requestId),
    tickets: parts.tickets,
  });
}
