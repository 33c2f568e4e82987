import type { DeviceRole } from './device';
import type { ErrorCode } from './errors';
import type { LocalText } from './queue';

/**
 * The citizen services (ARCHITECTURE.md §8.11, §8.15). The host lists every one, in this order, with its
 * availability (KioskSnapshot.availability, `availability:changed`): that list is what the renderer's home
 * screen is built from, one tile each (renderer/src/services/registry.ts has a folder for every id here).
 * `identityTicket` (刷身份证取号, issue 14 §7): a ticket bound to the citizen's ID card, with 绿色通道 priority
 * by age. `appointmentCheckIn` (预约签到, issue 14 item 7): an appointment made online, checked in by its QR
 * code or the ID card, with a ticket that jumps the queue. `certificates` (证明打印, issue 17 §2): a certificate
 * the platform issues to the identified citizen, printed on the A4 document printer.
 */
export const CITIZEN_SERVICES = ['takeTicket', 'identityTicket', 'appointmentCheckIn', 'certificates'] as const;
export type CitizenService = (typeof CITIZEN_SERVICES)[number];

export interface ServiceAvailability {
  service: CitizenService;
  available: boolean;
  /** Why not, as an error code the UI words (paperOut, coverOpen, offline, noDevice, …). */
  reason?: ErrorCode;
  /** The role whose device is the cause. */
  role?: DeviceRole;
  /** Where to go instead, from the hall configuration. */
  alternative?: LocalText;
}
