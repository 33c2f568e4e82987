/**
 * The three health-check levels of a HID POS scanner (ARCHITECTURE.md §3). A HID POS scanner only sends: the
 * input-report path has no status request (USB HID POS Usage Tables 1.02 §3 define the Scanned Data Report
 * as input), so `external` can only say the device is open and was not lost; `interactive` waits, bounded,
 * for a test label the technician scans and reports its symbology and length, never its text, then wipes it.
 */
import type { Clock } from '../../../common/clock';
import type { DeviceState } from '../../../common/device';
import { errorInfo } from '../../../common/errors';
import type { HidPosScannerModel } from '../../protocol/hidpos/scanner-models';
import type { ReportTransport } from '../../transport/report-transport';
import { boundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { Scan } from '../scanner-types';

export interface ScannerHealthTarget {
  model: HidPosScannerModel;
  transport: Pick<ReportTransport, 'description' | 'isOpen'>;
  lifecycle: Lifecycle;
  state: DeviceState;
  clock: Clock;
  onScan(listener: (scan: Scan) => void): () => void;
}

/** A technician's test scan, when the caller gives no bound. */
export const INTERACTIVE_SCAN_TIMEOUT_MS = 30_000;

export async function hidPosHealthCheck(level: HealthLevel, options: CommandOptions, t: ScannerHealthTarget): Promise<HealthReport> {
  const l = t.model.layout;
  const findings = [
    `model ${t.model.displayName}`,
    `transport ${t.transport.description} ${t.transport.isOpen ? 'open' : 'closed'}`,
    `lifecycle ${t.lifecycle}`,
    `reports: id 0x${l.reportId.toString(16).padStart(2, '0')}, ${l.reportLength} bytes, ${l.dataCapacity} data bytes at ${l.dataAt}, AIM ${l.aimAt === null ? (t.model.aimPrefix ? 'as data prefix' : 'none') : `at ${l.aimAt}`}; text ${t.model.charset}`,
  ];
  if (!t.transport.isOpen) return { level, ok: false, findings, error: errorInfo('noDevice') };
  if (level === 'internal') return { level, ok: true, findings };
  if (level === 'external') {
    findings.push('a HID POS scanner has no status request: open and not lost is all the link can tell');
    return t.state === 'online' ? { level, ok: true, findings } : { level, ok: false, findings, error: errorInfo('deviceNotReady', `state ${t.state}`) };
  }
  if (t.lifecycle !== 'enabled') return { level, ok: false, findings, error: errorInfo('deviceNotReady', 'enable the scanner before a test scan') };
  let off = (): void => undefined;
  const wait = boundedWait<Scan>({ clock: t.clock, what: 'test scan', signal: options.signal, timeoutMs: options.timeoutMs ?? INTERACTIVE_SCAN_TIMEOUT_MS, cleanup: () => off() });
  if (!wait.ended) off = t.onScan((scan) => void wait.resolve(scan));
  try {
    const scan = await wait.promise;
    findings.push(`test scan: ${scan.symbology}, ${scan.data.length} characters`);
    scan.wipe();
    return { level, ok: true, findings };
  } catch (err) {
    return { level, ok: false, findings, error: DeviceError.from(err).info() };
  }
}
