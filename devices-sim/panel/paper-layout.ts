/**
 * Where everything of one printed ticket lies on the paper, in printer dots (ARCHITECTURE.md §4: "see what
 * was printed"; issue 15 item 4): the ticket's ESC/POS bytes (PrintedTicket.bytesBase64) go through the
 * shared device-side parser (drivers/protocol/escpos/command-parser.ts) and text through the simulator's own
 * line layout (devices-sim/escpos/line-layout.ts), so a line breaks here exactly where the simulator's
 * printed `lines` break. Character cells follow protocols.md §2.1 and line-layout.ts: font A 12×24, font B
 * 9×17, Chinese 24×24, times the GS ! / ESC ! multipliers; dot distances as in print-extent.ts.
 *
 * Each ticket is drawn from power-on modes (a ticket's bytes start after the previous cut; the kiosk's jobs
 * begin with ESC @ and FS &, drivers/devices/escpos/render-document.ts). ESC { (upside down) is not drawn.
 */
import { EscPosCommandParser, type EscPosCommand, type EscPosParserOptions } from '../../drivers/protocol/escpos/command-parser';
import { BARCODE_CODE128 } from '../../drivers/protocol/escpos/constants';
import type { BarcodeHriPosition, EscPosAlign, QrErrorCorrection } from '../../drivers/protocol/escpos/encoder';
import { decodeGb18030 } from '../../drivers/protocol/escpos/gb18030';
import { LineLayout } from '../escpos/line-layout';
import { DEFAULT_BARCODE_DOTS, DEFAULT_QR_LEVEL, DEFAULT_QR_MODULE_DOTS, HRI_DOTS, LINE_DOTS, qrSideDots } from '../escpos/print-extent';
import { code128Bars } from './code128-bars';
import type { PaperDrawing, PaperMark, TextMark, TextStyle } from './paper-marks';
import type { QrModules } from './qr-modules';

/** Character cell heights in dots (protocols.md §2.1, P5: 12×24 / 9×17 / 24×24). */
const CELL_HEIGHT = { A: 24, B: 17, chinese: 24 } as const;
/** GS w default module width (Epson) [C]. */
const DEFAULT_BARCODE_MODULE = 3;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export interface PaperLayoutOptions {
  /** Dots per line (models.ts: 576 for 80 mm, 384 for 58 mm). */
  widthDots: number;
  /** The model's parser options (charset, legacyCut), as the simulator's receive stage uses them. */
  parser?: EscPosParserOptions;
  /** QR encoder; without one, or when it returns null, a QR code is a labelled square of the right size. */
  qrModules?: QrModules;
}

interface Modes {
  align: EscPosAlign;
  style: TextStyle;
  font: 'A' | 'B';
  chineseUnderline: 0 | 1 | 2;
  lineSpacing: number;
  barcodeHeight: number;
  barcodeModule: number;
  hri: BarcodeHriPosition;
  hriFontB: boolean;
  qrModuleDots: number;
  qrLevel: QrErrorCorrection;
}

const defaultModes = (): Modes => ({
  align: 'left',
  style: { bold: false, underline: 0, reverse: false, widthMultiplier: 1, heightMultiplier: 1 },
  font: 'A',
  chineseUnderline: 0,
  lineSpacing: LINE_DOTS,
  barcodeHeight: DEFAULT_BARCODE_DOTS,
  barcodeModule: DEFAULT_BARCODE_MODULE,
  hri: 'none',
  hriFontB: false,
  qrModuleDots: DEFAULT_QR_MODULE_DOTS,
  qrLevel: DEFAULT_QR_LEVEL,
});

function decodeQr(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return decodeGb18030(bytes);
  }
}

const sameStyle = (a: TextStyle, b: TextStyle): boolean =>
  a.bold === b.bold && a.underline === b.underline && a.reverse === b.reverse && a.widthMultiplier === b.widthMultiplier && a.heightMultiplier === b.heightMultiplier;

/** ESC * column image bits, as a raster (MSB top of each column byte [C]). */
function columnImageBits(raw: Uint8Array): { bits: Uint8Array; widthDots: number; heightDots: number } | null {
  const m = raw[2]!;
  const perColumn = m === 0 || m === 1 ? 1 : m === 32 || m === 33 ? 3 : 0;
  const columns = raw[3]! | (raw[4]! << 8);
  if (perColumn === 0 || raw.length < 5 + columns * perColumn) return null;
  const stretch = m === 0 || m === 32 ? 2 : 1;
  const widthDots = columns * stretch;
  const heightDots = perColumn * 8;
  const rowBytes = Math.ceil(widthDots / 8);
  const bits = new Uint8Array(rowBytes * heightDots);
  for (let c = 0; c < columns; c++) {
    for (let row = 0; row < heightDots; row++) {
      const byte = raw[5 + c * perColumn + (row >> 3)]!;
      if (!(byte & (0x80 >> (row & 7)))) continue;
      for (let s = 0; s < stretch; s++) {
        const x = c * stretch + s;
        bits[row * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
      }
    }
  }
  return { bits, widthDots: rowBytes * 8, heightDots };
}

class PaperLayout {
  private modes = defaultModes();
  private readonly line: LineLayout;
  /** Text waiting on the current line, x relative to the line's start. */
  private pending: TextMark[] = [];
  private y = 0;
  private qrData: Uint8Array | undefined;
  private graphics: { widthDots: number; heightDots: number } | undefined;
  readonly marks: PaperMark[] = [];

  constructor(private readonly options: PaperLayoutOptions) {
    this.line = new LineLayout(options.widthDots);
  }

  get height(): number {
    return this.y;
  }

  apply(cmd: EscPosCommand): void {
    const m = this.modes;
    switch (cmd.type) {
      case 'text':
        this.text(cmd.text, cmd.chineseMode);
        return;
      case 'lineFeed':
        this.endLine();
        return;
      case 'horizontalTab':
        this.line.tab();
        return;
      case 'absolutePosition':
        this.line.moveTo(cmd.dots);
        return;
      case 'relativePosition':
        this.line.moveTo(this.line.dots + cmd.dots);
        return;
      case 'initialize':
        // ESC @: modes back to power-on, the unprinted line dropped (§2.1).
        this.modes = defaultModes();
        this.line.reset();
        this.pending = [];
        this.qrData = undefined;
        this.graphics = undefined;
        return;
      case 'align':
        m.align = cmd.align;
        return;
      case 'bold':
        m.style = { ...m.style, bold: cmd.on };
        return;
      case 'underline':
        m.style = { ...m.style, underline: cmd.dots };
        return;
      case 'chineseUnderline':
        m.chineseUnderline = cmd.dots;
        return;
      case 'reverse':
        m.style = { ...m.style, reverse: cmd.on };
        return;
      case 'size':
        m.style = { ...m.style, widthMultiplier: cmd.width, heightMultiplier: cmd.height };
        this.line.modes.widthMultiplier = cmd.width;
        return;
      case 'printMode':
        m.font = cmd.fontB ? 'B' : 'A';
        m.style = { ...m.style, bold: cmd.bold, underline: cmd.underline ? 1 : 0, widthMultiplier: cmd.doubleWidth ? 2 : 1, heightMultiplier: cmd.doubleHeight ? 2 : 1 };
        this.line.modes.widthMultiplier = m.style.widthMultiplier;
        this.line.modes.font = m.font;
        return;
      case 'font':
        m.font = cmd.font;
        this.line.modes.font = cmd.font;
        return;
      case 'rightSpacing':
        this.line.modes.rightSpacing = cmd.dots;
        return;
      case 'chineseSpacing':
        this.line.modes.chineseLeft = cmd.left;
        this.line.modes.chineseRight = cmd.right;
        return;
      case 'leftMargin':
        this.line.modes.leftMargin = cmd.dots;
        return;
      case 'printAreaWidth':
        this.line.modes.areaWidth = cmd.dots;
        return;
      case 'lineSpacing':
        m.lineSpacing = cmd.dots ?? LINE_DOTS;
        return;
      case 'feedLines':
        this.flushLine();
        this.y += cmd.lines * m.lineSpacing;
        return;
      case 'feedDots':
        this.flushLine();
        this.y += cmd.dots;
        return;
      case 'barcodeHeight':
        m.barcodeHeight = cmd.dots;
        return;
      case 'barcodeWidth':
        m.barcodeModule = cmd.module;
        return;
      case 'barcodeHriPosition':
        m.hri = cmd.position;
        return;
      case 'barcodeHriFont':
        m.hriFontB = (cmd.n & 1) === 1;
        return;
      case 'barcode':
        this.barcode(cmd.system, cmd.data, cmd.text);
        return;
      case 'qrModuleSize':
        m.qrModuleDots = cmd.size;
        return;
      case 'qrErrorCorrection':
        m.qrLevel = cmd.level;
        return;
      case 'qrStore':
        this.qrData = cmd.data.slice();
        return;
      case 'qrPrint':
        this.qr();
        return;
      case 'raster': {
        const sx = cmd.mode & 1 ? 2 : 1;
        const sy = cmd.mode & 2 ? 2 : 1;
        this.image(cmd.widthBytes * 8, cmd.heightDots, sx, sy, cmd.data);
        return;
      }
      case 'columnImage': {
        const image = columnImageBits(cmd.raw);
        this.image(image?.widthDots ?? cmd.widthDots, cmd.heightDots, 1, 1, image?.bits ?? null);
        return;
      }
      case 'graphicsStore':
        this.graphics = { widthDots: cmd.widthDots, heightDots: cmd.heightDots };
        return;
      case 'graphicsPrint':
        if (this.graphics) this.image(this.graphics.widthDots, this.graphics.heightDots, 1, 1, null);
        this.graphics = undefined;
        return;
      case 'cut':
        this.flushLine();
        this.y += cmd.feedDots ?? 0;
        this.marks.push({ kind: 'cut', y: this.y, partial: cmd.partial, presented: false });
        return;
      case 'present':
        // FS P cuts as it presents (§2.6).
        this.flushLine();
        this.marks.push({ kind: 'cut', y: this.y, partial: false, presented: true });
        return;
      default:
        return;
    }
  }

  /** Commands that print "the data in the buffer" first (feeds, cuts, images, codes). */
  flushLine(): void {
    if (this.line.dots > 0 || this.pending.length > 0) this.endLine();
  }

  private text(text: string, chineseMode: boolean): void {
    const m = this.modes;
    for (const ch of text) {
      const before = this.line.dots;
      const wrapped = this.line.wrap(ch, chineseMode);
      if (wrapped.lines.length > 0) this.endLine();
      const x = wrapped.lines.length > 0 ? 0 : before;
      this.line.text = wrapped.rest;
      this.line.dots = wrapped.restDots;
      const chinese = chineseMode && ch.codePointAt(0)! >= 0x80;
      const cell = chinese ? CELL_HEIGHT.chinese : CELL_HEIGHT[m.font];
      const style: TextStyle = { ...m.style, underline: chinese ? m.chineseUnderline || m.style.underline : m.style.underline };
      this.addChar(ch, x, wrapped.restDots - x, cell * m.style.heightMultiplier, style);
    }
  }

  private addChar(ch: string, x: number, width: number, height: number, style: TextStyle): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.height === height && last.x + last.width === x && sameStyle(last, style)) {
      last.text += ch;
      last.width += width;
      return;
    }
    this.pending.push({ kind: 'text', ...style, x, y: 0, width, height, text: ch });
  }

  /** Left edge of something `width` dots wide on the line, by ESC a within the print area. */
  private alignedX(width: number): number {
    const area = this.line.areaDots();
    const free = Math.max(0, area - width);
    const offset = this.modes.align === 'center' ? Math.floor(free / 2) : this.modes.align === 'right' ? free : 0;
    return this.line.modes.leftMargin + offset;
  }

  /** LF: the line prints, aligned, its characters on one baseline; the paper moves on by the line's height. */
  private endLine(): void {
    const runs = this.pending;
    this.pending = [];
    const content = runs.reduce((h, r) => Math.max(h, r.height), 0);
    const left = this.alignedX(this.line.dots);
    for (const r of runs) {
      r.x += left;
      r.y = this.y + content - r.height;
      this.marks.push(r);
    }
    this.y += Math.max(this.modes.lineSpacing, content);
    this.line.clearLine();
  }

  private qr(): void {
    const data = this.qrData;
    if (!data) return;
    this.flushLine();
    const m = this.modes;
    const modules = this.options.qrModules?.(data, m.qrLevel) ?? null;
    const side = modules ? modules.length * m.qrModuleDots : qrSideDots(data.length, m.qrLevel, m.qrModuleDots);
    this.marks.push({ kind: 'qr', x: this.alignedX(side), y: this.y, side, moduleDots: m.qrModuleDots, modules, payload: decodeQr(data) });
    this.y += side;
  }

  private barcode(system: number, data: string, text: string): void {
    this.flushLine();
    const m = this.modes;
    const symbol = system === BARCODE_CODE128 ? code128Bars(data) : undefined;
    const module = Math.max(1, m.barcodeModule);
    // A symbology drawn as a box: about one CODE128 character per data character.
    const width = symbol ? symbol.modules * module : (data.length * 11 + 35) * module;
    const hriHeight = m.hriFontB ? CELL_HEIGHT.B : HRI_DOTS;
    const above = m.hri === 'above' || m.hri === 'both' ? hriHeight : 0;
    const below = m.hri === 'below' || m.hri === 'both' ? hriHeight : 0;
    const bars = symbol ? symbol.bars.map((b) => ({ x: b.x * module, width: b.width * module })) : null;
    this.marks.push({ kind: 'barcode', x: this.alignedX(width), y: this.y, width, barsY: this.y + above, barsHeight: m.barcodeHeight, bars, system, text, hri: m.hri });
    this.y += above + m.barcodeHeight + below;
  }

  private image(widthDots: number, heightDots: number, sx: number, sy: number, bits: Uint8Array | null): void {
    this.flushLine();
    const width = widthDots * sx;
    const height = heightDots * sy;
    this.marks.push({ kind: 'image', x: this.alignedX(width), y: this.y, width, height, widthDots, heightDots, bits });
    this.y += height;
  }
}

/** Lays out a ticket's print bytes on paper `widthDots` wide. */
export function layOutPaper(bytes: Uint8Array, options: PaperLayoutOptions): PaperDrawing {
  const parser = new EscPosCommandParser(options.parser);
  const layout = new PaperLayout(options);
  for (const cmd of [...parser.push(bytes), ...parser.flush()]) layout.apply(cmd);
  // What is left on the line is still in the printer's buffer: not on paper (PaperModel does the same).
  return { widthDots: options.widthDots, heightDots: layout.height, marks: layout.marks };
}
