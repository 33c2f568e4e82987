/**
 * Fingerprint module faults in the status words (ARCHITECTURE.md §8.2), validated from a control-API body and
 * set partially. On the wire (protocols.md §3.3):
 * - `sensor: "imageFail"`: GenImg with a finger on the sensor answers `03` ("Failed to capture the image").
 * - `receiveError`: every command answers `01` ("Error receiving the packet"): a failing UART or a line at
 *   the wrong speed, as the module sees it.
 * - `badChecksum`: the next reply goes out with its last checksum byte flipped (§3.1); for UpChar that is
 *   the template stream's end packet. Spent once it fires.
 * - `noReply`, `unplugged`, `garbage`, `slowMs`: the reply channel's, as on every simulated device (reply-channel.ts).
 */
import { MAX_SLOW_MS } from '../escpos/printer-faults';
import type { ReplyFaults } from '../escpos/reply-channel';
import { SimFaultError } from '../sim-device';

export type SensorCondition = 'ok' | 'imageFail';

export interface ModuleFaults {
  sensor?: SensorCondition;
  receiveError?: boolean;
  badChecksum?: boolean;
  noReply?: boolean;
  unplugged?: boolean;
  garbage?: boolean;
  slowMs?: number;
}

export type ActiveModuleFaults = Required<ModuleFaults> & ReplyFaults;

export const HEALTHY_MODULE: Readonly<ActiveModuleFaults> = Object.freeze({
  sensor: 'ok',
  receiveError: false,
  badChecksum: false,
  noReply: false,
  unplugged: false,
  garbage: false,
  slowMs: 0,
});

const SENSOR_VALUES: readonly SensorCondition[] = ['ok', 'imageFail'];
const BOOLEAN_FIELDS = ['receiveError', 'badChecksum', 'noReply', 'unplugged', 'garbage'] as const;
const FIELDS = ['sensor', ...BOOLEAN_FIELDS, 'slowMs'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parseModuleFaults(body: unknown): ModuleFaults {
  if (!isPlainObject(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"sensor":"imageFail"}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: ModuleFaults = {};
  for (const key of keys) {
    const value = body[key];
    if (key === 'sensor') {
      if (typeof value !== 'string' || !(SENSOR_VALUES as readonly string[]).includes(value)) {
        throw new SimFaultError(`sensor must be "ok" or "imageFail", got ${JSON.stringify(value)}`, 'sensor');
      }
      faults.sensor = value as SensorCondition;
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEAN_FIELDS)[number]] = value;
    } else if (key === 'slowMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SLOW_MS) {
        throw new SimFaultError(`slowMs must be a whole number from 0 to ${MAX_SLOW_MS}, got ${JSON.stringify(value)}`, key);
      }
      faults.slowMs = value;
    } else {
      throw new SimFaultError(`this fingerprint module has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
    }
  }
  return faults;
}

export class ModuleFaultState {
  private active: ActiveModuleFaults = { ...HEALTHY_MODULE };

  get current(): Readonly<ActiveModuleFaults> {
    return this.active;
  }

  apply(faults: ModuleFaults): void {
    for (const [key, value] of Object.entries(faults)) {
      if (value !== undefined) (this.active as unknown as Record<string, unknown>)[key] = value;
    }
  }

  /** Spends a one-shot fault: true when it was set (and is now cleared). */
  take(fault: 'badChecksum'): boolean {
    if (!this.active[fault]) return false;
    this.active = { ...this.active, [fault]: false };
    return true;
  }

  clear(): void {
    this.active = { ...HEALTHY_MODULE };
  }
}
