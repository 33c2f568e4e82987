/**
 * A Transport over TCP: network receipt/ticket printers (ESC/POS on port 9100) and serial device servers.
 */
import { Socket } from 'node:net';
import { Listeners, TransportError, type Transport } from './transport';

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

export class TcpTransport implements Transport {
  readonly description: string;
  private socket: Socket | null = null;
  private closing = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly disconnects = new Listeners<[string]>();

  constructor(private readonly options: TcpTransportOptions) {
    this.description = `tcp:${options.host}:${options.port}`;
  }

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const socket = new Socket();
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new TransportError(`${this.description}: connect timed out`, 'notFound'));
      }, this.options.connectTimeoutMs ?? 3000);
      socket.once('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(new TransportError(`${this.description}: ${err.message}`, err.code === 'ECONNREFUSED' || err.code === 'EHOSTUNREACH' ? 'notFound' : 'io'));
      });
      socket.connect(this.options.port, this.options.host, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.closing = false;
    socket.setKeepAlive(true, 5000);
    socket.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.socket = null;
      if (!this.closing) this.disconnects.emit('connection closed');
    });
    this.socket = socket;
  }

  async close(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.closing = true;
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      socket.destroy();
    });
    this.socket = null;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new TransportError(`${this.description}: not open`, 'closed');
    await new Promise<void>((resolve, reject) => socket.write(bytes, (err) => (err ? reject(new TransportError(`${this.description}: ${err.message}`, 'io')) : resolve())));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.disconnects.add(listener);
  }
}
