/**
 * Face camera faults (ARCHITECTURE.md §8.2), in the status words: `unplugged` (the camera gone: status
 * `noDevice`, no frames) and `frozen` (a hung sensor: the last frame again and again, status still online).
 */
import { SimFaultError } from '../sim-device';

export interface CameraFaults {
  unplugged?: boolean;
  frozen?: boolean;
}

const FIELDS = ['unplugged', 'frozen'] as const;

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parseCameraFaults(body: unknown): CameraFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"unplugged":true}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: CameraFaults = {};
  for (const key of keys) {
    const value = (body as Record<string, unknown>)[key];
    if (!(FIELDS as readonly string[]).includes(key)) throw new SimFaultError(`unknown fault "${key}"; the camera's faults are ${FIELDS.join(', ')}`, key);
    if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false`, key);
    faults[key as (typeof FIELDS)[number]] = value;
  }
  return faults;
}
