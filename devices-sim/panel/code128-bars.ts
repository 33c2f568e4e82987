/**
 * The bars of a CODE128 symbol as the printer draws it from `GS k 73 n d…` (protocols.md §2.1, form B), for
 * the control panel's drawing of the paper (issue 15 item 4). The data is read as the parser reports it
 * (`barcode.data`, Latin-1): Epson-style firmware wants "{A" / "{B" / "{C" first, then "{{" is a literal
 * "{", "{S" shifts one character, "{1".."{4" are FNC1–4, and in code set C each byte is one value 0–99
 * (drivers/protocol/escpos/code128.ts reads the same rules for the human-readable text). Firmware that picks
 * code sets itself (Cashino KP-628E, P5) takes plain data: C for an even run of digits, else B, else A.
 */

/** Bar and space widths in modules of the symbol values 0–106 (ISO/IEC 15417 table 1); 106 is the stop. */
// prettier-ignore
export const CODE128_PATTERNS: readonly string[] = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
];

type CodeSet = 'A' | 'B' | 'C';
const START: Readonly<Record<CodeSet, number>> = { A: 103, B: 104, C: 105 };
/** The value that switches to a code set, in the set being left (A and B: 99 C, 100 B / FNC4, 101 A / FNC4). */
const SWITCH_TO: Readonly<Record<CodeSet, number>> = { A: 101, B: 100, C: 99 };
const SHIFT = 98;
const STOP = 106;
const FNC: Readonly<Record<string, number>> = { '1': 102, '2': 97, '3': 96 };
const BRACE = 0x7b;

export interface Code128Bars {
  /** Symbol values, start and check character included, stop excluded. */
  values: number[];
  /** Each bar's left edge and width, in modules from the symbol's left edge. */
  bars: { x: number; width: number }[];
  /** Width of the whole symbol in modules (no quiet zone: that is blank paper). */
  modules: number;
}

function valueIn(set: 'A' | 'B', byte: number): number | undefined {
  if (set === 'A') return byte < 0x20 ? byte + 64 : byte < 0x60 ? byte - 32 : undefined;
  return byte >= 0x20 && byte < 0x80 ? byte - 32 : undefined;
}

/** Values after the start for Epson-style data ("{B…"); undefined when the data breaks the rules. */
function prefixedValues(bytes: readonly number[]): { start: CodeSet; values: number[] } | undefined {
  let set = String.fromCharCode(bytes[1]!) as CodeSet;
  const start = set;
  const values: number[] = [];
  for (let i = 2; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === BRACE && i + 1 < bytes.length) {
      const code = String.fromCharCode(bytes[++i]!);
      if (code === 'A' || code === 'B' || code === 'C') {
        if (code !== set) values.push(SWITCH_TO[code]);
        set = code;
        continue;
      }
      if (code === 'S') {
        const next = bytes[++i];
        const value = set === 'C' || next === undefined ? undefined : valueIn(set === 'A' ? 'B' : 'A', next);
        if (value === undefined) return undefined;
        values.push(SHIFT, value);
        continue;
      }
      if (code === '4') {
        if (set === 'C') return undefined;
        values.push(set === 'A' ? 101 : 100);
        continue;
      }
      const fnc = FNC[code];
      if (fnc !== undefined) {
        if (set === 'C' && code !== '1') return undefined;
        values.push(fnc);
        continue;
      }
      if (code !== '{') return undefined;
      // "{{": a literal "{" (code set B only has it)
    }
    const value = set === 'C' ? (b <= 99 ? b : undefined) : valueIn(set, b);
    if (value === undefined) return undefined;
    values.push(value);
  }
  return { start, values };
}

/** Values for plain data, the set picked as firmware that chooses its own would. */
function plainValues(bytes: readonly number[]): { start: CodeSet; values: number[] } | undefined {
  const text = String.fromCharCode(...bytes);
  if (/^(\d\d)+$/u.test(text)) return { start: 'C', values: text.match(/\d\d/gu)!.map(Number) };
  for (const set of ['B', 'A'] as const) {
    const values = bytes.map((b) => valueIn(set, b));
    if (values.every((v) => v !== undefined)) return { start: set, values: values as number[] };
  }
  return undefined;
}

/** The bars for `data` as GS k 73 carries it; undefined when it is no valid CODE128 data. */
export function code128Bars(data: string): Code128Bars | undefined {
  const bytes = Array.from(data, (ch) => ch.charCodeAt(0) & 0xff);
  if (bytes.length === 0) return undefined;
  const prefixed = bytes[0] === BRACE && [0x41, 0x42, 0x43].includes(bytes[1] ?? 0);
  const read = prefixed ? prefixedValues(bytes) : plainValues(bytes);
  if (!read || read.values.length === 0) return undefined;
  const values = [START[read.start], ...read.values];
  const check = values.reduce((sum, v, i) => sum + v * Math.max(i, 1), 0) % 103;
  values.push(check);
  const bars: { x: number; width: number }[] = [];
  let x = 0;
  for (const value of [...values, STOP]) {
    const widths = CODE128_PATTERNS[value]!;
    for (let i = 0; i < widths.length; i++) {
      const w = widths.charCodeAt(i) - 0x30;
      if (i % 2 === 0) bars.push({ x, width: w });
      x += w;
    }
  }
  return { values, bars, modules: x };
}
