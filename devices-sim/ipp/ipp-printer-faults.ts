/**
 * The A4 printer simulator's faults in the status words (ARCHITECTURE.md §8.2; issue 17 §1), validated from
 * a control-API body (`POST /sim/devices/document-printer/faults`), set partially, and deferred with
 * `afterPages` until that many more sheets have come out (`{ "paper": "jammed", "afterPages": 1 }` jams on
 * the next job's second sheet). `paper` sets the supply: "full" loads a full tray, "low" leaves the low
 * mark, "out" empties it, "jammed" jams; `sheets` sets the exact count.
 */
import type { PaperLevel } from '../../common/device';
import { SimFaultError } from '../sim-device';

export interface IppPrinterFaults {
  paper?: PaperLevel;
  /** Sheets in the tray (0 = out); below the low mark the printer reports media-low. */
  sheets?: number;
  coverOpen?: boolean;
  toner?: 'ok' | 'low' | 'empty';
  /** A document lies in the output tray (output-area-almost-full-report); a finished job sets it, `take` clears it. */
  outputOccupied?: boolean;
  /** The printer says it is offline: stopped, offline-report, not accepting jobs. */
  offline?: boolean;
  /** The printer is gone: its port refuses connections. */
  unplugged?: boolean;
  /** Connections are taken but never answered. */
  noReply?: boolean;
  /** Extra time per sheet, on the clock. */
  slowMs?: number;
  afterPages?: number;
}

export type IppFaultChange = Omit<IppPrinterFaults, 'afterPages'>;

export const MAX_SHEETS = 100_000;
export const MAX_SLOW_MS = 600_000;
export const MAX_AFTER_PAGES = 100_000;

const PAPER: readonly PaperLevel[] = ['full', 'low', 'out', 'jammed'];
const TONER = ['ok', 'low', 'empty'] as const;
const BOOLEANS = ['coverOpen', 'outputOccupied', 'offline', 'unplugged', 'noReply'] as const;
const FIELDS = ['paper', 'sheets', 'toner', ...BOOLEANS, 'slowMs', 'afterPages'] as const;

function whole(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new SimFaultError(`${field} must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

export function parseIppPrinterFaults(body: unknown): IppPrinterFaults {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"paper":"out"}');
  const record = body as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: IppPrinterFaults = {};
  for (const key of keys) {
    const value = record[key];
    if (key === 'paper') {
      if (typeof value !== 'string' || !(PAPER as readonly string[]).includes(value)) throw new SimFaultError(`paper must be "full", "low", "out" or "jammed", got ${JSON.stringify(value)}`, key);
      faults.paper = value as PaperLevel;
    } else if (key === 'toner') {
      if (typeof value !== 'string' || !(TONER as readonly string[]).includes(value)) throw new SimFaultError(`toner must be "ok", "low" or "empty", got ${JSON.stringify(value)}`, key);
      faults.toner = value as (typeof TONER)[number];
    } else if ((BOOLEANS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEANS)[number]] = value;
    } else if (key === 'sheets') faults.sheets = whole(key, value, MAX_SHEETS);
    else if (key === 'slowMs') faults.slowMs = whole(key, value, MAX_SLOW_MS);
    else if (key === 'afterPages') faults.afterPages = whole(key, value, MAX_AFTER_PAGES);
    else throw new SimFaultError(`this printer has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
  }
  if (faults.afterPages !== undefined && keys.length === 1) {
    throw new SimFaultError('afterPages defers the faults named with it: give at least one, e.g. {"paper":"jammed","afterPages":1}', 'afterPages');
  }
  if (faults.paper !== undefined && faults.sheets !== undefined) throw new SimFaultError('give paper or sheets, not both', 'sheets');
  return faults;
}
