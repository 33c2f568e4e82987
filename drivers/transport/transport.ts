/**
 * A byte pipe to one device (ARCHITECTURE.md §2, after node-serialport's injected binding). Device classes
 * talk only to this; serial, TCP and the in-process memory pair implement it, so the same driver runs on
 * hardware and on the simulator.
 */
export interface Transport {
  /** A short description for logs, e.g. "serial:/dev/ttyUSB0@115200" or "memory:printer-1". */
  readonly description: string;
  readonly isOpen: boolean;
  /**
   * The link's rate in bytes per second, for sizing deadlines (serial 8N1: baud / 10); undefined for a link
   * fast enough not to count (USB, TCP, the memory pair).
   */
  readonly bytesPerSecond?: number;
  /**
   * true for a USB printer-class device file (usblp-transport.ts): the printer's replies come back over it
   * only where its USB interface is bidirectional, a fact of the model (models.ts `usblpStatus`). Absent:
   * the device's replies come back whenever it sends them (serial, TCP, the memory pair).
   */
  readonly usbPrinterClass?: boolean;
  /**
   * true once the device refused a read outright since the link opened: a USB printer-class interface that is
   * write-only (usblp answers EINVAL), whatever the model table believes. The driver then says why status
   * never comes instead of reporting a silent printer.
   */
  readonly readsRefused?: boolean;
  /** Opens the link; rejects with a TransportError when the device is absent or busy. */
  open(): Promise<void>;
  close(): Promise<void>;
  /**
   * Resolves once the bytes are handed to the OS (not when the device acted on them). Writes go out in the
   * order they were made. `signal`: a write held back by flow control stops at its next chunk when aborted.
   */
  write(bytes: Uint8Array, signal?: AbortSignal): Promise<void>;
  /** Bytes as they arrive, split anywhere. Returns an unsubscribe. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** The link went away without close() (unplugged, peer closed, I/O error). */
  onDisconnect(listener: (reason: string) => void): () => void;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: 'notFound' | 'busy' | 'closed' | 'io',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Tiny listener set shared by the transport implementations. */
export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();
  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: T): void {
    for (const l of [...this.set]) l(...args);
  }
  get size(): number {
    return this.set.size;
  }
}
