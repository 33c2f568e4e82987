/**
 * HidPosBarcodeScanner: a bar code / QR scanner in HID POS mode (usage page 0x8C, USB HID POS Usage Tables
 * 1.02 §3) over any ReportTransport: node-hid on a kiosk, the in-memory report pair with SimHidScanner in
 * training. A HID POS scanner speaks first: it sends a label's input reports when the citizen holds a code
 * to it, and there is no status request to poll, so the driver listens (report-decoder.ts joins continued
 * reports), hands each label to its listeners as a wipeable Scan, reports garbage once per burst
 * (scan-failures.ts) and says noDevice when the device goes away, to be reopened by the device manager.
 * Reports are never logged as bytes: a label may be personal data (ARCHITECTURE.md §8.7).
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import type { KioskErrorInfo } from '../../../common/errors';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { HidPosReportDecoder, type ReportEvent } from '../../protocol/hidpos/report-decoder';
import { hidPosScannerModel, type HidPosScannerModel } from '../../protocol/hidpos/scanner-models';
import type { ReportTransport } from '../../transport/report-transport';
import { Listeners } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { LifecycleState } from '../lifecycle';
import type { BarcodeScanner, Scan } from '../scanner-types';
import { DeviceCounters, MemoryStatisticsStore } from '../statistics';
import { hidPosHealthCheck } from './health-check';
import type { HidPosBarcodeScannerOptions } from './hidpos-scanner-options';
import { makeScan } from './scan-record';
import { ScanFailures } from './scan-failures';

export type { HidPosBarcodeScannerOptions } from './hidpos-scanner-options';

export class HidPosBarcodeScanner implements BarcodeScanner {
  readonly driver = 'hidpos';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly modelInfo: HidPosScannerModel;
  private readonly transport: ReportTransport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly holder = new StatusHolder({ device: 'starting', scanner: { scanning: false } });
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly decoder: HidPosReportDecoder;
  private readonly failures: ScanFailures;
  private readonly scans = new Listeners<[Scan]>();
  private readonly openTimeoutMs: number;
  private readonly continuationTimeoutMs: number;
  private continuationTimer: TimerHandle | null = null;
  private openEpoch = 0;
  private unsubscribe: Array<() => void> = [];

  constructor(options: HidPosBarcodeScannerOptions) {
    this.id = options.id;
    this.roles = options.roles ?? ['barcodeScanner'];
    this.modelInfo = typeof options.model === 'string' ? hidPosScannerModel(options.model) : options.model;
    this.model = this.modelInfo.id;
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.openTimeoutMs = options.openTimeoutMs ?? 5000;
    this.continuationTimeoutMs = options.continuationTimeoutMs ?? 500;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    this.decoder = new HidPosReportDecoder(this.modelInfo);
    this.failures = new ScanFailures(options.clock, this.log, this.counters, options.garbageQuietMs ?? 2000);
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

  onScan(listener: (scan: Scan) => void): () => void {
    return this.scans.add(listener);
  }

  onScanFailed(listener: (error: KioskErrorInfo) => void): () => void {
    return this.failures.listeners.add(listener);
  }

  /** Opens the HID device, bounded; a scanner that cannot be opened is noDevice and the call rejects. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    const epoch = ++this.openEpoch;
    try {
      await this.queue.run('open', (signal) => this.connect(signal, epoch), { timeoutMs: options.timeoutMs ?? this.openTimeoutMs, signal: options.signal });
    } catch (err) {
      const e = DeviceError.from(err, 'noDevice');
      if (epoch !== this.openEpoch) throw e;
      this.endLink();
      this.life.closed();
      await this.transport.close().catch(() => undefined);
      this.holder.update({ device: 'noDevice', scanner: { scanning: false } });
      throw e;
    }
  }

  async close(): Promise<void> {
    this.openEpoch++;
    this.endLink();
    this.life.closed();
    this.holder.update({ scanner: { scanning: false } });
    await this.transport.close();
    this.counters.flush();
  }

  claim(owner: string): void {
    this.life.claim(this.id, owner);
  }

  release(owner: string): void {
    this.life.release(owner);
  }

  /** Scanning on: labels from now reach the listeners. */
  async enable(): Promise<void> {
    this.life.enable(this.id);
    this.holder.update({ scanner: { scanning: true } });
  }

  /** Scanning off: a label read from now is dropped unseen, a label half received is dropped. */
  async disable(): Promise<void> {
    this.life.disable();
    this.decoder.reset();
    this.holder.update({ scanner: { scanning: false } });
  }

  statistics(): Record<string, number> {
    return this.counters.snapshot();
  }

  healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    return hidPosHealthCheck(level, options, {
      model: this.modelInfo,
      transport: this.transport,
      lifecycle: this.life.value,
      state: this.holder.status.device,
      clock: this.clock,
      onScan: (l) => this.onScan(l),
    });
  }

  private async connect(signal: AbortSignal, epoch: number): Promise<void> {
    await this.transport.open();
    if (signal.aborted || epoch !== this.openEpoch) {
      if (this.life.value === 'closed') await this.transport.close();
      throw new DeviceError('canceled', 'open abandoned');
    }
    this.decoder.reset();
    this.unsubscribe = [this.transport.onReport((r) => this.receive(r)), this.transport.onDisconnect((reason) => this.disconnected(reason))];
    this.life.opened();
    this.holder.update({ device: 'online' });
  }

  private receive(report: Uint8Array): void {
    this.counters.addQuietly('reports');
    if (this.log.isEnabled('trace')) this.log.trace('rx report', { reportId: report[0], bytes: report.length }); // never the bytes (§8.7)
    const event = this.decoder.push(report);
    report.fill(0);
    this.watchContinuation();
    if (event) this.handle(event);
  }

  private handle(event: ReportEvent): void {
    const enabled = this.life.value === 'enabled';
    if (event.kind === 'ignored') {
      this.counters.addQuietly('otherReports');
      return;
    }
    if (event.kind === 'problem') {
      if (enabled) this.failures.problem(event);
      else this.counters.add('unreadableWhileDisabled');
      return;
    }
    this.failures.readable();
    if (!enabled) {
      this.counters.add('scansWhileDisabled');
      return;
    }
    this.counters.add('scans');
    this.counters.add(`scans.${event.symbology}`);
    this.log.info('label scanned', { symbology: event.symbology, length: event.text.length, charset: event.charset, reports: event.reports });
    const scan = makeScan(event.text, event.symbology, event.aim, this.clock.now());
    const taken = this.scans.size > 0;
    this.scans.emit(scan);
    if (!taken) scan.wipe(); // nobody holds it: it does not linger (§8.7)
  }

  /** A label whose next report does not come within continuationTimeoutMs is given up. */
  private watchContinuation(): void {
    this.continuationTimer?.cancel();
    this.continuationTimer = null;
    if (!this.decoder.pending) return;
    this.continuationTimer = this.clock.setTimer(this.continuationTimeoutMs, () => {
      this.continuationTimer = null;
      const problem = this.decoder.abandon();
      if (problem) this.handle(problem);
    });
  }

  private disconnected(reason: string): void {
    this.log.warn('scanner disconnected', { reason });
    this.counters.add('disconnects');
    this.endLink();
    this.life.closed();
    this.holder.update({ device: 'noDevice', scanner: { scanning: false } });
  }

  private endLink(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.continuationTimer?.cancel();
    this.continuationTimer = null;
    this.decoder.reset();
  }
}
