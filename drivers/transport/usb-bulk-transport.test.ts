import { describe, expect, it } from 'vitest';
import { LIBUSB } from './usb-binding';
import { UsbBulkTransport, type UsbEndpointPlan } from './usb-bulk-transport';
import { bulk, FakeUsbBinding, FakeUsbDevice } from './usb-fake-binding.test-support';

const hex = (s: string): Uint8Array => Uint8Array.from(s.split(' ').map((b) => parseInt(b, 16)));
const SPLIT: UsbEndpointPlan = { split: { headOut: 0x02, bodyOut: 0x06, headIn: 0x81, bodyIn: 0x85 } };
const SINGLE: UsbEndpointPlan = { single: { out: 'firstBulk', in: 'firstBulk', chunkBytes: 64 } };
const GA467_HEAD = { headBytes: 7, lengthOffset: 5 }; // protocols.md §1.1
const SAM_STATUS = hex('AA AA AA 96 69 00 03 11 FF ED'); // §1.2
const SAM_OK = hex('AA AA AA 96 69 00 04 00 00 90 94'); // §1.3 90

function rig(plan: UsbEndpointPlan = SPLIT, endpoints = [bulk(0x02), bulk(0x06), bulk(0x81), bulk(0x85)]) {
  const device = new FakeUsbDevice(endpoints);
  const binding = new FakeUsbBinding(device);
  const transport = new UsbBulkTransport({ vendorId: 0x0400, productId: 0xc35a, plan, frameHead: GA467_HEAD, binding, pollTimeoutMs: 5 });
  const received: number[] = [];
  transport.onData((c) => received.push(...c));
  const reasons: string[] = [];
  transport.onDisconnect((r) => reasons.push(r));
  return { device, binding, transport, received, reasons };
}

describe('UsbBulkTransport (protocols.md §1.8)', () => {
  it('opens: detaches a kernel driver bound to the interface, claims it; describes itself by VID:PID', async () => {
    const { device, transport } = rig();
    await transport.open();
    expect(transport.description).toBe('usb:0400:c35a');
    expect(transport.isOpen).toBe(true);
    expect(device).toMatchObject({ opened: true, detached: true, claimed: true });
    await transport.close();
    expect(device).toMatchObject({ opened: false, claimed: false });
  });

  it('split plan: the 7-byte head goes to EP 02, the remaining Len bytes to EP 06', async () => {
    const { device, transport } = rig();
    await transport.open();
    await transport.write(SAM_STATUS);
    expect(device.written).toEqual([
      [0x02, [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x03]],
      [0x06, [0x11, 0xff, 0xed]],
    ]);
    await expect(transport.write(SAM_STATUS.subarray(0, 8))).rejects.toMatchObject({ kind: 'io', message: /not whole frames/ });
    await transport.close();
  });

  it('split plan: a reply read as its head from EP 81 and its body from EP 85 comes out as one stream', async () => {
    const { device, transport, received } = rig();
    await transport.open();
    device.send(0x85, SAM_OK.subarray(7)); // a body before any head is not read: heads come first
    await new Promise((r) => setTimeout(r, 30));
    expect(received).toEqual([]);
    device.send(0x81, SAM_OK.subarray(0, 7));
    await expect.poll(() => received.length).toBe(SAM_OK.length);
    expect(received).toEqual([...SAM_OK]);
    await transport.close();
  });

  it('split plan: a long body in several transfers, then the next head from EP 81 again', async () => {
    const { device, transport, received } = rig();
    await transport.open();
    const len = 1288; // §1.4 read reply: 1295 bytes in all
    const frame = new Uint8Array(7 + len).fill(0x5a);
    frame.set([0xaa, 0xaa, 0xaa, 0x96, 0x69, len >> 8, len & 0xff]);
    device.send(0x81, frame.subarray(0, 7));
    device.send(0x85, frame.subarray(7, 700), frame.subarray(700));
    await expect.poll(() => received.length).toBe(frame.length);
    device.send(0x81, SAM_OK.subarray(0, 7));
    device.send(0x85, SAM_OK.subarray(7));
    await expect.poll(() => received.length).toBe(frame.length + SAM_OK.length);
    expect(received.slice(frame.length)).toEqual([...SAM_OK]);
    await transport.close();
  });

  it('single plan: the whole frame to the first bulk OUT, 64-byte chunks read from the first bulk IN', async () => {
    const { device, transport, received } = rig(SINGLE, [bulk(0x01), bulk(0x82)]);
    await transport.open();
    await transport.write(SAM_STATUS);
    expect(device.written).toEqual([[0x01, [...SAM_STATUS]]]);
    device.send(0x82, SAM_OK.subarray(0, 4), SAM_OK.subarray(4));
    await expect.poll(() => received.length).toBe(SAM_OK.length);
    expect(received).toEqual([...SAM_OK]);
    await transport.close();
  });

  it('a read that times out is no error: polling goes on and nothing is reported', async () => {
    const { device, transport, received, reasons } = rig();
    await transport.open();
    await new Promise((r) => setTimeout(r, 40)); // several 5 ms polls time out
    expect(transport.isOpen).toBe(true);
    expect(reasons).toEqual([]);
    device.send(0x81, SAM_OK.subarray(0, 7));
    device.send(0x85, SAM_OK.subarray(7));
    await expect.poll(() => received.length).toBe(SAM_OK.length);
    await transport.close();
  });

  it('unplugged: reported once as a disconnect, the link closed, writes refused; it opens again once back', async () => {
    const { device, binding, transport, reasons } = rig();
    await transport.open();
    binding.unplug();
    await expect.poll(() => reasons).toEqual(['unplugged']);
    expect(transport.isOpen).toBe(false);
    expect(binding.detachSubscribers).toBe(0);
    await expect(transport.write(SAM_STATUS)).rejects.toMatchObject({ kind: 'closed' });
    device.gone = false;
    await transport.open();
    expect(transport.isOpen).toBe(true);
    await transport.close();
  });

  it('open errors say why: not plugged in (VID:PID), access denied (a udev rule), no interface with the plan’s endpoints', async () => {
    const absent = new UsbBulkTransport({ vendorId: 0x0400, productId: 0xc35a, plan: SPLIT, frameHead: GA467_HEAD, binding: new FakeUsbBinding(undefined) });
    await expect(absent.open()).rejects.toMatchObject({ kind: 'notFound', message: /no USB device 0400:c35a is plugged in/ });
    const denied = rig();
    denied.device.openErrno = LIBUSB.ACCESS;
    await expect(denied.transport.open()).rejects.toThrow(/access denied.*udev rule.*ATTR\{idVendor\}=="0400", ATTR\{idProduct\}=="c35a"/);
    const busy = rig();
    busy.device.openErrno = LIBUSB.BUSY;
    await expect(busy.transport.open()).rejects.toMatchObject({ kind: 'busy', message: /held by another program/ });
    const other = rig(SPLIT, [bulk(0x01), bulk(0x82)]);
    await expect(other.transport.open()).rejects.toMatchObject({ kind: 'notFound', message: /no interface has the endpoints.*another firmware/ });
    expect(other.device.opened).toBe(false);
  });

  it('a split plan without the frame head layout is refused when built', () => {
    expect(() => new UsbBulkTransport({ vendorId: 1, productId: 2, plan: SPLIT, binding: new FakeUsbBinding(undefined) })).toThrow(/frame head/);
  });
});
