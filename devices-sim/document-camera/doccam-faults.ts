/**
 * Document camera service faults (ARCHITECTURE.md §8.2), in the status words: `unplugged` (the service runs but
 * the camera is gone: no camera listed, open fails with −2: status `noDevice`), `noReply` (the service takes
 * requests and never answers: a hung vendor process), `slowMs` (every reply that much late).
 */
import { SimFaultError } from '../sim-device';

export interface DocCamFaults {
  unplugged?: boolean;
  noReply?: boolean;
  slowMs?: number;
}

const FIELDS = ['unplugged', 'noReply', 'slowMs'] as const;

export function parseDocCamFaults(body: unknown): DocCamFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"unplugged":true}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: DocCamFaults = {};
  for (const key of keys) {
    const value = (body as Record<string, unknown>)[key];
    if (key === 'slowMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 600_000) throw new SimFaultError('slowMs must be an integer from 0 to 600000', key);
      faults.slowMs = value;
    } else if (key === 'unplugged' || key === 'noReply') {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false`, key);
      faults[key] = value;
    } else throw new SimFaultError(`unknown fault "${key}"; the document camera's faults are ${FIELDS.join(', ')}`, key);
  }
  return faults;
}
