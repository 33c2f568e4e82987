/**
 * Transport taps for the frame log (issue 15 §3): a Transport (or a HID ReportTransport) that forwards
 * everything to the link it wraps and shows each chunk to a FrameSink on the way. The tap holds one
 * subscription to the inner link and fans chunks out to its own listeners, so the sink sees a chunk before any
 * driver (the HID POS driver zeroes a report once read) and sees it once, however many listeners there are.
 * The sink never throws into the link (frame-log.ts); a tap adds no buffering, timing or copies of its own.
 */
import type { ReportTransport } from '../../../drivers/transport/report-transport';
import { Listeners, type Transport } from '../../../drivers/transport/transport';
import type { FrameSink } from './frame-log';

/** A tapped link; `untap()` drops its subscription to the inner link (a device rebuilt on the same link). */
export type Tapped<T> = T & { untap(): void };

class TappedTransport implements Tapped<Transport> {
  private readonly data = new Listeners<[Uint8Array]>();
  readonly untap: () => void;

  constructor(
    private readonly inner: Transport,
    private readonly sink: FrameSink,
  ) {
    this.untap = inner.onData((chunk) => {
      sink.rx(chunk);
      this.data.emit(chunk);
    });
  }

  get description(): string {
    return this.inner.description;
  }
  get isOpen(): boolean {
    return this.inner.isOpen;
  }
  get bytesPerSecond(): number | undefined {
    return this.inner.bytesPerSecond;
  }
  get usbPrinterClass(): boolean | undefined {
    return this.inner.usbPrinterClass;
  }
  get readsRefused(): boolean | undefined {
    return this.inner.readsRefused;
  }
  open(): Promise<void> {
    return this.inner.open();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  write(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    this.sink.tx(bytes);
    return this.inner.write(bytes, signal);
  }
  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }
  onDisconnect(listener: (reason: string) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}

class TappedReportTransport implements Tapped<ReportTransport> {
  private readonly reports = new Listeners<[Uint8Array]>();
  readonly untap: () => void;

  constructor(
    private readonly inner: ReportTransport,
    private readonly sink: FrameSink,
  ) {
    this.untap = inner.onReport((report) => {
      sink.rx(report);
      this.reports.emit(report);
    });
  }

  get description(): string {
    return this.inner.description;
  }
  get isOpen(): boolean {
    return this.inner.isOpen;
  }
  open(): Promise<void> {
    return this.inner.open();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  writeReport(report: Uint8Array): Promise<void> {
    this.sink.tx(report);
    return this.inner.writeReport(report);
  }
  onReport(listener: (report: Uint8Array) => void): () => void {
    return this.reports.add(listener);
  }
  onDisconnect(listener: (reason: string) => void): () => void {
    return this.inner.onDisconnect(listener);
  }
}

/** `transport`, with every chunk written or received shown to `sink` (frame-log.ts `FrameLog.sink`). */
export function tapTransport(transport: Transport, sink: FrameSink): Tapped<Transport> {
  return new TappedTransport(transport, sink);
}

/** The same for a HID link: each input and output report is shown to `sink`. */
export function tapReportTransport(transport: ReportTransport, sink: FrameSink): Tapped<ReportTransport> {
  return new TappedReportTransport(transport, sink);
}
