/**
 * ID-card reader faults in the status words (ARCHITECTURE.md §8.2), validated from a control-API body and set
 * partially. On the wire (protocols.md §1.3):
 * - `sam: "selfTestFailed"`: every command answers SW3 `60` ("SAM self-test failed; cannot accept commands").
 * - `sam: "absent"` [decision]: no SAM to answer, so no frame comes back at all, as with `noReply`; only the
 *   simulator's status tells the two apart. §1 documents no "SAM missing" answer.
 * - `liftDuringRead`: the next read (`30 01`, `30 10`) finds the card gone half-way, answers `41` and the
 *   card is off the antenna. Spent once it fires.
 * - `badChecksum`: the next reply goes out with its CHK flipped (§1.1). Spent once it fires.
 * - `noReply`, `unplugged`, `garbage`, `slowMs`: the reply channel's, as on the printer (reply-channel.ts).
 */
import { MAX_SLOW_MS } from '../escpos/printer-faults';
import type { ReplyFaults } from '../escpos/reply-channel';
import { SimFaultError } from '../sim-device';

export type SamCondition = 'ok' | 'absent' | 'selfTestFailed';

export interface ReaderFaults {
  sam?: SamCondition;
  liftDuringRead?: boolean;
  badChecksum?: boolean;
  noReply?: boolean;
  unplugged?: boolean;
  garbage?: boolean;
  slowMs?: number;
}

export type ActiveReaderFaults = Required<ReaderFaults> & ReplyFaults;

export const HEALTHY_READER: Readonly<ActiveReaderFaults> = Object.freeze({
  sam: 'ok',
  liftDuringRead: false,
  badChecksum: false,
  noReply: false,
  unplugged: false,
  garbage: false,
  slowMs: 0,
});

const SAM_VALUES: readonly SamCondition[] = ['ok', 'absent', 'selfTestFailed'];
const BOOLEAN_FIELDS = ['liftDuringRead', 'badChecksum', 'noReply', 'unplugged', 'garbage'] as const;
const FIELDS = ['sam', ...BOOLEAN_FIELDS, 'slowMs'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a fault body; throws SimFaultError naming the first bad field. Nothing is applied here. */
export function parseReaderFaults(body: unknown): ReaderFaults {
  if (!isPlainObject(body)) throw new SimFaultError('the body must be a JSON object of faults, e.g. {"sam":"selfTestFailed"}');
  const keys = Object.keys(body);
  if (keys.length === 0) throw new SimFaultError(`name at least one fault: ${FIELDS.join(', ')}`);
  const faults: ReaderFaults = {};
  for (const key of keys) {
    const value = body[key];
    if (key === 'sam') {
      if (typeof value !== 'string' || !(SAM_VALUES as readonly string[]).includes(value)) {
        throw new SimFaultError(`sam must be "ok", "absent" or "selfTestFailed", got ${JSON.stringify(value)}`, 'sam');
      }
      faults.sam = value as SamCondition;
    } else if ((BOOLEAN_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'boolean') throw new SimFaultError(`${key} must be true or false, got ${JSON.stringify(value)}`, key);
      faults[key as (typeof BOOLEAN_FIELDS)[number]] = value;
    } else if (key === 'slowMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SLOW_MS) {
        throw new SimFaultError(`slowMs must be a whole number from 0 to ${MAX_SLOW_MS}, got ${JSON.stringify(value)}`, key);
      }
      faults.slowMs = value;
    } else {
      throw new SimFaultError(`this reader has no fault "${key}"; it takes ${FIELDS.join(', ')}`, key);
    }
  }
  return faults;
}

export class ReaderFaultState {
  private active: ActiveReaderFaults = { ...HEALTHY_READER };

  get current(): Readonly<ActiveReaderFaults> {
    return this.active;
  }

  apply(faults: ReaderFaults): void {
    for (const [key, value] of Object.entries(faults)) {
      if (value !== undefined) (this.active as unknown as Record<string, unknown>)[key] = value;
    }
  }

  /** Spends a one-shot fault: true when it was set (and is now cleared). */
  take(fault: 'liftDuringRead' | 'badChecksum'): boolean {
    if (!this.active[fault]) return false;
    this.active = { ...this.active, [fault]: false };
    return true;
  }

  clear(): void {
    this.active = { ...HEALTHY_READER };
  }
}
