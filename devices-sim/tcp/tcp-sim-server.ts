/**
 * A simulated network printer (ESC/POS on a TCP port, like a LAN printer on 9100; issue 13 §2): one
 * SimEscPosPrinter answering whichever connection is current (network-device-end.ts). Network faults for
 * the host's reconnect tests:
 * - `goDown()` / `comeBack()`: the switch restarts — every connection is closed and nothing listens, then
 *   the printer is reachable again on the same port;
 * - `abandonConnections()`: the printer forgets its connections without a word (half-open from the host's
 *   side: its socket stays up and hears nothing).
 * Run it on its own with cli/tcp-sim.ts.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Clock } from '../../common/clock';
import { SimEscPosPrinter } from '../escpos/sim-escpos-printer';
import type { PaperSupply } from '../escpos/printer-faults';
import type { SimLog } from '../escpos/reply-channel';
import { NetworkDeviceEnd } from './network-device-end';

export interface TcpSimServerOptions {
  clock: Clock;
  /** The configuration's device id (§8.1). Default "lan-printer". */
  id?: string;
  /** A models.ts id. Default "generic-escpos-80". */
  model?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port (then `port` says which). */
  port?: number;
  /** Time per paper line. Default 1 ms. */
  lineTimeMs?: number;
  paper?: PaperSupply;
  log?: SimLog;
}

export class TcpSimServer {
  readonly printer: SimEscPosPrinter;
  private readonly end: NetworkDeviceEnd;
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;
  private boundPort = 0;
  private accepted = 0;

  private constructor(private readonly options: TcpSimServerOptions) {
    const id = options.id ?? 'lan-printer';
    this.end = new NetworkDeviceEnd(id);
    this.printer = new SimEscPosPrinter({ id, model: options.model ?? 'generic-escpos-80', transport: this.end, clock: options.clock, lineTimeMs: options.lineTimeMs ?? 1, paper: options.paper, log: options.log });
  }

  static async start(options: TcpSimServerOptions): Promise<TcpSimServer> {
    const sim = new TcpSimServer(options);
    await sim.printer.start();
    await sim.listen(options.port ?? 0);
    return sim;
  }

  get port(): number {
    return this.boundPort;
  }

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  /** Connections accepted so far: a host that reconnected made a new one. */
  get connectionsAccepted(): number {
    return this.accepted;
  }

  /** A host connection is current now. */
  get connected(): boolean {
    return this.end.connected;
  }

  /** The switch restarts: every connection is closed and nothing listens until comeBack(). */
  async goDown(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Reachable again, on the same port. */
  async comeBack(): Promise<void> {
    if (!this.server) await this.listen(this.boundPort);
  }

  /** The printer forgets its connections without a word; a new connection is served as usual. */
  abandonConnections(): void {
    this.end.abandon();
  }

  async close(): Promise<void> {
    await this.goDown();
    await this.printer.stop();
  }

  private async listen(port: number): Promise<void> {
    const server = createServer((socket) => {
      this.accepted++;
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => this.sockets.delete(socket));
      this.end.attach(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, this.host, () => resolve());
    });
    this.boundPort = (server.address() as { port: number }).port;
    this.server = server;
  }
}
