/**
 * What the host sent, as the device side (the simulator) reads it: one variant per ESC/POS command of
 * protocols.md §2.1–§2.7. Every command keeps its exact bytes in `raw`.
 */
import type { PrinterCharset } from './charsets';
import type { BarcodeHriPosition, EscPosAlign, QrErrorCorrection } from './encoder';

export type CutMeaning = 'full' | 'partial';

type Cmd<T extends string, F = object> = { type: T; raw: Uint8Array } & F;

export type EscPosCommand =
  /** Printable text between commands; GB18030 in Chinese mode, else one byte per character (Latin-1). */
  | Cmd<'text', { text: string; chineseMode: boolean }>
  | Cmd<'lineFeed'>
  | Cmd<'carriageReturn'>
  | Cmd<'horizontalTab'>
  | Cmd<'initialize'>
  | Cmd<'align', { align: EscPosAlign }>
  | Cmd<'bold', { on: boolean }>
  | Cmd<'underline', { dots: 0 | 1 | 2 }>
  | Cmd<'printMode', { n: number; fontB: boolean; bold: boolean; doubleHeight: boolean; doubleWidth: boolean; underline: boolean }>
  | Cmd<'size', { width: number; height: number }>
  | Cmd<'reverse', { on: boolean }>
  /** `dots` undefined: ESC 2, the default spacing. */
  | Cmd<'lineSpacing', { dots?: number }>
  | Cmd<'feedLines', { lines: number }>
  | Cmd<'feedDots', { dots: number }>
  | Cmd<'codePage', { n: number }>
  | Cmd<'intlCharset', { n: number }>
  | Cmd<'chineseMode', { on: boolean }>
  /** `feedDots` set for GS V 41/42 n (feed, then cut). */
  | Cmd<'cut', { partial: boolean; feedDots?: number }>
  /** FS P s b c t (presenters, §2.6): cut, feed `steps` × 5 mm into the mouth, then after `timeoutS` s untaken… */
  | Cmd<'present', { steps: number; blink: boolean; onTimeout: 'retract' | 'eject' | 'hold'; timeoutS: number }>
  /** GS e n [m [t]] (§2.6): 2 retract, 3 present m steps, 5 eject, 0x20 present then retract or eject after t s. */
  | Cmd<'ejector', { n: number; steps?: number; timeoutS?: number }>
  | Cmd<'barcodeHeight', { dots: number }>
  | Cmd<'barcodeWidth', { module: number }>
  | Cmd<'barcodeHriPosition', { position: BarcodeHriPosition }>
  | Cmd<'barcodeHriFont', { n: number }>
  /** `data`: the bytes as sent (Latin-1); `text`: the human-readable content (CODE128 code sets resolved). */
  | Cmd<'barcode', { system: number; data: string; text: string }>
  | Cmd<'qrModel', { model: number }>
  | Cmd<'qrModuleSize', { size: number }>
  | Cmd<'qrErrorCorrection', { level: QrErrorCorrection }>
  | Cmd<'qrStore', { data: Uint8Array }>
  | Cmd<'qrPrint'>
  | Cmd<'raster', { mode: number; widthBytes: number; heightDots: number; data: Uint8Array }>
  /** ESC *: one band of a column bit image, `heightDots` 8 or 24. */
  | Cmd<'columnImage', { widthDots: number; heightDots: number }>
  /** GS ( L / GS 8 L fn 112: raster graphics stored in the print buffer; fn 50 prints them. */
  | Cmd<'graphicsStore', { widthDots: number; heightDots: number }>
  | Cmd<'graphicsPrint'>
  | Cmd<'font', { font: 'A' | 'B' }>
  | Cmd<'rightSpacing', { dots: number }>
  | Cmd<'upsideDown', { on: boolean }>
  | Cmd<'absolutePosition', { dots: number }>
  | Cmd<'relativePosition', { dots: number }>
  | Cmd<'leftMargin', { dots: number }>
  | Cmd<'printAreaWidth', { dots: number }>
  | Cmd<'chineseUnderline', { dots: 0 | 1 | 2 }>
  | Cmd<'chineseSpacing', { left: number; right: number }>
  | Cmd<'chineseFont', { n: number }>
  | Cmd<'realtimeStatus', { n: number }>
  | Cmd<'realtimeRecovery', { n: number }>
  | Cmd<'asbEnable', { mask: number }>
  | Cmd<'processId', { id: string }>
  | Cmd<'paperSensorsSignal', { mask: number }>
  | Cmd<'paperSensorsStop', { mask: number }>
  | Cmd<'panelButtons', { disabled: boolean }>
  | Cmd<'transmitStatus', { n: number }>
  | Cmd<'printerId', { n: number }>
  /**
   * Anything else: an unrecognised sequence, a known command this codec does not model (its whole length
   * consumed), or a command whose declared length is over the cap (`skippedBytes` of payload discarded).
   */
  | Cmd<'unknown', { reason: 'unrecognised' | 'unmodelled' | 'malformed' | 'tooLong'; skippedBytes?: number }>;

export type EscPosCommandType = EscPosCommand['type'];

export interface EscPosParserOptions {
  /**
   * Chinese mode at power-on. Chinese-market printers start in it (HCC POS80 manual) [C]; default true.
   * ESC @ leaves it as it is: no source here says it resets FS &, and hosts set it after ESC @ anyway.
   */
  chineseMode?: boolean;
  /** What ESC i / ESC m do on this model (models.ts `legacyCut`); default ESC i partial, ESC m full (§2.1). */
  legacyCut?: { escI: CutMeaning; escM: CutMeaning };
  /** Longest single command accepted, in bytes; default 1 MiB. Longer ones are skipped as `unknown`. */
  maxCommandBytes?: number;
  /** The double-byte set text is read in, in Chinese mode (models.ts `charset`); default GB18030. */
  charset?: PrinterCharset;
}
