/**
 * Scanner faults in the status words (ARCHITECTURE.md §8.2), validated from a control-API body and set
 * partially:
 * - `garbage`: each scan comes out as reports that are no label (a scanner with the wrong output format or
 *   a failing decoder): a length byte past the capacity, bytes that are no text. Deterministic (seeded).
 * - `unplugged`: the USB plug is out: the host end disconnects; a scan cannot reach the kiosk.
 * - `noReply`: the scanner's equivalent of not answering: it reads nothing (a dead imager); scans vanish.
 */
import { SimFaultError } from '../sim-device';

export interface ScannerFaults {
  garbage?: boolean;
  unplugged?: boolean;
  noReply?: boolean;
}

export const HEALTHY_SCANNER: Readonly<Required<ScannerFaults>> = Object.freeze({ garbage: false, unplugged: false, noReply: false });

const FIELDS = ['garbage', 'unplugged', 'noReply'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parseScannerFaults(body: unknown): ScannerFaults {
  if (!isPlainObject(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"garbage":true}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: ScannerFaults = {};
  for (const key of keys) {
    if (!(FIELDS as readonly string[]).includes(key)) throw new SimFaultError(`this scanner has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
    const value = body[key];
    if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
    faults[key as (typeof FIELDS)[number]] = value;
  }
  return faults;
}
