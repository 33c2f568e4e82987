/**
 * The double-byte character sets Chinese printers print after FS & (protocols.md §2.1, §2.6): GB18030
 * (all of Unicode), GBK (P5: Cashino's default) and BIG5 (traditional). Which one a model has is a column
 * of the model table. A character the set cannot hold is printed as a visible □ and reported, never sent
 * as bytes the printer would turn into some other character.
 */
import iconv from 'iconv-lite';
import { decodeGb18030, encodeGb18030, gb18030CharLength } from './gb18030';

export type PrinterCharset = 'gb18030' | 'gbk' | 'big5';

/**
 * iconv-lite's names for them: its "big5" is Big5-HKSCS, whose extra codes a plain BIG5 font lacks (they
 * would print as other glyphs, not □); cp950 is the plain set.
 */
const ICONV_NAME: Readonly<Record<PrinterCharset, string>> = { gb18030: 'gb18030', gbk: 'gbk', big5: 'cp950' };

/** U+25A1 WHITE SQUARE: in GBK (A1 F5) and BIG5 (A1 BC), a box anyone reads as "missing". */
export const REPLACEMENT_CHARACTER = '□';

export interface EncodedText {
  bytes: Uint8Array;
  /** The characters replaced by □, in order (one entry per replaced character). */
  replaced: string[];
}

/** A plain view of iconv-lite's output, no copy: callers never see a Node Buffer. */
const view = (b: ReturnType<typeof iconv.encode>): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * Two-byte codes per BMP character, looked up in iconv-lite once per character and kept (128 KB per set
 * at most): a ticket's text then encodes by table, as printer firmware and native encoders do.
 */
const NOT_LOOKED_UP = 0;
/** Not one two-byte code: a GB18030 four-byte one, or (GBK, BIG5) a character the set cannot hold. */
const NOT_TWO_BYTES = 0xffff;
const TABLES: Record<PrinterCharset, Uint16Array | undefined> = { gb18030: undefined, gbk: undefined, big5: undefined };

function twoByteCode(cp: number, charset: PrinterCharset): number {
  const table = (TABLES[charset] ??= new Uint16Array(0x10000));
  let code = table[cp]!;
  if (code === NOT_LOOKED_UP) {
    const ch = String.fromCharCode(cp);
    const bytes = iconv.encode(ch, ICONV_NAME[charset]);
    code = bytes.length === 2 && iconv.decode(bytes, ICONV_NAME[charset]) === ch ? (bytes[0]! << 8) | bytes[1]! : NOT_TWO_BYTES;
    table[cp] = code;
  }
  return code;
}

/** By table, or null when the text needs more than one- and two-byte codes (surrogates, four-byte codes). */
function encodeByTable(text: string, charset: PrinterCharset): EncodedText | null {
  const out = new Uint8Array(text.length * 2);
  const replaced: string[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) return null;
    let code = twoByteCode(cp, charset);
    if (code === NOT_TWO_BYTES) {
      if (charset === 'gb18030') return null;
      replaced.push(text[i]!);
      code = twoByteCode(REPLACEMENT_CHARACTER.charCodeAt(0), charset);
    }
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return { bytes: out.subarray(0, n), replaced };
}

export function encodeForCharset(text: string, charset: PrinterCharset): EncodedText {
  const byTable = encodeByTable(text, charset);
  if (byTable) return byTable;
  if (charset === 'gb18030') return { bytes: encodeGb18030(text), replaced: [] };
  const name = ICONV_NAME[charset];
  const whole = iconv.encode(text, name);
  if (iconv.decode(whole, name) === text) return { bytes: view(whole), replaced: [] };
  // Something did not survive the round trip: find it character by character.
  const replaced: string[] = [];
  let kept = '';
  for (const ch of text) {
    if (iconv.decode(iconv.encode(ch, name), name) === ch) kept += ch;
    else {
      replaced.push(ch);
      kept += REPLACEMENT_CHARACTER;
    }
  }
  return { bytes: view(iconv.encode(kept, name)), replaced };
}

/** Undecodable bytes become U+FFFD (or iconv-lite's substitute), never an exception. */
export function decodeForCharset(bytes: Uint8Array, charset: PrinterCharset): string {
  return charset === 'gb18030' ? decodeGb18030(bytes) : iconv.decode(bytes, ICONV_NAME[charset]);
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
