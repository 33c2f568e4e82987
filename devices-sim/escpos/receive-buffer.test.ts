/**
 * The simulated printer's bounded receive buffer (receive-buffer.ts, issue 13 §1): XOFF before it fills and
 * XON once half is free on a software-flow-control link; bytes lost, and counted, where the host sends on.
 */
import { describe, expect, it } from 'vitest';
import { EscPosEncoder } from '../../drivers/protocol/escpos/encoder';
import { XOFF, XON, XonXoffState } from '../../drivers/transport/flow-control';
import { printerRig } from '../test-support/printer-rig';
import { ReceiveBuffer } from './receive-buffer';

const lines = (from: number, count: number): Uint8Array => {
  const enc = new EscPosEncoder();
  for (let i = from; i < from + count; i++) enc.line(`line ${String(i).padStart(4, '0')} ${'x'.repeat(30)}`);
  return enc.build().bytes;
};

describe('ReceiveBuffer', () => {
  it('admits a command that fits and counts one that does not as lost', () => {
    const b = new ReceiveBuffer({ bytes: 1000, flowControl: 'none' });
    expect(b.admit(900, 50)).toBe(true);
    expect(b.admit(980, 50)).toBe(false);
    expect(b.admit(1200, 10)).toBe(false);
    expect(b.overflowBytes).toBe(60);
    expect(b.signal(999)).toBeNull(); // no flow control: nothing to say
  });

  it('XOFF with 256 bytes of room, XON at half, each once', () => {
    const b = new ReceiveBuffer({ bytes: 1024, flowControl: 'xonxoff' });
    expect(b.signal(700)).toBeNull();
    expect(b.signal(768)).toBe('xoff');
    expect(b.signal(900)).toBeNull();
    expect(b.signal(600)).toBeNull();
    expect(b.signal(512)).toBe('xon');
    expect(b.signal(100)).toBeNull();
    expect(b.signal(800)).toBe('xoff');
    expect(b.reset()).toBe('xon');
  });
});

describe('SimEscPosPrinter with a bounded receive buffer', () => {
  it('xonxoff: a host that obeys XOFF loses nothing; the printer says XON as the head drains the buffer', async () => {
    const rig = await printerRig({ lineTimeMs: 10, receiveBuffer: { bytes: 1024, flowControl: 'xonxoff' } });
    const flow = new XonXoffState();
    const data = lines(0, 60); // ~2.6 KB, over twice the buffer
    let sent = 0;
    const said = { xoff: 0, xon: 0 };
    while (sent < data.length) {
      const got = Uint8Array.from(rig.take());
      said.xoff += got.filter((b) => b === XOFF).length;
      said.xon += got.filter((b) => b === XON).length;
      flow.filter(got);
      if (flow.isPaused) {
        await rig.advance(10); // the head prints a line; the buffer drains
        continue;
      }
      await rig.send(data.subarray(sent, sent + 64)); // one flow-control chunk (flow-control.ts)
      sent += 64;
    }
    await rig.send(new EscPosEncoder().cut('full').build().bytes);
    for (let i = 0; i < 100 && rig.printer.printed().length === 0; i++) await rig.advance(50);
    expect(said.xoff).toBeGreaterThan(0);
    expect(said.xon).toBe(said.xoff);
    expect(rig.printer.statistics().overflowBytes).toBe(0);
    const [ticket] = rig.printer.printed();
    expect(ticket?.lines.filter((l) => l.startsWith('line '))).toHaveLength(60);
  });

  it('none: a host that sends a job larger than the buffer at once loses the part that did not fit', async () => {
    const rig = await printerRig({ lineTimeMs: 10, receiveBuffer: { bytes: 1024, flowControl: 'none' } });
    await rig.send(lines(0, 60));
    await rig.send(new EscPosEncoder().cut('full').build().bytes);
    for (let i = 0; i < 100 && rig.printer.printed().length === 0; i++) await rig.advance(50);
    expect(rig.printer.statistics().overflowBytes).toBeGreaterThan(0);
    expect(rig.take().filter((b) => b === XOFF || b === XON)).toEqual([]);
    const printedLines = rig.printer.printed()[0]?.lines.filter((l) => l.startsWith('line ')) ?? [];
    expect(printedLines.length).toBeLessThan(60);
  });

  it('a full buffer still answers DLE EOT at once (protocols.md §2.4: handled even when the buffer is full)', async () => {
    const rig = await printerRig({ lineTimeMs: 10, receiveBuffer: { bytes: 1024, flowControl: 'none' } });
    await rig.send(lines(0, 60));
    expect(rig.printer.statistics().overflowBytes).toBeGreaterThan(0);
    rig.take();
    await rig.send(Uint8Array.of(0x10, 0x04, 0x01));
    expect(await rig.next(1)).toEqual([0x12]);
  });
});
