/**
 * Bar code / QR scanners (ARCHITECTURE.md §3: one interface per role). A kiosk reads an appointment code
 * (预约码) or an electronic certificate code (电子证照码) with them. An appointment code is no personal data,
 * but an e-certificate code can lead to one, so a scan is treated as session-only data (§8.7): memory only,
 * never logged, `Scan.wipe()` at session end, wiped at once when no listener takes it.
 */
import type { KioskErrorInfo } from '../../common/errors';
import type { Symbology } from '../protocol/hidpos/symbology';
import type { Device } from './device-types';

export type { Symbology } from '../protocol/hidpos/symbology';

export interface Scan {
  /** The label's text; '' once wiped. */
  readonly data: string;
  readonly symbology: Symbology;
  /** The AIM identifier `]cm` the scanner sent (ISO/IEC 15424), null where it sent none. */
  readonly aim: string | null;
  /** Wall time of the scan (the injected clock). */
  readonly scannedAt: number;
  readonly wiped: boolean;
  /** Drops the text (strings cannot be zeroed: the reference goes). Idempotent. */
  wipe(): void;
}

/**
 * Scanning is on while the device is enabled (UnifiedPOS DeviceEnabled; status `scanner.scanning`): labels
 * read while it is off are dropped unseen.
 */
export interface BarcodeScanner extends Device {
  /** A label was read; every listener gets the same Scan, to wipe at session end. */
  onScan(listener: (scan: Scan) => void): () => void;
  /**
   * What the scanner sent was no label (`scanUnreadable`, actor citizen: hold the code still, or staff when it
   * keeps happening): said once for a burst of garbage, not once per report. No scanned data in the error.
   */
  onScanFailed(listener: (error: KioskErrorInfo) => void): () => void;
}
