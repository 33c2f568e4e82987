/**
 * The printer's end of a network link (issue 13 §2): a LAN printer on port 9100 talks over whichever TCP
 * connection is current, one at a time (the newest wins; the older one is closed). Its state — paper, the
 * print buffer, what it printed — belongs to the printer, not to a connection, so it outlives a reconnect.
 * With no connection, what the printer says goes nowhere, as on a real network card whose link is down.
 */
import type { Socket } from 'node:net';
import { Listeners, type Transport } from '../../drivers/transport/transport';

export class NetworkDeviceEnd implements Transport {
  readonly description: string;
  private current: Socket | null = null;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly gone = new Listeners<[string]>();

  constructor(name: string) {
    this.description = `tcp-sim:${name}`;
  }

  /** The printer itself is always there; only its connections come and go. */
  get isOpen(): boolean {
    return true;
  }

  get connected(): boolean {
    return this.current !== null;
  }

  async open(): Promise<void> {}

  async close(): Promise<void> {
    this.current?.destroy();
    this.current = null;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const socket = this.current;
    if (socket && !socket.destroyed) socket.write(bytes);
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  onDisconnect(listener: (reason: string) => void): () => void {
    return this.gone.add(listener);
  }

  /** A host connected: from now on the printer hears and answers this connection only. */
  attach(socket: Socket): void {
    const older = this.current;
    this.current = socket;
    older?.destroy();
    socket.on('data', (chunk: Buffer) => {
      if (this.current === socket) this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.current !== socket) return;
      this.current = null;
      this.gone.emit('connection closed');
    });
  }

  /**
   * The printer forgets its connection without telling the host (its network side reset while a switch was
   * down, so no FIN or RST reaches the host): the host's socket stays up and hears nothing more.
   */
  abandon(): void {
    const socket = this.current;
    this.current = null;
    socket?.pause();
  }
}
