/**
 * A simulated USB vendor-bulk reader for the idCardReader contract (protocols.md §1.8): the fake node-usb
 * binding (usb-fake-binding.test-support.ts) with the openiDR200 endpoints, bridged to the host end of a
 * memory pair whose device end SimGa467Reader holds. What the transport writes to EP 02 and 06 reaches the
 * simulator as one stream; each reply frame is handed back as its 7-byte head on EP 81 and its body on EP 85,
 * so the contract runs through UsbBulkTransport's split plan exactly as on the reader.
 */
import { HEADER_LENGTH, LEN_OFFSET } from '../../drivers/protocol/ga467/constants';
import type { Transport } from '../../drivers/transport/transport';
import { bulk, FakeUsbBinding, FakeUsbDevice } from '../../drivers/transport/usb-fake-binding.test-support';

export async function usbBridge(simSide: Transport): Promise<FakeUsbBinding> {
  const device = new FakeUsbDevice([bulk(0x02), bulk(0x06), bulk(0x81), bulk(0x85)]);
  await simSide.open();
  device.onWrite = (_address, bytes) => void simSide.write(bytes);
  let held: number[] = [];
  simSide.onData((chunk) => {
    held.push(...chunk);
    while (held.length >= HEADER_LENGTH) {
      const total = HEADER_LENGTH + ((held[LEN_OFFSET]! << 8) | held[LEN_OFFSET + 1]!);
      if (held.length < total) return;
      device.send(0x81, Uint8Array.from(held.slice(0, HEADER_LENGTH)));
      device.send(0x85, Uint8Array.from(held.slice(HEADER_LENGTH, total)));
      held = held.slice(total);
    }
  });
  return new FakeUsbBinding(device);
}
