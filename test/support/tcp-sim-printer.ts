/**
 * A simulated network printer (ESC/POS on a TCP port, like a LAN printer on 9100) for tests of real
 * transports: each accepted connection is served by one SimEscPosPrinter over the socket.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { Listeners, type Transport } from '../../drivers/transport/transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';

class AcceptedSocket implements Transport {
  readonly description = 'tcp-accepted';
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly gone = new Listeners<[string]>();
  constructor(private readonly socket: Socket) {
    socket.on('data', (d: Buffer) => this.data.emit(new Uint8Array(d)));
    socket.on('close', () => this.gone.emit('closed'));
    socket.on('error', () => undefined);
  }
  get isOpen(): boolean {
    return !this.socket.destroyed;
  }
  async open(): Promise<void> {}
  async close(): Promise<void> {
    this.socket.destroy();
  }
  async write(bytes: Uint8Array): Promise<void> {
    this.socket.write(bytes);
  }
  onData(l: (c: Uint8Array) => void): () => void {
    return this.data.add(l);
  }
  onDisconnect(l: (r: string) => void): () => void {
    return this.gone.add(l);
  }
}

export interface TcpSimPrinter {
  port: number;
  current(): SimEscPosPrinter | null;
  close(): Promise<void>;
}

export async function startTcpSimPrinter(model = 'generic-escpos-80'): Promise<TcpSimPrinter> {
  let sim: SimEscPosPrinter | null = null;
  const clock = new AdjustableClock();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    sim = new SimEscPosPrinter({ id: 'lan-printer', model, transport: new AcceptedSocket(socket), clock, lineTimeMs: 1 });
    void sim.start();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    current: () => sim,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
