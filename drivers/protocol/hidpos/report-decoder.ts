/**
 * HID POS input reports → scans (scanner-models.ts layouts). One label longer than a report's data capacity
 * comes as several reports, each but the last with the "decode data continued" bit set (USB HID POS Usage
 * Tables 1.02 §3, usage 0xFF); the decoder joins their data bytes before decoding the text, so a UTF-8 or
 * GB18030 character split across two reports reads whole. The AIM identifier and vendor id are taken from the
 * label's first report. Reports with another report id (a trigger or status report) are passed over.
 *
 * The decoder never throws on what a device sends: every report gives a scan, a problem, nothing yet (a
 * continued label) or an `ignored`. Held data bytes are zeroed as soon as the label is decoded or dropped
 * (a scan may be personal data, ARCHITECTURE.md §8.7); the caller zeroes the reports it pushed.
 */
import { MAX_SCAN_BYTES } from './constants';
import type { HidPosScannerModel } from './scanner-models';
import { scanProblem, type ScanProblem } from './scan-problem';
import { decodeScanText } from './scan-text';
import { looksLikeAim, symbologyOfAim, type Symbology } from './symbology';

export interface DecodedScan {
  kind: 'scan';
  text: string;
  charset: 'utf-8' | 'gb18030';
  /** The AIM identifier `]cm` as sent, or null where the scanner sent none. */
  aim: string | null;
  symbology: Symbology;
  /** The vendor's own symbology byte (Honeywell Code ID), null where the layout has none or it was 0. */
  vendorSymbologyId: number | null;
  /** Reports the label came in. */
  reports: number;
}

export interface IgnoredReport {
  kind: 'ignored';
  reportId: number;
}

export type ReportEvent = DecodedScan | ScanProblem | IgnoredReport;

const ascii3 = (bytes: Uint8Array, at: number): string => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!);

export class HidPosReportDecoder {
  private chunks: Uint8Array[] = [];
  private total = 0;
  private aim: string | null = null;
  private vendorId: number | null = null;

  constructor(private readonly model: HidPosScannerModel) {}

  /** A label has begun and its last report has not come yet. */
  get pending(): boolean {
    return this.chunks.length > 0;
  }

  /** One input report; at most one event. */
  push(report: Uint8Array): ReportEvent | null {
    const layout = this.model.layout;
    if (report.length === 0) return this.fail(scanProblem('shortReport', 'an empty input report'));
    if (report[0] !== layout.reportId) return { kind: 'ignored', reportId: report[0]! };
    if (report.length < layout.reportLength) {
      return this.fail(scanProblem('shortReport', `a ${report.length}-byte report where the layout has ${layout.reportLength} bytes`));
    }
    const length = report[layout.lengthAt]!;
    if (length === 0 || length > layout.dataCapacity) {
      return this.fail(scanProblem('badLength', `length byte ${length} where a report carries 1 to ${layout.dataCapacity} data bytes`));
    }
    if (this.total + length > MAX_SCAN_BYTES) return this.fail(scanProblem('tooLong', `a label longer than ${MAX_SCAN_BYTES} bytes: the "continued" flag never cleared`));
    if (this.chunks.length === 0) this.first(report);
    this.chunks.push(report.slice(layout.dataAt, layout.dataAt + length));
    this.total += length;
    if ((report[layout.continuedAt]! & layout.continuedMask) !== 0) return null;
    return this.finish();
  }

  /** Gives up a label whose last report never came (the driver's quiet period); null when none was pending. */
  abandon(): ScanProblem | null {
    if (!this.pending) return null;
    const reports = this.chunks.length;
    this.reset();
    return scanProblem('incomplete', `a label broke off after ${reports} report(s) marked "continued"`);
  }

  /** Drops a pending label, zeroing what it held. */
  reset(): void {
    for (const c of this.chunks) c.fill(0);
    this.chunks = [];
    this.total = 0;
    this.aim = null;
    this.vendorId = null;
  }

  private first(report: Uint8Array): void {
    const { aimAt, vendorIdAt } = this.model.layout;
    this.aim = aimAt !== null && looksLikeAim(report, aimAt) ? ascii3(report, aimAt) : null;
    const vendor = vendorIdAt === null ? 0 : report[vendorIdAt]!;
    this.vendorId = vendor === 0 ? null : vendor;
  }

  private fail(problem: ScanProblem): ScanProblem {
    this.reset();
    return problem;
  }

  private finish(): DecodedScan | ScanProblem {
    const joined = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      joined.set(c, at);
      at += c.length;
    }
    const reports = this.chunks.length;
    let aim = this.aim;
    const vendorSymbologyId = this.vendorId;
    this.reset();
    let data = joined;
    if (aim === null && this.model.aimPrefix && looksLikeAim(joined, 0)) {
      aim = ascii3(joined, 0);
      data = joined.subarray(3);
    }
    const text = decodeScanText(data, this.model.charset);
    joined.fill(0);
    if (text.kind === 'problem') return text;
    return { kind: 'scan', text: text.text, charset: text.charset, aim, symbology: symbologyOfAim(aim), vendorSymbologyId, reports };
  }
}
