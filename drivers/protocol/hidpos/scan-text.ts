/**
 * A label's joined bytes as text. Scanners sold in China send QR text as UTF-8, or as GB18030/GBK when set to
 * their "Chinese output" mode; both contain ASCII, so an appointment code reads the same either way. `auto`
 * decodes both ways, strictly (WHATWG Encoding `fatal`: a byte that is no text is a problem, not a U+FFFD the
 * kiosk would then look up), and when both succeed prefers the reading whose non-ASCII characters are all
 * plausible on a Chinese government code (Han, CJK and fullwidth punctuation, Latin-1, general punctuation and
 * currency signs), UTF-8 on a tie [decision]. Short GB18030 text can be valid UTF-8 too: 预约 (D4 A4 D4 BC)
 * reads as UTF-8 "ԤԼ" (U+0524 U+053C), which is why validity alone does not decide.
 *
 * A leading byte-order mark (some QR generators write one) is dropped by the decoder.
 * A scanner configured with an Enter suffix sends CR, LF or CR LF after the label: one such suffix is taken off.
 */
import type { ScanCharset } from './scanner-models';
import { scanProblem, type ScanProblem } from './scan-problem';

export interface ScanText {
  kind: 'text';
  text: string;
  charset: 'utf-8' | 'gb18030';
}

const DECODERS = {
  'utf-8': new TextDecoder('utf-8', { fatal: true }),
  gb18030: new TextDecoder('gb18030', { fatal: true }),
};

/** HT, LF, CR; EOT, GS, RS of ISO/IEC 15434 structured data (GS also stands for FNC1 in GS1 codes). */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0d, 0x04, 0x1d, 0x1e]);

function tryDecode(bytes: Uint8Array, charset: 'utf-8' | 'gb18030'): string | null {
  try {
    return DECODERS[charset].decode(bytes);
  } catch {
    return null;
  }
}

const PLAUSIBLE: ReadonlyArray<readonly [number, number]> = [
  [0x00a0, 0x00ff], // Latin-1 supplement (·, ×)
  [0x2000, 0x20cf], // general punctuation (— “ ” …), currency signs (€)
  [0x2100, 0x214f], // letterlike symbols (№)
  [0x2e80, 0x9fff], // CJK radicals, CJK symbols and punctuation (、。《》), kana, CJK unified ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xffef], // fullwidth forms (：，（）)
  [0x20000, 0x3ffff], // CJK extensions B and later (rare name characters)
];

function plausible(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if (!PLAUSIBLE.some(([lo, hi]) => c >= lo && c <= hi)) return false;
  }
  return true;
}

function pick(bytes: Uint8Array, charset: ScanCharset): { text: string; charset: 'utf-8' | 'gb18030' } | null {
  const utf8 = charset === 'gb18030' ? null : tryDecode(bytes, 'utf-8');
  const gb = charset === 'utf-8' ? null : tryDecode(bytes, 'gb18030');
  if (utf8 !== null && (gb === null || plausible(utf8) || !plausible(gb))) return { text: utf8, charset: 'utf-8' };
  return gb === null ? null : { text: gb, charset: 'gb18030' };
}

function withoutSuffix(text: string): string {
  if (text.endsWith('\r\n')) return text.slice(0, -2);
  if (text.endsWith('\n') || text.endsWith('\r')) return text.slice(0, -1);
  return text;
}

export function decodeScanText(bytes: Uint8Array, charset: ScanCharset): ScanText | ScanProblem {
  const decoded = pick(bytes, charset);
  if (decoded === null) {
    const tried = charset === 'auto' ? 'UTF-8 or GB18030' : charset.toUpperCase();
    return scanProblem('encoding', `${bytes.length} bytes that are not valid ${tried} text: the scanner's output charset does not match the model's (${charset})`);
  }
  const text = withoutSuffix(decoded.text);
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !ALLOWED_CONTROLS.has(c)) || c === 0x7f) controls++;
  }
  if (controls > 0) return scanProblem('controlCharacters', `${controls} control character(s) in ${text.length} characters: not a label`);
  if (text.length === 0) return scanProblem('empty', 'the label is empty once its suffix is taken off');
  return { kind: 'text', text, charset: decoded.charset };
}
