/**
 * The barcodeScanner contract on a real HID POS scanner (ARCHITECTURE.md §5), run only when
 * KIOSK_HW_BARCODESCANNER names one (barcode-scanner-hw-target.ts). The technician scans two codes when the
 * terminal asks. Otherwise it is skipped, and says so loudly.
 */
import { describe, it } from 'vitest';
import { HidPosBarcodeScanner } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import { HidTransport } from '../../drivers/transport/hid-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { SCANNER_VARIABLE, scannerHwTarget } from './barcode-scanner-hw-target';
import { describeBarcodeScannerContract } from './barcode-scanner.contract';

const target = scannerHwTarget();

if (!target) {
  process.stderr.write(
    `\n*** SKIPPED hardware contract "barcodeScanner": ${SCANNER_VARIABLE} is not set. To run it on a real scanner in HID POS mode (you scan 2 codes), set\n` +
      `***   ${SCANNER_VARIABLE}=/dev/hidraw3 | 0c2e:0b8f   (a hidraw path, or vendor:product in hex; the user needs read access to the hidraw node)\n` +
      `***   ${SCANNER_VARIABLE}_MODEL=<a scanner-models.ts id, e.g. honeywell-hidpos> (default generic-hidpos)\n\n`,
  );
  describe('barcodeScanner contract on hardware', () => {
    it.skip(`SKIPPED: set ${SCANNER_VARIABLE} to run it on a real scanner`, () => undefined);
  });
} else {
  describeBarcodeScannerContract(`hardware ${JSON.stringify(target.target)} (${target.model})`, async () => {
    const transport = new HidTransport({ target: target.target });
    const scanner = new HidPosBarcodeScanner({ id: 'hw-barcode-scanner', model: target.model, transport, clock: new AdjustableClock() });
    await scanner.open();
    await scanner.enable();
    return {
      scanner,
      scanTimeoutMs: 60_000,
      async present(_data, what) {
        process.stderr.write(`\n*** barcodeScanner contract: scan ${what} now (60 s)\n`);
        return undefined;
      },
      dispose: () => scanner.close(),
    };
  });
}
