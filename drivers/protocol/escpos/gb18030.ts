/**
 * GB18030 text for Chinese double-byte mode (protocols.md §2.1: after FS & the printer reads GB2312/GBK/
 * GB18030). GBK is a subset of GB18030, so text within GBK prints on GBK-only firmware too.
 * Callers only ever see plain Uint8Array, never a Node Buffer.
 */
import iconv from 'iconv-lite';

export function encodeGb18030(text: string): Uint8Array {
  const encoded = iconv.encode(text, 'gb18030');
  return new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength); // a plain view, no copy
}

/** Undecodable bytes become U+FFFD (or iconv-lite's substitute), never an exception. */
export function decodeGb18030(bytes: Uint8Array): string {
  return iconv.decode(bytes, 'gb18030');
}

const isGbLead = (b: number): boolean => b >= 0x81 && b <= 0xfe;
const isGbDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
const isGbTrail = (b: number): boolean => (b >= 0x40 && b <= 0x7e) || (b >= 0x80 && b <= 0xfe);

/**
 * Length of the GB18030 character at `bytes[start]`: 1 (ASCII, or a byte that starts no valid sequence and
 * stands alone), 2 (lead + trail) or 4 (lead, digit, lead, digit); `undefined` when the bytes before `end`
 * cannot tell yet and the caller must wait for more.
 */
export function gb18030CharLength(bytes: Uint8Array, start: number, end: number): 1 | 2 | 4 | undefined {
  const lead = bytes[start]!;
  if (!isGbLead(lead)) return 1;
  if (start + 1 >= end) return undefined;
  const second = bytes[start + 1]!;
  if (isGbTrail(second)) return 2;
  if (!isGbDigit(second)) return 1;
  if (start + 2 >= end) return undefined;
  if (!isGbLead(bytes[start + 2]!)) return 1;
  if (start + 3 >= end) return undefined;
  return isGbDigit(bytes[start + 3]!) ? 4 : 1;
}
