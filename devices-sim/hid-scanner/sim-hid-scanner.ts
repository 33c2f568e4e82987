/**
 * A simulated bar code / QR scanner in HID POS mode on the device end of a ReportTransport (ARCHITECTURE.md
 * §4). There is no virtual HID device: the simulator attaches at the report level, through the in-memory
 * report pair (report-memory-pair.ts), and sends what the real scanner sends — the label cut into 64-byte
 * input reports of the model's layout, each but the last marked "continued", by the drivers' own encoder
 * (report-encoder.ts; golden reports in drivers/protocol/hidpos/fixtures.ts keep a shared bug from hiding).
 * A tester scans through the `scan` action; faults are garbage, unplugged and noReply (scanner-faults.ts).
 * Output reports from the host are taken and counted; a HID POS scanner answers none.
 */
import type { Clock } from '../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus } from '../../common/device';
import { encodeGb18030 } from '../../drivers/protocol/escpos/gb18030';
import { encodeLabel } from '../../drivers/protocol/hidpos/report-encoder';
import { hidPosScannerModel, type HidPosScannerModel } from '../../drivers/protocol/hidpos/scanner-models';
import { AIM_OF } from '../../drivers/protocol/hidpos/symbology';
import { asReportDeviceEnd } from '../../drivers/transport/report-memory-pair';
import type { ReportTransport } from '../../drivers/transport/report-transport';
import type { SimLog } from '../escpos/reply-channel';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice, type SimOutput } from '../sim-device';
import { garbageReports } from './garbage-reports';
import { parseScannerFaults, HEALTHY_SCANNER, type ScannerFaults } from './scanner-faults';
import { parseScanRequest, type ScanRequest } from './scan-request';

export interface SimHidScannerOptions {
  /** The configuration's device id (§8.1). */
  id: string;
  /** A row of scanner-models.ts, e.g. "generic-hidpos". */
  model: string;
  roles?: readonly DeviceRole[];
  transport: ReportTransport;
  /** Unused until the scanner models timing; kept so every simulator is built the same way. */
  clock: Clock;
  /** The charset the scanner is set to send (scanner-models.ts `charset`). Default "utf-8". */
  output?: 'utf-8' | 'gb18030';
  faults?: ScannerFaults;
  /** Seed of the `garbage` generator. */
  seed?: number;
  log?: SimLog;
}

export class SimHidScanner implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly modelInfo: HidPosScannerModel;
  private faults: Required<ScannerFaults> = { ...HEALTHY_SCANNER };
  private random: SeededRandom;
  private unsubscribe: Array<() => void> = [];
  private counts = { scans: 0, reportsSent: 0, outputReports: 0 };
  private readonly listeners = new Set<(status: DeviceStatus) => void>();

  constructor(private readonly options: SimHidScannerOptions) {
    this.id = options.id;
    this.model = options.model;
    this.modelInfo = hidPosScannerModel(options.model);
    this.roles = [...(options.roles ?? ['barcodeScanner'])];
    this.random = new SeededRandom(options.seed ?? 1);
    if (options.faults) this.faults = { ...this.faults, ...parseScannerFaults(options.faults) };
  }

  async start(): Promise<void> {
    if (this.unsubscribe.length > 0) return;
    const t = this.options.transport;
    if (!t.isOpen) await t.open();
    this.unsubscribe.push(
      t.onReport(() => void this.counts.outputReports++),
      t.onDisconnect((reason) => this.options.log?.('debug', 'link lost', { reason })),
    );
    if (this.faults.unplugged) this.setPlugged(false);
  }

  async stop(): Promise<void> {
    for (const u of this.unsubscribe.splice(0)) u();
    await this.options.transport.close();
  }

  status(): DeviceStatus {
    let device: DeviceState = 'online';
    if (this.faults.unplugged) device = 'noDevice';
    else if (this.faults.garbage || this.faults.noReply) device = 'hardwareError';
    // Whether the kiosk has scanning on is the driver's to say; the scanner itself cannot tell.
    return { device, scanner: {} };
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    const faults = parseScannerFaults(body);
    const wasUnplugged = this.faults.unplugged;
    this.faults = { ...this.faults, ...faults };
    this.afterFaultChange(wasUnplugged);
    return this.status();
  }

  clearFaults(): void {
    const wasUnplugged = this.faults.unplugged;
    this.faults = { ...HEALTHY_SCANNER };
    this.afterFaultChange(wasUnplugged);
  }

  /** A scanner prints nothing; what it sent shows in statistics(). */
  printed(): SimOutput[] {
    return [];
  }

  reset(): void {
    this.counts = { scans: 0, reportsSent: 0, outputReports: 0 };
    this.random = new SeededRandom(this.options.seed ?? 1);
    this.clearFaults();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      scan: {
        description: 'POST {"data": "<the code>", "symbology"?: "qr" | "code128" | …} holds a code to the scanner; long codes go out as several reports',
        start: (body) => {
          this.scan(parseScanRequest(body));
          return this.status();
        },
      },
    };
  }

  /** A citizen holds a code to the scanner: the label's reports go out (or garbage, or nothing, by fault). */
  scan(request: ScanRequest): void {
    if (this.faults.unplugged) throw new SimActionError('the scanner is unplugged: nothing would reach the kiosk');
    this.counts.scans++;
    if (this.faults.noReply) return;
    const reports = this.faults.garbage ? garbageReports(this.modelInfo.layout, this.random, 3) : this.labelReports(request);
    for (const r of reports) this.send(r);
  }

  statistics(): { scans: number; reportsSent: number; outputReports: number } {
    return { ...this.counts };
  }

  private labelReports(request: ScanRequest): Uint8Array[] {
    const data = this.options.output === 'gb18030' ? encodeGb18030(request.data) : new TextEncoder().encode(request.data);
    return encodeLabel(this.modelInfo, { data, aim: AIM_OF[request.symbology] });
  }

  private send(report: Uint8Array): void {
    this.counts.reportsSent++;
    this.options.transport.writeReport(report).catch((err: unknown) => this.options.log?.('debug', 'report not sent', { error: String(err) }));
  }

  private setPlugged(plugged: boolean): void {
    const end = asReportDeviceEnd(this.options.transport);
    if (!end) return;
    if (plugged) end.replug();
    else end.unplug();
  }

  private afterFaultChange(wasUnplugged: boolean): void {
    if (this.faults.unplugged !== wasUnplugged) this.setPlugged(!this.faults.unplugged);
    const status = this.status();
    for (const l of [...this.listeners]) l(status);
  }
}
