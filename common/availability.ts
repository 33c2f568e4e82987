import type { DeviceRole } from './device';
import type { ErrorCode } from './errors';
import type { LocalText } from './queue';

/** Citizen services that depend on devices (ARCHITECTURE.md §8.11). */
export const CITIZEN_SERVICES = ['takeTicket'] as const;
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
