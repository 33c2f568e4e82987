/**
 * What reaches the paper (ARCHITECTURE.md §4): the ticket under the print head (text lines wrapped at the
 * model's width, QR payloads, barcodes, raster images) and the finished tickets, each closed by a cut.
 * `plan()` says how many lines a command will use without changing anything; `apply()` commits it once the
 * print engine has printed those lines.
 */
import type { Clock } from '../../common/clock';
import type { EscPosCommand } from '../../drivers/protocol/escpos/command-types';
import type { QrErrorCorrection } from '../../drivers/protocol/escpos/encoder';
import { decodeGb18030 } from '../../drivers/protocol/escpos/gb18030';
import type { PrintedTicket, TicketDelivery } from './printed-ticket';
import {
  DEFAULT_BARCODE_DOTS,
  DEFAULT_QR_LEVEL,
  DEFAULT_QR_MODULE_DOTS,
  HRI_DOTS,
  dotsToLines,
  qrSideDots,
} from './print-extent';
import { LineLayout, type Wrapped } from './line-layout';

/** Commands that ask about the job rather than form it: not part of a ticket's bytes. */
const STATUS_QUERIES: ReadonlySet<EscPosCommand['type']> = new Set(['processId', 'transmitStatus', 'printerId']);
/** The printed list keeps the most recent tickets only: a training kiosk that runs for weeks must not grow. */
export const MAX_PRINTED_TICKETS = 500;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

interface Modes {
  barcodeDots: number;
  hriRows: number;
  qrModuleDots: number;
  qrLevel: QrErrorCorrection;
}

const DEFAULT_MODES: Readonly<Modes> = {
  barcodeDots: DEFAULT_BARCODE_DOTS,
  hriRows: 0,
  qrModuleDots: DEFAULT_QR_MODULE_DOTS,
  qrLevel: DEFAULT_QR_LEVEL,
};

interface Draft {
  lines: string[];
  qr: string[];
  barcodes: string[];
  images: { widthDots: number; heightDots: number }[];
  chunks: Uint8Array[];
  paperLines: number;
}

const emptyDraft = (): Draft => ({ lines: [], qr: [], barcodes: [], images: [], chunks: [], paperLines: 0 });
const isBlank = (d: Draft): boolean => d.paperLines === 0 && d.lines.length + d.qr.length + d.barcodes.length + d.images.length === 0;

function decodeQr(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    return decodeGb18030(bytes);
  }
}

function toBase64(chunks: readonly Uint8Array[]): string {
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength))).toString('base64');
}

export interface PaperModelOptions {
  clock: Clock;
  /** Font A characters per line (12 dots each); a GB18030 double-byte character takes two (§2.6: 24×24). */
  charsPerLine: number;
}

export class PaperModel {
  private modes: Modes = { ...DEFAULT_MODES };
  private readonly line: LineLayout;
  private pendingGraphics: { widthDots: number; heightDots: number } | undefined;
  private qrStored: Uint8Array | undefined;
  private draft: Draft = emptyDraft();
  private done: PrintedTicket[] = [];
  private seq = 0;

  constructor(private readonly options: PaperModelOptions) {
    this.line = new LineLayout(options.charsPerLine * 12);
  }

  printed(): PrintedTicket[] {
    return this.done.map((t) => ({ ...t, lines: [...t.lines], qr: [...t.qr], barcodes: [...t.barcodes], images: t.images.map((i) => ({ ...i })) }));
  }

  /** Paper lines `cmd` will use if it were applied now. */
  plan(cmd: EscPosCommand): number {
    const pending = this.line.dots > 0 ? 1 : 0;
    switch (cmd.type) {
      case 'text':
        return this.wrap(cmd.text, cmd.chineseMode).lines.length;
      case 'lineFeed':
        return 1;
      case 'feedLines':
        return pending + cmd.lines;
      case 'feedDots':
        return pending + dotsToLines(cmd.dots);
      case 'cut':
        return pending + dotsToLines(cmd.feedDots ?? 0);
      case 'present':
        return pending;
      case 'raster':
        return pending + dotsToLines(cmd.heightDots * (cmd.mode & 2 ? 2 : 1));
      case 'columnImage':
        return pending + dotsToLines(cmd.heightDots);
      case 'graphicsPrint':
        return this.pendingGraphics ? pending + dotsToLines(this.pendingGraphics.heightDots) : 0;
      case 'barcode':
        return pending + dotsToLines(this.modes.barcodeDots + this.modes.hriRows * HRI_DOTS);
      case 'qrPrint':
        return this.qrStored ? pending + dotsToLines(qrSideDots(this.qrStored.length, this.modes.qrLevel, this.modes.qrModuleDots)) : 0;
      default:
        return 0;
    }
  }

  /** One line of paper went under the head for the current ticket. */
  notePaperLine(): void {
    this.draft.paperLines++;
  }

  /** Commits `cmd`; returns true when it cut the paper (the ticket is then in the printed list). */
  apply(cmd: EscPosCommand): boolean {
    if (!STATUS_QUERIES.has(cmd.type)) this.draft.chunks.push(cmd.raw);
    const m = this.modes;
    switch (cmd.type) {
      case 'text': {
        const wrapped = this.wrap(cmd.text, cmd.chineseMode);
        this.draft.lines.push(...wrapped.lines);
        this.line.text = wrapped.rest;
        this.line.dots = wrapped.restDots;
        return false;
      }
      case 'lineFeed':
        this.printLine();
        return false;
      case 'horizontalTab':
        this.line.tab();
        return false;
      case 'absolutePosition':
        this.line.moveTo(cmd.dots);
        return false;
      case 'relativePosition':
        this.line.moveTo(this.line.dots + cmd.dots);
        return false;
      case 'font':
        this.line.modes.font = cmd.font;
        return false;
      case 'rightSpacing':
        this.line.modes.rightSpacing = cmd.dots;
        return false;
      case 'leftMargin':
        this.line.modes.leftMargin = cmd.dots;
        return false;
      case 'printAreaWidth':
        this.line.modes.areaWidth = cmd.dots;
        return false;
      case 'chineseSpacing':
        this.line.modes.chineseLeft = cmd.left;
        this.line.modes.chineseRight = cmd.right;
        return false;
      case 'columnImage':
        this.flushLine();
        this.draft.images.push({ widthDots: cmd.widthDots, heightDots: cmd.heightDots });
        return false;
      case 'graphicsStore':
        this.pendingGraphics = { widthDots: cmd.widthDots, heightDots: cmd.heightDots };
        return false;
      case 'graphicsPrint':
        if (!this.pendingGraphics) return false;
        this.flushLine();
        this.draft.images.push(this.pendingGraphics);
        this.pendingGraphics = undefined;
        return false;
      case 'feedLines':
      case 'feedDots':
        this.flushLine();
        return false;
      case 'initialize':
        // ESC @ clears the print buffer (the unprinted line) and resets modes; paper is untouched (§2.1).
        this.modes = { ...DEFAULT_MODES };
        this.line.reset();
        this.qrStored = undefined;
        this.pendingGraphics = undefined;
        return false;
      case 'size':
        this.line.modes.widthMultiplier = cmd.width;
        return false;
      case 'printMode':
        this.line.modes.widthMultiplier = cmd.doubleWidth ? 2 : 1;
        this.line.modes.font = cmd.fontB ? 'B' : 'A';
        return false;
      case 'barcodeHeight':
        m.barcodeDots = cmd.dots;
        return false;
      case 'barcodeHriPosition':
        m.hriRows = { none: 0, above: 1, below: 1, both: 2 }[cmd.position];
        return false;
      case 'barcode':
        this.flushLine();
        this.draft.barcodes.push(cmd.text);
        return false;
      case 'qrModuleSize':
        m.qrModuleDots = cmd.size;
        return false;
      case 'qrErrorCorrection':
        m.qrLevel = cmd.level;
        return false;
      case 'qrStore':
        this.qrStored = cmd.data.slice();
        return false;
      case 'qrPrint':
        if (!this.qrStored) return false;
        this.flushLine();
        this.draft.qr.push(decodeQr(this.qrStored));
        return false;
      case 'raster':
        this.flushLine();
        this.draft.images.push({ widthDots: cmd.widthBytes * 8, heightDots: cmd.heightDots });
        return false;
      case 'cut':
      case 'present': // FS P cuts as it presents (§2.6)
        this.flushLine();
        this.finish(true);
        return true;
      default:
        return false;
    }
  }

  /**
   * The buffer was cleared (DLE ENQ 2) or the printer reset: the unprinted line is lost and a ticket that
   * already reached the paper is kept without its cut. Returns true when such a ticket was recorded.
   */
  abandon(): boolean {
    this.line.clearLine();
    const d = this.draft;
    if (isBlank(d)) {
      this.draft = emptyDraft();
      return false;
    }
    this.finish(false);
    return true;
  }

  /**
   * The roll ran out mid-ticket (protocols.md §2.7): what is on paper so far leaves with the old roll's
   * tail, uncut; a line still being assembled stays in the line buffer and prints on the new roll, with the
   * rest of the job. Returns true when such a piece was recorded.
   */
  tearOff(): boolean {
    if (isBlank(this.draft)) return false;
    this.finish(false);
    return true;
  }

  /** Forgets everything: modes, the ticket in progress and the printed list. */
  reset(): void {
    this.modes = { ...DEFAULT_MODES };
    this.line.reset();
    this.qrStored = undefined;
    this.pendingGraphics = undefined;
    this.draft = emptyDraft();
    this.done = [];
    this.seq = 0;
  }

  /** A presenter holds the ticket `seq` in its mouth (§2.6), or it left: taken, retracted or ejected. */
  delivered(seq: number, how: TicketDelivery): void {
    const ticket = this.done.find((t) => t.seq === seq);
    if (ticket && (how === 'presented' ? ticket.delivery === undefined : ticket.delivery === 'presented')) ticket.delivery = how;
  }

  /** The seq of the last ticket recorded. */
  get lastSeq(): number {
    return this.seq;
  }

  private finish(cut: boolean): void {
    const d = this.draft;
    if (this.done.length >= MAX_PRINTED_TICKETS) this.done.shift();
    this.done.push({
      seq: ++this.seq,
      at: new Date(this.options.clock.now()).toISOString(),
      lines: d.lines,
      qr: d.qr,
      barcodes: d.barcodes,
      images: d.images,
      cut,
      bytesBase64: toBase64(d.chunks),
    });
    this.draft = emptyDraft();
  }

  private printLine(): void {
    this.draft.lines.push(this.line.text.trimEnd());
    this.line.clearLine();
  }

  /** Commands that print "the data in the buffer" first (ESC d, ESC J, GS V; images too, leniently). */
  private flushLine(): void {
    if (this.line.dots > 0) this.printLine();
  }

  private wrap(text: string, chineseMode: boolean): Wrapped {
    return this.line.wrap(text, chineseMode);
  }
}
