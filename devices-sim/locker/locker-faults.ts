/**
 * Smart locker faults in the status words (ARCHITECTURE.md §8.2; docs/locker-protocol.md §7.1), validated
 * from a control-API body and set partially (each named list replaces the one before):
 * - `jammed`, `coilFault`, `slowDoor`: compartment numbers whose latch is stuck, whose coil is disconnected,
 *   whose door springs open only a moment after the pulse.
 * - `silentBoards`: board addresses that do not answer at all.
 * - `noReply`, `garbage`, `slowMs`, `unplugged`: the reply channel's, as on every simulated device.
 */
import { MAX_ADDRESS, MIN_ADDRESS } from '../../drivers/protocol/locker/constants';
import { MAX_SLOW_MS } from '../escpos/printer-faults';
import { SimFaultError } from '../sim-device';

export interface LockerFaults {
  jammed?: number[];
  coilFault?: number[];
  slowDoor?: number[];
  silentBoards?: number[];
  noReply?: boolean;
  garbage?: boolean;
  slowMs?: number;
  unplugged?: boolean;
}

const LISTS = ['jammed', 'coilFault', 'slowDoor', 'silentBoards'] as const;
const BOOLEANS = ['noReply', 'garbage', 'unplugged'] as const;
const FIELDS = [...LISTS, ...BOOLEANS, 'slowMs'] as const;

function list(key: string, value: unknown, min: number, max: number, what: string): number[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)) {
    throw new SimFaultError(`${key} must be a list of ${what} from ${min} to ${max}, got ${JSON.stringify(value)}`, key);
  }
  return [...new Set(value as number[])].sort((a, b) => a - b);
}

/** Reads a fault body for a cabinet of `compartments`; throws SimFaultError naming the first bad field. */
export function parseLockerFaults(body: unknown, compartments: number): LockerFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"jammed":[3]}');
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: LockerFaults = {};
  for (const key of keys) {
    const value = record[key];
    if (key === 'silentBoards') faults.silentBoards = list(key, value, MIN_ADDRESS, MAX_ADDRESS, 'board addresses');
    else if ((LISTS as readonly string[]).includes(key)) faults[key as 'jammed'] = list(key, value, 1, compartments, 'compartment numbers');
    else if ((BOOLEANS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEANS)[number]] = value;
    } else if (key === 'slowMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SLOW_MS) throw new SimFaultError(`slowMs must be a whole number from 0 to ${MAX_SLOW_MS}, got ${JSON.stringify(value)}`, key);
      faults.slowMs = value;
    } else throw new SimFaultError(`the locker has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
  }
  return faults;
}
