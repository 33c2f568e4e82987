/**
 * Which real scanner the barcodeScanner contract suite runs on (ARCHITECTURE.md §5): `KIOSK_HW_BARCODESCANNER`
 * names its HID POS interface, `KIOSK_HW_BARCODESCANNER_MODEL` the scanner-models.ts row:
 *
 *   KIOSK_HW_BARCODESCANNER=/dev/hidraw3            (or hid:/dev/hidraw3)
 *   KIOSK_HW_BARCODESCANNER=0c2e:0b8f               (vendor:product in hex, or hid:0c2e:0b8f; usage page 0x8C)
 *   KIOSK_HW_BARCODESCANNER_MODEL=honeywell-hidpos  (default generic-hidpos)
 */
import { HIDPOS_USAGE_PAGE } from '../../drivers/protocol/hidpos/constants';
import type { HidTarget } from '../../drivers/transport/hid-transport';
import { hwVariable } from './hw-target';

export const SCANNER_VARIABLE = hwVariable('barcodeScanner');

export interface ScannerHwTarget {
  target: HidTarget;
  model: string;
}

/** Reads one KIOSK_HW_BARCODESCANNER value; throws with the accepted forms when it is none of them. */
export function parseScannerTarget(spec: string): HidTarget {
  const path = /^(?:hid:)?(\/dev\/\S+)$/u.exec(spec);
  if (path) return { path: path[1]! };
  const ids = /^(?:hid:)?([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/u.exec(spec);
  if (ids) return { vendorId: parseInt(ids[1]!, 16), productId: parseInt(ids[2]!, 16), usagePage: HIDPOS_USAGE_PAGE };
  throw new Error(`"${spec}" names no scanner; write /dev/hidraw3 (or hid:/dev/hidraw3) or vendor:product in hex, e.g. 0c2e:0b8f`);
}

export function scannerHwTarget(env: Record<string, string | undefined> = process.env): ScannerHwTarget | null {
  const spec = env[SCANNER_VARIABLE];
  if (spec === undefined || spec === '') return null;
  return { target: parseScannerTarget(spec), model: env[`${SCANNER_VARIABLE}_MODEL`] || 'generic-hidpos' };
}
