/**
 * Robot base faults in the status words (ARCHITECTURE.md §8.2; docs/robot-protocol.md §8.1), validated from
 * a control-API body and set partially:
 * - `obstacle`: the way is blocked (`true`) or clear (`false`); with `atPoint` (when it reaches that point) or
 *   `afterM` (after that many more metres walked) the block is deferred; `clearAfterMs` clears it by itself
 *   that long after it began (absent: it stays until cleared).
 * - `batteryPercent`, `drainPercentPerM`: the battery's level now, and how fast walking drains it.
 * - `fault`: a §5 fault code (`NONE` ends it).
 * - `noReply` (silent), `garbage`, `slowMs`, `unplugged`: the reply channel's, as on every simulated device.
 */
import { FAULT_CODES, POINT_ID, type RobotFaultCode } from '../../drivers/protocol/robot-line/constants';
import { MAX_SLOW_MS } from '../escpos/printer-faults';
import { SimFaultError } from '../sim-device';

export interface RobotFaults {
  obstacle?: boolean;
  atPoint?: string;
  afterM?: number;
  clearAfterMs?: number;
  batteryPercent?: number;
  drainPercentPerM?: number;
  fault?: RobotFaultCode;
  noReply?: boolean;
  garbage?: boolean;
  slowMs?: number;
  unplugged?: boolean;
}

const BOOLEANS = ['obstacle', 'noReply', 'garbage', 'unplugged'] as const;
const FIELDS = [...BOOLEANS, 'atPoint', 'afterM', 'clearAfterMs', 'batteryPercent', 'drainPercentPerM', 'fault', 'slowMs'] as const;

function number(key: string, value: unknown, min: number, max: number, whole = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new SimFaultError(`${key} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${JSON.stringify(value)}`, key);
  }
  return value;
}

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parseRobotFaults(body: unknown): RobotFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"obstacle":true}');
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: RobotFaults = {};
  for (const key of keys) {
    const value = record[key];
    if ((BOOLEANS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEANS)[number]] = value;
    } else if (key === 'atPoint') {
      if (typeof value !== 'string' || !POINT_ID.test(value)) throw new SimFaultError(`atPoint must be a hall-map point id, got ${JSON.stringify(value)}`, key);
      faults.atPoint = value;
    } else if (key === 'afterM') faults.afterM = number(key, value, 0, 10_000);
    else if (key === 'clearAfterMs') faults.clearAfterMs = number(key, value, 0, 3_600_000, true);
    else if (key === 'batteryPercent') faults.batteryPercent = number(key, value, 0, 100);
    else if (key === 'drainPercentPerM') faults.drainPercentPerM = number(key, value, 0, 100);
    else if (key === 'slowMs') faults.slowMs = number(key, value, 0, MAX_SLOW_MS, true);
    else if (key === 'fault') {
      if (typeof value !== 'string' || !(FAULT_CODES as readonly string[]).includes(value)) throw new SimFaultError(`fault must be one of ${FAULT_CODES.join(', ')}, got ${JSON.stringify(value)}`, key);
      faults.fault = value as RobotFaultCode;
    } else throw new SimFaultError(`the robot base has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
  }
  if ((faults.atPoint !== undefined || faults.afterM !== undefined || faults.clearAfterMs !== undefined) && faults.obstacle !== true) {
    throw new SimFaultError('atPoint, afterM and clearAfterMs go with "obstacle": true', faults.atPoint !== undefined ? 'atPoint' : faults.afterM !== undefined ? 'afterM' : 'clearAfterMs');
  }
  if (faults.atPoint !== undefined && faults.afterM !== undefined) throw new SimFaultError('give atPoint or afterM, not both', 'afterM');
  return faults;
}
