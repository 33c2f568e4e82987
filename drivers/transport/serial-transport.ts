/**
 * A Transport over a real serial port (serialport 13): RS-232/TTL printers and readers, USB-serial
 * adapters, and the simulator on a socat pseudo-terminal (ARCHITECTURE.md §5 "one end-to-end path over
 * real serial"). The binding is serialport's own; tests inject nothing here, they use a pty.
 */
import { SerialPort } from 'serialport';
import { Listeners, TransportError, type Transport } from './transport';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
}

export class SerialTransport implements Transport {
  readonly description: string;
  private port: SerialPort | null = null;
  private closing = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();

  constructor(private readonly options: SerialTransportOptions) {
    this.description = `serial:${options.path}@${options.baudRate}`;
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
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate, autoOpen: false, lock: true });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => {
        if (!err) return resolve();
        const kind = /no such file|ENOENT|cannot open/i.test(err.message) ? 'notFound' : /lock|busy/i.test(err.message) ? 'busy' : 'io';
        reject(new TransportError(`${this.description}: ${err.message}`, kind));
      }),
    );
    this.closing = false;
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', (err?: { disconnected?: boolean; message?: string }) => {
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
    if (!port?.isOpen) return;
    this.closing = true;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new TransportError(`${this.description}: not open`, 'closed');
    await new Promise<void>((resolve, reject) =>
      port.write(Buffer.from(bytes), (err) => (err ? reject(new TransportError(`${this.description}: ${err.message}`, 'io')) : resolve())),
    );
    await new Promise<void>((resolve, reject) =>
      port.drain((err) => (err ? reject(new TransportError(`${this.description}: ${err.message}`, 'io')) : resolve())),
    );
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }
}
