/**
 * ZfmFingerprintReader: optical fingerprint modules speaking EF 01 packets (protocols.md §3; R305/R307/R503/
 * AS608/ZFM-20) over any Transport, serial 57600 8N1 by default (§3.1). Open verifies the password and reads
 * the system parameters (module-check.ts); captures run GenImg → Img2Tz → UpChar as one command of the
 * device's queue (capture-cycle.ts), every exchange through the shared RequestMatcher with deadlines, abort
 * and bounded retries (zfm-link.ts). While enabled, idle GenImg polls keep `fingerprint.fingerPresent`.
 * The module only captures and extracts: matching against the card is the platform's (§1.7).
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { maskedHex } from '../../../common/hex-dump';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import * as C from '../../protocol/zfm/constants';
import { CC_OK } from '../../protocol/zfm/confirmation-codes';
import { zfmModuleModel, type ZfmModuleModel } from '../../protocol/zfm/module-models';
import { personalRanges } from '../../protocol/zfm/packet';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { CaptureOptions, FingerprintCapture, FingerprintComparison, FingerprintReader } from '../fingerprint-types';
import { LifecycleState } from '../lifecycle';
import { DeviceCounters, MemoryStatisticsStore } from '../statistics';
import { captureBudgetMs, captureOnce, codeError, compareOnce, probeFinger, searchLibrary, type CaptureRequest, type CycleContext } from './capture-cycle';
import { FingerPresence } from './finger-presence';
import { zfmHealthCheck } from './health-check';
import { checkModule, PasswordRefused } from './module-check';
import { ModuleCondition } from './module-condition';
import type { ZfmFingerprintReaderOptions } from './zfm-reader-options';
import { ZfmLink } from './zfm-link';

export type { ZfmFingerprintReaderOptions } from './zfm-reader-options';

export class ZfmFingerprintReader implements FingerprintReader {
  readonly driver = 'zfm';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly modelInfo: ZfmModuleModel;
  readonly templateBytes: number;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly holder = new StatusHolder({ device: 'starting', fingerprint: {} });
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly link: ZfmLink;
  private readonly presence: FingerPresence;
  private readonly password: number;
  private readonly idlePollMs: number;
  private readonly retries: number;
  private readonly lateReplyMs: number;
  private readonly openTimeoutMs: number;
  private readonly captureTimeoutMs: number;
  private packetBytes: number;
  private capacity: number = C.DEFAULT_SEARCH_COUNT;
  private readonly condition: ModuleCondition;
  private pollTimer: TimerHandle | null = null;
  private polling = false;
  private openEpoch = 0;
  private unsubscribe: Array<() => void> = [];
  /** Aborted when the link closes or goes away, so a capture waiting for a finger ends at once. */
  private session = new AbortController();

  constructor(options: ZfmFingerprintReaderOptions) {
    this.id = options.id;
    this.roles = options.roles ?? ['fingerprintReader'];
    this.modelInfo = typeof options.model === 'string' ? zfmModuleModel(options.model) : options.model;
    this.model = this.modelInfo.id;
    this.templateBytes = this.modelInfo.templateBytes;
    this.packetBytes = this.modelInfo.packetBytes;
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.password = options.password ?? C.DEFAULT_PASSWORD;
    this.idlePollMs = options.idlePollMs ?? this.modelInfo.idlePollMs;
    this.retries = options.retries ?? 2;
    this.lateReplyMs = options.lateReplyMs ?? Math.max(1000, this.modelInfo.commandTimeoutMs);
    this.openTimeoutMs = options.openTimeoutMs ?? 5000;
    this.captureTimeoutMs = options.captureTimeoutMs ?? 30_000;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    const send = (frame: Uint8Array, signal: AbortSignal): Promise<void> => this.send(frame, signal);
    const { clock, log, counters, retries, lateReplyMs, password } = this;
    this.link = new ZfmLink({ clock, log, counters, lateReplyMs, retries, password, address: options.address ?? C.DEFAULT_ADDRESS, send });
    const condition = (this.condition = new ModuleCondition(this.holder, this.log, this.counters));
    this.presence = new FingerPresence((present) => {
      condition.cleared('sensor'); // GenImg 00/02: the sensor works
      this.holder.update({ fingerprint: { fingerPresent: present } });
    });
  }

  /** The module stopped answering (Device.silent): set before the status that says offline. */
  get silent(): boolean {
    return this.condition.silent;
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

  /** The port, bounded; then the module check, whose failure shows in the status, not as a rejection. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    const epoch = ++this.openEpoch;
    try {
      await this.queue.run('open', (signal) => this.connect(signal, epoch), { timeoutMs: options.timeoutMs ?? this.openTimeoutMs, signal: options.signal });
    } catch (err) {
      const e = DeviceError.from(err, 'noDevice');
      if (epoch !== this.openEpoch) throw e;
      this.detach();
      this.life.closed();
      await this.transport.close().catch(() => undefined);
      this.holder.update({ device: 'noDevice' });
      throw e;
    }
    const facts = await this.checkModule({ signal: options.signal }).catch(() => undefined);
    if (facts !== undefined && facts.storedTemplates > 0) {
      this.log.warn('templates are stored on the fingerprint module; the kiosk keeps none (ARCHITECTURE.md §8.7)', { storedTemplates: facts.storedTemplates });
    }
  }

  async close(): Promise<void> {
    this.openEpoch++;
    this.stopPolling();
    this.detach();
    this.endSession(new DeviceError('canceled', 'device closed'));
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
    this.schedulePoll(0);
  }

  async disable(): Promise<void> {
    this.life.disable();
    this.stopPolling();
  }

  statistics(): Record<string, number> {
    return { ...this.counters.snapshot(), staleReplies: this.link.staleReplies };
  }

  captureTemplate(options: CaptureOptions = {}): Promise<FingerprintCapture> {
    return this.command('capture', options, (ctx, request, signal) => captureOnce(ctx, request, signal), (capture) => {
      this.counters.add('captures');
      this.log.info('fingerprint captured', { templateBytes: capture.template.length, quality: capture.quality });
    });
  }

  compareWithTemplate(reference: Uint8Array, options: CaptureOptions = {}): Promise<FingerprintComparison> {
    if (reference.length !== this.templateBytes) {
      return Promise.reject(new DeviceError('invalidData', `a ${reference.length}-byte template; ${this.modelInfo.displayName} takes ${this.templateBytes} bytes (§3.4)`));
    }
    return this.command('compare', options, (ctx, request, signal) => compareOnce(ctx, reference, request, signal), (result) => {
      this.counters.add(result.matched ? 'comparisonsMatched' : 'comparisonsNotMatched');
    });
  }

  /** VfyPwd + ReadSysPara (module-check.ts) through the queue, then TempleteNum for the health check. */
  checkModule(options: CommandOptions = {}): Promise<{ storedTemplates: number }> {
    const timeoutMs = options.timeoutMs ?? 3 * (this.retries + 1) * (this.modelInfo.commandTimeoutMs + this.lateReplyMs);
    const run = async (signal: AbortSignal): Promise<{ storedTemplates: number }> => {
      await this.moduleCheck(signal);
      const what = 'count stored templates';
      const answer = await this.link.exchange({ command: { op: 'templateNum' }, what, timeoutMs: this.modelInfo.commandTimeoutMs, signal });
      if (answer.code !== CC_OK) throw codeError(answer, what);
      return { storedTemplates: answer.extra.templateCount ?? 0 };
    };
    return this.queue.run('module check', run, { timeoutMs, signal: options.signal }).then(
      (facts) => (this.condition.answered(), facts),
      (err: unknown) => {
        throw this.condition.failed(DeviceError.from(err), this.link.unansweredInARow);
      },
    );
  }

  healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const target = { model: this.modelInfo, transport: this.transport, lifecycle: this.life.value, queueLength: this.queue.length, packetBytes: this.packetBytes };
    const searchTimeoutMs = (this.retries + 1) * (this.modelInfo.searchTimeoutMs + this.lateReplyMs);
    const search = (o: CommandOptions) => this.queue.run('search', (signal) => searchLibrary(this.cycleContext(), this.capacity, signal), { timeoutMs: o.timeoutMs ?? searchTimeoutMs, signal: o.signal });
    return zfmHealthCheck(level, options, { ...target, checkModule: (o) => this.checkModule(o), captureTemplate: (o) => this.captureTemplate(o), searchLibrary: search });
  }

  /** A capture-like command: bounded by the finger wait plus the steps' budget, refused while the module needs a technician. */
  private command<T>(name: string, options: CaptureOptions, body: (ctx: CycleContext, request: CaptureRequest, signal: AbortSignal) => Promise<T>, done: (value: T) => void): Promise<T> {
    if (this.life.value === 'closed') return Promise.reject(new DeviceError('deviceNotReady', `${this.id}: open it before a ${name}`));
    const fault = this.condition.fault;
    if (fault?.kind === 'password') return Promise.reject(new DeviceError('hardwareError', `${this.id}: ${fault.detail}`));
    const waitMs = options.timeoutMs ?? this.captureTimeoutMs;
    const timeoutMs = waitMs + captureBudgetMs(this.modelInfo, this.retries, this.lateReplyMs, this.transport.bytesPerSecond);
    const run = async (queueSignal: AbortSignal): Promise<T> => {
      const session = this.session.signal;
      const signal = AbortSignal.any([queueSignal, session]);
      try {
        if (!this.condition.checked) await this.moduleCheck(signal);
        const request = { presses: options.presses ?? 1, deadlineMs: this.clock.elapsedMs() + waitMs, events: options.events };
        return await body(this.cycleContext(), request, signal);
      } catch (err) {
        throw session.aborted ? DeviceError.from(session.reason) : err;
      }
    };
    const result = this.queue.run(name, run, { timeoutMs, signal: options.signal }).then(
      (value) => {
        this.condition.answered();
        done(value);
        return value;
      },
      (err: unknown) => {
        const e = this.condition.failed(DeviceError.from(err), this.link.unansweredInARow);
        this.counters.add(`${name}Failures.${e.code}`);
        this.log.info(`fingerprint ${name} failed`, { code: e.code, detail: e.message });
        throw e;
      },
    );
    result.catch(() => undefined); // observed by its caller, or deliberately not (as bounded-wait.ts)
    return result;
  }

  private async send(frame: Uint8Array, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new DeviceError('canceled', 'canceled before writing'); // command-queue.ts
    if (this.log.isEnabled('trace')) this.log.trace('tx', { hex: maskedHex(frame, personalRanges(frame)) }); // DownChar data, passwords masked
    await this.transport.write(frame, signal);
    this.counters.addQuietly('bytesSent', frame.length);
  }

  private async connect(signal: AbortSignal, epoch: number): Promise<void> {
    await this.transport.open();
    if (signal.aborted || epoch !== this.openEpoch) {
      if (this.life.value === 'closed') await this.transport.close();
      throw new DeviceError('canceled', 'open abandoned');
    }
    this.link.reset(new DeviceError('canceled', 'reopened'));
    this.presence.reset();
    this.session = new AbortController();
    this.condition.restart();
    this.unsubscribe = [this.transport.onData((chunk) => this.link.push(chunk)), this.transport.onDisconnect((reason) => this.onDisconnect(reason))];
    this.life.opened();
  }

  private async moduleCheck(signal: AbortSignal): Promise<void> {
    try {
      const facts = await checkModule(this.link, this.modelInfo, this.password, this.transport.bytesPerSecond, this.log, signal);
      this.packetBytes = facts.packetBytes;
      this.capacity = facts.capacity;
      this.condition.passedCheck();
    } catch (err) {
      if (err instanceof PasswordRefused) {
        this.condition.checked = false;
        this.condition.setFault({ kind: 'password', detail: err.message });
      }
      throw err;
    }
  }

  private cycleContext(): CycleContext {
    const { link, presence, modelInfo: model, clock, log, packetBytes } = this;
    return { link, presence, model, clock, log, packetBytes, bytesPerSecond: this.transport.bytesPerSecond, sensorFailed: (detail) => this.condition.setFault({ kind: 'sensor', detail }) };
  }

  private schedulePoll(delayMs = this.idlePollMs): void {
    this.stopPolling();
    if (this.life.value !== 'enabled') return;
    this.pollTimer = this.clock.setTimer(delayMs, () => {
      this.pollTimer = null;
      void this.poll();
    });
  }

  /** Until the module check passes, polls repeat it instead of GenImg. */
  private async poll(): Promise<void> {
    if (this.polling || this.life.value === 'closed') return;
    this.polling = true;
    const timeoutMs = 3 * (this.retries + 1) * (this.modelInfo.imageTimeoutMs + this.lateReplyMs);
    try {
      await this.queue.run('poll', async (signal) => (this.condition.checked ? void (await probeFinger(this.cycleContext(), signal)) : this.moduleCheck(signal)), { timeoutMs });
      this.condition.answered();
    } catch (err) {
      this.condition.failed(DeviceError.from(err), this.link.unansweredInARow);
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private onDisconnect(reason: string): void {
    this.log.warn('fingerprint module disconnected', { reason });
    this.counters.add('disconnects');
    this.stopPolling();
    this.detach();
    this.endSession(new DeviceError('noDevice', `fingerprint module disconnected: ${reason}`));
    this.life.closed();
    this.condition.restart();
    this.holder.update({ device: 'noDevice' });
  }

  /** The link closed or went away: the exchange and the capture under way fail with `reason`. */
  private endSession(reason: DeviceError): void {
    this.session.abort(reason);
    this.link.reset(reason);
    this.presence.reset();
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  private stopPolling(): void {
    this.pollTimer?.cancel();
    this.pollTimer = null;
  }
}
