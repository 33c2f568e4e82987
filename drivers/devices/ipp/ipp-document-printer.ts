/**
 * IppDocumentPrinter: an A4 printer or CUPS queue over IPP (issue 17 §1; protocols.md §4; ARCHITECTURE.md §3,
 * §8.3). Status: Get-Printer-Attributes on the clock while enabled (printer-state, printer-state-reasons,
 * printer-is-accepting-jobs → printer-reasons.ts), pushed as deltas; nothing answering → noDevice, no answer
 * in time twice → offline (silent). Jobs: document-job.ts (done means job-state completed). findJob: Get-Jobs
 * which-jobs all, the newest job of that name, then its Get-Job-Attributes. Every exchange goes through one
 * command queue, bounded by a time-out on the clock and the caller's AbortSignal.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { JOB_STATE_NAMES, STATUS } from '../../protocol/ipp/constants';
import type { IppMessage } from '../../protocol/ipp/ipp-message';
import { cancelJobRequest, getJobAttributesRequest, getJobsRequest, getPrinterAttributesRequest, type RequestBase } from '../../protocol/ipp/ipp-requests';
import { readJobAttributes, readJobs, readPrinterAttributes, responseStatus, type PrinterAttributes } from '../../protocol/ipp/ipp-responses';
import { statusFromPrinter } from '../../protocol/ipp/printer-reasons';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { DocumentJob, DocumentPrintEvents, DocumentPrintResult, DocumentPrinter, FoundJob, JobState } from '../document-printer-types';
import { LifecycleState } from '../lifecycle';
import { DeviceCounters, MemoryStatisticsStore } from '../statistics';
import { runDocumentJob, type JobHost } from './document-job';
import { ippHealthCheck } from './health-check';
import { exchangeIpp } from './ipp-exchange';
import { bilingual } from './ipp-messages';
import { DEFAULT_IPP_MODEL, IPP_MODELS, type IppDocumentPrinterOptions, type IppModelId } from './ipp-printer-options';
import { ippEndpoint, type IppEndpoint } from './ipp-url';

export type { IppDocumentPrinterOptions } from './ipp-printer-options';

/** Unanswered status rounds in a row before the printer is reported offline (one lost answer is not an outage). */
const FAILURES_BEFORE_OFFLINE = 2;

const JOB_STATE_BY_ENUM: Readonly<Record<string, JobState>> = {
  pending: 'pending',
  pendingHeld: 'pendingHeld',
  processing: 'processing',
  processingStopped: 'processingStopped',
  canceled: 'canceled',
  aborted: 'aborted',
  completed: 'completed',
};

export class IppDocumentPrinter implements DocumentPrinter, JobHost {
  readonly driver = 'ipp';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly clock: Clock;
  readonly log: Logger;
  readonly jobPollMs: number;
  private readonly options: IppDocumentPrinterOptions;
  private readonly queue: CommandQueue;
  private readonly holder = new StatusHolder({ device: 'starting', printer: { paper: 'full', coverOpen: false, toner: 'ok', outputOccupied: false } });
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly pollIntervalMs: number;
  private readonly requestTimeoutMs: number;
  private endpoint: IppEndpoint | undefined;
  private requestId = 0;
  private failures = 0;
  private pollTimer: TimerHandle | null = null;
  private lastPrinter: PrinterAttributes | undefined;
  silent = false;

  constructor(options: IppDocumentPrinterOptions) {
    this.options = options;
    this.id = options.id;
    this.roles = [...(options.roles ?? ['documentPrinter'])];
    const model = options.model ?? DEFAULT_IPP_MODEL;
    if (!(model in IPP_MODELS)) throw new DeviceError('invalidData', `unknown IPP printer model "${model}"; known: ${Object.keys(IPP_MODELS).join(', ')}`);
    this.model = model as IppModelId;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.pollIntervalMs = options.pollIntervalMs ?? 2000;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.jobPollMs = options.jobPollMs ?? 1000;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  /** host:port/path of the printer, once opened. */
  get where(): string {
    return this.endpoint?.description ?? '(not opened)';
  }

  /** The last Get-Printer-Attributes answer read (make and model, formats, reasons), for diagnostics. */
  get printerAttributes(): PrinterAttributes | undefined {
    return this.lastPrinter;
  }

  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    return this.holder.onChanged(listener);
  }

  /** Reads the url (endpoint()) and asks the printer for its attributes: it must answer to be open. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    this.endpoint = ippEndpoint(this.options.endpoint());
    this.failures = 0;
    this.silent = false;
    try {
      await this.refreshPrinter({ signal: options.signal, timeoutMs: options.timeoutMs ?? this.requestTimeoutMs });
    } catch (err) {
      const e = DeviceError.from(err, 'noDevice');
      if (this.holder.status.device === 'starting') this.holder.update({ device: e.code === 'timeout' ? 'offline' : 'noDevice' });
      throw e;
    }
    this.life.opened();
    this.log.info('IPP printer opened', { where: this.where, makeAndModel: this.lastPrinter?.makeAndModel });
  }

  async close(): Promise<void> {
    this.stopPolling();
    this.life.closed();
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
    return this.counters.snapshot();
  }

  /** One exchange through the command queue (JobHost). */
  ask(name: string, build: (base: RequestBase) => IppMessage, options: CommandOptions = {}): Promise<IppMessage> {
    const endpoint = this.endpoint;
    if (!endpoint) return Promise.reject(new DeviceError('deviceNotReady', `${this.id}: open it first`));
    const timeoutMs = Math.min(options.timeoutMs ?? this.requestTimeoutMs, this.requestTimeoutMs * 6);
    return this.queue.run(
      name,
      (signal) => {
        this.requestId = (this.requestId % 0x7ffffffe) + 1;
        const base: RequestBase = { printerUri: endpoint.printerUri, requestId: this.requestId, userName: this.options.userName ?? 'hallkiosk', language: this.options.language ?? 'zh-cn' };
        return exchangeIpp(endpoint, build(base), { clock: this.clock, timeoutMs, signal });
      },
      { timeoutMs: timeoutMs + 500, signal: options.signal },
    );
  }

  /** Get-Printer-Attributes, applied to the status (JobHost). Failures count toward noDevice / offline. */
  async refreshPrinter(options: CommandOptions = {}): Promise<PrinterAttributes> {
    let attrs: PrinterAttributes;
    try {
      const response = await this.ask('get-printer-attributes', (b) => getPrinterAttributesRequest(b), options);
      const status = responseStatus(response);
      if (!status.ok) throw new DeviceError('hardwareError', bilingual('打印机拒绝了状态查询', `${this.where} refused Get-Printer-Attributes: ${status.name}`));
      attrs = readPrinterAttributes(response);
    } catch (err) {
      const e = DeviceError.from(err);
      if (e.code === 'canceled') throw e;
      this.counters.add('statusErrors');
      if (e.code === 'noDevice') {
        this.silent = false;
        this.holder.update({ device: 'noDevice' });
      } else if (++this.failures >= FAILURES_BEFORE_OFFLINE) {
        this.silent = e.code === 'timeout';
        this.holder.update({ device: e.code === 'garbledReply' ? 'hardwareError' : 'offline' });
      }
      throw e;
    }
    this.failures = 0;
    this.silent = false;
    this.lastPrinter = attrs;
    this.holder.update(statusFromPrinter(attrs));
    return attrs;
  }

  print(job: DocumentJob, options: CommandOptions<DocumentPrintEvents> = {}): Promise<DocumentPrintResult> {
    const bound = options.timeoutMs ?? (this.options.jobBaseMs ?? 60_000) + Math.max(1, job.pages) * (this.options.jobPageMs ?? 20_000);
    if (this.life.value === 'closed' || !this.endpoint) {
      return Promise.resolve({ outcome: 'notPrinted', error: new DeviceError('deviceNotReady', bilingual('打印机未打开', `${this.id} is not open`)).info() });
    }
    return runDocumentJob(this, job, bound, options).then((result) => {
      this.countJob(result, job.pages);
      this.log.info('job ended', { jobName: job.jobName, outcome: result.outcome, ...('jobId' in result && { jobId: result.jobId }) });
      return result;
    });
  }

  async findJob(jobName: string, options: CommandOptions = {}): Promise<FoundJob | undefined> {
    const response = await this.ask('get-jobs', (b) => getJobsRequest(b, { whichJobs: 'all', requested: ['job-id', 'job-name', 'job-state', 'job-impressions-completed'] }), options);
    const status = responseStatus(response);
    if (!status.ok) throw new DeviceError('hardwareError', bilingual('打印机拒绝了任务查询', `${this.where} refused Get-Jobs: ${status.name}`));
    const newest = readJobs(response)
      .filter((j) => j.jobName === jobName)
      .sort((a, b) => b.jobId - a.jobId)[0];
    if (!newest) return undefined;
    // The list may be a cached view (CUPS); the job's own attributes are the word that counts.
    const answer = await this.ask('get-job-attributes', (b) => getJobAttributesRequest(b, newest.jobId), options);
    if (answer.code === STATUS.clientErrorNotFound) return undefined;
    const job = responseStatus(answer).ok ? readJobAttributes(answer) : newest;
    const name = JOB_STATE_NAMES[job.state];
    const state = name && JOB_STATE_BY_ENUM[name];
    if (!state) throw new DeviceError('garbledReply', `${this.where} reports job-state ${job.state} for job ${job.jobId}`);
    return { jobId: job.jobId, state, ...(job.impressionsCompleted !== undefined && { pagesCompleted: job.impressionsCompleted }) };
  }

  async cancelJob(jobId: number, options: CommandOptions = {}): Promise<void> {
    const response = await this.ask('cancel-job', (b) => cancelJobRequest(b, jobId), options);
    const status = responseStatus(response);
    if (status.ok) return;
    const code = status.code === STATUS.clientErrorNotFound ? 'invalidData' : 'hardwareError';
    throw new DeviceError(code, bilingual('打印机无法取消该任务', `${this.where} refused Cancel-Job ${jobId}: ${status.name}${status.message ? ` (${status.message})` : ''}`));
  }

  healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    return ippHealthCheck(this, level, options);
  }

  private countJob(result: DocumentPrintResult, pages: number): void {
    if (result.outcome === 'completed') {
      this.counters.add('jobs');
      this.counters.add('pagesPrinted', pages);
    } else if (result.outcome === 'incomplete') {
      this.counters.add('jobsFailed');
      this.counters.add('pagesPrinted', result.pagesCompleted ?? 0);
    } else this.counters.add(result.outcome === 'notPrinted' ? 'jobsNotPrinted' : 'jobsUncertain');
  }

  private schedulePoll(): void {
    this.stopPolling();
    this.pollTimer = this.clock.setTimer(this.pollIntervalMs, () => {
      this.pollTimer = null;
      if (this.life.value !== 'enabled') return;
      void this.refreshPrinter()
        .catch(() => undefined)
        .finally(() => this.life.value === 'enabled' && this.pollTimer === null && this.schedulePoll());
    });
  }

  private stopPolling(): void {
    this.pollTimer?.cancel();
    this.pollTimer = null;
  }
}
