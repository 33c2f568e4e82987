/**
 * The smart locker driver's entry in the configuration half of the driver table (driver-config.ts): lock
 * boards speaking HLB/1 (docs/locker-protocol.md §7) on one RS-485 bus — a serial adapter (9600 8N1) or a
 * 485-to-Ethernet gateway — or the simulator in training. `boards` lists them in compartment order.
 */
import type { LockerBoardConfig } from '../../drivers/devices/locker/locker-types';
import { MAX_ADDRESS, MAX_LOCKS_PER_BOARD, MIN_ADDRESS } from '../../drivers/protocol/locker/constants';
import type { DriverConfigPart } from './driver-config';

/** `options` of an hlb device, after validation. */
export interface LockerOptions {
  /** In compartment order (§2.3); default one board at address 1 with 12 locks. */
  boards?: LockerBoardConfig[];
  /** STATUS poll, ms (§4.2); default 500. */
  pollMs?: number;
  /** Reply deadline, ms (§5); default 300. */
  commandTimeoutMs?: number;
  /** OPEN reply deadline, ms (§5); default 1500. */
  openTimeoutMs?: number;
  /** Read-back after "still closed", ms (§4.1); default 2000. */
  openConfirmMs?: number;
  missedBeforeOffline?: number;
  /** The simulator's person pushes an opened door shut after this long; absent: only the control API does. */
  simCloseAfterMs?: number;
}

export const LOCKER_CONFIG: DriverConfigPart = {
  models: ['generic-hlb'],
  defaultModel: 'generic-hlb',
  transports: ['sim', 'serial', 'tcp'],
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      boards: {
        type: 'array',
        minItems: 1,
        maxItems: MAX_ADDRESS,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['address', 'locks'],
          properties: { address: { type: 'integer', minimum: MIN_ADDRESS, maximum: MAX_ADDRESS }, locks: { type: 'integer', minimum: 1, maximum: MAX_LOCKS_PER_BOARD } },
        },
      },
      pollMs: { type: 'integer', minimum: 100, maximum: 10_000 },
      commandTimeoutMs: { type: 'integer', minimum: 50, maximum: 5000 },
      openTimeoutMs: { type: 'integer', minimum: 600, maximum: 10_000 },
      openConfirmMs: { type: 'integer', minimum: 0, maximum: 10_000 },
      missedBeforeOffline: { type: 'integer', minimum: 1, maximum: 20 },
      simCloseAfterMs: { type: 'integer', minimum: 0, maximum: 600_000 },
    },
  },
  check() {
    // Nothing across fields here (DriverEntryFacts carries no options): two boards at one address are refused
    // when the device is built (drivers/devices/locker/locker-layout.ts), naming the address.
  },
};
