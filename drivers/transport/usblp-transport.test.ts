/**
 * UsblpTransport on a fake usblp file (char-device-files.ts): the kernel answers a pseudo-terminal cannot
 * give (usblp.c: EINVAL from a write-only interface, EBUSY, partial writes and EAGAIN, ENOSPC at paper out,
 * ENODEV once unplugged). The same transport on a real pty is in test/usblp/.
 */
import { describe, expect, it } from 'vitest';
import type { CharDeviceFiles } from './char-device-files';
import { WriteAbortedError } from './flow-control';
import { TransportError } from './transport';
import { UsblpTransport } from './usblp-transport';

const errno = (code: string): Error => Object.assign(new Error(`${code}: fake`), { code });

/** One step of the fake's write side: take n bytes, or fail with an errno code. */
type WriteStep = number | string;

class FakeUsblp implements CharDeviceFiles {
  present = true;
  characterDevice = true;
  openError: string | null = null;
  /** What reads return next, in order: bytes, an errno code, or 0 (a zero-length packet). */
  readPlan: Array<Uint8Array | string | 0> = [];
  writePlan: WriteStep[] = [];
  readonly written: number[] = [];
  closes = 0;
  openFds = 0;

  async open(): Promise<number> {
    if (this.openError) throw errno(this.openError);
    this.openFds++;
    return 7;
  }
  async read(_fd: number, buffer: Uint8Array): Promise<number> {
    const next = this.readPlan.shift();
    if (next === undefined) throw errno(this.present ? 'EAGAIN' : 'ENODEV');
    if (next === 0) return 0;
    if (typeof next === 'string') throw errno(next);
    buffer.set(next);
    return next.length;
  }
  async write(_fd: number, bytes: Uint8Array): Promise<number> {
    const step = this.writePlan.shift() ?? bytes.length;
    if (typeof step === 'string') throw errno(step);
    const n = Math.min(step, bytes.length);
    this.written.push(...bytes.subarray(0, n));
    return n;
  }
  async close(): Promise<void> {
    this.closes++;
    this.openFds--;
  }
  async describeOpen(): Promise<{ characterDevice: boolean; rdev: number }> {
    return { characterDevice: this.characterDevice, rdev: 0xb400 };
  }
  async rdevAt(): Promise<number | null> {
    return this.present ? 0xb400 : null;
  }
}

function rig(files = new FakeUsblp()) {
  const t = new UsblpTransport({ path: '/dev/usb/lp0', files, readPollMs: 1, writeStallMs: 200 });
  const received: number[] = [];
  const lost: string[] = [];
  t.onData((c) => received.push(...c));
  t.onDisconnect((r) => lost.push(r));
  return { t, files, received, lost };
}

describe('UsblpTransport', () => {
  it('delivers what the printer sends and writes what usblp takes part by part, in order', async () => {
    const { t, files, received } = rig();
    files.readPlan.push('EAGAIN', Uint8Array.of(0x12), 0, Uint8Array.of(0x37, 0x22));
    // The first write is taken 3 bytes at a time with refusals between (a busy URB); the second waits its turn.
    files.writePlan.push(3, 'EAGAIN', 'ENOSPC', 3, 'EAGAIN', 2);
    await t.open();
    expect(t.description).toBe('usblp:/dev/usb/lp0');
    expect(t.usbPrinterClass).toBe(true);
    await Promise.all([t.write(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)), t.write(Uint8Array.of(9, 10))]);
    expect(files.written).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expect.poll(() => received).toEqual([0x12, 0x37, 0x22]);
    await t.close();
    expect(t.isOpen).toBe(false);
    expect(files.openFds).toBe(0);
  });

  it.each([
    ['ENOENT', 'notFound', /no such device file/],
    ['EBUSY', 'busy', /held by another program/],
    ['EACCES', 'io', /"lp" group/],
  ])('refuses to open on %s, saying why', async (code, kind, words) => {
    const files = new FakeUsblp();
    files.openError = code;
    const err = await rig(files).t.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ kind, message: expect.stringMatching(words) });
  });

  it('refuses a path that is not a character device, and closes it again', async () => {
    const files = new FakeUsblp();
    files.characterDevice = false;
    await expect(rig(files).t.open()).rejects.toMatchObject({ kind: 'notFound', message: expect.stringMatching(/not a character device/) });
    expect(files.openFds).toBe(0);
  });

  it('reports an unplug (ENODEV) once, closes the file so a re-plug can open it, and refuses writes until then', async () => {
    const { t, files, lost } = rig();
    await t.open();
    files.present = false;
    await expect.poll(() => lost).toEqual(['unplugged (the device is gone)']);
    expect(t.isOpen).toBe(false);
    expect(files.openFds).toBe(0);
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ kind: 'closed' });
    files.present = true;
    await t.open();
    expect(t.isOpen).toBe(true);
    await t.close();
  });

  it('a zero-length read is nothing while the file is there, and a loss once it is gone', async () => {
    const { t, files, received, lost } = rig();
    files.readPlan.push(0, 0, Uint8Array.of(0x12));
    await t.open();
    await expect.poll(() => received).toEqual([0x12]);
    expect(lost).toEqual([]);
    files.readPlan.push(0);
    files.present = false;
    await expect.poll(() => lost).toEqual(['the device file disappeared (unplugged)']);
  });

  it('keeps reading after a failed read (EIO) while the printer is there', async () => {
    const { t, files, received, lost } = rig();
    files.readPlan.push('EIO', Uint8Array.of(0x12));
    await t.open();
    await expect.poll(() => received).toEqual([0x12]);
    expect(lost).toEqual([]);
    await t.close();
  });

  it('a write-only printer interface (EINVAL on read) is no loss: writing goes on', async () => {
    const { t, files, lost } = rig();
    files.readPlan.push('EINVAL');
    await t.open();
    await t.write(Uint8Array.of(0x1b, 0x40));
    expect(files.written).toEqual([0x1b, 0x40]);
    expect(lost).toEqual([]);
    expect(t.isOpen).toBe(true);
    await expect.poll(() => t.readsRefused).toBe(true); // the driver says why no status comes
    await t.close();
  });

  it('a write that fails because the printer went away is "closed" before any byte, "io" after some', async () => {
    const { t, files, lost } = rig();
    await t.open();
    files.writePlan.push(2, 'ENODEV');
    await expect(t.write(Uint8Array.of(1, 2, 3))).rejects.toMatchObject({ kind: 'io' });
    expect(lost).toEqual(['unplugged (the device is gone)']);
    await t.open();
    files.writePlan.push('ENODEV');
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ kind: 'closed' });
  });

  it('a write the printer holds back stops when called off, saying how much went out', async () => {
    const { t, files } = rig();
    await t.open();
    files.writePlan.push(1, ...Array<WriteStep>(1000).fill('EAGAIN'));
    const abort = new AbortController();
    const write = t.write(Uint8Array.of(1, 2, 3), abort.signal);
    await expect.poll(() => files.written).toEqual([1]);
    abort.abort();
    const err = await write.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WriteAbortedError);
    expect(err).toMatchObject({ sent: 1, total: 3 });
    await t.close();
  });

  it('a write the printer never takes fails after writeStallMs instead of holding every later write', async () => {
    const { t, files, lost } = rig();
    await t.open();
    files.writePlan.push(...Array<WriteStep>(100_000).fill('ENOSPC'));
    await expect(t.write(Uint8Array.of(1, 2))).rejects.toMatchObject({ kind: 'io', message: expect.stringMatching(/took no data for 200 ms \(0 of 2 bytes/) });
    files.writePlan.length = 0;
    await t.write(Uint8Array.of(3));
    expect(files.written).toEqual([3]);
    expect(lost).toEqual([]);
    await t.close();
  });
});
