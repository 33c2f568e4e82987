import { describe, expect, it } from 'vitest';
import { EscPosEncoder, realtimeRecovery, realtimeStatusRequest } from '../../drivers/protocol/escpos/encoder';
import { COMMANDS, REPLIES, chunkings, concatBytes, hex } from '../../drivers/protocol/escpos/fixtures';
import { escPosModel } from '../../drivers/protocol/escpos/models';
import { printerRig } from '../test-support/printer-rig';

const PROCESS_ID_T001 = [...REPLIES.processIdT001];

function ticket(lines: string[]): Uint8Array {
  const e = new EscPosEncoder().initialize().chineseMode(true);
  for (const l of lines) e.line(l);
  return e.cut('partial').build().bytes;
}

describe('printing a ticket', () => {
  const job = new EscPosEncoder()
    .initialize()
    .chineseMode(true)
    .align('center')
    .size(2, 2)
    .line('北京市朝阳区政务服务中心')
    .size(1, 1)
    .line('排队号 A001')
    .qr('https://zwfw.example.cn/q?t=A001&取号')
    .code128('A001')
    .raster({ widthDots: 16, heightDots: 2, bits: Uint8Array.of(0xff, 0x00, 0x81, 0x18) })
    .feedLines(3)
    .cut('partial')
    .build().bytes;
  const done = new EscPosEncoder().processIdRequest('T001').build().bytes;

  it('shows its Chinese lines, QR payload, barcode, image and cut, with the job bytes', async () => {
    const rig = await printerRig();
    await rig.send(concatBytes(job, done));
    expect(await rig.next(7)).toEqual(PROCESS_ID_T001);
    const printed = rig.printer.printed();
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({
      seq: 1,
      at: new Date(rig.clock.now()).toISOString(),
      lines: ['北京市朝阳区政务服务中心', '排队号 A001'],
      qr: ['https://zwfw.example.cn/q?t=A001&取号'],
      barcodes: ['A001'],
      images: [{ widthDots: 16, heightDots: 2 }],
      cut: true,
    });
    expect(Buffer.from(printed[0]!.bytesBase64, 'base64')).toEqual(Buffer.from(job));
    expect(rig.printer.statistics()).toMatchObject({ cuts: 1, bytesReceived: job.length + done.length, bufferedCommands: 0 });
  });

  it('gives the same paper however the bytes are split', async () => {
    const whole = await printerRig();
    await whole.send(job);
    const expected = whole.printer.printed();
    const stream = job;
    for (const parts of [chunkings(stream)[7]!, chunkings(stream)[stream.length]!]) {
      const rig = await printerRig();
      for (const p of parts) await rig.pair.host.write(p);
      await rig.settle();
      expect(rig.printer.printed()).toEqual(expected);
    }
  });

  it('numbers tickets in order and wraps text that does not fit the line', async () => {
    const rig = await printerRig({ model: 'cashino-kp628e' }); // 32 columns
    await rig.send(ticket(['x'.repeat(40)]));
    await rig.send(ticket(['政务服务'.repeat(5)])); // 20 characters, 40 columns
    const [a, b] = rig.printer.printed();
    expect(a).toMatchObject({ seq: 1, lines: ['x'.repeat(32), 'x'.repeat(8)] });
    expect(b).toMatchObject({ seq: 2, lines: ['政务服务'.repeat(4), '政务服务'] });
  });

  it('reads text outside Chinese mode one byte per character', async () => {
    const rig = await printerRig();
    await rig.send(concatBytes(COMMANDS.chineseOff, Uint8Array.of(0x41, 0x42, 0x0a), COMMANDS.cutFull));
    expect(rig.printer.printed()[0]!.lines).toEqual(['AB']);
  });
});

describe('completion (protocols.md §2.7)', () => {
  it('answers the process ID only after the buffer drained, while DLE EOT says healthy at once', async () => {
    const rig = await printerRig({ lineTimeMs: 40 });
    const lines = ['1', '2', '3', '4', '5'];
    await rig.send(concatBytes(ticket(lines), COMMANDS.processIdT001));
    await rig.send(realtimeStatusRequest(1));
    expect(rig.take()).toEqual([0x12]);
    await rig.advance(5 * 40 - 1);
    expect(rig.take()).toEqual([]);
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.printer.statistics().linesPrinted).toBe(4);
    await rig.advance(1);
    expect(rig.take()).toEqual(PROCESS_ID_T001);
    expect(rig.printer.printed()[0]!.lines).toEqual(lines);
  });

  it('answers GS r 1 in order on paperStatus models, and leaves GS ( H unanswered there', async () => {
    const rig = await printerRig({ model: 'cashino-kp628e', lineTimeMs: 50 });
    await rig.send(concatBytes(ticket(['A', 'B']), COMMANDS.processIdT001, COMMANDS.transmitPaperStatus));
    await rig.advance(99);
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(rig.take()).toEqual([0x00]);
  });
});

describe('paper running out (protocols.md §2.7, ARCHITECTURE.md §8.2)', () => {
  it('stops mid-ticket after N lines, keeps the buffer, and resumes when paper returns', async () => {
    const rig = await printerRig({ lineTimeMs: 40 });
    rig.printer.setFaults({ paper: 'out', afterLines: 2 });
    await rig.send(concatBytes(ticket(['1', '2', '3', '4']), COMMANDS.processIdT001));
    await rig.send(realtimeStatusRequest(4));
    expect(rig.take()).toEqual([0x12]); // the fault is still ahead of the print head
    await rig.advance(10_000);
    expect(rig.printer.statistics()).toMatchObject({ linesPrinted: 2, cuts: 0 });
    expect(rig.printer.statistics().bufferedCommands).toBeGreaterThan(0);
    expect(rig.printer.status()).toMatchObject({ device: 'userError', printer: { paper: 'out' } });
    await rig.send(realtimeStatusRequest(4));
    expect(rig.take()).toEqual([REPLIES.rollEnd]);
    // The start of the ticket leaves with the old roll's tail, uncut.
    expect(rig.printer.printed()).toMatchObject([{ seq: 1, lines: ['1', '2'], cut: false }]);

    rig.printer.setFaults({ paper: 'full' });
    await rig.advance(2 * 40);
    expect(rig.take()).toEqual(PROCESS_ID_T001);
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1', '2'], cut: false }, { seq: 2, lines: ['3', '4'], cut: true }]);
  });

  it('DLE ENQ 2 at a paper end is ignored (no model clears there, §2.7): the rest prints after a refill', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ paper: 'out', afterLines: 2 });
    await rig.send(concatBytes(ticket(['1', '2', '3', '4']), COMMANDS.processIdT001));
    await rig.send(realtimeRecovery(2));
    expect(rig.printer.statistics().bufferedCommands).toBeGreaterThan(0);
    rig.printer.setFaults({ paper: 'full' });
    await rig.settle();
    expect(rig.take()).toEqual(PROCESS_ID_T001);
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1', '2'], cut: false }, { lines: ['3', '4'], cut: true }]);
  });

  it('DLE ENQ 2 while healthy is ignored: the job prints on', async () => {
    const rig = await printerRig({ lineTimeMs: 40 });
    await rig.send(concatBytes(ticket(['1', '2', '3']), COMMANDS.processIdT001));
    await rig.advance(40);
    await rig.send(realtimeRecovery(2));
    await rig.advance(10_000);
    expect(rig.take()).toEqual(PROCESS_ID_T001);
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1', '2', '3'], cut: true }]);
  });

  it('DLE ENQ 2 in a cutter error clears the buffer: the ticket stays uncut and the rest never prints', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ cutterError: true });
    await rig.send(concatBytes(ticket(['1', '2']), COMMANDS.processIdT001));
    await rig.send(realtimeRecovery(2));
    expect(rig.printer.printed()).toMatchObject([{ seq: 1, lines: ['1', '2'], cut: false }]);
    rig.printer.clearFaults();
    await rig.settle();
    expect(rig.take()).toEqual([]);
    await rig.send(ticket(['next']));
    expect(rig.printer.printed()[1]).toMatchObject({ seq: 2, lines: ['next'], cut: true });
  });

  it('a jam stops the head; DLE ENQ 2 clears it where the row says so (epson-tm-t88), not on the generic row', async () => {
    for (const [model, clears] of [['epson-tm-t88', true], ['generic-escpos-80', false]] as const) {
      const rig = await printerRig({ model });
      rig.printer.setFaults({ paper: 'jammed', afterLines: 1 });
      await rig.send(concatBytes(ticket(['1', '2', '3']), COMMANDS.processIdT001));
      expect(rig.printer.status()).toMatchObject({ device: 'userError', printer: { paper: 'jammed' } });
      await rig.send(realtimeStatusRequest(3));
      expect(rig.take()).toEqual([0x16]);
      await rig.send(realtimeRecovery(2));
      rig.printer.setFaults({ paper: 'full' }); // staff pulled the jammed paper out
      await rig.settle();
      expect(rig.take()).toEqual(clears ? [] : PROCESS_ID_T001);
      expect(rig.printer.printed().some((t) => t.cut)).toBe(!clears);
    }
  });

  it('low paper keeps printing and reports near end', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ paper: 'low', afterLines: 1 });
    await rig.send(ticket(['1', '2']));
    expect(rig.printer.printed()).toHaveLength(1);
    expect(rig.printer.status().printer?.paper).toBe('low');
    expect(rig.statuses.map((s) => s.printer?.paper)).toEqual(['low']);
  });
});

describe('other faults stop the engine', () => {
  it('cover open: stops, resumes when closed', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ coverOpen: true });
    await rig.send(ticket(['1']));
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.printer.status()).toMatchObject({ device: 'userError', printer: { coverOpen: true } });
    rig.printer.setFaults({ coverOpen: false });
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1'], cut: true }]);
  });

  it('cutter error: the lines print, the cut fails and the ticket is not finished until the cutter works', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ cutterError: true });
    await rig.send(concatBytes(ticket(['1', '2']), COMMANDS.processIdT001));
    expect(rig.printer.statistics()).toMatchObject({ linesPrinted: 2, cuts: 0 });
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.take()).toEqual([]);
    expect(rig.printer.status()).toMatchObject({ device: 'hardwareError', printer: { cutterError: true } });
    await rig.send(realtimeRecovery(1)); // the cutter is still jammed: it fails again
    expect(rig.printer.printed()).toEqual([]);
    rig.printer.clearFaults();
    await rig.settle();
    expect(rig.take()).toEqual(PROCESS_ID_T001);
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1', '2'], cut: true }]);
  });

  it('a hot head pauses printing and resumes by itself once it cools', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ headOverheat: true, afterLines: 1 });
    await rig.send(ticket(['1', '2']));
    expect(rig.printer.status()).toMatchObject({ device: 'busy', printer: { headOverheat: true } });
    expect(rig.printer.printed()).toEqual([]);
    rig.printer.setFaults({ headOverheat: false });
    expect(rig.printer.printed()).toMatchObject([{ lines: ['1', '2'], cut: true }]);
  });

  it('offline: holds the job until it comes back online', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ offline: true });
    await rig.send(ticket(['1']));
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.printer.status().device).toBe('offline');
    rig.printer.setFaults({ offline: false });
    expect(rig.printer.printed()).toHaveLength(1);
  });
});

describe('reset and statistics', () => {
  it('reset() empties the buffer, the paper and the counters, and heals every fault', async () => {
    const rig = await printerRig();
    await rig.send(ticket(['1', '2']));
    rig.printer.setFaults({ coverOpen: true, paper: 'low', slowMs: 100 });
    await rig.send(ticket(['held']));
    expect(rig.printer.statistics()).toMatchObject({ linesPrinted: 2, cuts: 1 });
    rig.printer.reset();
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.printer.statistics()).toEqual({ bytesReceived: 0, linesPrinted: 0, cuts: 0, statusRequests: 0, bufferedCommands: 0, overflowBytes: 0 });
    expect(rig.printer.status()).toEqual({ device: 'online', printer: { paper: 'full', coverOpen: false, cutterError: false, headOverheat: false } });
    await rig.send(COMMANDS.dleEot1);
    expect(rig.take()).toEqual([0x12]);
  });

  it('onStatusChanged fires once per change, including a deferred paper change', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ paper: 'out', afterLines: 1 });
    expect(rig.statuses).toEqual([]);
    await rig.send(ticket(['1']));
    rig.printer.setFaults({ paper: 'out' });
    expect(rig.statuses.map((s) => [s.device, s.printer?.paper])).toEqual([['userError', 'out']]);
  });
});

describe('real-time commands inside data (protocols.md §2.7)', () => {
  /** GS v 0, 8 dots wide, whose rows are the bytes given: raw, as an encoder we did not write might send. */
  const rawImage = (rows: Uint8Array) => concatBytes(hex('1D 76 30 00 01 00'), Uint8Array.of(rows.length & 0xff, rows.length >> 8), rows);

  it('a DLE EOT inside image data is answered at once, and the image still prints whole, split at any byte', async () => {
    const job = concatBytes(COMMANDS.init, rawImage(hex('FF 10 04 01 FF')), COMMANDS.cutFull);
    for (const chunks of chunkings(job)) {
      const rig = await printerRig();
      for (const chunk of chunks) await rig.send(chunk);
      expect(rig.take()).toEqual([0x12]);
      expect(rig.printer.statistics().statusRequests).toBe(1);
      expect(rig.printer.printed()).toMatchObject([{ images: [{ widthDots: 8, heightDots: 5 }], cut: true }]);
    }
  });

  it('a DLE ENQ 2 inside data clears the buffer in a cutter error, the bytes before it included', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ cutterError: true });
    await rig.send(concatBytes(ticket(['before']), rawImage(hex('10 05 02')), ticket(['after'])));
    rig.printer.clearFaults();
    await rig.settle();
    // Everything received before it was still in the buffer, and went; what came after prints.
    expect(rig.printer.printed()).toMatchObject([{ lines: ['after'], cut: true }]);
  });

  it('a model that ignores them inside data does not answer (realtimeInData "ignored")', async () => {
    const rig = await printerRig({ spec: { ...escPosModel('generic-escpos-80'), realtimeInData: 'ignored' } });
    await rig.send(concatBytes(rawImage(hex('10 04 01')), COMMANDS.dleEot1));
    expect(rig.take()).toEqual([0x12]); // the DLE EOT outside data only
    expect(rig.printer.statistics().statusRequests).toBe(1);
  });

  it('our own encoder’s image full of such bytes draws no status reply and no recovery', async () => {
    const rig = await printerRig();
    const bits = new Uint8Array(64).fill(0x10);
    for (let i = 1; i < bits.length; i += 2) bits[i] = i % 3 === 0 ? 0x04 : 0x05;
    await rig.send(new EscPosEncoder().initialize().raster({ widthDots: 8, heightDots: 64, bits }).cut('full').build().bytes);
    expect(rig.take()).toEqual([]);
    expect(rig.printer.statistics().statusRequests).toBe(0);
    expect(rig.printer.printed()).toMatchObject([{ images: [{ heightDots: 64 }], cut: true }]);
  });
});

describe('commands it does not model', () => {
  it('are skipped by their length rule and reported once per kind, never printed', async () => {
    const said: unknown[] = [];
    const rig = await printerRig({ log: (level, msg, fields) => level === 'warn' && said.push({ msg, fields }) });
    const drawerPulse = hex('1B 70 00 19 FA'); // ESC p: its parameter bytes are no text
    for (let i = 0; i < 3; i++) await rig.send(concatBytes(drawerPulse, ticket([`t${i}`])));
    expect(rig.printer.printed().map((t) => t.lines)).toEqual([['t0'], ['t1'], ['t2']]);
    expect(said).toEqual([{ msg: 'command not modelled, skipped', fields: { command: 'unmodelled command 1B 70 00' } }]);
  });
});
