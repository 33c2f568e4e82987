/**
 * Flow control on a serial port (issue 13 §1, §2). A pseudo-terminal has no modem lines, so the port here is
 * a fake of the few SerialPort calls the transport makes; the real port is covered over socat in
 * test/serial/.
 */
import { describe, expect, it } from 'vitest';
import { XOFF, XON, XonXoffState, writeInChunks } from './flow-control';
import { SerialTransport, type SerialPortLike, type SerialPortOptions } from './serial-transport';

class FakePort implements SerialPortLike {
  isOpen = false;
  dsr = true;
  dsrReads = 0;
  readonly written: number[][] = [];
  private readonly listeners: Record<string, Array<(arg?: unknown) => void>> = {};
  constructor(readonly options: SerialPortOptions) {}
  open(cb: (err: Error | null) => void): void {
    this.isOpen = true;
    cb(null);
  }
  close(cb: () => void): void {
    this.isOpen = false;
    this.emit('close');
    cb();
  }
  write(data: Uint8Array, cb: (err?: Error | null) => void): void {
    this.written.push([...data]);
    cb(null);
  }
  drain(cb: () => void): void {
    cb();
  }
  get(cb: (err: Error | null, status?: { cts: boolean; dsr: boolean; dcd: boolean }) => void): void {
    this.dsrReads++;
    cb(null, { cts: true, dsr: this.dsr, dcd: false });
  }
  on(event: string, listener: (arg?: any) => void): this {
    (this.listeners[event] ??= []).push(listener);
    return this;
  }
  emit(event: string, arg?: unknown): void {
    for (const l of this.listeners[event] ?? []) l(arg);
  }
}

async function opened(flowControl: 'none' | 'rtscts' | 'dtrdsr' | 'xonxoff') {
  let port: FakePort | undefined;
  const transport = new SerialTransport({ path: '/dev/ttyS0', baudRate: 9600, flowControl, dsrPollMs: 1, openPort: (o) => (port = new FakePort(o)) });
  await transport.open();
  const received: number[] = [];
  transport.onData((c) => received.push(...c));
  return { transport, port: port!, received };
}

const turns = async (n = 20): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('serial flow control', () => {
  it('RTS/CTS is the kernel’s: the port is opened with rtscts, and only then', async () => {
    expect((await opened('rtscts')).port.options.rtscts).toBe(true);
    expect((await opened('none')).port.options.rtscts).toBe(false);
  });

  it('XON/XOFF: DC1/DC3 never reach the reader; XOFF holds the next chunk until XON', async () => {
    const { transport, port, received } = await opened('xonxoff');
    port.emit('data', Uint8Array.of(0x12, XOFF, 0x12));
    expect(received).toEqual([0x12, 0x12]);
    let done = false;
    const job = transport.write(new Uint8Array(200).fill(0x41)).then(() => (done = true));
    await turns();
    expect(port.written).toEqual([]);
    port.emit('data', Uint8Array.of(XON));
    await job;
    expect(done).toBe(true);
    expect(port.written.map((c) => c.length)).toEqual([64, 64, 64, 8]);
    expect(received).toEqual([0x12, 0x12]);
  });

  it('XOFF in the middle of a job stops it between chunks; a close wakes the writer with an error', async () => {
    const { transport, port } = await opened('xonxoff');
    const job = transport.write(new Uint8Array(256));
    port.emit('data', Uint8Array.of(XOFF));
    await turns();
    const sent = port.written.length;
    expect(sent).toBeLessThan(4);
    await transport.close();
    await expect(job).rejects.toMatchObject({ kind: 'closed' });
  });

  it('a write held back by XOFF stops at its next chunk when called off; the write after it goes out whole, never interleaved', async () => {
    const { transport, port } = await opened('xonxoff');
    port.emit('data', Uint8Array.of(XOFF));
    const off = new AbortController();
    const held = transport.write(new Uint8Array(200).fill(0x41), off.signal);
    const next = transport.write(Uint8Array.of(0x10, 0x04, 0x01));
    await turns();
    off.abort();
    await expect(held).rejects.toMatchObject({ name: 'WriteAbortedError', sent: 0 });
    port.emit('data', Uint8Array.of(XON));
    await next;
    expect(port.written).toEqual([[0x10, 0x04, 0x01]]);
  });

  it('without XON/XOFF, DC1 and DC3 are data like any other byte', async () => {
    const { port, received } = await opened('none');
    port.emit('data', Uint8Array.of(XON, XOFF));
    expect(received).toEqual([XON, XOFF]);
  });

  it('DTR/DSR: nothing goes out while the printer holds DSR low', async () => {
    const { transport, port } = await opened('dtrdsr');
    port.dsr = false;
    const job = transport.write(new Uint8Array(100));
    await expect.poll(() => port.dsrReads).toBeGreaterThan(3); // read again and again, still low
    expect(port.written).toEqual([]);
    port.dsr = true;
    await job;
    expect(port.written.map((c) => c.length)).toEqual([64, 36]);
  });

  it('the link’s rate counts 10 bits a byte (8N1), for job deadlines', async () => {
    expect((await opened('none')).transport.bytesPerSecond).toBe(960);
  });
});

describe('XonXoffState and writeInChunks', () => {
  it('resumes every waiter on XON or reset, and chunks writes', async () => {
    const state = new XonXoffState();
    expect(state.filter(Uint8Array.of(1, XOFF))).toEqual(Uint8Array.of(1));
    expect(state.isPaused).toBe(true);
    const waited = state.ready();
    state.reset();
    await waited;
    const chunks: number[] = [];
    await writeInChunks(new Uint8Array(10), () => Promise.resolve(), async (c) => void chunks.push(c.length), undefined, 4);
    expect(chunks).toEqual([4, 4, 2]);
  });
});
