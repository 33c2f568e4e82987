/**
 * The verification QR code (issue 17 §2): qr-image's module matrix for the signed URL (error correction M),
 * drawn as vector rectangles, one per horizontal run of dark modules, inside a four-module quiet zone (ISO/IEC
 * 18004 §6.3.8). No raster image: it prints sharp at any resolution and adds a few hundred bytes.
 */
import { createRequire } from 'node:module';
import { INK, type Pdf } from './page-geometry';

interface QrImage {
  matrix(text: string, ecLevel: 'L' | 'M' | 'Q' | 'H'): number[][];
}

const qrImage = createRequire(import.meta.url)('qr-image') as QrImage;

export const QR_QUIET_MODULES = 4;

/** Where the QR code was drawn, in points from the page's top left: for the tests that read it back. */
export interface QrPlacement {
  /** 0-based page index. */
  page: number;
  /** The top left of the first module (inside the quiet zone). */
  x: number;
  y: number;
  moduleSize: number;
  /** Modules per side. */
  modules: number;
}

/** Rows of 1 (dark) and 0 (light), without the quiet zone. */
export function qrMatrix(text: string): number[][] {
  return qrImage.matrix(text, 'M');
}

/** Draws `text`'s QR code in the `size`-point square at (x, y), quiet zone included. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number, page: number): QrPlacement {
  const matrix = qrMatrix(text);
  const modules = matrix.length;
  const moduleSize = size / (modules + 2 * QR_QUIET_MODULES);
  const left = x + QR_QUIET_MODULES * moduleSize;
  const top = y + QR_QUIET_MODULES * moduleSize;
  doc.save();
  matrix.forEach((row, r) => {
    for (let c = 0; c < modules; ) {
      if (row[c] !== 1) {
        c++;
        continue;
      }
      const start = c;
      while (c < modules && row[c] === 1) c++;
      doc.rect(left + start * moduleSize, top + r * moduleSize, (c - start) * moduleSize, moduleSize);
    }
  });
  doc.fill(INK).restore();
  return { page, x: left, y: top, moduleSize, modules };
}
