/**
 * Host-side ESC/POS command builder (protocols.md §2.1–§2.7). Chainable; `build()` returns the bytes and the
 * byte ranges that carry personal data, so frame dumps can mask them (ARCHITECTURE.md §8.7).
 */
import * as C from './constants';
import { encodeForCharset, type PrinterCharset } from './charsets';
import { breakRealtimeSequences, findRealtimeSequence } from './realtime-sequences';

export class EscPosEncodeError extends Error {
  override readonly name = 'EscPosEncodeError';
}

export type EscPosAlign = 'left' | 'center' | 'right';
export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
export type BarcodeHriPosition = 'none' | 'above' | 'below' | 'both';

export interface QrOptions {
  model?: 1 | 2;
  /** Dots per module, 1–16 (protocols.md §2.2). */
  moduleSize?: number;
  ecLevel?: QrErrorCorrection;
}

export interface Code128Options {
  heightDots?: number;
  /** Module width in dots, 2–6 (protocols.md §2.1). */
  moduleWidth?: number;
  hri?: BarcodeHriPosition;
  /**
   * true (default, Epson style): send "{B" and escape "{" as "{{". false: send the data as is, for firmware
   * that picks code sets itself (models.ts `code128CodeSetPrefix`).
   */
  codeSetPrefix?: boolean;
}

export interface RasterImage {
  /** A multiple of 8. */
  widthDots: number;
  heightDots: number;
  /** 1 bit per dot, MSB = leftmost, 1 = black, rows top to bottom; widthDots / 8 × heightDots bytes. */
  bits: Uint8Array;
}

/** A byte range [start, end) of the built job. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface EscPosBuild {
  bytes: Uint8Array;
  personalRanges: ByteRange[];
  replaced: ReplacedCharacters;
}

const ALIGN_BYTE: Readonly<Record<EscPosAlign, number>> = { left: C.ALIGN_LEFT, center: C.ALIGN_CENTER, right: C.ALIGN_RIGHT };
const QR_EC_BYTE: Readonly<Record<QrErrorCorrection, number>> = { L: C.QR_EC_L, M: C.QR_EC_M, Q: C.QR_EC_Q, H: C.QR_EC_H };
const HRI_BYTE: Readonly<Record<BarcodeHriPosition, number>> = { none: 0, above: 1, below: 2, both: 3 };
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/u;

function fail(message: string): never {
  throw new EscPosEncodeError(message);
}

function intIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) fail(`${name} must be an integer ${min}–${max}, got ${value}`);
  return value;
}

function oneOf<K extends string>(name: string, value: K, table: Readonly<Record<K, number>>): number {
  const byte = Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
  if (byte === undefined) fail(`${name} must be one of ${Object.keys(table).join(', ')}, got ${String(value)}`);
  return byte;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}


export interface EscPosEncoderOptions {
  /**
   * Whether the printer acts on `10 04|05|14 n` even inside another command's data (protocols.md §2.7;
   * models.ts `realtimeInData`). "acts" (default): image data is altered by a dot to keep them out, and a
   * QR or barcode that would hold them is refused.
   */
  realtimeInData?: 'acts' | 'ignored';
  /** The printer's double-byte set (models.ts `charset`); default GB18030. */
  charset?: PrinterCharset;
}

/**
 * Largest QR code, version 40, in byte mode (ISO/IEC 18004 table 7), per error-correction level: what the
 * encoder sends is bytes, so this is the capacity whatever mode a printer might pick (issue 13 §1).
 */
export const QR_BYTE_CAPACITY: Readonly<Record<QrErrorCorrection, number>> = { L: 2953, M: 2331, Q: 1663, H: 1273 };

/** Characters the printer's set cannot hold, printed as □ (charsets.ts). */
export interface ReplacedCharacters {
  /** "U+20000" for each, from text not marked personal. */
  codePoints: string[];
  /** How many were in personal text (not named: they would identify the citizen in a log). */
  inPersonalText: number;
}

/** Rows per GS v 0 command: keeps yL yH from ever forming a real-time pair (1040 rows = 10 04, §2.7). */
export const RASTER_BAND_ROWS = 1024;

export class EscPosEncoder {
  /** One growing buffer: a ticket is ~500 bytes, so commands are written in place, never as arrays. */
  private buf = new Uint8Array(512);
  private length = 0;
  private readonly ranges: ByteRange[] = [];
  private readonly guardData: boolean;
  private readonly charset: PrinterCharset;
  private readonly replaced: ReplacedCharacters = { codePoints: [], inPersonalText: 0 };
  /** Dots turned white to keep real-time sequences out of image data. */
  flippedDots = 0;

  constructor(options: EscPosEncoderOptions = {}) {
    this.guardData = (options.realtimeInData ?? 'acts') === 'acts';
    this.charset = options.charset ?? 'gb18030';
  }

  initialize(): this {
    return this.put(C.INIT);
  }

  /** FS & / FS . (protocols.md §2.1). */
  chineseMode(on: boolean): this {
    return this.put(on ? C.CHINESE_MODE_ON : C.CHINESE_MODE_OFF);
  }

  align(a: EscPosAlign): this {
    return this.put(C.ALIGN).byte(oneOf('align', a, ALIGN_BYTE));
  }

  bold(on: boolean): this {
    return this.put(C.BOLD).byte(on ? 1 : 0);
  }

  /** GS ! n: width and height multipliers 1–8 (protocols.md §2.1). */
  size(width: number, height: number): this {
    const w = intIn('size width', width, 1, 8);
    const h = intIn('size height', height, 1, 8);
    return this.put(C.SIZE).byte(((w - 1) << 4) | (h - 1));
  }

  /**
   * Text in the printer's set (GB18030 unless told otherwise); a character the set cannot hold prints as □
   * and is listed in `build().replaced`. Control characters are refused (they would smuggle commands into
   * the job); use newline(). `personal` records the text's byte range in `build().personalRanges`.
   */
  text(s: string, opts: { personal?: boolean } = {}): this {
    const start = this.length;
    const ascii = PRINTABLE_ASCII.test(s);
    if (!ascii && CONTROL_CHAR.test(s)) fail('text must not contain control characters; use newline() or a command');
    if (!ascii && LONE_SURROGATE.test(s)) fail('text contains an unpaired UTF-16 surrogate');
    if (ascii) {
      // ASCII is the same in every set: written as it is, no encoder needed.
      this.reserve(s.length);
      for (let i = 0; i < s.length; i++) this.buf[this.length++] = s.charCodeAt(i);
    } else {
      const { bytes, replaced } = encodeForCharset(s, this.charset);
      if (replaced.length > 0) {
        if (opts.personal === true) this.replaced.inPersonalText += replaced.length;
        else for (const ch of replaced) this.replaced.codePoints.push(`U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      }
      this.put(bytes);
    }
    if (opts.personal === true && this.length > start) this.ranges.push({ start, end: this.length });
    return this;
  }

  newline(): this {
    return this.byte(C.LF);
  }

  line(s: string, opts: { personal?: boolean } = {}): this {
    return this.text(s, opts).newline();
  }

  /** Model, module size, error correction, store, print (protocols.md §2.2). Data goes as UTF-8. */
  qr(data: string, opts: QrOptions = {}): this {
    const model = opts.model ?? 2;
    if (model !== 1 && model !== 2) fail(`qr model must be 1 or 2, got ${String(model)}`);
    const moduleSize = intIn('qr moduleSize', opts.moduleSize ?? 6, 1, 16);
    const ec = oneOf('qr ecLevel', opts.ecLevel ?? 'M', QR_EC_BYTE);
    const payload = utf8(data);
    if (payload.length === 0) fail('qr data must not be empty');
    const level = opts.ecLevel ?? 'M';
    // Model 1 (version 14 at most) has smaller capacities that no verified source gives here [C]: only the
    // store command's own limit applies to it.
    if (model === 2 && payload.length > QR_BYTE_CAPACITY[level]) {
      fail(`qr data is ${payload.length} bytes; a QR code at level ${level} holds at most ${QR_BYTE_CAPACITY[level]} in byte mode`);
    }
    if (payload.length > C.QR_MAX_DATA_BYTES) fail(`qr data is ${payload.length} bytes; at most ${C.QR_MAX_DATA_BYTES} fit`);
    const start = this.length;
    this.gsParenK(C.QR_FN_MODEL, model === 1 ? C.QR_MODEL_1 : C.QR_MODEL_2, 0x00)
      .gsParenK(C.QR_FN_MODULE_SIZE, moduleSize)
      .gsParenK(C.QR_FN_ERROR_CORRECTION, ec);
    const store = this.length;
    this.gsParenK(C.QR_FN_STORE, C.QR_M, payload);
    this.refuseRealtime('qr data', store, start);
    return this.gsParenK(C.QR_FN_PRINT, C.QR_M);
  }

  /** GS h, GS w, GS H, then GS k 73 n (form B) with code set B (protocols.md §2.1). */
  code128(data: string, opts: Code128Options = {}): this {
    const height = intIn('code128 heightDots', opts.heightDots ?? 80, 1, 255);
    const width = intIn('code128 moduleWidth', opts.moduleWidth ?? 2, 2, 6);
    const hri = oneOf('code128 hri', opts.hri ?? 'below', HRI_BYTE);
    if (data.length === 0) fail('code128 data must not be empty');
    if (!PRINTABLE_ASCII.test(data)) fail('code128 data must be printable ASCII (20–7E)');
    const prefixed = opts.codeSetPrefix ?? true;
    const body = prefixed ? `{B${data.replaceAll('{', '{{')}` : data;
    if (body.length > 255) fail(`code128 data is ${body.length} bytes after the code-set prefix; at most 255 fit`);
    const start = this.length;
    this.put(C.BARCODE_HEIGHT).byte(height).put(C.BARCODE_WIDTH).byte(width).put(C.BARCODE_HRI_POSITION).byte(hri);
    const print = this.length;
    this.put(C.BARCODE_PRINT).byte(C.BARCODE_CODE128).byte(body.length);
    this.reserve(body.length);
    for (let i = 0; i < body.length; i++) this.buf[this.length++] = body.charCodeAt(i);
    this.refuseRealtime('code128 data', print, start);
    return this;
  }

  /**
   * GS v 0 m xL xH yL yH d… (protocols.md §2.3), in bands of at most RASTER_BAND_ROWS rows. Where the
   * printer acts on real-time sequences inside data, each `10 04|05|14` in the image loses one dot (§2.7).
   */
  raster(image: RasterImage, mode: 0 | 1 | 2 | 3 = 0): this {
    intIn('raster mode', mode, 0, 3);
    const { widthDots, heightDots, bits } = image;
    intIn('raster widthDots', widthDots, 8, 0xffff * 8);
    if (widthDots % 8 !== 0) fail(`raster widthDots must be a multiple of 8, got ${widthDots}`);
    intIn('raster heightDots', heightDots, 1, 0xffff);
    const widthBytes = widthDots / 8;
    if (bits.length !== widthBytes * heightDots) {
      fail(`raster bits must be ${widthBytes * heightDots} bytes (${widthBytes} × ${heightDots}), got ${bits.length}`);
    }
    const start = this.length;
    for (let row = 0; row < heightDots; row += RASTER_BAND_ROWS) {
      const rows = Math.min(RASTER_BAND_ROWS, heightDots - row);
      const header = this.length;
      this.put(C.RASTER).byte(mode).byte(widthBytes & 0xff).byte(widthBytes >> 8).byte(rows & 0xff).byte(rows >> 8);
      this.refuseRealtime('raster width', header, start);
      const band = this.length;
      this.put(bits.subarray(row * widthBytes, (row + rows) * widthBytes));
      // The copy in the job, never the caller's image, loses the dots.
      if (this.guardData) this.flippedDots += breakRealtimeSequences(this.buf.subarray(band, this.length));
    }
    return this;
  }

  feedLines(n: number): this {
    return this.put(C.FEED_LINES).byte(intIn('feedLines', n, 0, 255));
  }

  cut(kind: 'full' | 'partial'): this {
    if (kind !== 'full' && kind !== 'partial') fail(`cut must be 'full' or 'partial', got ${String(kind)}`);
    return this.put(kind === 'full' ? C.CUT_FULL : C.CUT_PARTIAL);
  }

  /**
   * FS P s b c t (protocols.md §2.6, Custom presenters): cuts and feeds the ticket `steps` × 5 mm out into
   * the mouth, blinking its LED if asked, and retracts (or ejects) it after `timeoutS` seconds untaken.
   */
  present(options: { steps: number; blink: boolean; onTimeout: 'retract' | 'eject'; timeoutS: number }): this {
    this.put(C.PRESENT).byte(intIn('present steps', options.steps, 0, 255)).byte(options.blink ? 1 : 0);
    return this.byte(options.onTimeout === 'retract' ? C.PRESENT_RETRACT : C.PRESENT_EJECT).byte(intIn('present time-out', options.timeoutS, 1, 255));
  }

  /** GS a n; 0 disables ASB (protocols.md §2.5). */
  enableAsb(mask: number): this {
    return this.put(C.ASB_ENABLE).byte(intIn('ASB mask', mask, 0, 255));
  }

  /** GS ( H fn 48: the printer answers 37 22 d1..d4 00 once everything before it is processed (§2.7). */
  processIdRequest(id: string): this {
    if (id.length !== C.PROCESS_ID_LENGTH || !PRINTABLE_ASCII.test(id)) {
      fail(`process id must be exactly ${C.PROCESS_ID_LENGTH} printable ASCII characters, got ${JSON.stringify(id)}`);
    }
    this.put(C.GS_PAREN_H).byte(C.PROCESS_ID_PARAM_LENGTH).byte(0x00).byte(C.PROCESS_ID_FN).byte(C.PROCESS_ID_M);
    for (let i = 0; i < id.length; i++) this.byte(id.charCodeAt(i));
    return this;
  }

  /** GS r 1 (protocols.md §2.1, §2.7). */
  transmitPaperStatus(): this {
    return this.put(C.TRANSMIT_STATUS).byte(C.TRANSMIT_STATUS_PAPER);
  }

  raw(bytes: ArrayLike<number>): this {
    for (let i = 0; i < bytes.length; i++) intIn('raw byte', bytes[i]!, 0, 255);
    return this.put(bytes);
  }

  build(): EscPosBuild {
    return {
      bytes: this.buf.slice(0, this.length),
      personalRanges: this.ranges.map((r) => ({ ...r })),
      replaced: { codePoints: [...this.replaced.codePoints], inPersonalText: this.replaced.inPersonalText },
    };
  }

  /**
   * A real-time pair in the command written from `from` would make the printer answer or recover mid-job
   * (§2.7): the call is undone back to `undoTo`, so a refused call leaves the job as it was.
   */
  private refuseRealtime(what: string, from: number, undoTo: number): void {
    if (!this.guardData) return;
    const command = this.buf.subarray(from, this.length);
    const at = findRealtimeSequence(command);
    if (at < 0) return;
    const pair = `${command[at]!.toString(16).padStart(2, '0')} ${command[at + 1]!.toString(16).padStart(2, '0')}`.toUpperCase();
    this.length = undoTo;
    fail(`${what} would hold the real-time sequence ${pair} (byte ${at} of the command), which the printer acts on even inside data (protocols.md §2.7)`);
  }

  /** `GS ( k pL pH cn fn …` with pL/pH = the bytes after pH (protocols.md §2.2). */
  private gsParenK(fn: number, first: number, rest?: number | Uint8Array): this {
    const extra = rest === undefined ? 0 : typeof rest === 'number' ? 1 : rest.length;
    const length = 3 + extra; // cn, fn, first and the rest
    this.put(C.GS_PAREN_K).byte(length & 0xff).byte(length >> 8).byte(C.QR_CN).byte(fn).byte(first);
    if (typeof rest === 'number') this.byte(rest);
    else if (rest !== undefined) this.put(rest);
    return this;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  private byte(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  /** Copies `bytes` in: a caller may change its array after handing it over. */
  private put(bytes: ArrayLike<number>): this {
    this.reserve(bytes.length);
    if (bytes instanceof Uint8Array) this.buf.set(bytes, this.length);
    else for (let i = 0; i < bytes.length; i++) this.buf[this.length + i] = bytes[i]!;
    this.length += bytes.length;
    return this;
  }

}

/** DLE EOT n, answered in real time with one byte (protocols.md §2.4). */
export function realtimeStatusRequest(n: 1 | 2 | 3 | 4): Uint8Array {
  return Uint8Array.of(...C.DLE_EOT, intIn('DLE EOT n', n, 1, 4));
}

/** GS e 2: a presenter pulls the ticket in its mouth back into its bin (protocols.md §2.6, Custom and Pyramid). */
export function presenterRetract(): Uint8Array {
  return Uint8Array.of(...C.EJECTOR, C.EJECTOR_RETRACT);
}

/** DLE EOT 20: the presenter printers' full status, answered with `10 0F` and 4 bytes (protocols.md §2.6). */
export function fullStatusRequest(): Uint8Array {
  return Uint8Array.of(...C.DLE_EOT, C.FULL_STATUS_N);
}

/** DLE ENQ n: 1 = recover and resume, 2 = recover after clearing the buffers (protocols.md §2.1). */
export function realtimeRecovery(n: 1 | 2): Uint8Array {
  return Uint8Array.of(...C.DLE_ENQ, intIn('DLE ENQ n', n, 1, 2));
}
