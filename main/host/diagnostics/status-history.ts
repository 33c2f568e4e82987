/**
 * Status history for the technician (issue 15 §3 "status history"): per device, the last status changes, each
 * with its clock time, a one-line summary of the whole status and what changed. Recorded from the device
 * manager's status callbacks (device-manager.ts `onStatusChanged`, full status only: the delta is worked out
 * here). Only the fields of the one status vocabulary are kept (common/device.ts, ARCHITECTURE.md §8.2), each
 * as a word: a card or a finger is present yes or no, never anything read from it (§8.7).
 */
import type { Clock } from '../../../common/clock';
import type { DeviceState, DeviceStatus, PaperLevel, StatusBlocks } from '../../../common/device';

/** `device`, `printer.paper`, `cardReader.cardPresent` … → `online`, `low`, `yes` … */
export type StatusFields = Record<string, string>;

export interface StatusHistoryEntry {
  at: number;
  /** The status after the change, e.g. "device=online printer.paper=low". */
  summary: string;
  /** What changed: the new word, or null for a field that is no longer reported. */
  delta: Record<string, string | null>;
}

const DEVICE_STATES: readonly DeviceState[] = ['starting', 'online', 'offline', 'noDevice', 'hardwareError', 'userError', 'busy', 'fraudAttempt'];
const PAPER_LEVELS: readonly PaperLevel[] = ['full', 'low', 'out', 'jammed'];
const BOOL = 'boolean' as const;

/** Every field of every status block and the words it may take; anything else is left out. */
const FIELDS: { [B in keyof StatusBlocks]: { [F in keyof StatusBlocks[B]]-?: readonly string[] | typeof BOOL } } = {
  printer: { paper: PAPER_LEVELS, coverOpen: BOOL, cutterError: BOOL, mediaPresented: BOOL, headOverheat: BOOL, toner: ['ok', 'low', 'empty'], outputOccupied: BOOL },
  cardReader: { cardPresent: BOOL, sam: ['ok', 'error'] },
  fingerprint: { fingerPresent: BOOL },
  scanner: { scanning: BOOL },
  camera: { streaming: BOOL, documentPresent: BOOL },
  // Battery level and position change on every step of a trip: not history words ([] keeps them out).
  robot: { batteryPercent: [], charging: BOOL, docked: BOOL, obstacle: BOOL, moving: BOOL, position: [] },
  // Compartment lists are numbers, not words: the locker's own events say which door opened.
  locker: { compartments: [], doorsOpen: [], occupied: [] },
};

/** The status as words, whitelisted field by field. */
export function statusFields(status: DeviceStatus): StatusFields {
  const out: StatusFields = {};
  if (DEVICE_STATES.includes(status.device)) out.device = status.device;
  for (const [block, fields] of Object.entries(FIELDS) as Array<[keyof StatusBlocks, Record<string, readonly string[] | typeof BOOL>]>) {
    const values = status[block] as Record<string, unknown> | undefined;
    if (values === undefined || values === null) continue;
    for (const [field, allowed] of Object.entries(fields)) {
      const v = values[field];
      if (allowed === BOOL && typeof v === 'boolean') out[`${block}.${field}`] = v ? 'yes' : 'no';
      else if (allowed !== BOOL && typeof v === 'string' && allowed.includes(v)) out[`${block}.${field}`] = v;
    }
  }
  return out;
}

export const summarise = (fields: StatusFields): string =>
  Object.entries(fields)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export interface StatusHistoryOptions {
  clock: Clock;
  /** Changes kept per device (default 200). */
  capacity?: number;
}

/** What the device manager offers (device-manager.ts). */
export interface StatusSource {
  onStatusChanged(listener: (id: string, status: DeviceStatus) => void): () => void;
}

export class StatusHistory {
  private readonly last = new Map<string, StatusFields>();
  private readonly entries = new Map<string, StatusHistoryEntry[]>();
  private readonly capacity: number;

  constructor(private readonly options: StatusHistoryOptions) {
    this.capacity = Math.max(1, options.capacity ?? 200);
  }

  /** Records every status the source publishes; returns the unsubscribe. */
  attach(source: StatusSource): () => void {
    return source.onStatusChanged((id, status) => this.record(id, status));
  }

  /** Records a status; a status that changes no field adds nothing. Returns the entry added, if any. */
  record(deviceId: string, status: DeviceStatus): StatusHistoryEntry | undefined {
    const now = statusFields(status);
    const before = this.last.get(deviceId) ?? {};
    const delta: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(now)) if (before[k] !== v) delta[k] = v;
    for (const k of Object.keys(before)) if (!(k in now)) delta[k] = null;
    if (this.last.has(deviceId) && Object.keys(delta).length === 0) return undefined;
    this.last.set(deviceId, now);
    const entry = { at: this.options.clock.now(), summary: summarise(now), delta };
    const list = this.entries.get(deviceId) ?? [];
    list.push(entry);
    if (list.length > this.capacity) list.splice(0, list.length - this.capacity);
    this.entries.set(deviceId, list);
    return entry;
  }

  /** A device's changes, oldest first. */
  history(deviceId: string): StatusHistoryEntry[] {
    return (this.entries.get(deviceId) ?? []).map((e) => ({ ...e, delta: { ...e.delta } }));
  }

  /** Every device's changes (for the diagnostic bundle). */
  all(): Record<string, StatusHistoryEntry[]> {
    return Object.fromEntries([...this.entries.keys()].map((id) => [id, this.history(id)]));
  }
}
