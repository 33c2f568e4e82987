/**
 * Symbologies by their AIM code character (ISO/IEC 15424 `]cm`, the second character; NCR 7895 "AIM Code
 * Identifiers", Datalogic Magellan reference guide "AIM ID", CipherLab 9700 appendix II). A kiosk reads
 * appointment codes and e-certificate (电子证照) codes: QR for the most part, Code 128 on printed slips.
 */
import { AIM_FLAG } from './constants';

export const SYMBOLOGIES = [
  'qr',
  'code128',
  'gs1-128',
  'ean13',
  'ean8',
  'dataMatrix',
  'pdf417',
  'aztec',
  'hanXin',
  'code39',
  'code93',
  'itf',
  'codabar',
  'gs1DataBar',
  'unknown',
] as const;

export type Symbology = (typeof SYMBOLOGIES)[number];

export function isSymbology(value: unknown): value is Symbology {
  return typeof value === 'string' && (SYMBOLOGIES as readonly string[]).includes(value);
}

/** Code character → symbology; the modifier refines only Code 128 (`]C1`: FNC1 first = GS1-128) and EAN (`]E4`: EAN-8). */
const BY_CODE: Readonly<Record<string, Symbology>> = {
  Q: 'qr',
  C: 'code128',
  E: 'ean13',
  d: 'dataMatrix',
  L: 'pdf417',
  z: 'aztec',
  h: 'hanXin',
  A: 'code39',
  G: 'code93',
  I: 'itf',
  F: 'codabar',
  e: 'gs1DataBar',
};

/** The symbology of a three-character AIM identifier; `unknown` for `]X…` (other) and anything not `]cm`. */
export function symbologyOfAim(aim: string | null): Symbology {
  if (aim === null || aim.length !== 3 || aim.charCodeAt(0) !== AIM_FLAG) return 'unknown';
  const symbology = BY_CODE[aim[1]!] ?? 'unknown';
  if (symbology === 'code128' && aim[2] === '1') return 'gs1-128';
  if (symbology === 'ean13' && aim[2] === '4') return 'ean8';
  return symbology;
}

/** The AIM identifier a scanner sends for a symbology (the simulator's encoder); modifier 0 unless it names the variant. */
export const AIM_OF: Readonly<Record<Symbology, string>> = {
  qr: ']Q1',
  code128: ']C0',
  'gs1-128': ']C1',
  ean13: ']E0',
  ean8: ']E4',
  dataMatrix: ']d1',
  pdf417: ']L0',
  aztec: ']z0',
  hanXin: ']h0',
  code39: ']A0',
  code93: ']G0',
  itf: ']I0',
  codabar: ']F0',
  gs1DataBar: ']e0',
  unknown: ']X0',
};

/** True for `]` + a letter + a letter or digit: the shape of an AIM identifier (a prefix the scanner was told to send). */
export function looksLikeAim(bytes: Uint8Array, at: number): boolean {
  if (bytes.length < at + 3 || bytes[at] !== AIM_FLAG) return false;
  const code = bytes[at + 1]!;
  const mod = bytes[at + 2]!;
  const letter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
  return letter(code) && (letter(mod) || (mod >= 0x30 && mod <= 0x39));
}
