/**
 * QR code modules for the panel's drawing of a `GS ( k` QR code (protocols.md §2.2; issue 15 item 4), from
 * the `qr-image` package where it is installed. It is not a declared dependency of this project (it comes
 * with @node-escpos/core, a development dependency), so it is loaded when first needed and, where it is
 * missing, the drawing falls back to a dashed square labelled QR with the payload (ticket-svg.ts).
 *
 * The symbol is model 2 at the level the job set, in the smallest version and mode (numeric, alphanumeric
 * or byte) that holds the data: what a printer prints, though its mode, version or mask may differ from
 * the firmware's choice (any of them scans to the same payload).
 */
import { createRequire } from 'node:module';
import type { QrErrorCorrection } from '../../drivers/protocol/escpos/encoder';

export type QrModules = (data: Uint8Array, level: QrErrorCorrection) => boolean[][] | null;

type MatrixFn = (data: Buffer, level: QrErrorCorrection) => unknown;

let matrix: MatrixFn | null | undefined;

function loadMatrix(): MatrixFn | null {
  if (matrix !== undefined) return matrix;
  try {
    const mod = createRequire(import.meta.url)('qr-image') as { matrix?: unknown };
    matrix = typeof mod.matrix === 'function' ? (mod.matrix as MatrixFn) : null;
  } catch {
    matrix = null;
  }
  return matrix;
}

/** Dark (true) and light modules, row by row; null where no encoder is installed or the data does not fit. */
export const qrModules: QrModules = (data, level) => {
  const fn = loadMatrix();
  if (!fn || data.length === 0) return null;
  try {
    const rows = fn(Buffer.from(data), level);
    if (!Array.isArray(rows) || rows.length === 0) return null;
    return rows.map((row: unknown) => (Array.isArray(row) ? row.map((m: unknown) => Boolean(m)) : []));
  } catch {
    return null;
  }
};
