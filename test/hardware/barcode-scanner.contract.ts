/**
 * The barcodeScanner contract (ARCHITECTURE.md §5 "contract suites"): what every HID POS scanner must do
 * through the driver. Run on the simulator always (barcode-scanner-sim.test.ts), and on a real scanner when
 * KIOSK_HW_BARCODESCANNER names one (barcode-scanner-hw.test.ts), where `present` asks the technician at the
 * terminal to scan a code and the code is not known in advance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskErrorInfo } from '../../common/errors';
import type { HidPosBarcodeScanner } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import type { Scan } from '../../drivers/devices/scanner-types';
import { SYMBOLOGIES } from '../../drivers/protocol/hidpos/symbology';

export interface BarcodeScannerContractRig {
  /** Opened and enabled. */
  scanner: HidPosBarcodeScanner;
  /**
   * Has a code scanned: the simulator scans `data`; on hardware the technician scans one (any QR code, or the
   * one the prompt names) and the promise resolves once the prompt is out. Returns the code when it is known.
   */
  present(data: string, what: string): Promise<string | undefined>;
  /** How long a scan may take to arrive: a person at the terminal needs time, the simulator none. */
  scanTimeoutMs: number;
  dispose(): Promise<void>;
}

const LONG_CODE = `DZZZ|营业执照|四川省成都市高新区天府大道|91510100MA6C00000X|2026-11-23|${'0123456789'.repeat(8)}`;

export function describeBarcodeScannerContract(name: string, makeRig: () => Promise<BarcodeScannerContractRig>): void {
  describe(`barcodeScanner contract: ${name}`, () => {
    let rig: BarcodeScannerContractRig;
    const failures: KioskErrorInfo[] = [];

    const nextScan = async (data: string, what: string): Promise<{ scan: Scan; expected: string | undefined }> => {
      let off = (): void => undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arrived = new Promise<Scan>((resolve, reject) => {
        off = rig.scanner.onScan(resolve);
        timer = setTimeout(() => reject(new Error(`no scan within ${rig.scanTimeoutMs} ms (${what})`)), rig.scanTimeoutMs);
      });
      try {
        const expected = await rig.present(data, what);
        return { scan: await arrived, expected };
      } finally {
        off();
        clearTimeout(timer);
      }
    };

    beforeAll(async () => {
      rig = await makeRig();
      rig.scanner.onScanFailed((e) => failures.push(e));
    }, 60_000);
    afterAll(async () => {
      await rig?.dispose();
    });

    it('is online with scanning on once opened and enabled', () => {
      expect(rig.scanner.status).toMatchObject({ device: 'online', scanner: { scanning: true } });
    });

    it('reads a short code as one label, with a known symbology', async () => {
      const { scan, expected } = await nextScan('YY20261123A0042', 'a short code (an appointment slip)');
      expect(scan.data.length).toBeGreaterThan(0);
      expect(SYMBOLOGIES).toContain(scan.symbology);
      if (expected !== undefined) expect(scan.data).toBe(expected);
      scan.wipe();
      expect(scan.data).toBe('');
    }, 120_000);

    it('reads a code longer than one report whole', async () => {
      const { scan, expected } = await nextScan(LONG_CODE, 'a QR code of more than 56 bytes (a URL or an e-certificate code)');
      expect(new TextEncoder().encode(scan.data).length).toBeGreaterThan(56);
      if (expected !== undefined) expect(scan.data).toBe(expected);
      scan.wipe();
    }, 120_000);

    it('reported nothing unreadable along the way', () => {
      expect(failures).toEqual([]);
    });

    it('passes its internal and external health checks', async () => {
      expect(await rig.scanner.healthCheck('internal')).toMatchObject({ ok: true });
      expect(await rig.scanner.healthCheck('external')).toMatchObject({ ok: true });
    });
  });
}
