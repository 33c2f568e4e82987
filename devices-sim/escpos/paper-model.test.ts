import { describe, expect, it } from 'vitest';
import { EscPosCommandParser, type EscPosCommand } from '../../drivers/protocol/escpos/command-parser';
import { EscPosEncoder } from '../../drivers/protocol/escpos/encoder';
import { concatBytes, hex } from '../../drivers/protocol/escpos/fixtures';
import { ManualClock } from '../test-support/manual-clock';
import { MAX_PRINTED_TICKETS, PaperModel } from './paper-model';
import { LINE_DOTS, qrVersionFor } from './print-extent';

function commands(bytes: Uint8Array): EscPosCommand[] {
  const p = new EscPosCommandParser();
  return [...p.push(bytes), ...p.flush()];
}

function run(model: PaperModel, bytes: Uint8Array): number {
  let lines = 0;
  for (const c of commands(bytes)) {
    const n = model.plan(c);
    for (let i = 0; i < n; i++) model.notePaperLine();
    lines += n;
    model.apply(c);
  }
  return lines;
}

describe('PaperModel', () => {
  const make = (charsPerLine = 48): PaperModel => new PaperModel({ clock: new ManualClock(), charsPerLine });

  it('counts one line per printed text line, whatever its size, and dot distances at the line pitch', () => {
    const m = make();
    const lines = run(
      m,
      new EscPosEncoder()
        .size(2, 2)
        .line('大字')
        .size(1, 1)
        .line('small')
        .feedLines(2)
        .raster({ widthDots: 8, heightDots: LINE_DOTS + 1, bits: new Uint8Array(LINE_DOTS + 1) })
        .code128('A1', { heightDots: 60, hri: 'none' })
        .cut('full')
        .build().bytes,
    );
    expect(lines).toBe(1 + 1 + 2 + 2 + 2);
    expect(m.printed()[0]).toMatchObject({ lines: ['大字', 'small'], barcodes: ['A1'], images: [{ widthDots: 8, heightDots: 31 }] });
  });

  it('halves the line width for double-width text', () => {
    const m = make(8);
    run(m, new EscPosEncoder().size(2, 1).line('abcdefgh').cut('full').build().bytes);
    expect(m.printed()[0]!.lines).toEqual(['abcd', 'efgh']);
  });

  it('prints an unfinished line before a feed or a cut, and ESC @ discards it', () => {
    const m = make();
    run(m, new EscPosEncoder().text('kept').feedLines(1).text('gone').initialize().text('tail').cut('full').build().bytes);
    expect(m.printed()[0]!.lines).toEqual(['kept', 'tail']);
  });

  it('abandon() keeps only a ticket that reached the paper', () => {
    const m = make();
    expect(m.abandon()).toBe(false);
    run(m, new EscPosEncoder().line('on paper').text('in the buffer').build().bytes);
    expect(m.abandon()).toBe(true);
    expect(m.printed()).toMatchObject([{ seq: 1, lines: ['on paper'], cut: false }]);
  });

  it('decodes a QR payload that is not UTF-8 as GB18030', () => {
    const m = make();
    const gb = Uint8Array.of(0xb0, 0xae); // 爱
    const store = Uint8Array.of(0x1d, 0x28, 0x6b, gb.length + 3, 0, 0x31, 0x50, 0x30, ...gb);
    run(m, Uint8Array.of(...store, 0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30, 0x1d, 0x56, 0x00));
    expect(m.printed()[0]!.qr).toEqual(['爱']);
  });

  it('sizes QR versions by the ISO 18004 byte capacities', () => {
    expect(qrVersionFor(17, 'L')).toBe(1);
    expect(qrVersionFor(18, 'L')).toBe(2);
    expect(qrVersionFor(119, 'H')).toBe(10);
    expect(qrVersionFor(5000, 'L')).toBe(40);
  });
});

describe('PaperModel printed list', () => {
  it('keeps the most recent MAX_PRINTED_TICKETS tickets, numbering on', () => {
    const paper = new PaperModel({ clock: new ManualClock(), charsPerLine: 48 });
    const [cut] = commands(new EscPosEncoder().cut('full').build().bytes);
    for (let i = 0; i < MAX_PRINTED_TICKETS + 3; i++) paper.apply(cut!);
    const printed = paper.printed();
    expect(printed).toHaveLength(MAX_PRINTED_TICKETS);
    expect(printed[0]!.seq).toBe(4);
    expect(printed.at(-1)!.seq).toBe(MAX_PRINTED_TICKETS + 3);
  });
});

describe('PaperModel layout (issue 13 §1: what real software sends)', () => {
  const lay = (bytes: Uint8Array) => {
    const paper = new PaperModel({ clock: new ManualClock(), charsPerLine: 48 });
    for (const cmd of commands(bytes)) paper.apply(cmd);
    return paper.printed();
  };

  it('font B fits 64 characters on 576 dots, font A 48; a left margin and print area narrow the line', () => {
    const text = 'x'.repeat(64);
    expect(lay(hex(`1B 4D 01 ${Buffer.from(text).toString('hex').replace(/(..)/g, '$1 ')} 0A 1D 56 00`))[0]!.lines).toEqual([text]);
    expect(lay(hex(`${Buffer.from(text).toString('hex').replace(/(..)/g, '$1 ')} 0A 1D 56 00`))[0]!.lines).toEqual(['x'.repeat(48), 'x'.repeat(16)]);
    // GS L 48 dots, GS W 240 dots: 20 font-A characters a line.
    expect(lay(hex(`1D 4C 30 00 1D 57 F0 00 ${Buffer.from('y'.repeat(30)).toString('hex').replace(/(..)/g, '$1 ')} 0A 1D 56 00`))[0]!.lines).toEqual(['y'.repeat(20), 'y'.repeat(10)]);
  });

  it('ESC $ moves along the line with spaces, and its parameter bytes never print', () => {
    expect(lay(hex('41 1B 24 78 00 42 0A 1D 56 00'))[0]!.lines).toEqual(['A         B']); // 120 dots: ten characters along
  });

  it('column images and stored graphics come out as images', () => {
    const printed = lay(concatBytes(hex('1B 2A 21 02 00 FF FF FF 00 00 00'), hex('1D 28 4C 0C 00 30 70 30 01 01 31 08 00 02 00 AA 55 1D 28 4C 02 00 30 32'), hex('1D 56 00')));
    expect(printed[0]!.images).toEqual([{ widthDots: 2, heightDots: 24 }, { widthDots: 8, heightDots: 2 }]);
  });
});
