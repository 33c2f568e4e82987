/**
 * Readers for ESC/POS commands whose length depends on their parameters: GS ( k (QR, protocols.md §2.2),
 * GS ( H (process ID, §2.7), GS v 0 (raster, §2.3), GS k (barcodes, §2.1), GS V (cut, §2.1), ESC c (§2.1),
 * and the lengths of a few unmodelled variable commands. Declared lengths are parsed exactly and capped.
 */
import * as C from './constants';
import { code128Text } from './code128';
import { key, parsed, unknown, type CommandFields, type CommandReader, type ParseContext, type ParsedCommand } from './command-table';
import type { QrErrorCorrection } from './encoder';

const le16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/** A header of `headerLength` bytes (already available) declaring `payloadLength` more. */
function declared(
  b: Uint8Array, pos: number, end: number, ctx: ParseContext, headerLength: number, payloadLength: number,
  make: (payload: Uint8Array, header: Uint8Array) => CommandFields,
): ParsedCommand | undefined {
  if (headerLength + payloadLength > ctx.maxCommandBytes) {
    return parsed(b, pos, headerLength, { type: 'unknown', reason: 'tooLong', skippedBytes: payloadLength }, payloadLength);
  }
  const total = headerLength + payloadLength;
  if (end - pos < total) return undefined;
  return parsed(b, pos, total, make(b.subarray(pos + headerLength, pos + total), b.subarray(pos, pos + headerLength)));
}

const QR_LEVELS: readonly QrErrorCorrection[] = ['L', 'M', 'Q', 'H'];

/** GS ( k pL pH cn fn … (protocols.md §2.2); cn 31 is QR, every other symbol or fn is `unknown`. */
function qrFields(p: Uint8Array): CommandFields {
  if (p.length < 2) return unknown('malformed');
  const [cn, fn, a] = [p[0]!, p[1]!, p[2]];
  if (cn !== C.QR_CN) return unknown('unmodelled');
  switch (fn) {
    case C.QR_FN_MODEL:
      return p.length === 4 && a! >= C.QR_MODEL_1 && a! <= C.QR_MODEL_MICRO ? { type: 'qrModel', model: a! - 0x30 } : unknown('malformed');
    case C.QR_FN_MODULE_SIZE:
      return p.length === 3 ? { type: 'qrModuleSize', size: a! } : unknown('malformed');
    case C.QR_FN_ERROR_CORRECTION:
      return p.length === 3 && a! >= C.QR_EC_L && a! <= C.QR_EC_H ? { type: 'qrErrorCorrection', level: QR_LEVELS[a! - C.QR_EC_L]! } : unknown('malformed');
    case C.QR_FN_STORE:
      return p.length >= 3 && a === C.QR_M ? { type: 'qrStore', data: p.slice(3) } : unknown('malformed');
    case C.QR_FN_PRINT:
      return p.length === 3 && a === C.QR_M ? { type: 'qrPrint' } : unknown('malformed');
    default:
      return unknown('unmodelled');
  }
}

/** GS ( H pL pH fn m d1..d4 (protocols.md §2.7). */
function processIdFields(p: Uint8Array): CommandFields {
  if (p.length === C.PROCESS_ID_PARAM_LENGTH && p[0] === C.PROCESS_ID_FN && p[1] === C.PROCESS_ID_M) {
    return { type: 'processId', id: latin1(p.subarray(2)) };
  }
  return unknown('unmodelled');
}

/**
 * Graphics, GS ( L / GS 8 L, from m on: `30 70 a bx by c xL xH yL yH d…` stores raster graphics (fn 112),
 * `30 32` (fn 50, also 02) prints them [C: Epson command reference, from memory]; other functions unmodelled.
 */
function graphicsFields(p: Uint8Array): CommandFields {
  const fn = p[1];
  if (fn === C.GRAPHICS_FN_STORE_RASTER && p.length >= 10) return { type: 'graphicsStore', widthDots: le16(p, 6), heightDots: le16(p, 8) };
  if (fn === C.GRAPHICS_FN_PRINT || fn === 0x02) return { type: 'graphicsPrint' };
  return unknown('unmodelled');
}

/** GS ( x pL pH …: every GS ( function carries a two-byte length. */
const gsParen: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 5) return undefined;
  const fn = b[pos + 2]!;
  const make = fn === C.GS_PAREN_K[2] ? qrFields : fn === C.GS_PAREN_H[2] ? processIdFields : fn === C.GS_EIGHT_L[2] ? graphicsFields : () => unknown('unmodelled');
  return declared(b, pos, end, ctx, 5, le16(b, pos + 3), make);
};

/** GS 8 L p1 p2 p3 p4 m fn …: the same graphics functions with a four-byte length (for large images). */
const gsEight: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 3) return undefined;
  if (b[pos + 2] !== C.GS_EIGHT_L[2]) return parsed(b, pos, 3, unknown('unmodelled'));
  if (end - pos < 7) return undefined;
  const length = b[pos + 3]! + b[pos + 4]! * 0x100 + b[pos + 5]! * 0x10000 + b[pos + 6]! * 0x1000000;
  return declared(b, pos, end, ctx, 7, length, graphicsFields);
};

/** FS ( x pL pH …: FS ( A pL pH fn m selects the Chinese font (fn 48) [C]; other functions unmodelled. */
const fsParen: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 5) return undefined;
  const fn = b[pos + 2]!;
  return declared(b, pos, end, ctx, 5, le16(b, pos + 3), (p) => (fn === 0x41 && p.length === 2 && p[0] === 0x30 ? { type: 'chineseFont', n: p[1]! } : unknown('unmodelled')));
};

/** GS v 0 m xL xH yL yH d… (protocols.md §2.3): width in bytes, height in dots. */
const gsV: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 3) return undefined;
  if (b[pos + 2] !== C.RASTER[2]) return parsed(b, pos, 2, unknown('unrecognised'));
  if (end - pos < 8) return undefined;
  const m = b[pos + 3]!;
  const widthBytes = le16(b, pos + 4);
  const heightDots = le16(b, pos + 6);
  const mode = m <= 3 ? m : m >= 0x30 && m <= 0x33 ? m - 0x30 : undefined;
  return declared(b, pos, end, ctx, 8, widthBytes * heightDots, (data) =>
    mode === undefined ? unknown('malformed') : { type: 'raster', mode, widthBytes, heightDots, data: data.slice() });
};

/** GS V m [n] (protocols.md §2.1): 00/30 full, 01/31 partial, 41/42 n feed then cut. */
const gsCut: CommandReader = (b, pos, end) => {
  if (end - pos < 3) return undefined;
  const m = b[pos + 2]!;
  if (m === 0x00 || m === C.CUT_M_FULL_ASCII) return parsed(b, pos, 3, { type: 'cut', partial: false });
  if (m === 0x01 || m === C.CUT_M_PARTIAL_ASCII) return parsed(b, pos, 3, { type: 'cut', partial: true });
  const withN = m === C.CUT_M_FEED_FULL || m === C.CUT_M_FEED_PARTIAL;
  // 61/62 and 67/68 (Epson functions C and D) also take n [C]
  if (!withN && m !== 0x61 && m !== 0x62 && m !== 0x67 && m !== 0x68) return parsed(b, pos, 3, unknown('malformed'));
  if (end - pos < 4) return undefined;
  if (!withN) return parsed(b, pos, 4, unknown('unmodelled'));
  return parsed(b, pos, 4, { type: 'cut', partial: m === C.CUT_M_FEED_PARTIAL, feedDots: b[pos + 3]! });
};

/** Longest form-A barcode data before its NUL; P5 and Epson limit barcode data to 255 bytes. */
const BARCODE_A_MAX = 255;

/** GS k m d… 00 (form A, m 0–6) or GS k m n d1..dn (form B, m 65–74) (protocols.md §2.1). */
const gsBarcode: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 3) return undefined;
  const system = b[pos + 2]!;
  const barcode = (data: Uint8Array): CommandFields => {
    const text = latin1(data);
    return { type: 'barcode', system, data: text, text: system === C.BARCODE_CODE128 ? code128Text(text) : text };
  };
  if (system <= C.BARCODE_FORM_A_LAST) {
    const limit = Math.min(end, pos + 3 + BARCODE_A_MAX + 1);
    const nul = b.subarray(pos + 3, limit).indexOf(C.NUL);
    if (nul >= 0) return parsed(b, pos, 3 + nul + 1, barcode(b.subarray(pos + 3, pos + 3 + nul)));
    return end - pos < 3 + BARCODE_A_MAX + 1 ? undefined : parsed(b, pos, 3, unknown('malformed'));
  }
  if (system >= C.BARCODE_FORM_B_FIRST && system <= C.BARCODE_FORM_B_LAST) {
    if (end - pos < 4) return undefined;
    return declared(b, pos, end, ctx, 4, b[pos + 3]!, barcode);
  }
  if (system === 0x61) {
    // GS k 61 v r nL nH d…: the Cashino KP-628E's own QR command (P5)
    if (end - pos < 7) return undefined;
    return declared(b, pos, end, ctx, 7, le16(b, pos + 5), () => unknown('unmodelled'));
  }
  return parsed(b, pos, 3, unknown('malformed'));
};

/** ESC c x n: paper sensors (3, 4) and panel buttons (5) (protocols.md §2.1); other x take one n as well [C]. */
const escC: CommandReader = (b, pos, end) => {
  if (end - pos < 4) return undefined;
  const [x, n] = [b[pos + 2]!, b[pos + 3]!];
  const fields: CommandFields =
    x === C.PAPER_SENSORS_SIGNAL[2] ? { type: 'paperSensorsSignal', mask: n }
    : x === C.PAPER_SENSORS_STOP[2] ? { type: 'paperSensorsStop', mask: n }
    : x === C.PANEL_BUTTONS[2] ? { type: 'panelButtons', disabled: (n & 1) === 1 }
    : unknown('unmodelled');
  return parsed(b, pos, 4, fields);
};

/** ESC * m nL nH d…: column bit image, 1 byte per column in 8-dot modes (0, 1), 3 in 24-dot modes (32, 33) [C]. */
const escStar: CommandReader = (b, pos, end, ctx) => {
  if (end - pos < 5) return undefined;
  const m = b[pos + 2]!;
  const perColumn = m === 0 || m === 1 ? 1 : m === 32 || m === 33 ? 3 : 0;
  if (perColumn === 0) return parsed(b, pos, 5, unknown('malformed'));
  const columns = le16(b, pos + 3);
  // Single-density modes (0, 32) print each column two dots wide [C].
  const widthDots = m === 0 || m === 32 ? columns * 2 : columns;
  return declared(b, pos, end, ctx, 5, columns * perColumn, () => ({ type: 'columnImage', widthDots, heightDots: perColumn * 8 }));
};

/** ESC D n1..nk 00: horizontal tab positions, at most 32 [C]. */
const escD: CommandReader = (b, pos, end) => {
  const limit = Math.min(end, pos + 2 + 33);
  const nul = b.subarray(pos + 2, limit).indexOf(C.NUL);
  if (nul >= 0) return parsed(b, pos, 2 + nul + 1, unknown('unmodelled'));
  return end - pos < 2 + 33 ? undefined : parsed(b, pos, 2, unknown('malformed'));
};

/**
 * GS e n [m [t]], the ejector (protocols.md §2.6, Pyramid): n 03 takes m steps, n 20 takes m and t, the rest
 * (02 retract, 05 eject, 06 status, 12/14 continuous mode) nothing more.
 */
const gsE: CommandReader = (b, pos, end) => {
  if (end - pos < 3) return undefined;
  const n = b[pos + 2]!;
  const extra = n === 0x03 ? 1 : n === 0x20 ? 2 : 0;
  if (end - pos < 3 + extra) return undefined;
  if (n === 0x03) return parsed(b, pos, 4, { type: 'ejector', n, steps: b[pos + 3]! });
  if (n === 0x20) return parsed(b, pos, 5, { type: 'ejector', n, steps: b[pos + 3]!, timeoutS: b[pos + 4]! });
  return parsed(b, pos, 3, { type: 'ejector', n });
};

/** ESC Z m n k dL dH d…: PDF417 / QR on the Cashino KP-628E (P5). */
const escZ: CommandReader = (b, pos, end, ctx) =>
  end - pos < 7 ? undefined : declared(b, pos, end, ctx, 7, le16(b, pos + 5), () => unknown('unmodelled'));

/** GS * x y d…: define a downloaded bitmap of x × y × 8 bytes (P5) [C]. */
const gsStar: CommandReader = (b, pos, end, ctx) =>
  end - pos < 4 ? undefined : declared(b, pos, end, ctx, 4, b[pos + 2]! * b[pos + 3]! * 8, () => unknown('unmodelled'));

export const VARIABLE_READERS: ReadonlyMap<number, CommandReader> = new Map<number, CommandReader>([
  [(C.GS << 8) | 0x28, gsParen],
  [(C.GS << 8) | C.RASTER[1], gsV],
  [(C.GS << 8) | C.CUT[1], gsCut],
  [key(C.EJECTOR), gsE],
  [(C.GS << 8) | C.BARCODE_PRINT[1], gsBarcode],
  [(C.GS << 8) | 0x2a, gsStar],
  [(C.GS << 8) | C.GS_EIGHT_L[1], gsEight],
  [(C.FS << 8) | C.FS_PAREN[1], fsParen],
  [(C.ESC << 8) | 0x63, escC],
  [(C.ESC << 8) | 0x2a, escStar],
  [(C.ESC << 8) | 0x44, escD],
  [(C.ESC << 8) | 0x5a, escZ],
]);
