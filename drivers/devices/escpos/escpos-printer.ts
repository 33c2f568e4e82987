/**
 * EscPosPrinter: ticket and receipt printers speaking ESC/POS (protocols.md §2) over any Transport
 * (ARCHITECTURE.md §3). Status is polled with DLE EOT 1–4 through the device's one command queue and,
 * where the model has it, pushed by ASB; a print succeeds only when the printer confirms it processed
 * everything up to the cut (§2.7) — process ID or GS r per the model table — never because bytes left.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { errorInfo } from '../../../common/errors';
import { maskedHex } from '../../../common/hex-dump';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import type { PrintDocument } from '../../../common/print-document';
import { ASB_ERROR, ASB_ONLINE, ASB_PAPER, RECOVERY_CLEAR_BUFFERS } from '../../protocol/escpos/constants';
import { EscPosEncoder, realtimeRecovery, realtimeStatusRequest } from '../../protocol/escpos/encoder';
import { escPosModel, type EscPosModel } from '../../protocol/escpos/models';
import { interpretRealtimeStatus, type EscPosStatusBits } from '../../protocol/escpos/status-bits';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { LifecycleState } from '../lifecycle';
import type { PrintEvents, PrintResult, TicketPrinter } from '../printer-types';
import { DeviceCounters, MemoryStatisticsStore, type StatisticsStore } from '../statistics';
import { printTestPage, waitForJob } from './print-job';
import { printBlocker, statusFromBits } from './printer-status';
import { renderDocument } from './render-document';
import { ReplyRouter } from './reply-router';

export interface EscPosPrinterOptions {
  id: string;
  roles: DeviceRole[];
  /** A row of the model table (drivers/protocol/escpos/models.ts). */
  model: string;
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Idle status polling period. */
  pollIntervalMs?: number;
  /** How long one DLE EOT reply may take. */
  statusTimeoutMs?: number;
  /** Status polling period while a job is printing. */
  jobPollMs?: number;
}

const STATUS_QUERIES = [1, 2, 3, 4] as const;
/** Consecutive failed status polls before the device is reported offline (one lost byte is not an outage). */
const FAILURES_BEFORE_OFFLINE = 2;

export class EscPosPrinter implements TicketPrinter {
  readonly driver = 'escpos';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly modelInfo: EscPosModel;
  private readonly transport: Transport;
  readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly holder: StatusHolder;
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly router: ReplyRouter;
  private readonly pollIntervalMs: number;
  readonly statusTimeoutMs: number;
  readonly jobPollMs: number;
  private pollTimer: TimerHandle | null = null;
  private failures = 0;
  private jobSeq = 0;
  private unsubscribe: Array<() => void> = [];

  constructor(options: EscPosPrinterOptions) {
    this.id = options.id;
    this.roles = options.roles;
    this.modelInfo = escPosModel(options.model);
    this.model = this.modelInfo.id;
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.jobPollMs = options.jobPollMs ?? 250;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    this.holder = new StatusHolder({ device: 'starting', printer: { paper: 'full', coverOpen: false, cutterError: false } });
    this.router = new ReplyRouter(options.clock, { ticketTakenBit: this.modelInfo.ticketTakenBit }, (reply) => this.log.debug('stray reply', { type: reply.type }));
    this.router.onAsb((bits) => this.applyBits(bits));
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    return this.holder.onChanged(listener);
  }

  async open(): Promise<void> {
    if (this.life.value !== 'closed') return;
    try {
      await this.transport.open();
    } catch (err) {
      this.holder.update({ device: 'noDevice' });
      throw new DeviceError('noDevice', err instanceof Error ? err.message : String(err));
    }
    this.unsubscribe = [
      this.transport.onData((chunk) => this.onData(chunk)),
      this.transport.onDisconnect((reason) => this.onDisconnect(reason)),
    ];
    this.life.opened();
    // ESC @ resets modes; ASB where the model has it (§2.5), so faults arrive without polling.
    const setup = new EscPosEncoder().initialize();
    if (this.modelInfo.asb) setup.enableAsb(ASB_ONLINE | ASB_ERROR | ASB_PAPER);
    await this.send(setup.build().bytes);
    await this.refreshStatus().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.stopPolling();
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.router.reset(new DeviceError('canceled', 'device closed'));
    this.life.closed();
    await this.transport.close();
    this.counters.flush();
  }

  claim(owner: string): void {
    this.life.claim(this.id, owner);
  }

  release(owner: string): void {
    this.life.release(owner);
  }

  async enable(): Promise<void> {
    this.life.enable(this.id);
    this.schedulePoll();
  }

  async disable(): Promise<void> {
    this.life.disable();
    this.stopPolling();
  }

  statistics(): Record<string, number> {
    return { ...this.counters.snapshot(), garbageBytes: this.router.garbageBytes };
  }

  /** DLE EOT 1–4, one after another, through the command queue. */
  refreshStatus(options: CommandOptions = {}): Promise<EscPosStatusBits> {
    return this.queue.run('status', (signal) => this.queryStatus(signal), {
      timeoutMs: options.timeoutMs ?? this.statusTimeoutMs * STATUS_QUERIES.length + 500,
      signal: options.signal,
    });
  }

  print(document: PrintDocument, options: CommandOptions<PrintEvents> = {}): Promise<PrintResult> {
    const tag = (this.jobSeq++ % 36 ** 4).toString(36).toUpperCase().padStart(4, '0');
    const job = renderDocument(document, this.modelInfo, tag);
    const jobTimeoutMs = options.timeoutMs ?? job.lines * this.modelInfo.lineTimeMs * 3 + 5000;
    const state = { sent: false };
    const run = this.queue.run('print', (signal) => this.runJob(job, tag, jobTimeoutMs, signal, state, options.events), {
      timeoutMs: jobTimeoutMs + this.statusTimeoutMs * 8 + 1000,
      signal: options.signal,
    });
    return run.catch((err: unknown): PrintResult => {
      const e = DeviceError.from(err);
      this.counters.add('jobsFailed');
      return state.sent ? { outcome: 'unknown', error: e.info() } : { outcome: 'notPrinted', error: e.info() };
    });
  }

  async healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const findings = [`model ${this.modelInfo.displayName}`, `transport ${this.transport.description} ${this.transport.isOpen ? 'open' : 'closed'}`, `lifecycle ${this.life.value}`];
    if (level === 'internal') {
      findings.push(`queue length ${this.queue.length}`);
      return this.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('noDevice') };
    }
    if (level === 'external') {
      try {
        const bits = await this.refreshStatus(options);
        const blocker = printBlocker(bits);
        findings.push(`status ${JSON.stringify(this.status)}`);
        return blocker ? { level, ok: false, findings, error: errorInfo(blocker) } : { level, ok: true, findings };
      } catch (err) {
        return { level, ok: false, findings, error: DeviceError.from(err).info() };
      }
    }
    const result = await this.print(printTestPage(this, this.clock.now()), { signal: options.signal, timeoutMs: options.timeoutMs });
    findings.push(`test print ${result.outcome}`);
    return result.outcome === 'confirmed' ? { level, ok: true, findings } : { level, ok: false, findings, error: result.error };
  }

  /** Used by print-job.ts: one status round and the blocker it shows. */
  async queryStatus(signal: AbortSignal): Promise<EscPosStatusBits> {
    const bits: EscPosStatusBits = {};
    try {
      for (const n of STATUS_QUERIES) {
        const reply = this.router.nextStatusByte(this.statusTimeoutMs, signal);
        reply.catch(() => undefined); // observed below; a failed send must not leave it unhandled
        await this.send(realtimeStatusRequest(n));
        Object.assign(bits, interpretRealtimeStatus(n, await reply));
      }
    } catch (err) {
      const e = DeviceError.from(err);
      this.counters.add('statusErrors');
      if (++this.failures >= FAILURES_BEFORE_OFFLINE && this.holder.status.device !== 'noDevice') {
        this.holder.update({ device: e.code === 'garbledReply' ? 'hardwareError' : 'offline' });
      }
      throw e;
    }
    this.failures = 0;
    this.applyBits(bits);
    return bits;
  }

  /** Writes bytes with a masked trace dump (ARCHITECTURE.md §6). */
  async send(bytes: Uint8Array, personal: Array<{ start: number; end: number }> = []): Promise<void> {
    if (this.log.isEnabled('trace')) this.log.trace('tx', { hex: maskedHex(bytes, personal) });
    await this.transport.write(bytes);
    this.counters.add('bytesSent', bytes.length);
  }

  /** Clears whatever is left of a failed job in the printer (DLE ENQ 2) so it never prints later. */
  async clearPrinterBuffer(): Promise<void> {
    await this.send(realtimeRecovery(RECOVERY_CLEAR_BUFFERS)).catch(() => undefined);
  }

  countJob(outcome: 'confirmed' | 'failed', lines: number): void {
    if (outcome === 'confirmed') {
      this.counters.add('jobs');
      this.counters.add('linesPrinted', lines);
      this.counters.add('cuts');
    } else this.counters.add('jobsFailed');
  }

  private runJob(job: ReturnType<typeof renderDocument>, tag: string, jobTimeoutMs: number, signal: AbortSignal, state: { sent: boolean }, events?: PrintEvents): Promise<PrintResult> {
    return waitForJob(this, this.router, { job, tag, jobTimeoutMs, signal, state, events, completion: this.modelInfo.completion });
  }

  private applyBits(bits: EscPosStatusBits): void {
    this.holder.update(statusFromBits(bits, this.modelInfo));
  }

  private onData(chunk: Uint8Array): void {
    if (this.log.isEnabled('trace')) this.log.trace('rx', { hex: maskedHex(chunk) });
    this.router.push(chunk);
  }

  private onDisconnect(reason: string): void {
    this.log.warn('printer disconnected', { reason });
    this.counters.add('disconnects');
    this.stopPolling();
    this.router.reset(new DeviceError('noDevice', `printer disconnected: ${reason}`));
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.life.closed();
    this.holder.update({ device: 'noDevice' });
  }

  private schedulePoll(): void {
    this.stopPolling();
    this.pollTimer = this.clock.setTimer(this.pollIntervalMs, () => {
      this.pollTimer = null;
      if (this.life.value !== 'enabled') return;
      const poll = this.queue.length > 0 ? Promise.resolve() : this.refreshStatus().then(() => undefined);
      void poll.catch(() => undefined).finally(() => this.life.value === 'enabled' && this.schedulePoll());
    });
  }

  private stopPolling(): void {
    this.pollTimer?.cancel();
    this.pollTimer = null;
  }
}

