/**
 * The panel's drawing of printed paper (issue 15 item 4) on golden ESC/POS bytes from protocols.md §2
 * (drivers/protocol/escpos/fixtures.ts): sizes and bold, lines broken where the simulator breaks them,
 * QR modules, CODE128 bars, raster dots, cuts; and an SVG that is well-formed XML whatever the text.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { EscPosCommandParser } from '../../drivers/protocol/escpos/command-parser';
import { EscPosEncoder } from '../../drivers/protocol/escpos/encoder';
import { COMMANDS, GB_AI_SHANG_ZI_JI, P5_STREAMS, concatBytes, hex } from '../../drivers/protocol/escpos/fixtures';
import { ManualClock } from '../../common/manual-clock';
import { PaperModel } from '../escpos/paper-model';
import { qrSideDots } from '../escpos/print-extent';
import { code128Bars } from './code128-bars';
import type { BarcodeMark, CutMark, ImageMark, PaperMark, QrMark, TextMark } from './paper-marks';
import { qrModules } from './qr-modules';
import { drawTicket, drawingModel, layOutTicket, ticketLabel } from './ticket-drawing';
import { xmlEscape } from './ticket-svg';

const GENERIC_80 = drawingModel('generic-escpos-80');
const CASHINO_58 = drawingModel('cashino-kp628e');
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const LF = hex('0A');

const lay = (bytes: Uint8Array, model = GENERIC_80): PaperMark[] => layOutTicket(bytes, { model, qrModules }).marks;
const of = <K extends PaperMark['kind']>(marks: PaperMark[], kind: K): Extract<PaperMark, { kind: K }>[] => marks.filter((m): m is Extract<PaperMark, { kind: K }> => m.kind === kind);

function svgDocument(bytes: Uint8Array, model = GENERIC_80, qr = qrModules): Document {
  const svg = drawTicket(bytes, { model, qrModules: qr, label: 'test ticket' });
  const doc = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror'), 'well-formed XML').toHaveLength(0);
  return doc;
}

/** The drawn text, line by line (marks on one top edge, left to right). */
function drawnLines(marks: PaperMark[]): string[] {
  const rows = new Map<number, TextMark[]>();
  for (const t of of(marks, 'text')) {
    const bottom = t.y + t.height;
    rows.set(bottom, [...(rows.get(bottom) ?? []), t]);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, ts]) => ts.sort((a, b) => a.x - b.x).map((t) => t.text).join('').trimEnd());
}

/** What the simulator's paper model reports for the same bytes (devices-sim/escpos/paper-model.ts). */
function simulatorLines(bytes: Uint8Array, charsPerLine: number): string[] {
  const model = new PaperModel({ clock: new ManualClock(), charsPerLine });
  const parser = new EscPosCommandParser();
  for (const c of [...parser.push(bytes), ...parser.flush()]) model.apply(c);
  return model.printed()[0]!.lines;
}

describe('ticket drawing: text', () => {
  const bigThenSmall = concatBytes(COMMANDS.init, COMMANDS.chineseOn, COMMANDS.alignCenter, COMMANDS.boldOn, COMMANDS.sizeDoubleBoth, ascii('A001'), LF, hex('1B 45 00 1D 21 00'), ascii('small'), LF, COMMANDS.cutFull);

  it('draws a double-size bold line (GS ! 11, ESC E 1) larger and bold, centred by ESC a 1', () => {
    const [big, small] = of(lay(bigThenSmall), 'text');
    expect(big).toMatchObject({ text: 'A001', bold: true, widthMultiplier: 2, heightMultiplier: 2, width: 4 * 24, height: 48, x: (576 - 96) / 2, y: 0 });
    expect(small).toMatchObject({ text: 'small', bold: false, widthMultiplier: 1, height: 24, width: 5 * 12, x: (576 - 60) / 2, y: 48 });
    const texts = svgDocument(bigThenSmall).getElementsByTagName('text');
    const a001 = [...texts].find((t) => t.textContent === 'A001')!;
    const plain = [...texts].find((t) => t.textContent === 'small')!;
    expect(a001.getAttribute('font-weight')).toBe('bold');
    expect(Number(a001.getAttribute('font-size'))).toBeGreaterThan(Number(plain.getAttribute('font-size')));
    expect(a001.getAttribute('textLength')).toBe('96');
    expect(a001.getAttribute('data-scale')).toBe('2x2');
    expect(plain.getAttribute('font-weight')).toBe('normal');
  });

  it('draws GB18030 text in Chinese mode 24 dots a character, and after FS . byte by byte (P5 §7.2 stream)', () => {
    const [chinese, latin] = of(lay(concatBytes(P5_STREAMS.chineseMode, COMMANDS.cutFull)), 'text');
    expect(chinese).toMatchObject({ text: '爱上自己', width: 96, height: 24 });
    expect(latin!.text).toHaveLength(GB_AI_SHANG_ZI_JI.length);
    expect(latin!.width).toBe(GB_AI_SHANG_ZI_JI.length * 12);
  });

  it('breaks lines exactly where the simulator breaks them, on 80 mm and 58 mm paper', () => {
    const bytes = new EscPosEncoder()
      .initialize()
      .chineseMode(true)
      .line('x'.repeat(49))
      .size(2, 1)
      .line('宽字'.repeat(9))
      .size(1, 1)
      .line('贵州省贵阳市观山湖区示例大道100号 办事大厅 Service Hall, Window 12')
      .cut('full')
      .build().bytes;
    expect(drawnLines(lay(bytes))).toEqual(simulatorLines(bytes, GENERIC_80.charsPerLine));
    expect(drawnLines(lay(bytes, CASHINO_58))).toEqual(simulatorLines(bytes, CASHINO_58.charsPerLine));
    expect(drawnLines(lay(bytes, CASHINO_58)).length).toBeGreaterThan(drawnLines(lay(bytes)).length);
  });

  it('keeps each style run apart, underlines (ESC -) and reverses (GS B)', () => {
    const marks = of(lay(concatBytes(COMMANDS.init, ascii('ab'), hex('1B 2D 02'), ascii('cd'), hex('1B 2D 00 1D 42 01'), ascii('ef'), LF, COMMANDS.cutFull)), 'text');
    expect(marks.map((m) => [m.text, m.x, m.underline, m.reverse])).toEqual([
      ['ab', 0, 0, false],
      ['cd', 24, 2, false],
      ['ef', 48, 0, true],
    ]);
  });

  it('does not draw a line ESC @ dropped before it printed', () => {
    expect(drawnLines(lay(concatBytes(ascii('gone'), COMMANDS.init, ascii('kept'), LF, COMMANDS.cutFull)))).toEqual(['kept']);
  });

  it('escapes text so the SVG stays well-formed, and replaces what XML cannot hold', () => {
    const doc = svgDocument(concatBytes(COMMANDS.init, ascii('<a href="x">&\'</a>'), LF, COMMANDS.cutFull));
    expect(doc.getElementsByTagName('a')).toHaveLength(0);
    expect([...doc.getElementsByTagName('text')].map((t) => t.textContent)).toContain('<a href="x">&\'</a>');
    expect(xmlEscape('\u0001\uFFFE\uD800ok')).toBe('\uFFFD\uFFFD\uFFFDok');
  });
});

describe('ticket drawing: codes, images, cuts', () => {
  const qrBytes = concatBytes(COMMANDS.init, COMMANDS.alignCenter, COMMANDS.qrModel2, COMMANDS.qrModuleSize6, COMMANDS.qrEcM, COMMANDS.qrStoreA001, COMMANDS.qrPrint, COMMANDS.cutFull);

  it('draws the QR code of GS ( k (§2.2) as real modules, 6 dots each, centred', () => {
    const [qr] = of(lay(qrBytes), 'qr') as QrMark[];
    expect(qr).toMatchObject({ payload: 'A001', moduleDots: 6, side: 21 * 6, x: Math.floor((576 - 126) / 2) });
    expect(qr!.modules).toHaveLength(21); // version 1
    expect(qr!.modules![0]!.slice(0, 7)).toEqual(Array(7).fill(true)); // the finder pattern's top edge
    expect(qr!.modules![1]!.slice(0, 7)).toEqual([true, false, false, false, false, false, true]);
    const g = svgDocument(qrBytes).querySelector('g[data-qr]')!;
    expect(g.getAttribute('data-qr')).toBe('A001');
    expect(g.getAttribute('data-qr-modules')).toBe('21');
    expect(g.getAttribute('transform')).toContain('scale(6)');
  });

  it('without a QR encoder draws a dashed square of the symbol size, labelled QR and the payload', () => {
    const [qr] = of(layOutTicket(qrBytes, { model: GENERIC_80, qrModules: () => null }).marks, 'qr');
    expect(qr).toMatchObject({ modules: null, side: qrSideDots(4, 'M', 6) });
    const g = svgDocument(qrBytes, GENERIC_80, () => null).querySelector('g[data-qr]')!;
    expect(g.getAttribute('data-qr-modules')).toBe('none');
    expect(g.querySelector('rect')!.getAttribute('stroke-dasharray')).toBeTruthy();
    expect([...g.getElementsByTagName('text')].map((t) => t.textContent)).toEqual(['QR', 'A001']);
  });

  it('draws CODE128 (GS h, GS w, GS H, GS k 73, §2.1) bar by bar with its text below', () => {
    const [bar] = of(lay(concatBytes(COMMANDS.init, COMMANDS.code128A001, COMMANDS.cutFull)), 'barcode') as BarcodeMark[];
    const symbol = code128Bars('{BA001')!;
    expect(bar).toMatchObject({ text: 'A001', hri: 'below', barsHeight: 0x50, width: symbol.modules * 2, system: 73 });
    expect(bar!.bars).toEqual(symbol.bars.map((b) => ({ x: b.x * 2, width: b.width * 2 })));
  });

  it('draws the P5 barcodes: UPC-A as a labelled box, plain CODE128 data as bars', () => {
    const [upc, code128] = of(lay(concatBytes(P5_STREAMS.barcodes, COMMANDS.cutFull), CASHINO_58), 'barcode') as BarcodeMark[];
    expect(upc).toMatchObject({ system: 65, bars: null, text: '123456789012' });
    expect(code128).toMatchObject({ system: 73, text: 'A023456A' });
    expect(code128!.bars!.length).toBeGreaterThan(0);
  });

  it('draws a GS v 0 raster (§2.3) dot by dot, MSB leftmost, and its double-width mode twice as wide', () => {
    const [image] = of(lay(concatBytes(COMMANDS.init, COMMANDS.raster8x2, COMMANDS.cutFull)), 'image') as ImageMark[];
    expect(image).toMatchObject({ widthDots: 8, heightDots: 2, width: 8, height: 2, bits: Uint8Array.of(0xff, 0x81) });
    const path = svgDocument(concatBytes(COMMANDS.init, COMMANDS.raster8x2, COMMANDS.cutFull)).querySelector('g[data-image="8x2"] path')!;
    expect(path.getAttribute('d')).toBe('M0 0h8v1h-8zM0 1h1v1h-1zM7 1h1v1h-1z');
    const [wide] = of(lay(concatBytes(COMMANDS.init, hex('1D 76 30 01 01 00 02 00 FF 81'), COMMANDS.cutFull)), 'image') as ImageMark[];
    expect(wide).toMatchObject({ width: 16, height: 2 });
  });

  it('draws an ESC * column image from its column bytes', () => {
    const [image] = of(lay(concatBytes(COMMANDS.init, hex('1B 2A 21 01 00 80 00 01'), COMMANDS.cutFull)), 'image') as ImageMark[];
    expect(image).toMatchObject({ widthDots: 8, heightDots: 24 });
    expect(image!.bits![0]).toBe(0x80); // row 0, column 0
    expect(image!.bits![23]).toBe(0x80); // row 23, column 0
    expect(image!.bits!.slice(1, 23).every((b) => b === 0)).toBe(true);
  });

  it('marks each cut of the P5 stream: full, partial, and feed-then-partial', () => {
    const bytes = P5_STREAMS.cuts;
    expect((of(lay(bytes, CASHINO_58), 'cut') as CutMark[]).map((c) => c.partial)).toEqual([false, true, true]);
    const cuts = [...svgDocument(bytes, CASHINO_58).querySelectorAll('g[data-cut]')].map((g) => g.getAttribute('data-cut'));
    expect(cuts).toEqual(['full', 'partial', 'partial']);
    const partial = svgDocument(concatBytes(COMMANDS.init, ascii('x'), LF, COMMANDS.cutPartial)).querySelector('g[data-cut="partial"]')!;
    expect(partial.getElementsByTagName('line'), 'a partial cut leaves an uncut bridge').toHaveLength(2);
  });

  it('marks a presenter cut (FS P, §2.6) as cut and presented', () => {
    const bytes = new EscPosEncoder().initialize().line('x').present({ steps: 6, blink: true, onTimeout: 'retract', timeoutS: 60 }).build().bytes;
    expect(of(lay(bytes, drawingModel('custom-vkp80')), 'cut')).toEqual([{ kind: 'cut', y: 30, partial: false, presented: true }]);
  });

  it('draws 58 mm paper narrower than 80 mm and names the ticket for assistive technology', () => {
    const doc58 = svgDocument(P5_STREAMS.cuts, CASHINO_58);
    const doc80 = svgDocument(P5_STREAMS.cuts, GENERIC_80);
    expect(doc58.documentElement.getAttribute('data-width-dots')).toBe('384');
    expect(doc80.documentElement.getAttribute('data-width-dots')).toBe('576');
    expect(doc80.documentElement.getAttribute('role')).toBe('img');
    expect(doc80.documentElement.getAttribute('aria-label')).toBe('test ticket');
    expect(ticketLabel({ seq: 3, lines: ['社保医保', 'A001', ''], qr: ['https://x/A001'], cut: false })).toBe('第 3 张打印输出 Printout 3（未切纸 not cut）：社保医保 / A001；二维码 QR：https://x/A001');
  });
});
