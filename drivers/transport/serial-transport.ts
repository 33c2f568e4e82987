/**
 * A Transport over a real serial port (serialport 13): RS-232/TTL printers and readers, USB-serial
 * adapters, and the simulator on a socat pseudo-terminal (ARCHITECTURE.md §5 "one end-to-end path over
 * real serial"). Flow control as the device is wired (flow-control.ts): RTS/CTS by the kernel, DTR/DSR and
 * XON/XOFF here. The port is serialport's own unless a test injects one (a pty has no modem lines).
 */
import { SerialPort } from 'serialport';
import { setTimeout as sleep } from 'node:timers/promises';
import { XonXoffState, writeInChunks, type FlowControl } from './flow-control';
import { Listeners, TransportError, type Transport } from './transport';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  /** Default "none". */
  flowControl?: FlowControl;
  /** The port binding; default serialport's SerialPort (ARCHITECTURE.md §7: the binding is injected). */
  openPort?: (options: SerialPortOptions) => SerialPortLike;
  /** How often DSR is read while the device holds output back (DTR/DSR). Default 20 ms. */
  dsrPollMs?: number;
}

export interface SerialPortOptions {
  path: string;
  baudRate: number;
  rtscts: boolean;
  autoOpen: false;
  lock: true;
}

/** What this transport uses of serialport's SerialPort. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (err: Error | null) => void): void;
  close(callback: (err?: Error | null) => void): void;
  write(data: Uint8Array, callback: (err?: Error | null) => void): void;
  drain(callback: (err?: Error | null) => void): void;
  get(callback: (err: Error | null, status?: { cts: boolean; dsr: boolean; dcd: boolean }) => void): void;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'close', listener: (err?: { disconnected?: boolean; message?: string }) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

const defaultOpenPort = (options: SerialPortOptions): SerialPortLike => new SerialPort(options) as unknown as SerialPortLike;

export class SerialTransport implements Transport {
  readonly description: string;
  private port: SerialPortLike | null = null;
  private closing = false;
  private readonly flow: FlowControl;
  private readonly xonXoff = new XonXoffState();
  private writing: Promise<void> = Promise.resolve();
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();

  constructor(private readonly options: SerialTransportOptions) {
    this.flow = options.flowControl ?? 'none';
    this.description = `serial:${options.path}@${options.baudRate}${this.flow === 'none' ? '' : `/${this.flow}`}`;
  }

  /** 8N1: a start bit, 8 data bits and a stop bit per byte. */
  get bytesPerSecond(): number {
    return this.options.baudRate / 10;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const openPort = this.options.openPort ?? defaultOpenPort;
    const port = openPort({ path: this.options.path, baudRate: this.options.baudRate, rtscts: this.flow === 'rtscts', autoOpen: false, lock: true });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => {
        if (!err) return resolve();
        const kind = /no such file|ENOENT|cannot open/i.test(err.message) ? 'notFound' : /lock|busy/i.test(err.message) ? 'busy' : 'io';
        reject(new TransportError(`${this.description}: ${err.message}`, kind));
      }),
    );
    this.closing = false;
    this.xonXoff.reset();
    port.on('data', (chunk: Uint8Array) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const kept = this.flow === 'xonxoff' ? this.xonXoff.filter(bytes) : bytes;
      if (kept.length > 0) this.data.emit(kept);
    });
    port.on('close', (err?: { disconnected?: boolean; message?: string }) => {
      this.xonXoff.reset();
      if (this.closing) return;
      this.disconnects.emit(err?.disconnected ? 'unplugged' : err?.message ?? 'closed');
    });
    port.on('error', (err: Error) => {
      if (!this.closing) this.disconnects.emit(err.message);
    });
    this.port = port;
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.xonXoff.reset();
    if (!port?.isOpen) return;
    this.closing = true;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  write(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    // One write at a time, in order: chunks of two writes never interleave (a status request inside a job's
    // parameters, §2.4), whatever flow control holds back.
    const run = this.writing.then(() => this.writeOne(bytes, signal));
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async writeOne(bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    const port = this.openPort();
    if (this.flow === 'xonxoff') return writeInChunks(bytes, () => this.xonXoff.ready(signal), (chunk) => this.writeNow(port, chunk), signal);
    if (this.flow === 'dtrdsr') return writeInChunks(bytes, () => this.dsrReady(port, signal), (chunk) => this.writeNow(port, chunk), signal);
    return this.writeNow(port, bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }

  private openPort(): SerialPortLike {
    const port = this.port;
    if (!port?.isOpen) throw new TransportError(`${this.description}: not open`, 'closed');
    return port;
  }

  private async writeNow(port: SerialPortLike, bytes: Uint8Array): Promise<void> {
    if (port !== this.port || !port.isOpen) throw new TransportError(`${this.description}: not open`, 'closed');
    const fail = (err: Error): TransportError => new TransportError(`${this.description}: ${err.message}`, 'io');
    await new Promise<void>((resolve, reject) => port.write(bytes, (err) => (err ? reject(fail(err)) : resolve())));
    await new Promise<void>((resolve, reject) => port.drain((err) => (err ? reject(fail(err)) : resolve())));
  }

  /** DTR/DSR: the device holds DSR low while it cannot take more (its buffer full, paper out). */
  private async dsrReady(port: SerialPortLike, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) return; // writeInChunks stops before the next chunk
      if (port !== this.port || !port.isOpen) throw new TransportError(`${this.description}: closed while the device held output back`, 'closed');
      const dsr = await new Promise<boolean>((resolve, reject) =>
        port.get((err, status) => (err ? reject(new TransportError(`${this.description}: ${err.message}`, 'io')) : resolve(status?.dsr ?? true))),
      );
      if (dsr) return;
      await sleep(this.options.dsrPollMs ?? 20);
    }
  }
}
