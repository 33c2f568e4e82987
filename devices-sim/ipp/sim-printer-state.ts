/**
 * The simulated A4 printer's condition (issue 17 §1; protocols.md §4.3, §7 item 4): the paper tray as a sheet
 * count that runs low, then out; a jam; the cover; toner; the output tray; offline; and the deferred faults of
 * `afterPages`. From it: printer-state-reasons with the suffixes a real printer uses, printer-state and
 * printer-is-accepting-jobs, and the control API's status in the common vocabulary.
 */
import type { DeviceStatus, PaperLevel } from '../../common/device';
import type { IppFaultChange, IppPrinterFaults } from './ipp-printer-faults';

export interface TrayOptions {
  /** Sheets a full tray holds. Default 250 (an A4 kiosk printer's cassette [C]). */
  capacity?: number;
  /** At or below this many sheets the printer reports media-low. Default 20. */
  lowMark?: number;
}

export class SimPrinterState {
  readonly capacity: number;
  readonly lowMark: number;
  sheets: number;
  jammed = false;
  coverOpen = false;
  toner: 'ok' | 'low' | 'empty' = 'ok';
  outputOccupied = false;
  offline = false;
  unplugged = false;
  noReply = false;
  slowMs = 0;
  private deferred: { change: IppFaultChange; pagesLeft: number } | undefined;

  constructor(tray: TrayOptions = {}) {
    this.capacity = tray.capacity ?? 250;
    this.lowMark = Math.min(tray.lowMark ?? 20, this.capacity);
    this.sheets = this.capacity;
  }

  get paper(): PaperLevel {
    return this.jammed ? 'jammed' : this.sheets === 0 ? 'out' : this.sheets <= this.lowMark ? 'low' : 'full';
  }

  /** A sheet may be fed now (the engine checks before every sheet). */
  get canFeed(): boolean {
    return !this.jammed && this.sheets > 0 && !this.coverOpen && !this.offline && this.toner !== 'empty';
  }

  apply(faults: IppPrinterFaults): void {
    const { afterPages, ...change } = faults;
    if (afterPages !== undefined && afterPages > 0) {
      this.deferred = { change, pagesLeft: afterPages };
      return;
    }
    this.set(change);
    if (!this.deferred) return;
    for (const key of Object.keys(change)) delete (this.deferred.change as Record<string, unknown>)[key];
    if (Object.keys(this.deferred.change).length === 0) this.deferred = undefined;
  }

  /** One sheet came out: the tray has one fewer; a deferred change may now take effect. */
  sheetPrinted(): void {
    this.sheets = Math.max(0, this.sheets - 1);
    const pending = this.deferred;
    if (!pending || --pending.pagesLeft > 0) return;
    this.deferred = undefined;
    this.set(pending.change);
  }

  clear(): void {
    this.sheets = this.capacity;
    this.jammed = false;
    this.coverOpen = false;
    this.toner = 'ok';
    this.outputOccupied = false;
    this.offline = false;
    this.unplugged = false;
    this.noReply = false;
    this.slowMs = 0;
    this.deferred = undefined;
  }

  /** printer-state-reasons as a real printer words them (protocols.md §4.3, §4.4). */
  reasons(): string[] {
    const r: string[] = [];
    if (this.jammed) r.push('media-jam-error');
    if (this.sheets === 0) r.push('media-empty-error', 'media-needed-error');
    else if (this.sheets <= this.lowMark) r.push('media-low-report');
    if (this.coverOpen) r.push('cover-open-error');
    if (this.toner === 'low') r.push('toner-low-report');
    if (this.toner === 'empty') r.push('toner-empty-error');
    if (this.outputOccupied) r.push('output-area-almost-full-report');
    if (this.offline) r.push('offline-report');
    return r.length > 0 ? r : ['none'];
  }

  /** printer-state: 5 stopped when a fault stops it, 4 while it prints, else 3 idle. */
  printerState(printing: boolean): number {
    if (this.jammed || this.sheets === 0 || this.coverOpen || this.offline || this.toner === 'empty') return 5;
    return printing ? 4 : 3;
  }

  get acceptingJobs(): boolean {
    return !this.offline;
  }

  deviceStatus(): DeviceStatus {
    const device = this.unplugged ? 'noDevice' : this.offline ? 'offline' : this.noReply ? 'offline' : this.jammed || this.sheets === 0 || this.coverOpen || this.toner === 'empty' ? 'userError' : 'online';
    return { device, printer: { paper: this.paper, coverOpen: this.coverOpen, toner: this.toner, outputOccupied: this.outputOccupied } };
  }

  private set(change: IppFaultChange): void {
    if (change.paper === 'jammed') this.jammed = true;
    else if (change.paper !== undefined) {
      this.jammed = false;
      this.sheets = change.paper === 'full' ? this.capacity : change.paper === 'low' ? this.lowMark : 0;
    }
    if (change.sheets !== undefined) this.sheets = Math.min(change.sheets, this.capacity * 10);
    if (change.coverOpen !== undefined) this.coverOpen = change.coverOpen;
    if (change.toner !== undefined) this.toner = change.toner;
    if (change.outputOccupied !== undefined) this.outputOccupied = change.outputOccupied;
    if (change.offline !== undefined) this.offline = change.offline;
    if (change.unplugged !== undefined) this.unplugged = change.unplugged;
    if (change.noReply !== undefined) this.noReply = change.noReply;
    if (change.slowMs !== undefined) this.slowMs = change.slowMs;
  }
}
