/**
 * The idCardReader contract run on the simulator, so the suite itself is proven to pass before anyone trusts
 * it on hardware: a reader that cannot see a card lifted (generic-ga467) and one that can
 * (generic-ga467-select-probe), over the memory pair, on real time with the simulator's instant timing; and
 * the USB vendor-bulk reader (openidr200-usb) through UsbBulkTransport's split plan over a fake node-usb
 * bridged to the simulator (usb-sim-bridge.ts, protocols.md §1.8).
 */
import { fixtureCard } from '../../devices-sim/ga467/fixture-citizens';
import { INSTANT_TIMING } from '../../devices-sim/ga467/reader-timing';
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import { ga467ReaderModel } from '../../drivers/protocol/ga467/reader-models';
import { HEADER_LENGTH, LEN_OFFSET } from '../../drivers/protocol/ga467/constants';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import type { Transport } from '../../drivers/transport/transport';
import { UsbBulkTransport } from '../../drivers/transport/usb-bulk-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { describeIdCardReaderContract } from './id-card-reader.contract';
import { usbBridge } from './usb-sim-bridge';

const overUsb = async (simSide: Transport): Promise<Transport> => {
  const plan = ga467ReaderModel('openidr200-usb').usbEndpoints!;
  return new UsbBulkTransport({ vendorId: 0x0400, productId: 0xc35a, plan, frameHead: { headBytes: HEADER_LENGTH, lengthOffset: LEN_OFFSET }, binding: await usbBridge(simSide), pollTimeoutMs: 5 });
};

const RUNS = [
  { model: 'generic-ga467', usb: false },
  { model: 'generic-ga467-select-probe', usb: false },
  { model: 'openidr200-usb', usb: true },
];

for (const { model, usb } of RUNS) {
  describeIdCardReaderContract(`simulator over ${usb ? 'USB vendor-bulk, split endpoints (a fake node-usb)' : 'the memory pair'} (${model})`, async () => {
    const clock = new AdjustableClock();
    const pair = createMemoryPair('id-card-reader');
    const removalProbe = ga467ReaderModel(model).removalProbe;
    const sim = new SimGa467Reader({ id: 'id-card-reader', model, transport: pair.device, clock, baud: 0, timing: INSTANT_TIMING, removalProbe });
    await sim.start();
    const transport = usb ? await overUsb(pair.host) : pair.host;
    const reader = new Ga467IdCardReader({ id: 'id-card-reader', model, transport, clock, pollIntervalMs: 50 });
    await reader.open();
    return {
      reader,
      transport,
      cardTimeoutMs: 5000,
      pollIntervalMs: 50,
      async layCard() {
        sim.placeCard(fixtureCard('adult'));
      },
      async liftCard() {
        if (sim.status().cardReader?.cardPresent) sim.liftCard();
      },
      say: () => undefined,
      async dispose() {
        await reader.close();
        await sim.stop();
      },
    };
  });
}
