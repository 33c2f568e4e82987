/**
 * What the panel draws on a ticket's paper (issue 15 item 4), in printer dots from the print area's top left:
 * text runs of one style, QR codes, barcodes, images and cuts, as paper-layout.ts places them and
 * ticket-svg.ts draws them.
 */
import type { BarcodeHriPosition } from '../../drivers/protocol/escpos/encoder';

export interface TextStyle {
  bold: boolean;
  /** Underline thickness in dots (ESC -, FS -, ESC ! bit 7). */
  underline: 0 | 1 | 2;
  /** GS B: white on black. */
  reverse: boolean;
  widthMultiplier: number;
  heightMultiplier: number;
}

export interface TextMark extends TextStyle {
  kind: 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

export interface QrMark {
  kind: 'qr';
  x: number;
  y: number;
  side: number;
  moduleDots: number;
  /** Row by row, true = dark; null when no encoder was available (drawn as a labelled square). */
  modules: boolean[][] | null;
  payload: string;
}

export interface BarcodeMark {
  kind: 'barcode';
  x: number;
  y: number;
  width: number;
  /** Of the bars alone. */
  barsHeight: number;
  barsY: number;
  /** In dots from x; null for a symbology not drawn bar by bar (drawn as a labelled box). */
  bars: { x: number; width: number }[] | null;
  system: number;
  /** The human-readable text (HRI), code sets resolved. */
  text: string;
  hri: BarcodeHriPosition;
}

export interface ImageMark {
  kind: 'image';
  x: number;
  y: number;
  /** Drawn size, the GS v 0 double-width / double-height modes applied. */
  width: number;
  height: number;
  widthDots: number;
  heightDots: number;
  /** 1 bit per dot, MSB leftmost, rows top to bottom (§2.3); null where the command's data is not kept. */
  bits: Uint8Array | null;
}

export interface CutMark {
  kind: 'cut';
  y: number;
  partial: boolean;
  /** FS P: cut and held in a presenter's mouth (§2.6). */
  presented: boolean;
}

export type PaperMark = TextMark | QrMark | BarcodeMark | ImageMark | CutMark;

export interface PaperDrawing {
  /** The print area's width in dots (models.ts paperWidthDots). */
  widthDots: number;
  heightDots: number;
  marks: PaperMark[];
}
