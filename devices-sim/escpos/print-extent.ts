/**
 * How much paper a command uses, in lines: the unit of the print engine's speed (`lineTimeMs`), of the
 * `afterLines` fault and of the lines-printed counter. A text line is one line whatever its size; dot
 * distances (images, barcodes, QR codes, dot feeds) are converted at the default line pitch.
 */
import type { QrErrorCorrection } from '../../drivers/protocol/escpos/encoder';

/** ESC 2 default line spacing, 1/6 inch ≈ 30 dots at 180–203 dpi [C]. */
export const LINE_DOTS = 30;
/** One row of HRI characters under or over a barcode (font A, 24 dots) [C]. */
export const HRI_DOTS = 24;
/** GS h default barcode height (Epson TM series) [C]. */
export const DEFAULT_BARCODE_DOTS = 162;
/** GS ( k fn 43 default module size and fn 45 default level (Epson) [C]. */
export const DEFAULT_QR_MODULE_DOTS = 3;
export const DEFAULT_QR_LEVEL: QrErrorCorrection = 'L';

export function dotsToLines(dots: number): number {
  return dots <= 0 ? 0 : Math.ceil(dots / LINE_DOTS);
}

/** Byte-mode capacity of QR versions 1–10 (ISO/IEC 18004 table 7). */
const QR_BYTE_CAPACITY: Readonly<Record<QrErrorCorrection, readonly number[]>> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
};
/** Mean growth per version from 10 to 40 (capacity at 40: L 2953, M 2331, Q 1663, H 1273). */
const QR_BYTES_PER_VERSION_ABOVE_10: Readonly<Record<QrErrorCorrection, number>> = { L: 90, M: 71, Q: 51, H: 39 };

/** The smallest QR version that holds `bytes` in byte mode (an estimate above version 10). */
export function qrVersionFor(bytes: number, level: QrErrorCorrection): number {
  const table = QR_BYTE_CAPACITY[level];
  const index = table.findIndex((capacity) => capacity >= bytes);
  if (index >= 0) return index + 1;
  return Math.min(40, 10 + Math.ceil((bytes - table[9]!) / QR_BYTES_PER_VERSION_ABOVE_10[level]));
}

/** Printed side of the symbol in dots (4·version + 17 modules; the quiet zone is blank paper). */
export function qrSideDots(bytes: number, level: QrErrorCorrection, moduleDots: number): number {
  return (4 * qrVersionFor(bytes, level) + 17) * moduleDots;
}
