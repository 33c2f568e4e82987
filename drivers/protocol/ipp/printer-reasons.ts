/**
 * printer-state-reasons → the common status vocabulary (protocols.md §4.3; ARCHITECTURE.md §3, §8.2;
 * docs/ipp-printing.md "Reasons"). A keyword may end in -report, -warning or -error; without a suffix it
 * counts as an error (§4.3). Rules:
 * - supply levels (media-low, toner-low, marker-supply-low, toner-empty, marker-supply-empty) and the output
 *   tray (output-area-almost-full, output-area-full) count at any severity: they are reports by nature;
 * - offline-report counts: it is how IPP Everywhere printers say they are offline (§4.3 [C]);
 * - every other fault (media-empty, media-needed, media-jam, cover-open, door-open, interlock-open, offline,
 *   shutdown, paused…) counts at warning or error severity; a -report of it is information only.
 * printer-state 5 (stopped) with no reason staff can clear is `offline`; 4 (processing) is `online` (busy
 * printing is not a fault). Pure.
 */
import type { DeviceState, PrinterStatusBlock } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import { PRINTER_STATE } from './constants';

export type ReasonSeverity = 'report' | 'warning' | 'error';

export interface StateReason {
  keyword: string;
  severity: ReasonSeverity;
}

const SUFFIXES: readonly ReasonSeverity[] = ['report', 'warning', 'error'];

/** "media-empty-error" → { keyword: "media-empty", severity: "error" }; "media-jam" → error severity. */
export function parseReason(reason: string): StateReason {
  for (const severity of SUFFIXES) {
    const suffix = `-${severity}`;
    if (reason.endsWith(suffix) && reason.length > suffix.length) return { keyword: reason.slice(0, -suffix.length), severity };
  }
  return { keyword: reason, severity: 'error' };
}

/** Keywords that count whatever their severity. */
const ANY_SEVERITY = new Set(['media-low', 'toner-low', 'marker-supply-low', 'toner-empty', 'marker-supply-empty', 'output-area-almost-full', 'output-area-full']);

/** The reasons that count, by keyword (see the header's rules). */
export function effectiveReasons(reasons: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const r of reasons) {
    const { keyword, severity } = parseReason(r);
    if (keyword === 'none') continue;
    if (severity !== 'report' || ANY_SEVERITY.has(keyword) || keyword === 'offline') out.add(keyword);
  }
  return out;
}

export interface PrinterCondition {
  /** printer-state: 3 idle, 4 processing, 5 stopped. */
  state: number;
  reasons: readonly string[];
  acceptingJobs: boolean;
}

const OFFLINE_KEYWORDS = ['offline', 'shutdown', 'connecting-to-device', 'timed-out', 'paused', 'moving-to-paused'];

/** The printer block and device state a Get-Printer-Attributes answer shows. */
export function statusFromPrinter(p: PrinterCondition): { device: DeviceState; printer: Required<Pick<PrinterStatusBlock, 'paper' | 'coverOpen' | 'toner' | 'outputOccupied'>> } {
  const k = effectiveReasons(p.reasons);
  const paper = k.has('media-jam') ? 'jammed' : k.has('media-empty') || k.has('media-needed') ? 'out' : k.has('media-low') ? 'low' : 'full';
  const coverOpen = k.has('cover-open') || k.has('door-open') || k.has('interlock-open');
  const toner = k.has('toner-empty') || k.has('marker-supply-empty') ? 'empty' : k.has('toner-low') || k.has('marker-supply-low') ? 'low' : 'ok';
  const outputOccupied = k.has('output-area-almost-full') || k.has('output-area-full');
  const staffCanClear = paper === 'out' || paper === 'jammed' || coverOpen || toner === 'empty' || k.has('output-area-full');
  const offline = OFFLINE_KEYWORDS.some((w) => k.has(w));
  const device: DeviceState = offline ? 'offline' : staffCanClear ? 'userError' : p.state === PRINTER_STATE.stopped ? 'offline' : 'online';
  return { device, printer: { paper, coverOpen, toner, outputOccupied } };
}

/** Why a job must not be sent now (print() refuses up front), or null when it may. */
export function printBlocker(p: PrinterCondition): ErrorCode | null {
  const s = statusFromPrinter(p);
  if (s.printer.paper === 'jammed') return 'paperJam';
  if (s.printer.paper === 'out') return 'paperOut';
  if (s.printer.coverOpen) return 'coverOpen';
  if (s.device === 'offline') return 'offline';
  if (s.printer.toner === 'empty') return 'userError';
  if (!p.acceptingJobs) return 'deviceNotReady';
  return null;
}
