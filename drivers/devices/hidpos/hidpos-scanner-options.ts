/**
 * Options of HidPosBarcodeScanner (hidpos-barcode-scanner.ts). Time-outs are on the injected clock
 * (ARCHITECTURE.md §8.4); the report layout and charset come from the model row (scanner-models.ts).
 */
import type { Clock } from '../../../common/clock';
import type { DeviceRole } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { HidPosScannerModel } from '../../protocol/hidpos/scanner-models';
import type { ReportTransport } from '../../transport/report-transport';
import type { StatisticsStore } from '../statistics';

export interface HidPosBarcodeScannerOptions {
  id: string;
  roles?: DeviceRole[];
  /** A row of scanner-models.ts, or a row of its own for a scanner whose layout was checked on site. */
  model: string | HidPosScannerModel;
  /** node-hid (hid-transport.ts) on a kiosk; the in-memory report pair with SimHidScanner in training. */
  transport: ReportTransport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Bound of opening the device. Default 5000. */
  openTimeoutMs?: number;
  /**
   * How long after a report marked "continued" the next one may come before the label is given up
   * (`incomplete`). A scanner sends a label's reports back to back, one per USB interrupt interval
   * (1–10 ms). Default 500.
   */
  continuationTimeoutMs?: number;
  /** Quiet time that ends a burst of garbage, so the next one is reported again (scan-failures.ts). Default 2000. */
  garbageQuietMs?: number;
}
