/**
 * Two linked in-process ReportTransports (ARCHITECTURE.md §4), the report-level twin of memory-pair.ts: what
 * one end writes, the other receives as the same whole report, on a later microtask so no caller is
 * re-entered. There is no virtual HID device here: the simulator attaches at the report level. The device
 * end can be unplugged: the host end sees a disconnect and cannot reopen until it is plugged back in.
 */
import type { ReportTransport } from './report-transport';
import { Listeners, TransportError } from './transport';

export interface ReportMemoryPair {
  /** The end a driver opens. */
  host: ReportTransport;
  /** The end a simulator holds. */
  device: ReportDeviceEnd;
}

export interface ReportDeviceEnd extends ReportTransport {
  /** Pull the USB plug: the host end disconnects and refuses to open until replug(). */
  unplug(): void;
  replug(): void;
  readonly plugged: boolean;
}

class End implements ReportTransport {
  readonly reports = new Listeners<[Uint8Array]>();
  readonly disconnects = new Listeners<[string]>();
  peer!: End;
  opened = false;
  constructor(
    readonly description: string,
    private readonly isPlugged: () => boolean,
  ) {}
  get isOpen(): boolean {
    return this.opened;
  }
  async open(): Promise<void> {
    if (!this.isPlugged()) throw new TransportError(`${this.description}: no device`, 'notFound');
    this.opened = true;
  }
  async close(): Promise<void> {
    this.opened = false;
  }
  async writeReport(report: Uint8Array): Promise<void> {
    if (!this.opened) throw new TransportError(`${this.description}: not open`, 'closed');
    if (!this.isPlugged()) throw new TransportError(`${this.description}: device gone`, 'io');
    const copy = report.slice();
    const peer = this.peer;
    queueMicrotask(() => {
      if (peer.opened && this.isPlugged()) peer.reports.emit(copy);
    });
  }
  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
  }
  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }
}

class DeviceEnd extends End implements ReportDeviceEnd {
  private isPluggedIn = true;
  constructor(description: string) {
    super(description, () => true);
  }
  get plugged(): boolean {
    return this.isPluggedIn;
  }
  unplug(): void {
    if (!this.isPluggedIn) return;
    this.isPluggedIn = false;
    const host = this.peer;
    if (host.opened) {
      host.opened = false;
      host.disconnects.emit('unplugged');
    }
  }
  replug(): void {
    this.isPluggedIn = true;
  }
}

export function createReportMemoryPair(name: string): ReportMemoryPair {
  const device = new DeviceEnd(`memory-report:${name}:device`);
  const host = new End(`memory-report:${name}`, () => device.plugged);
  host.peer = device;
  device.peer = host;
  return { host, device };
}

/** The device end of a pair, or undefined for another ReportTransport (the simulator's unplug fault needs one). */
export function asReportDeviceEnd(t: ReportTransport): ReportDeviceEnd | undefined {
  return typeof (t as Partial<ReportDeviceEnd>).unplug === 'function' ? (t as ReportDeviceEnd) : undefined;
}
