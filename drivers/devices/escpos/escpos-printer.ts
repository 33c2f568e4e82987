/**
 * EscPosPrinter: ticket and receipt printers speaking ESC/POS (protocols.md §2) over any Transport
 * (ARCHITECTURE.md §3). Status is polled with DLE EOT 1–4 through the device's one command queue and,
 * where the model has it, pushed by ASB; a print succeeds only when the printer confirms it processed
 * everything up to the cut (§2.7) — process ID or GS r per the model table — never because bytes left.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { maskedHex } from '../../../common/hex-dump';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import type { PrintDocument } from '../../../common/print-document';
import { ASB_ERROR, ASB_ONLINE, ASB_PAPER, RECOVERY_CLEAR_BUFFERS } from '../../protocol/escpos/constants';
import { EscPosEncodeError, EscPosEncoder, fullStatusRequest, presenterRetract, realtimeRecovery, realtimeStatusRequest } from '../../protocol/escpos/encoder';
import { escPosModel, type EscPosModel } from '../../protocol/escpos/models';
import { interpretFullStatus, interpretRealtimeStatus, type EscPosStatusBits } from '../../protocol/escpos/status-bits';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { LifecycleState } from '../lifecycle';
import type { PrintEvents, PrintResult, TicketPrinter } from '../printer-types';
import { DeviceCounters, MemoryStatisticsStore } from '../statistics';
import type { EscPosPrinterOptions } from './escpos-printer-options';
import { escPosHealthCheck } from './health-check';
import { jobDeadlineMs, printTestPage, waitForJob, wireTimeMs } from './print-job';
import { PresentationWatch } from './presentation-watch';
import { ProcessIdTags } from './process-id-tags';
import { statusFromBits } from './printer-status';
import { renderDocument, type RenderedJob } from './render-document';
import { ReplyRouter } from './reply-router';
import { answersOverLink, noReadbackReason, sendWithoutReadback, statusUnsupported } from './write-only-link';

export type { EscPosPrinterOptions } from './escpos-printer-options';

const STATUS_QUERIES = [1, 2, 3, 4] as const;
/** How far the printer's retract timer and this clock may drift apart (presentation-watch.ts) [C]. */
const RETRACT_CLOCK_SLACK_MS = 1000;
/** An empty mouth read this long after a confirmed job, the ticket never seen in it: its fate is unknown [C]. */
const NEVER_SEEN_IN_MOUTH_MS = 3000;
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
  readonly lateReplyMs: number;
  private readonly openTimeoutMs: number;
  private readonly openQuietMs: number;
  private readonly openDrainBudgetMs: number;
  private readonly timeZone: string;
  private readonly tags: ProcessIdTags;
  /** false: nothing the printer says reaches the host over this link (write-only-link.ts, models.ts `usblpStatus`). */
  private readonly answers: boolean;
  private readonly presentTimeoutS: number | undefined;
  private readonly presentedPollMs: number;
  private readonly presentation: PresentationWatch;
  /** Bumped by every open() and close(), so a port that opens after its open() gave up is closed again. */
  private openEpoch = 0;
  private pollTimer: TimerHandle | null = null;
  private failures = 0;
  /** Status rounds stopped being answered (Device.silent): set before the status that says offline. */
  silent = false;
  private readsRefusedLogged = false;
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
    this.lateReplyMs = options.lateReplyMs ?? this.statusTimeoutMs * 2;
    this.openTimeoutMs = options.openTimeoutMs ?? 5000;
    this.openQuietMs = options.openQuietMs ?? Math.min(250, this.statusTimeoutMs);
    this.openDrainBudgetMs = options.openDrainBudgetMs ?? 30_000;
    this.timeZone = options.timeZone ?? 'Asia/Shanghai';
    this.tags = new ProcessIdTags(options.random ?? Math.random);
    this.presentTimeoutS = this.modelInfo.presenter ? (options.presentTimeoutS ?? this.modelInfo.presenter.retractAfterS) : undefined;
    this.presentedPollMs = options.presentedPollMs ?? Math.min(500, this.pollIntervalMs);
    this.presentation = new PresentationWatch(options.clock, this.presentedPollMs + RETRACT_CLOCK_SLACK_MS, NEVER_SEEN_IN_MOUTH_MS);
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    this.answers = answersOverLink(options.transport, this.modelInfo);
    // Without replies there is no printer block: paper and cover are unknown, not "full" (ARCHITECTURE.md §3).
    this.holder = new StatusHolder(this.answers ? { device: 'starting', printer: { paper: 'full', coverOpen: false, cutterError: false } } : { device: 'starting' });
    const replies = { ticketTakenBit: this.modelInfo.ticketTakenBit, asb: this.modelInfo.asb, fullStatus: this.modelInfo.statusQuery === 'fullStatus', lateReplyMs: this.lateReplyMs };
    this.router = new ReplyRouter(options.clock, replies, (reply) =>
      this.log.debug('stray reply', { type: reply.type }),
    );
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

  /** Bounded like every command (ARCHITECTURE.md §3): a stuck port fails with timeout instead of hanging. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    const epoch = ++this.openEpoch;
    try {
      await this.queue.run('open', (signal) => this.connect(signal, epoch), { timeoutMs: options.timeoutMs ?? this.openTimeoutMs, signal: options.signal });
    } catch (err) {
      const e = DeviceError.from(err, 'noDevice');
      if (epoch !== this.openEpoch) throw e; // close() (or a newer open) took over: leave its state alone
      this.detach();
      this.life.closed();
      await this.transport.close().catch(() => undefined);
      this.holder.update({ device: 'noDevice' });
      throw e;
    }
    if (!this.answers) {
      this.log.warn('printer status cannot be read back over this link', { reason: noReadbackReason(this.transport, this.modelInfo) });
      this.holder.update({ device: 'online' });
      return;
    }
    await this.refreshStatus({ signal: options.signal }).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.openEpoch++;
    this.stopPolling();
    this.presentation.end('unknown');
    this.detach();
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

  /** DLE EOT 1–4 one after another (or a presenter's DLE EOT 20), through the command queue. */
  refreshStatus(options: CommandOptions = {}): Promise<EscPosStatusBits> {
    if (!this.answers) return Promise.reject(statusUnsupported(this.transport, this.modelInfo));
    const queries = this.modelInfo.statusQuery === 'fullStatus' ? 1 : STATUS_QUERIES.length;
    return this.queue.run('status', (signal) => this.queryStatus(signal), {
      timeoutMs: options.timeoutMs ?? this.statusTimeoutMs * queries + this.lateReplyMs + 500,
      signal: options.signal,
    });
  }

  print(document: PrintDocument, options: CommandOptions<PrintEvents> = {}): Promise<PrintResult> {
    const tag = this.tags.take();
    let job: RenderedJob;
    try {
      job = renderDocument(document, this.modelInfo, tag, this.presentTimeoutS);
    } catch (err) {
      // A document this printer cannot print as asked (a QR too long, a sequence it would act on, §2.7).
      if (!(err instanceof EscPosEncodeError)) throw err;
      this.log.warn('document refused by the encoder', { jobId: document.jobId, reason: err.message });
      this.counters.add('jobsNotPrinted');
      return Promise.resolve({ outcome: 'notPrinted', error: new DeviceError('invalidData', err.message).info() });
    }
    if (job.replaced.codePoints.length + job.replaced.inPersonalText > 0) {
      // Printed as □ (charsets.ts): a technician may want a model whose font has them.
      this.log.warn('characters this printer cannot print were replaced with □', { jobId: document.jobId, charset: this.modelInfo.charset, ...job.replaced });
    }
    if (this.presentation.watching) this.retractUntaken();
    const jobTimeoutMs = options.timeoutMs ?? jobDeadlineMs(job, this.modelInfo.lineTimeMs, this.transport.bytesPerSecond);
    const writeMs = wireTimeMs(job.bytes.length, this.transport.bytesPerSecond);
    const state = { sent: false };
    const run = this.queue.run('print', (signal) => this.runJob(job, tag, jobTimeoutMs, signal, state, options.events), {
      // The rest of an unfinished job draining first (held now, or by the time this job's turn comes: a
      // job like this one, or the sync at open), the write, the job, a status round before it and one per
      // poll, and the waits for late replies (§2.7).
      timeoutMs: Math.max(this.router.unfinishedBudgetMs, this.openDrainBudgetMs, jobTimeoutMs) + writeMs + jobTimeoutMs + this.statusTimeoutMs * 8 + this.lateReplyMs * 2 + 1000,
      signal: options.signal,
    });
    return run
      .catch((err: unknown): PrintResult => {
        const e = DeviceError.from(err);
        return state.sent ? { outcome: 'unknown', error: e.info() } : { outcome: 'notPrinted', error: e.info() };
      })
      .then((result) => {
        this.countJob(result, job.lines);
        if (result.outcome === 'confirmed' && this.presentTimeoutS !== undefined) this.watchPresented(this.presentTimeoutS, options.events);
        return result;
      });
  }

  healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const probe = { refreshStatus: (o: CommandOptions) => this.refreshStatus(o), print: (d: PrintDocument, o: CommandOptions) => this.print(d, { signal: o.signal, timeoutMs: o.timeoutMs }) };
    const facts = { transport: this.transport, lifecycle: this.life.value, queueLength: this.queue.length, status: () => this.status };
    return escPosHealthCheck(level, options, { ...probe, ...facts, testPage: () => printTestPage(this, this.clock.now(), this.timeZone), model: this.modelInfo });
  }

  /** Used by print-job.ts: one status round, each query answered by its own reply (reply-router.ts). */
  async queryStatus(signal: AbortSignal): Promise<EscPosStatusBits> {
    const bits: EscPosStatusBits = {};
    try {
      if (this.modelInfo.statusQuery === 'fullStatus') {
        const reply = await this.router.askFullStatus(() => this.send(fullStatusRequest(), [], signal), this.statusTimeoutMs, signal);
        Object.assign(bits, interpretFullStatus(reply));
      } else {
        for (const n of STATUS_QUERIES) {
          const byte = await this.router.askStatus(() => this.send(realtimeStatusRequest(n), [], signal), this.statusTimeoutMs, signal);
          Object.assign(bits, interpretRealtimeStatus(n, byte));
        }
      }
    } catch (err) {
      const e = this.transport.readsRefused === true ? this.readsRefusedError() : DeviceError.from(err);
      // A round we called off (a job ended, the device closed) says nothing about the printer.
      if (e.code === 'canceled') throw e;
      this.counters.add('statusErrors');
      if (++this.failures >= FAILURES_BEFORE_OFFLINE && this.holder.status.device !== 'noDevice') {
        this.silent = e.code === 'timeout';
        this.holder.update({ device: e.code === 'garbledReply' ? 'hardwareError' : e.code === 'noDevice' ? 'noDevice' : 'offline' });
      }
      throw e;
    }
    this.failures = 0;
    this.silent = false;
    this.applyBits(bits);
    return bits;
  }

  /**
   * The link refused reads (a write-only USB interface, usblp EINVAL) on a model whose row says it answers:
   * the row, or this printer's setting, is wrong. Said once in the log; each status round fails with it.
   */
  private readsRefusedError(): DeviceError {
    const message = `${this.modelInfo.displayName} refuses reads over ${this.transport.description}: its USB interface is write-only here, although models.ts says ${this.modelInfo.usblpStatus.kind} (${this.modelInfo.usblpStatus.reason}); no status and no confirmation can come: wire it by serial, or switch the printer's USB mode to bidirectional`;
    if (!this.readsRefusedLogged) this.log.error('printer status cannot be read: reads refused', { reason: message });
    this.readsRefusedLogged = true;
    return new DeviceError('unsupported', message);
  }

  /** Writes bytes with a masked trace dump (ARCHITECTURE.md §6). */
  async send(bytes: Uint8Array, personal: Array<{ start: number; end: number }> = [], signal?: AbortSignal): Promise<void> {
    // A command that timed out or was aborted never writes again (command-queue.ts).
    if (signal?.aborted) throw new DeviceError('canceled', 'canceled before writing');
    if (this.log.isEnabled('trace')) this.log.trace('tx', { hex: maskedHex(bytes, personal) });
    await this.transport.write(bytes, signal);
    this.counters.addQuietly('bytesSent', bytes.length);
  }

  /** Clears what is left of a failed job (DLE ENQ 2; honoured only in the states models.ts `bufferClearIn` lists). */
  async clearPrinterBuffer(): Promise<void> {
    await this.send(realtimeRecovery(RECOVERY_CLEAR_BUFFERS)).catch(() => undefined);
  }

  /** Used by buffer-drain.ts: the rest of an unfinished job came out (true), or was presumed dropped. */
  noteDrained(came: boolean): void {
    if (came) this.log.info('the rest of the unfinished job printed; the buffer has drained');
    else this.log.warn('the unfinished job never confirmed; its rest is presumed dropped (power cycle?)');
  }

  private countJob(result: PrintResult, lines: number): void {
    if (result.outcome === 'confirmed') {
      this.counters.add('jobs');
      this.counters.add('linesPrinted', lines);
      this.counters.add('cuts');
    } else this.counters.add(result.outcome === 'notPrinted' ? 'jobsNotPrinted' : 'jobsFailed');
  }

  private runJob(job: RenderedJob, tag: string, jobTimeoutMs: number, signal: AbortSignal, state: { sent: boolean }, events?: PrintEvents): Promise<PrintResult> {
    if (!this.answers) return sendWithoutReadback(this, job, signal, state, events);
    return waitForJob(this, this.router, { job, tag, jobTimeoutMs, signal, state, events, completion: this.modelInfo.completion });
  }

  private async connect(signal: AbortSignal, epoch: number): Promise<void> {
    await this.transport.open();
    if (signal.aborted || epoch !== this.openEpoch) {
      // open() gave up, or close() came, while the port was opening: do not leave it open and polling.
      if (this.life.value === 'closed') await this.transport.close();
      throw new DeviceError('canceled', 'open abandoned');
    }
    this.router.reset(new DeviceError('canceled', 'reopened'));
    // A new link starts unjudged: its first unanswered rounds are news again (the device manager reconnects a
    // silent network printer on the change to offline, and would not hear a second silence otherwise).
    this.failures = 0;
    this.silent = false;
    if (this.holder.status.device === 'offline') this.holder.update({ device: 'starting' });
    this.unsubscribe = [this.transport.onData((chunk) => this.onData(chunk)), this.transport.onDisconnect((reason) => this.onDisconnect(reason))];
    this.life.opened();
    this.tags.renew();
    // DLE ENQ 2 drops what a previous host process left in the buffers where the printer is stopped in a
    // state its model clears in (§2.7; a healthy printer ignores it and prints the old job on, whose replies
    // carry the old process's tags and confirm nothing here); then ESC @, and ASB where the model has it
    // (§2.5), so faults arrive without polling.
    const setup = new EscPosEncoder().raw(realtimeRecovery(RECOVERY_CLEAR_BUFFERS)).initialize();
    if (this.modelInfo.asb && this.answers) setup.enableAsb(ASB_ONLINE | ASB_ERROR | ASB_PAPER);
    await this.send(setup.build().bytes, [], signal);
    // A printer that cannot answer has no replies to drain and no sync reply to wait for (write-only-link.ts).
    if (!this.answers) return;
    // Replies already on their way to the previous process drain away before this one asks anything.
    await this.router.quiet(this.openQuietMs, this.openQuietMs * 4, signal);
    // A sync point (§2.7): its completion reply comes only once everything a previous process left in the
    // buffer is done, so the first job waits for it (buffer-drain.ts) and queues behind nothing it cannot see.
    await this.sendSyncRequest(this.openDrainBudgetMs, signal);
  }

  /**
   * A completion request on its own (§2.7): its reply comes only once everything sent before it is done,
   * so it is held as the unfinished marker the next job waits for (buffer-drain.ts). Replies come in order:
   * an older marker's reply, if it comes at all, comes first and confirms nothing.
   */
  async sendSyncRequest(budgetMs: number, signal: AbortSignal): Promise<void> {
    const syncTag = this.modelInfo.completion === 'processId' ? this.tags.take() : null;
    const sync = syncTag === null ? new EscPosEncoder().transmitPaperStatus() : new EscPosEncoder().processIdRequest(syncTag);
    this.router.holdUnfinished(syncTag, budgetMs, { requested: true });
    await this.send(sync.build().bytes, [], signal);
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  private applyBits(bits: EscPosStatusBits): void {
    const delta = statusFromBits(bits, this.modelInfo);
    this.holder.update(delta);
    this.presentation.observe(delta.printer?.mediaPresented);
  }

  /**
   * A new ticket while the last one still waits in the mouth (its citizen pressed 完成 and left it): the old
   * one is pulled back into the bin first (GS e 2, §2.6), before the new one comes out over it, so nobody
   * takes a stranger's number; it is reported retracted (marked for staff). Through the command queue, so
   * it goes out ahead of the job.
   */
  private retractUntaken(): void {
    if (!this.presentation.inMouth) return this.presentation.end('unknown');
    void this.queue
      .run('retract', (signal) => this.send(presenterRetract(), [], signal), { timeoutMs: this.statusTimeoutMs })
      .then(
        () => this.presentation.end('retracted'),
        () => this.presentation.end('unknown'),
      );
  }

  /** The confirmed ticket waits in the presenter's mouth (§2.6): polled faster until it is gone. */
  private watchPresented(timeoutS: number, events: PrintEvents | undefined): void {
    this.presentation.presented(timeoutS * 1000, (how) => {
      this.log.info('presented ticket gone', { how });
      this.counters.add(how === 'taken' ? 'ticketsTaken' : how === 'retracted' ? 'ticketsRetracted' : 'ticketsUnaccounted');
      events?.onRemoved?.(how);
    });
    events?.onPresented?.();
    if (this.life.value === 'enabled') this.schedulePoll();
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
    this.presentation.end('unknown');
    this.detach();
    this.life.closed();
    this.silent = false;
    this.holder.update({ device: 'noDevice' });
  }

  private schedulePoll(): void {
    this.stopPolling();
    if (!this.answers) return; // nothing to poll: its status cannot be read (write-only-link.ts)
    this.pollTimer = this.clock.setTimer(this.presentation.watching ? this.presentedPollMs : this.pollIntervalMs, () => {
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

