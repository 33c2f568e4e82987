/**
 * The barcodeScanner contract run on the simulator, so the suite itself is proven to pass before anyone
 * trusts it on hardware: every model of scanner-models.ts over the in-memory report pair (there is no
 * virtual HID device to run it over: the simulator attaches at the report level).
 */
import { SimHidScanner } from '../../devices-sim/hid-scanner/sim-hid-scanner';
import { HidPosBarcodeScanner } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import { HIDPOS_SCANNER_MODELS } from '../../drivers/protocol/hidpos/scanner-models';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { describeBarcodeScannerContract } from './barcode-scanner.contract';

for (const model of Object.keys(HIDPOS_SCANNER_MODELS)) {
  describeBarcodeScannerContract(`simulator over the report pair (${model})`, async () => {
    const clock = new AdjustableClock();
    const pair = createReportMemoryPair('scanner');
    const sim = new SimHidScanner({ id: 'scanner', model, transport: pair.device, clock });
    await sim.start();
    const scanner = new HidPosBarcodeScanner({ id: 'scanner', model, transport: pair.host, clock });
    await scanner.open();
    await scanner.enable();
    return {
      scanner,
      scanTimeoutMs: 2000,
      async present(data) {
        sim.scan({ data, symbology: 'qr' });
        return data;
      },
      async dispose() {
        await scanner.close();
        await sim.stop();
      },
    };
  });
}
