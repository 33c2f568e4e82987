import { describe, expect, it } from 'vitest';
import { EscPosEncoder, realtimeStatusRequest } from '../../drivers/protocol/escpos/encoder';
import { COMMANDS, REPLIES } from '../../drivers/protocol/escpos/fixtures';
import { ESCPOS_MODELS } from '../../drivers/protocol/escpos/models';
import { EscPosReplyDecoder } from '../../drivers/protocol/escpos/reply-decoder';
import { SeededRandom } from '../seeded-random';
import { garbageByte } from './reply-channel';
import { printerRig, type PrinterRig } from '../test-support/printer-rig';

async function dleEot(rig: PrinterRig, n: 1 | 2 | 3 | 4): Promise<number> {
  await rig.send(realtimeStatusRequest(n));
  const [byte] = await rig.next(1);
  return byte!;
}

async function allFour(rig: PrinterRig): Promise<number[]> {
  return [await dleEot(rig, 1), await dleEot(rig, 2), await dleEot(rig, 3), await dleEot(rig, 4)];
}

describe('DLE EOT n replies (protocols.md §2.4)', () => {
  it('answers 12 to every n when healthy', async () => {
    const rig = await printerRig();
    expect(await allFour(rig)).toEqual([REPLIES.healthy, REPLIES.healthy, REPLIES.healthy, REPLIES.healthy]);
  });

  it.each([
    ['paper low', { paper: 'low' }, [0x12, 0x12, 0x12, REPLIES.rollNearEnd]],
    ['paper out', { paper: 'out' }, [REPLIES.n1Offline, 0x32, 0x12, REPLIES.rollEnd]],
    ['offline', { offline: true }, [REPLIES.n1Offline, 0x12, 0x12, 0x12]],
    ['cover open', { coverOpen: true }, [REPLIES.n1Offline, 0x16, 0x12, 0x12]],
    ['cutter error', { cutterError: true }, [REPLIES.n1Offline, 0x52, 0x1a, 0x12]],
    ['cover open and paper out', { coverOpen: true, paper: 'out' }, [0x1a, 0x36, 0x12, 0x72]],
  ])('%s gives the §2.4 bits', async (_name, faults, expected) => {
    const rig = await printerRig();
    rig.printer.setFaults(faults);
    expect(await allFour(rig)).toEqual(expected);
  });

  it('reports "ticket not taken" in n = 1 bit 7 on the Cashino until the ticket is torn off (§2.6)', async () => {
    const rig = await printerRig({ model: 'cashino-kp628e', ticketTakenAfterMs: 5000 });
    await rig.send(new EscPosEncoder().line('A001').cut('full').build().bytes);
    expect(await dleEot(rig, 1)).toBe(REPLIES.n1TicketNotTaken);
    expect(rig.printer.status().printer?.mediaPresented).toBe(true);
    await rig.advance(4999);
    expect(await dleEot(rig, 1)).toBe(REPLIES.n1TicketNotTaken);
    await rig.advance(1);
    expect(await dleEot(rig, 1)).toBe(REPLIES.healthy);
    expect(rig.printer.status().printer?.mediaPresented).toBe(false);
  });

  it('waits for takeTicket() when the automatic take is off', async () => {
    const rig = await printerRig({ model: 'cashino-kp628e', ticketTakenAfterMs: null });
    await rig.send(new EscPosEncoder().line('A001').cut('full').build().bytes);
    await rig.advance(3_600_000);
    expect(await dleEot(rig, 1)).toBe(REPLIES.n1TicketNotTaken);
    rig.printer.takeTicket();
    expect(await dleEot(rig, 1)).toBe(REPLIES.healthy);
  });

  it('never sets bit 7 on models without the ticket sensor', async () => {
    const rig = await printerRig({ model: 'epson-tm-t88' });
    await rig.send(new EscPosEncoder().line('A001').cut('full').build().bytes);
    expect(await dleEot(rig, 1)).toBe(REPLIES.healthy);
    expect(rig.printer.status().printer).not.toHaveProperty('mediaPresented');
  });
});

describe('Automatic Status Back (protocols.md §2.5)', () => {
  it('sends a block at once after GS a n and again on every change', async () => {
    const rig = await printerRig();
    await rig.send(COMMANDS.asbEnableAll);
    expect(await rig.next(4)).toEqual([...REPLIES.asbHealthy]);
    rig.printer.setFaults({ coverOpen: true });
    expect(await rig.next(4)).toEqual([0x38, 0x00, 0x00, 0x00]);
    rig.printer.setFaults({ paper: 'out' });
    expect(await rig.next(4)).toEqual([...REPLIES.asbOfflineCoverOpenPaperEnd]);
    rig.printer.setFaults({ coverOpen: false, paper: 'low', cutterError: true });
    expect(await rig.next(4)).toEqual([0x18, 0x08, 0x03, 0x00]);
    rig.printer.clearFaults();
    expect(await rig.next(4)).toEqual([...REPLIES.asbHealthy]);
    // No change, no block.
    rig.printer.setFaults({ slowMs: 0 });
    await rig.settle();
    expect(rig.take()).toEqual([]);
  });

  it('reports the paper running out mid-job when it happens', async () => {
    const rig = await printerRig({ lineTimeMs: 10 });
    await rig.send(COMMANDS.asbEnableAll);
    await rig.next(4);
    rig.printer.setFaults({ paper: 'out', afterLines: 3 });
    await rig.send(new EscPosEncoder().line('1').line('2').line('3').line('4').cut('full').build().bytes);
    await rig.advance(29);
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(await rig.next(4)).toEqual([0x18, 0x00, 0x0c, 0x00]);
  });

  it('listens only to the groups the mask names (Epson bits [C])', async () => {
    const rig = await printerRig();
    await rig.send(Uint8Array.of(0x1d, 0x61, 0x08)); // roll paper only
    await rig.next(4);
    rig.printer.setFaults({ coverOpen: true });
    await rig.settle();
    expect(rig.take()).toEqual([]);
    rig.printer.setFaults({ paper: 'low' });
    expect(await rig.next(4)).toEqual([0x38, 0x00, 0x03, 0x00]);
  });

  it('GS a 0 turns it off, and models without ASB never send it', async () => {
    const rig = await printerRig();
    await rig.send(COMMANDS.asbEnableAll);
    await rig.next(4);
    await rig.send(Uint8Array.of(0x1d, 0x61, 0x00));
    rig.printer.setFaults({ paper: 'out' });
    await rig.settle();
    expect(rig.take()).toEqual([]);

    const cashino = await printerRig({ model: 'cashino-kp628e' });
    await cashino.send(COMMANDS.asbEnableAll);
    cashino.printer.setFaults({ paper: 'out' });
    await cashino.settle();
    expect(cashino.take()).toEqual([]);
  });
});

describe('GS r 1 paper status (protocols.md §2.1, §2.7)', () => {
  it.each([
    ['full', 0x00],
    ['low', 0x03],
  ] as const)('answers %s as %d, bit 4 clear', async (paper, expected) => {
    const rig = await printerRig({ paper });
    await rig.send(COMMANDS.transmitPaperStatus);
    expect(await rig.next(1)).toEqual([expected]);
  });

  it('with paper out answers 0C only once the printer gets to it, i.e. after the paper came back', async () => {
    const rig = await printerRig({ paper: 'out' });
    await rig.send(COMMANDS.transmitPaperStatus);
    expect(rig.take()).toEqual([]);
    rig.printer.setFaults({ paper: 'low' });
    expect(await rig.next(1)).toEqual([0x03]);
  });
});

describe('communication faults', () => {
  it('noReply: takes the bytes, answers nothing, prints nothing', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ noReply: true });
    await rig.send(COMMANDS.dleEot1);
    await rig.send(new EscPosEncoder().line('lost').cut('full').processIdRequest('T001').build().bytes);
    expect(rig.take()).toEqual([]);
    expect(rig.printer.printed()).toEqual([]);
    expect(rig.printer.statistics().bytesReceived).toBeGreaterThan(3);
    expect(rig.printer.status().device).toBe('hardwareError');
    rig.printer.setFaults({ noReply: false });
    expect(await dleEot(rig, 1)).toBe(0x12);
    expect(rig.printer.printed()).toEqual([]);
  });

  it('garbage: every reply is replaced by 1–3 random bytes, the same for the same seed', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const rig = await printerRig({ seed: 7 });
      rig.printer.setFaults({ garbage: true });
      for (const n of [1, 2, 3, 4] as const) await rig.send(realtimeStatusRequest(n));
      await rig.send(COMMANDS.transmitPaperStatus);
      await rig.send(COMMANDS.processIdT001);
      await rig.settle();
      runs.push(rig.take());
    }
    expect(runs[0]!.length).toBeGreaterThanOrEqual(6);
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]!.length).toBeLessThanOrEqual(18);
    expect(runs[0]).not.toEqual([0x12, 0x12, 0x12, 0x12, 0x00, 0x37, 0x22, 0x54, 0x30, 0x30, 0x31, 0x00]);
  });

  it('garbage covers every byte value, the status look-alikes a decoder cannot tell from replies included', async () => {
    const random = new SeededRandom(3);
    const bytes = Uint8Array.from({ length: 8192 }, () => garbageByte(random));
    expect(new Set(bytes).size).toBe(256);
    for (const model of Object.values(ESCPOS_MODELS)) {
      const decoder = new EscPosReplyDecoder({ ticketTakenBit: model.ticketTakenBit, asb: model.asb });
      decoder.expectPaperStatus();
      const kinds = new Set(decoder.push(bytes).map((r) => r.type));
      expect(kinds.has('garbage') && kinds.has('realtimeStatus') && kinds.has('paperStatus'), model.id).toBe(true);
    }
  });

  it('slowMs: each reply comes that much later on the clock, in order', async () => {
    const rig = await printerRig();
    rig.printer.setFaults({ slowMs: 500 });
    await rig.send(COMMANDS.dleEot1);
    rig.printer.setFaults({ paper: 'out', slowMs: 100 });
    await rig.send(COMMANDS.dleEot4);
    await rig.advance(499);
    expect(rig.take()).toEqual([]);
    await rig.advance(1);
    expect(rig.take()).toEqual([0x12, 0x72]);
  });

  it('unplugged: the host end disconnects and cannot reopen until it is plugged back', async () => {
    const rig = await printerRig();
    const reasons: string[] = [];
    rig.pair.host.onDisconnect((r) => reasons.push(r));
    rig.printer.setFaults({ unplugged: true });
    expect(reasons).toEqual(['unplugged']);
    expect(rig.printer.status().device).toBe('noDevice');
    await expect(rig.pair.host.open()).rejects.toThrow(/no device/);
    rig.printer.setFaults({ unplugged: false });
    await rig.pair.host.open();
    expect(await dleEot(rig, 4)).toBe(0x12);
  });
});
