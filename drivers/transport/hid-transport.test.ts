/**
 * HidTransport with an injected fake node-hid binding (hid-binding.ts; ARCHITECTURE.md §7 after
 * node-serialport's mock binding): there is no HID device here. The fake keeps its state per instance.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HidBinding, HidDeviceInfo, HidDeviceLike } from './hid-binding';
import { describeHidTarget, HidTransport } from './hid-transport';
import { TransportError } from './transport';

class FakeHidDevice extends EventEmitter implements HidDeviceLike {
  written: number[][] = [];
  closed = false;
  failWrite = false;
  constructor(readonly path: string) {
    super();
  }
  async write(values: number[] | Uint8Array): Promise<number> {
    if (this.failWrite) throw new Error('Cannot write to hid device');
    this.written.push([...values]);
    return values.length + 1;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  /** The device sends an input report (node-hid emits a Buffer). */
  input(bytes: number[]): void {
    this.emit('data', Buffer.from(bytes));
  }
}

class FakeBinding implements HidBinding {
  opened: FakeHidDevice[] = [];
  refuse = false;
  constructor(public listed: HidDeviceInfo[] = []) {}
  async devices(): Promise<HidDeviceInfo[]> {
    return this.listed;
  }
  async open(path: string): Promise<HidDeviceLike> {
    if (this.refuse) throw new Error('cannot open device with path ' + path);
    const d = new FakeHidDevice(path);
    this.opened.push(d);
    return d;
  }
}

/** A composite scanner: keyboard interface first, then its HID POS one (usage page 0x8C). */
const COMPOSITE: HidDeviceInfo[] = [
  { vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw2', interface: 0, usagePage: 0x01, usage: 0x06 },
  { vendorId: 0x0c2e, productId: 0x0b8f, path: '/dev/hidraw3', interface: 1, usagePage: 0x8c, usage: 0x02 },
  { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', interface: 0, usagePage: 0x01, usage: 0x06 },
];

describe('HidTransport (node-hid, injected binding)', () => {
  it('describes its target', () => {
    expect(describeHidTarget({ path: '/dev/hidraw3' })).toBe('hid:/dev/hidraw3');
    expect(describeHidTarget({ vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c })).toBe('hid:0c2e:0b8f/8c');
    expect(describeHidTarget({ vendorId: 0x1eab, productId: 0x8203 })).toBe('hid:1eab:8203');
  });

  it('opens by vendor/product the interface with the usage page asked for, not the keyboard one', async () => {
    const binding = new FakeBinding(COMPOSITE);
    const t = new HidTransport({ target: { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c }, binding });
    await t.open();
    expect(binding.opened.map((d) => d.path)).toEqual(['/dev/hidraw3']);
    expect(t.isOpen).toBe(true);
    await t.open();
    expect(binding.opened).toHaveLength(1);
  });

  it('opens a hidraw path directly, without listing', async () => {
    const binding = new FakeBinding([]);
    const t = new HidTransport({ target: { path: '/dev/hidraw7' }, binding });
    await t.open();
    expect(binding.opened.map((d) => d.path)).toEqual(['/dev/hidraw7']);
  });

  it('says why nothing opens: no such device; no POS interface (not in HID POS mode); refused by the OS', async () => {
    const none = new HidTransport({ target: { vendorId: 0x1eab, productId: 0x8203, usagePage: 0x8c }, binding: new FakeBinding(COMPOSITE) });
    await expect(none.open()).rejects.toMatchObject({ kind: 'notFound', message: 'hid:1eab:8203/8c: no such device' });
    const keyboardOnly = new FakeBinding([COMPOSITE[0]!]);
    const wedge = new HidTransport({ target: { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c }, binding: keyboardOnly });
    await expect(wedge.open()).rejects.toThrow(/none of its interfaces has usage page 8c \(it shows 1\): is it in HID POS mode\?/);
    const refusing = new FakeBinding(COMPOSITE);
    refusing.refuse = true;
    const t = new HidTransport({ target: { path: '/dev/hidraw3' }, binding: refusing });
    const err = await t.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ kind: 'notFound', message: expect.stringMatching(/cannot open \/dev\/hidraw3 .*udev rule/) });
    expect(t.isOpen).toBe(false);
  });

  it('hands over each input report whole as a plain Uint8Array, and writes output reports', async () => {
    const binding = new FakeBinding(COMPOSITE);
    const t = new HidTransport({ target: { path: '/dev/hidraw3' }, binding });
    await t.open();
    const got: Uint8Array[] = [];
    t.onReport((r) => got.push(r));
    const report = [0x02, 0x03, 0x5d, 0x51, 0x31, 0x41, 0x42, 0x43, ...new Array(56).fill(0)];
    binding.opened[0]!.input(report);
    expect(got).toHaveLength(1);
    expect(Buffer.isBuffer(got[0])).toBe(false);
    expect([...got[0]!]).toEqual(report);
    await t.writeReport(Uint8Array.of(0xfd, 0x03, 0x16, 0x07, 0x0d));
    expect(binding.opened[0]!.written).toEqual([[0xfd, 0x03, 0x16, 0x07, 0x0d]]);
    binding.opened[0]!.failWrite = true;
    await expect(t.writeReport(Uint8Array.of(0))).rejects.toMatchObject({ kind: 'io' });
  });

  it('a read error (the unplug) closes the link once and reports a disconnect; reopening takes a fresh device', async () => {
    const binding = new FakeBinding(COMPOSITE);
    const t = new HidTransport({ target: { vendorId: 0x0c2e, productId: 0x0b8f, usagePage: 0x8c }, binding });
    await t.open();
    const reasons: string[] = [];
    const got: Uint8Array[] = [];
    t.onDisconnect((r) => reasons.push(r));
    t.onReport((r) => got.push(r));
    const first = binding.opened[0]!;
    first.emit('error', new Error('could not read from HID device'));
    first.emit('error', new Error('again'));
    expect(reasons).toEqual(['could not read from HID device']);
    expect(t.isOpen).toBe(false);
    expect(first.closed).toBe(true);
    first.input([0x02, 0x01, 0x41]);
    expect(got).toEqual([]);
    await expect(t.writeReport(Uint8Array.of(0))).rejects.toMatchObject({ kind: 'closed' });
    await t.open();
    expect(binding.opened).toHaveLength(2);
    binding.opened[1]!.input([0x02]);
    expect(got).toHaveLength(1);
  });

  it('close() closes the device and stops its events', async () => {
    const binding = new FakeBinding(COMPOSITE);
    const t = new HidTransport({ target: { path: '/dev/hidraw3' }, binding });
    await t.open();
    const reasons: string[] = [];
    t.onDisconnect((r) => reasons.push(r));
    const d = binding.opened[0]!;
    await t.close();
    expect(d.closed).toBe(true);
    expect(d.listenerCount('data')).toBe(0);
    d.emit('error', new Error('late read error while closing'));
    expect(reasons).toEqual([]);
    await t.close();
  });
});
