/**
 * Per-command readers for the device-side parser: fixed-length commands of protocols.md §2.1 by their
 * two-byte prefix, plus the lengths of well-known commands this codec does not model, so their parameter
 * bytes are never mistaken for text. Length-prefixed commands live in command-lengths.ts.
 */
import * as C from './constants';
import type { EscPosCommand, EscPosParserOptions } from './command-types';
import type { BarcodeHriPosition, EscPosAlign } from './encoder';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandFields = DistributiveOmit<EscPosCommand, 'raw'>;

/** A command read at `pos`: its length, and `skip` payload bytes to discard after it (declared too long). */
export interface ParsedCommand {
  length: number;
  command: EscPosCommand;
  skip?: number;
}

export type ParseContext = Required<EscPosParserOptions>;

/** `undefined`: the bytes before `end` are not enough yet. */
export type CommandReader = (b: Uint8Array, pos: number, end: number, ctx: ParseContext) => ParsedCommand | undefined;

export function parsed(b: Uint8Array, pos: number, length: number, fields: CommandFields, skip?: number): ParsedCommand {
  const command = { ...fields, raw: b.slice(pos, pos + length) } as EscPosCommand;
  return skip === undefined ? { length, command } : { length, command, skip };
}

export const unknown = (reason: 'unrecognised' | 'unmodelled' | 'malformed'): CommandFields => ({ type: 'unknown', reason });

export const key = (prefix: readonly number[]): number => (prefix[0]! << 8) | prefix[1]!;

/** A command with `count` one-byte parameters after its two-byte prefix; `make` returns undefined for bad values. */
function fixed(count: number, make: (p: number[], ctx: ParseContext) => CommandFields | undefined): CommandReader {
  return (b, pos, end, ctx) => {
    const length = 2 + count;
    if (end - pos < length) return undefined;
    const fields = make(Array.from(b.subarray(pos + 2, pos + length)), ctx);
    return parsed(b, pos, length, fields ?? unknown('malformed'));
  };
}

/** n or its ASCII digit form ('0' = 30): protocols.md §2.1 allows both for ESC a, ESC -, GS H. */
const digit = (n: number, max: number): number | undefined => (n <= max ? n : n >= 0x30 && n <= 0x30 + max ? n - 0x30 : undefined);

const ALIGNS: readonly EscPosAlign[] = ['left', 'center', 'right'];
const HRI: readonly BarcodeHriPosition[] = ['none', 'above', 'below', 'both'];

const MODELLED: ReadonlyArray<readonly [number, CommandReader]> = [
  // Set-up and character modes (§2.1)
  [key(C.INIT), fixed(0, () => ({ type: 'initialize' }))],
  [key(C.ALIGN), fixed(1, ([n]) => { const i = digit(n!, 2); return i === undefined ? undefined : { type: 'align', align: ALIGNS[i]! }; })],
  [key(C.BOLD), fixed(1, ([n]) => ({ type: 'bold', on: (n! & 1) === 1 }))],
  [key(C.UNDERLINE), fixed(1, ([n]) => { const d = digit(n!, 2); return d === undefined ? undefined : { type: 'underline', dots: d as 0 | 1 | 2 }; })],
  [key(C.PRINT_MODE), fixed(1, ([n]) => ({
    type: 'printMode', n: n!, fontB: (n! & C.PRINT_MODE_FONT_B) !== 0, bold: (n! & C.PRINT_MODE_BOLD) !== 0,
    doubleHeight: (n! & C.PRINT_MODE_DOUBLE_HEIGHT) !== 0, doubleWidth: (n! & C.PRINT_MODE_DOUBLE_WIDTH) !== 0,
    underline: (n! & C.PRINT_MODE_UNDERLINE) !== 0,
  }))],
  [key(C.SIZE), fixed(1, ([n]) => ((n! & 0x88) !== 0 ? undefined : { type: 'size', width: (n! >> 4) + 1, height: (n! & 0x0f) + 1 }))],
  [key(C.REVERSE), fixed(1, ([n]) => ({ type: 'reverse', on: (n! & 1) === 1 }))],
  [key(C.LINE_SPACING_DEFAULT), fixed(0, () => ({ type: 'lineSpacing' }))],
  [key(C.LINE_SPACING), fixed(1, ([n]) => ({ type: 'lineSpacing', dots: n! }))],
  [key(C.CODE_PAGE), fixed(1, ([n]) => ({ type: 'codePage', n: n! }))],
  [key(C.INTL_CHARSET), fixed(1, ([n]) => ({ type: 'intlCharset', n: n! }))],
  [key(C.CHINESE_MODE_ON), fixed(0, () => ({ type: 'chineseMode', on: true }))],
  // Fonts, spacing, positions and print area [C]
  [key(C.FONT), fixed(1, ([n]) => { const f = digit(n!, 1); return f === undefined ? undefined : { type: 'font', font: f === 0 ? 'A' : 'B' }; })],
  [key(C.RIGHT_SPACING), fixed(1, ([n]) => ({ type: 'rightSpacing', dots: n! }))],
  [key(C.UPSIDE_DOWN), fixed(1, ([n]) => ({ type: 'upsideDown', on: (n! & 1) === 1 }))],
  [key(C.ABSOLUTE_POSITION), fixed(2, ([l, h]) => ({ type: 'absolutePosition', dots: l! | (h! << 8) }))],
  [key(C.RELATIVE_POSITION), fixed(2, ([l, h]) => { const v = l! | (h! << 8); return { type: 'relativePosition', dots: v >= 0x8000 ? v - 0x10000 : v }; })],
  [key(C.LEFT_MARGIN), fixed(2, ([l, h]) => ({ type: 'leftMargin', dots: l! | (h! << 8) }))],
  [key(C.PRINT_AREA_WIDTH), fixed(2, ([l, h]) => ({ type: 'printAreaWidth', dots: l! | (h! << 8) }))],
  [key(C.CHINESE_UNDERLINE), fixed(1, ([n]) => { const d = digit(n!, 2); return d === undefined ? undefined : { type: 'chineseUnderline', dots: d as 0 | 1 | 2 }; })],
  [key(C.CHINESE_SPACING), fixed(2, ([l, r]) => ({ type: 'chineseSpacing', left: l!, right: r! }))],
  [key(C.CHINESE_MODE_OFF), fixed(0, () => ({ type: 'chineseMode', on: false }))],
  // Feed and cut (§2.1); ESC i / ESC m mean different cuts on different models
  [key(C.FEED_LINES), fixed(1, ([n]) => ({ type: 'feedLines', lines: n! }))],
  [key(C.FEED_DOTS), fixed(1, ([n]) => ({ type: 'feedDots', dots: n! }))],
  [key(C.CUT_ESC_I), fixed(0, (_p, ctx) => ({ type: 'cut', partial: ctx.legacyCut.escI === 'partial' }))],
  [key(C.CUT_ESC_M), fixed(0, (_p, ctx) => ({ type: 'cut', partial: ctx.legacyCut.escM === 'partial' }))],
  // FS P s b c t: present and cut (presenters, §2.6); c other than E or R holds the ticket [C]
  [key(C.PRESENT), fixed(4, ([steps, blink, c, t]) => ({
    type: 'present', steps: steps!, blink: blink === 1, timeoutS: t!,
    onTimeout: c === C.PRESENT_RETRACT ? 'retract' : c === C.PRESENT_EJECT ? 'eject' : 'hold',
  }))],
  // Barcode settings (§2.1)
  [key(C.BARCODE_HEIGHT), fixed(1, ([n]) => ({ type: 'barcodeHeight', dots: n! }))],
  [key(C.BARCODE_WIDTH), fixed(1, ([n]) => ({ type: 'barcodeWidth', module: n! }))],
  [key(C.BARCODE_HRI_POSITION), fixed(1, ([n]) => { const i = digit(n!, 3); return i === undefined ? undefined : { type: 'barcodeHriPosition', position: HRI[i]! }; })],
  [key(C.BARCODE_HRI_FONT), fixed(1, ([n]) => ({ type: 'barcodeHriFont', n: n! }))],
  // Status (§2.4, §2.5, §2.1)
  [key(C.DLE_EOT), fixed(1, ([n]) => ({ type: 'realtimeStatus', n: n! }))],
  [key(C.DLE_ENQ), fixed(1, ([n]) => ({ type: 'realtimeRecovery', n: n! }))],
  [key(C.ASB_ENABLE), fixed(1, ([n]) => ({ type: 'asbEnable', mask: n! }))],
  [key(C.TRANSMIT_STATUS), fixed(1, ([n]) => ({ type: 'transmitStatus', n: n! }))],
  [key(C.PRINTER_ID), fixed(1, ([n]) => ({ type: 'printerId', n: n! }))],
];

/**
 * Parameter counts of common ESC/POS commands the kiosk never sends, from Epson-style command sets and the
 * Cashino manual (P5) [C]. They are reported as `unknown` ('unmodelled') with all their bytes.
 */
const UNMODELLED_FIXED: ReadonlyArray<readonly [number, number, number]> = [
  // ESC: user chars, peripheral, cancel user char, double strike, page-mode direction, unidirectional,
  // rotate, drawer pulse, colour, page mode, standard mode, page-mode print
  [C.ESC, 0x25, 1], [C.ESC, 0x3d, 1], [C.ESC, 0x3f, 1], [C.ESC, 0x47, 1],
  [C.ESC, 0x54, 1], [C.ESC, 0x55, 1], [C.ESC, 0x56, 1], [C.ESC, 0x70, 3],
  [C.ESC, 0x72, 1], [C.ESC, 0x4c, 0], [C.ESC, 0x53, 0], [C.ESC, 0x0c, 0],
  // GS: print downloaded bitmap, set absolute vertical position, motion units, relative vertical position,
  // smoothing, start/end macro
  [C.GS, 0x2f, 1], [C.GS, 0x24, 2], [C.GS, 0x50, 2], [C.GS, 0x5c, 2],
  [C.GS, 0x62, 1], [C.GS, 0x3a, 0],
  // FS: Chinese print mode, quadruple, select code system, NV logo, double width on/off
  [C.FS, 0x21, 1], [C.FS, 0x57, 1], [C.FS, 0x43, 1], [C.FS, 0x70, 2],
  [C.FS, 0x0e, 0], [C.FS, 0x14, 0],
  // FS 2 c1 c2 d1..d72: define a user Chinese character (24×24)
  [C.FS, 0x32, 74],
];

export const FIXED_READERS: ReadonlyMap<number, CommandReader> = new Map<number, CommandReader>([
  ...MODELLED,
  ...UNMODELLED_FIXED.map(([intro, second, count]) => [(intro << 8) | second, fixed(count, () => unknown('unmodelled'))] as const),
]);
