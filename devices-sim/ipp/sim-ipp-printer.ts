/**
 * SimIppPrinter: a simulated A4 document printer that speaks IPP/2.0 over HTTP on 127.0.0.1 (issue 17 §1;
 * protocols.md §4, §7 item 4; ARCHITECTURE.md §4), with the drivers' own codec (drivers/protocol/ipp). It
 * stores each PDF it receives, counts its sheets, prints them on the injected clock (sim-job-engine.ts),
 * runs low and out of paper, jams mid-job, goes offline, refuses connections when unplugged and holds them
 * unanswered on noReply. The control API sees it as a SimDevice: faults in the status words
 * (ipp-printer-faults.ts), `printed()` with each document's text (pdf-text.ts), and the actions `take` (a
 * citizen takes the document from the output tray) and `forget-jobs` (a power cycle: the job history is gone).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Clock } from '../../common/clock';
import type { DeviceRole, DeviceStatus } from '../../common/device';
import { IPP_MIME_TYPE } from '../../drivers/protocol/ipp/constants';
import { decodeIppMessage, IppDecodeError } from '../../drivers/protocol/ipp/ipp-decoder';
import { encodeIppMessage } from '../../drivers/protocol/ipp/ipp-encoder';
import { SimActionError, type SimAction, type SimDevice } from '../sim-device';
import { answerIpp, type OperationTarget } from './ipp-operations';
import { parseIppPrinterFaults, type IppPrinterFaults } from './ipp-printer-faults';
import { extractPdfText } from './pdf-text';
import type { PrintedDocument } from './printed-document';
import { printerAttributes } from './printer-attributes';
import { SimJobEngine, type SimJob } from './sim-job-engine';
import { SimPrinterState, type TrayOptions } from './sim-printer-state';

export interface SimIppPrinterOptions {
  id: string;
  model?: string;
  roles?: readonly DeviceRole[];
  clock: Clock;
  /** Loopback port; 0 (the default) picks a free one, kept across unplug and replug. */
  port?: number;
  /** Clock time per sheet; 0 prints at once (tests, benchmarks). Default 2000 (30 pages a minute). */
  pageMs?: number;
  tray?: TrayOptions;
  faults?: IppPrinterFaults;
  /** Largest request accepted (a certificate PDF with its font subset is far smaller). Default 32 MiB. */
  maxRequestBytes?: number;
  /** Jobs kept in the history. Default 500. */
  maxJobs?: number;
}

const DEFAULT_MAX_REQUEST = 32 * 1024 * 1024;
export const SIM_IPP_MODEL = 'sim-a4-ipp';

export class SimIppPrinter implements SimDevice, OperationTarget {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly engine: SimJobEngine;
  private readonly clock: Clock;
  private readonly state: SimPrinterState;
  private readonly options: SimIppPrinterOptions;
  private server: Server | undefined;
  private port: number;
  private readonly sockets = new Set<Socket>();
  private readonly held = new Set<ServerResponse>();
  private documents: PrintedDocument[] = [];
  private seq = 0;
  private readonly startedAt: number;
  private identified = 0;
  private readonly listeners = new Set<(status: DeviceStatus) => void>();

  constructor(options: SimIppPrinterOptions) {
    this.options = options;
    this.id = options.id;
    this.model = options.model ?? SIM_IPP_MODEL;
    this.roles = [...(options.roles ?? ['documentPrinter'])];
    this.clock = options.clock;
    this.port = options.port ?? 0;
    this.startedAt = options.clock.elapsedMs();
    this.state = new SimPrinterState(options.tray);
    this.engine = new SimJobEngine({ clock: options.clock, state: this.state, pageMs: options.pageMs ?? 2000, ...(options.maxJobs !== undefined && { maxJobs: options.maxJobs }), ended: (job) => this.record(job), changed: () => this.notify() });
    if (options.faults) this.state.apply(parseIppPrinterFaults(options.faults));
  }

  /** ipp://127.0.0.1:<port>/ipp/print, once started. */
  get url(): string {
    if (this.port === 0) throw new Error(`${this.id}: start() the simulator before asking its url`);
    return `ipp://127.0.0.1:${this.port}/ipp/print`;
  }

  get printerUri(): string {
    return this.url;
  }

  async start(): Promise<void> {
    if (!this.state.unplugged) await this.listen();
  }

  async stop(): Promise<void> {
    this.engine.dispose();
    await this.unlisten();
  }

  status(): DeviceStatus {
    return this.state.deviceStatus();
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    this.state.apply(parseIppPrinterFaults(body));
    this.afterFaultChange();
    return this.status();
  }

  clearFaults(): void {
    this.state.clear(); // healthy: a full tray too
    this.afterFaultChange();
  }

  printed(): PrintedDocument[] {
    return this.documents.map((d) => ({ ...d }));
  }

  reset(): void {
    this.engine.forget();
    this.documents = [];
    this.seq = 0;
    this.state.clear();
    this.afterFaultChange();
  }

  /** Times Identify-Printer was asked (a technician finding the printer). */
  get identifyCount(): number {
    return this.identified;
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      take: {
        description: 'a citizen takes the document from the output tray (409 when the tray is empty)',
        start: () => {
          if (!this.state.outputOccupied) throw new SimActionError('the output tray is empty');
          this.state.outputOccupied = false;
          this.notify();
          return this.status();
        },
      },
      'forget-jobs': {
        description: 'power-cycle the printer: its job queue and job history are gone (findJob then finds nothing)',
        start: () => {
          this.engine.forget();
          this.notify();
          return this.status();
        },
      },
    };
  }

  // OperationTarget (ipp-operations.ts)
  acceptingJobs(): boolean {
    return this.state.acceptingJobs;
  }

  upTimeS(): number {
    return Math.floor((this.clock.elapsedMs() - this.startedAt) / 1000) + 1;
  }

  identify(): void {
    this.identified++;
  }

  printerAttributes(): ReturnType<typeof printerAttributes> {
    const s = this.state;
    return printerAttributes({
      uri: this.url,
      name: this.id,
      makeAndModel: 'hallkiosk SimIppPrinter A4',
      location: 'hallkiosk simulator',
      upTimeS: this.upTimeS(),
      state: s.printerState(this.engine.printing),
      reasons: s.reasons(),
      acceptingJobs: s.acceptingJobs,
      queuedJobs: this.engine.all.filter((j) => j.state < 7).length,
      tonerLevel: s.toner === 'ok' ? 80 : s.toner === 'low' ? 8 : 0,
      mediaReady: s.sheets > 0,
    });
  }

  private afterFaultChange(): void {
    if (this.server && (this.state.unplugged || !this.state.noReply)) this.releaseHeld();
    if (this.state.unplugged && this.server) void this.unlisten();
    else if (!this.state.unplugged && !this.server && this.port !== 0) void this.listen();
    this.engine.kick();
    this.notify();
  }

  private record(job: SimJob): void {
    const pdf = job.pdf!;
    this.documents.push({
      seq: ++this.seq,
      at: new Date(this.clock.now()).toISOString(),
      jobName: job.name,
      pages: job.impressions,
      text: extractPdfText(pdf),
      jobState: job.state === 9 ? 'completed' : job.state === 8 ? 'aborted' : 'canceled',
      pdfBase64: Buffer.from(pdf).toString('base64'),
    });
  }

  private notify(): void {
    const status = this.status();
    for (const l of [...this.listeners]) l(status);
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  private async unlisten(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.releaseHeld();
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests held on noReply: their connections are dropped (the client sees a reset). */
  private releaseHeld(): void {
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, this.options.maxRequestBytes ?? DEFAULT_MAX_REQUEST).catch(() => null);
    if (this.state.noReply) {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST') return plain(res, 405, 'IPP requests are POSTed', { Allow: 'POST' });
    if (path !== '/ipp/print' && path !== '/') return plain(res, 404, `no printer at ${path}; use /ipp/print`);
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith(IPP_MIME_TYPE)) return plain(res, 415, 'Content-Type must be application/ipp');
    if (body === null) return plain(res, 413, 'request too large');
    let answer: Uint8Array;
    try {
      answer = encodeIppMessage(answerIpp(this, decodeIppMessage(body)));
    } catch (err) {
      if (err instanceof IppDecodeError) return plain(res, 400, `not an IPP request: ${err.message}`);
      throw err;
    }
    res.writeHead(200, { 'Content-Type': IPP_MIME_TYPE, 'Content-Length': String(answer.length) });
    res.end(answer);
  }
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.resume();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
