/**
 * Printer faults in the status words (ARCHITECTURE.md §8.2, common/device.ts PrinterFaults): validated
 * from a control-API body, set partially, and with `afterLines` deferred until that many more lines have
 * printed, so paper can run out, the cover open or the printer vanish in the middle of a ticket
 * (protocols.md §2.7).
 */
import type { PrinterFaults } from '../../common/device';
import { SimFaultError } from '../sim-device';

export type PaperSupply = NonNullable<PrinterFaults['paper']>;
export type ActivePrinterFaults = Required<Omit<PrinterFaults, 'afterLines'>>;

export const HEALTHY_PRINTER: Readonly<ActivePrinterFaults> = Object.freeze({
  paper: 'full',
  coverOpen: false,
  cutterError: false,
  headOverheat: false,
  offline: false,
  unplugged: false,
  noReply: false,
  garbage: false,
  slowMs: 0,
});

const PAPER_VALUES: readonly PaperSupply[] = ['full', 'low', 'out', 'jammed'];
const BOOLEAN_FIELDS = ['coverOpen', 'cutterError', 'headOverheat', 'offline', 'unplugged', 'noReply', 'garbage'] as const;
const FIELDS = ['paper', ...BOOLEAN_FIELDS, 'slowMs', 'afterLines'] as const;
/** Upper bounds keep a typo from freezing a test for hours of clock time. */
export const MAX_SLOW_MS = 600_000;
export const MAX_AFTER_LINES = 1_000_000;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new SimFaultError(`${field} must be a whole number from 0 to ${max}, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

/** What the model can sense (models.ts), so a fault it could never report is refused up front. */
export interface PrinterSensors {
  /** Without the near-end sensor DLE EOT 4 bits 2+3 always read 0 (protocols.md §2.4): "low" cannot show. */
  nearEndSensor: boolean;
}

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parsePrinterFaults(body: unknown, sensors: PrinterSensors = { nearEndSensor: true }): PrinterFaults {
  if (!isPlainObject(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"paper":"out"}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: PrinterFaults = {};
  for (const key of keys) {
    const value = body[key];
    if (key === 'paper') {
      if (typeof value !== 'string' || !(PAPER_VALUES as readonly string[]).includes(value)) {
        throw new SimFaultError(`paper must be "full", "low", "out" or "jammed", got ${JSON.stringify(value)}`, 'paper');
      }
      if (value === 'low' && !sensors.nearEndSensor) {
        throw new SimFaultError('paper "low" needs a paper near-end sensor, which this model does not have (protocols.md §2.4); use "full" or "out"', 'paper');
      }
      faults.paper = value as PaperSupply;
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEAN_FIELDS)[number]] = value;
    } else if (key === 'slowMs') {
      faults.slowMs = wholeNumber(key, value, MAX_SLOW_MS);
    } else if (key === 'afterLines') {
      faults.afterLines = wholeNumber(key, value, MAX_AFTER_LINES);
    } else {
      throw new SimFaultError(`this printer has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
    }
  }
  if (faults.afterLines !== undefined && keys.length === 1) {
    throw new SimFaultError('afterLines defers the faults named with it: give at least one, e.g. {"paper":"out","afterLines":5}', 'afterLines');
  }
  return faults;
}

export type FaultChange = Omit<PrinterFaults, 'afterLines'>;

export interface PendingFaults {
  faults: FaultChange;
  linesLeft: number;
}

export class PrinterFaultState {
  private active: ActivePrinterFaults = { ...HEALTHY_PRINTER };
  private deferred: PendingFaults | undefined;

  get current(): Readonly<ActivePrinterFaults> {
    return this.active;
  }

  get pending(): Readonly<PendingFaults> | undefined {
    return this.deferred;
  }

  /**
   * Sets what `faults` names: at once, or with afterLines > 0 once that many more lines have printed (which
   * replaces any earlier deferred change). A field set at once is dropped from the deferred change.
   */
  apply(faults: PrinterFaults): void {
    const { afterLines, ...change } = faults;
    if (afterLines !== undefined && afterLines > 0) {
      this.deferred = { faults: change, linesLeft: afterLines };
      return;
    }
    this.set(change);
    if (!this.deferred) return;
    for (const key of Object.keys(change)) delete (this.deferred.faults as Record<string, unknown>)[key];
    if (Object.keys(this.deferred.faults).length === 0) this.deferred = undefined;
  }

  /** One line reached the paper; returns true when a deferred change took effect. */
  linePrinted(): boolean {
    const pending = this.deferred;
    if (!pending) return false;
    pending.linesLeft--;
    if (pending.linesLeft > 0) return false;
    this.deferred = undefined;
    this.set(pending.faults);
    return true;
  }

  clear(): void {
    this.active = { ...HEALTHY_PRINTER };
    this.deferred = undefined;
  }

  private set(change: FaultChange): void {
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined) (this.active as unknown as Record<string, unknown>)[key] = value;
    }
  }
}
