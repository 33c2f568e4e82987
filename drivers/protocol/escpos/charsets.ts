/**
 * The double-byte character sets Chinese printers print after FS & (protocols.md §2.1, §2.6): GB18030
 * (all of Unicode), GBK (P5: Cashino's default) and BIG5 (traditional). Which one a model has is a column
 * of the model table. A character the set cannot hold is printed as a visible □ and reported, never sent
 * as bytes the printer would turn into some other character.
 */
import iconv from 'iconv-lite';
import { decodeGb18030, encodeGb18030, gb18030CharLength } from './gb18030';

export type PrinterCharset = 'gb18030' | 'gbk' | 'big5';

/** U+25A1 WHITE SQUARE: in GBK (A1 F5) and BIG5 (A1 BC), a box anyone reads as "missing". */
export const REPLACEMENT_CHARACTER = '□';

export interface EncodedText {
  bytes: Uint8Array;
  /** The characters replaced by □, in order (one entry per replaced character). */
  replaced: string[];
}

/** A plain view of iconv-lite's output, no copy: callers never see a Node Buffer. */
const view = (b: ReturnType<typeof iconv.encode>): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export function encodeForCharset(text: string, charset: PrinterCharset): EncodedText {
  if (charset === 'gb18030') return { bytes: encodeGb18030(text), replaced: [] };
  const whole = iconv.encode(text, charset);
  if (iconv.decode(whole, charset) === text) return { bytes: view(whole), replaced: [] };
  // Something did not survive the round trip: find it character by character.
  const replaced: string[] = [];
  let kept = '';
  for (const ch of text) {
    if (iconv.decode(iconv.encode(ch, charset), charset) === ch) kept += ch;
    else {
      replaced.push(ch);
      kept += REPLACEMENT_CHARACTER;
    }
  }
  return { bytes: view(iconv.encode(kept, charset)), replaced };
}

/** Undecodable bytes become U+FFFD (or iconv-lite's substitute), never an exception. */
export function decodeForCharset(bytes: Uint8Array, charset: PrinterCharset): string {
  return charset === 'gb18030' ? decodeGb18030(bytes) : iconv.decode(bytes, charset);
}

const isBig5Lead = (b: number): boolean => b >= 0x81 && b <= 0xfe;
const isBig5Trail = (b: number): boolean => (b >= 0x40 && b <= 0x7e) || (b >= 0xa1 && b <= 0xfe);

/**
 * Length of the character at `bytes[start]` (1, 2 or, in GB18030, 4); `undefined` when the bytes before
 * `end` cannot tell yet. GBK is GB18030's two-byte part; BIG5 leads 81–FE, trails 40–7E and A1–FE.
 */
export function charsetCharLength(bytes: Uint8Array, start: number, end: number, charset: PrinterCharset): 1 | 2 | 4 | undefined {
  if (charset !== 'big5') {
    const length = gb18030CharLength(bytes, start, end);
    return charset === 'gbk' && length === 4 ? 1 : length;
  }
  if (!isBig5Lead(bytes[start]!)) return 1;
  if (start + 1 >= end) return undefined;
  return isBig5Trail(bytes[start + 1]!) ? 2 : 1;
}
