/**
 * Ga467IdCardReader: second-generation ID card readers speaking the GA 467 SAM frames (protocols.md §1) over
 * any Transport, serial 115200 8N1 by default (§1.8). Open checks the SAM (`11 FF`, after an optional reset
 * `10 FF`, §1.9); polling runs find → select → read through the device's one command queue (read-cycle.ts),
 * every exchange through the shared RequestMatcher with deadlines, abort and bounded retries (sam-link.ts);
 * what the wire says about the card is kept by card-presence.ts, per the model's `removalProbe`.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import type { KioskErrorInfo } from '../../../common/errors';
import { maskedHex } from '../../../common/hex-dump';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { SW3 } from '../../protocol/ga467/constants';
import { ga467ReaderModel, type Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import { interpretStatus, type Ga467Status } from '../../protocol/ga467/status';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { formatSamId } from '../../protocol/ga467/sam-id';
import type { CardRead, IdCardReader, ReadCardOptions } from '../id-card-types';
import { LifecycleState } from '../lifecycle';
import { DeviceCounters, MemoryStatisticsStore } from '../statistics';
import { CardEvents } from './card-events';
import { CardPresence } from './card-presence';
import type { Ga467IdCardReaderOptions } from './ga467-reader-options';
import { ga467HealthCheck } from './health-check';
import { pollBudgetMs, pollOnce, type CycleContext } from './read-cycle';
import { SamLink } from './sam-link';

export type { Ga467IdCardReaderOptions } from './ga467-reader-options';

/** Exchanges in a row without any reply before the reader is reported offline (one lost frame is not an outage). */
const UNANSWERED_BEFORE_OFFLINE = 2;

export class Ga467IdCardReader implements IdCardReader {
  readonly driver = 'ga467';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly modelInfo: Ga467ReaderModel;
  readonly detectsRemoval: boolean;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly holder = new StatusHolder({ device: 'starting', cardReader: {} });
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly link: SamLink;
  private readonly presence: CardPresence;
  private readonly pollIntervalMs: number;
  private readonly retries: number;
  private readonly lateReplyMs: number;
  private readonly openTimeoutMs: number;
  private readonly readCardTimeoutMs: number;
  private readonly cards: CardEvents;
  private pollTimer: TimerHandle | null = null;
  private polling = false;
  private openEpoch = 0;
  private unsubscribe: Array<() => void> = [];
  /** The reader stopped answering (Device.silent): set before the status that says offline. */
  silent = false;

  constructor(options: Ga467IdCardReaderOptions) {
    this.id = options.id;
    this.roles = options.roles ?? ['idCardReader'];
    this.modelInfo = typeof options.model === 'string' ? ga467ReaderModel(options.model) : options.model;
    this.model = this.modelInfo.id;
    this.detectsRemoval = this.modelInfo.removalProbe !== 'none';
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.pollIntervalMs = options.pollIntervalMs ?? this.modelInfo.pollIntervalMs;
    this.retries = options.retries ?? 2;
    this.lateReplyMs = options.lateReplyMs ?? Math.max(1000, this.modelInfo.commandTimeoutMs);
    this.openTimeoutMs = options.openTimeoutMs ?? 5000;
    this.readCardTimeoutMs = options.readCardTimeoutMs ?? 30_000;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    const send = (bytes: Uint8Array, signal: AbortSignal): Promise<void> => this.send(bytes, signal);
    this.link = new SamLink({ clock: options.clock, log: this.log, counters: this.counters, lateReplyMs: this.lateReplyMs, retries: this.retries, send });
    const cards = (this.cards = new CardEvents(options.clock, this.log, this.counters));
    this.presence = new CardPresence(this.modelInfo.removalProbe, {
      presented: () => cards.cardPresented(),
      read: (card) => cards.cardRead(card),
      failed: (error) => cards.readFailed(error),
      removed: () => cards.cardRemoved(),
      present: (value) => void this.holder.update({ cardReader: { cardPresent: value } }),
    });
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

  onCardPresented(listener: () => void): () => void {
    return this.cards.presented.add(listener);
  }

  onCardRead(listener: (card: CardRead) => void): () => void {
    return this.cards.reads.add(listener);
  }

  onReadFailed(listener: (error: KioskErrorInfo) => void): () => void {
    return this.cards.failures.add(listener);
  }

  onCardRemoved(listener: () => void): () => void {
    return this.cards.removals.add(listener);
  }

  /** The port, bounded; then the SAM check (§1.9), whose failure shows in the status, not as a rejection. */
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
    await this.checkSam({ signal: options.signal }).catch(() => undefined);
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
    if (!this.pollingWanted) this.stopPolling();
  }

  statistics(): Record<string, number> {
    return { ...this.counters.snapshot(), staleReplies: this.link.staleReplies };
  }

  /** The next card read, bounded (ARCHITECTURE.md §3); polls for its duration even when not enabled. */
  readCard(options: ReadCardOptions = {}): Promise<CardRead> {
    if (this.life.value === 'closed') return Promise.reject(new DeviceError('deviceNotReady', `${this.id}: open it before reading`));
    if (this.holder.status.cardReader?.sam === 'error') return Promise.reject(new DeviceError('samError', `${this.id}: the SAM failed its check (§1.3)`));
    const withFingerprint = options.withFingerprint === true;
    if (withFingerprint && this.modelInfo.fingerprintReadTimeoutMs === null) {
      return Promise.reject(new DeviceError('unsupported', `${this.modelInfo.displayName}: read with fingerprint (30 10) is not in its model row`));
    }
    const { promise, waiting } = this.cards.waitForRead({
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? this.readCardTimeoutMs,
      events: options.events,
      withFingerprint,
      ended: () => {
        if (!this.pollingWanted) this.stopPolling();
      },
    });
    if (waiting && !this.polling) this.schedulePoll(0);
    return promise;
  }

  /** SAM status `11 FF` (§1.2) through the queue: `90` → ok; anything else → the SAM needs a technician. */
  checkSam(options: CommandOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 2 * pollBudgetMs(this.modelInfo, this.retries, this.lateReplyMs, this.transport.bytesPerSecond);
    return this.queue.run('SAM check', (signal) => this.samCheck(signal), { timeoutMs, signal: options.signal }).then(
      () => this.answered(),
      (err: unknown) => {
        throw this.failed(DeviceError.from(err));
      },
    );
  }

  /**
   * The SAM's number `12 FF` (§1.2, §1.4): what a technician quotes to the vendor or the 公安 registry. Not
   * every module answers it: null then (the check does not fail for it).
   */
  readSamId(options: CommandOptions = {}): Promise<string | null> {
    const timeoutMs = options.timeoutMs ?? 2 * pollBudgetMs(this.modelInfo, this.retries, this.lateReplyMs, this.transport.bytesPerSecond);
    return this.queue.run(
      'SAM id',
      async (signal) => {
        const frame = await this.link.exchange({ command: { type: 'readSamId' }, what: 'SAM id', timeoutMs: this.modelInfo.commandTimeoutMs, signal });
        return frame.sw3 === SW3.SUCCESS ? formatSamId(frame.data) : null;
      },
      { timeoutMs, signal: options.signal },
    );
  }

  healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const target = { model: this.modelInfo, transport: this.transport, lifecycle: this.life.value, queueLength: this.queue.length };
    return ga467HealthCheck(level, options, { ...target, checkSam: (o) => this.checkSam(o), readSamId: (o) => this.readSamId(o), readCard: (o) => this.readCard(o) });
  }

  private async send(bytes: Uint8Array, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new DeviceError('canceled', 'canceled before writing'); // command-queue.ts
    if (this.log.isEnabled('trace')) this.log.trace('tx', { hex: maskedHex(bytes) }); // requests carry no personal data (§1.2)
    await this.transport.write(bytes, signal);
    this.counters.addQuietly('bytesSent', bytes.length);
  }

  private async connect(signal: AbortSignal, epoch: number): Promise<void> {
    await this.transport.open();
    if (signal.aborted || epoch !== this.openEpoch) {
      if (this.life.value === 'closed') await this.transport.close();
      throw new DeviceError('canceled', 'open abandoned');
    }
    this.link.reset(new DeviceError('canceled', 'reopened'));
    this.presence.reset();
    this.silent = false;
    this.unsubscribe = [this.transport.onData((chunk) => this.link.push(chunk)), this.transport.onDisconnect((reason) => this.onDisconnect(reason))];
    this.life.opened();
  }

  private async samCheck(signal: AbortSignal): Promise<void> {
    const { commandTimeoutMs } = this.modelInfo;
    if (this.modelInfo.resetAtOpen && this.holder.status.cardReader?.sam === undefined) {
      const reset = await this.link.exchange({ command: { type: 'resetSam' }, what: 'reset SAM', timeoutMs: commandTimeoutMs, signal });
      if (reset.sw3 !== SW3.SUCCESS) throw this.samFailed(interpretStatus(reset.sw3));
    }
    const frame = await this.link.exchange({ command: { type: 'samStatus' }, what: 'SAM status', timeoutMs: commandTimeoutMs, signal });
    if (frame.sw3 !== SW3.SUCCESS) throw this.samFailed(interpretStatus(frame.sw3));
    const recovered = this.holder.status.cardReader?.sam === 'error';
    this.holder.update({ device: 'online', cardReader: { sam: 'ok' } });
    if (recovered) this.log.info('SAM answers its status check again');
  }

  /** The SAM refused or failed (§1.3): status hardwareError / sam error; returns the error to raise. */
  private samFailed(status: Ga467Status): DeviceError {
    if (this.holder.status.cardReader?.sam !== 'error') {
      this.counters.add('samErrors');
      this.log.error('SAM failed its check: the reader cannot read cards', { sw3: status.sw3, meaning: status.meaning });
    }
    this.holder.update({ device: 'hardwareError', cardReader: { sam: 'error' } });
    const err = new DeviceError('samError', `SAM: ${status.meaning} (§1.3)`);
    this.cards.rejectWaiters(err);
    return err;
  }

  private cycleContext(): CycleContext {
    const readKind = (): 'textPhoto' | 'textPhotoFingerprint' => (this.cards.wantsFingerprint ? 'textPhotoFingerprint' : 'textPhoto');
    const { clock, log, presence, modelInfo: model } = this;
    return { exchange: (r) => this.link.exchange(r), presence, model, clock, log, bytesPerSecond: this.transport.bytesPerSecond, readKind, samFailed: (s) => void this.samFailed(s) };
  }

  private get pollingWanted(): boolean {
    return this.life.value === 'enabled' || this.cards.waiting > 0;
  }

  private schedulePoll(delayMs = this.pollIntervalMs): void {
    this.stopPolling();
    if (!this.pollingWanted || this.life.value === 'closed') return;
    this.pollTimer = this.clock.setTimer(delayMs, () => {
      this.pollTimer = null;
      void this.poll();
    });
  }

  private async poll(): Promise<void> {
    if (this.polling || this.life.value === 'closed') return;
    this.polling = true;
    const timeoutMs = pollBudgetMs(this.modelInfo, this.retries, this.lateReplyMs, this.transport.bytesPerSecond);
    const samOk = this.holder.status.cardReader?.sam === 'ok';
    try {
      // Until the SAM answers its check, polls repeat the check instead of looking for cards (hev, §1.9).
      await this.queue.run('poll', (signal) => (samOk ? pollOnce(this.cycleContext(), signal) : this.samCheck(signal)), { timeoutMs });
      this.answered();
    } catch (err) {
      this.failed(DeviceError.from(err));
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  /** The reader answered: it is not silent; an offline reader whose SAM is fine is online again. */
  private answered(): void {
    this.silent = false;
    if (this.holder.status.device === 'offline' && this.holder.status.cardReader?.sam === 'ok') this.holder.update({ device: 'online' });
  }

  /** A failed command: the reader may have stopped answering (offline), or answered with a card problem. */
  private failed(e: DeviceError): DeviceError {
    if (e.code === 'canceled' || e.code === 'noDevice') return e;
    if (this.link.unansweredInARow >= UNANSWERED_BEFORE_OFFLINE) {
      if (!this.silent) this.log.warn('ID card reader stopped answering', { what: e.message });
      this.silent = true;
      this.holder.update({ device: 'offline' });
    } else if (this.link.unansweredInARow === 0) this.answered();
    return e;
  }

  /** The link closed or went away: the exchange fails, held bytes and owed replies go, waiters hear why. */
  private endSession(reason: DeviceError): void {
    this.link.reset(reason);
    this.presence.reset();
    this.cards.rejectWaiters(reason);
  }

  private onDisconnect(reason: string): void {
    this.log.warn('ID card reader disconnected', { reason });
    this.counters.add('disconnects');
    this.stopPolling();
    this.detach();
    this.endSession(new DeviceError('noDevice', `ID card reader disconnected: ${reason}`));
    this.life.closed();
    this.silent = false;
    this.holder.update({ device: 'noDevice' });
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
