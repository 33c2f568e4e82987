/**
 * The idCardReader contract on a real reader (ARCHITECTURE.md §5), run only when KIOSK_HW_IDCARDREADER names
 * one (reader-hw-targets.ts). The technician lays an ID card when the terminal asks, lifts it, lays it again
 * and takes it away; only the masked card is ever printed (§8.7). Otherwise it is skipped, and says so loudly.
 */
import { describe, it } from 'vitest';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import { ga467ReaderModel } from '../../drivers/protocol/ga467/reader-models';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { openRealTransport } from '../../main/device-drivers/real-transports';
import { describeIdCardReaderContract } from './id-card-reader.contract';
import { ID_CARD_READER_VARIABLE, idCardReaderHwTarget } from './reader-hw-targets';

const target = idCardReaderHwTarget();
const say = (line: string): void => void process.stderr.write(`\n*** idCardReader contract: ${line}\n`);
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

if (!target) {
  process.stderr.write(
    `\n*** SKIPPED hardware contract "idCardReader": ${ID_CARD_READER_VARIABLE} is not set. To run it on a real GA 467 reader (you lay an ID card twice; only masked fields are printed), set\n` +
      `***   ${ID_CARD_READER_VARIABLE}=/dev/ttyUSB0[@115200] | usb:0400:c35a   (a serial port, or a USB vendor-bulk reader; the user needs access: dialout group, or a udev rule for the USB device)\n` +
      `***   ${ID_CARD_READER_VARIABLE}_MODEL=<a reader-models.ts id, e.g. yinansoft-a905> (default generic-ga467; openidr200-usb for usb:)\n\n`,
  );
  describe('idCardReader contract on hardware', () => {
    it.skip(`SKIPPED: set ${ID_CARD_READER_VARIABLE} to run it on a real reader`, () => undefined);
  });
} else {
  describeIdCardReaderContract(`hardware ${JSON.stringify(target.link)} (${target.model})`, async () => {
    const model = ga467ReaderModel(target.model);
    const transport = openRealTransport('hw-id-card-reader', target.link, { model: target.model });
    const reader = new Ga467IdCardReader({ id: 'hw-id-card-reader', model, transport, clock: new AdjustableClock() });
    await reader.open();
    return {
      reader,
      transport,
      cardTimeoutMs: 60_000,
      pollIntervalMs: model.pollIntervalMs,
      async layCard(what) {
        say(`${what} now (60 s)`);
      },
      async liftCard(what) {
        say(`${what} now${reader.detectsRemoval ? ' (60 s)' : ': 5 s before the next step'}`);
        // A removal this model cannot see on the wire gives the technician a moment before the next prompt.
        if (!reader.detectsRemoval) await delay(5000);
      },
      say,
      dispose: () => reader.close(),
    };
  });
}
