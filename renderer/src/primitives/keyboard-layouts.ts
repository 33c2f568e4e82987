/**
 * The keys of the on-screen keyboard (OnScreenKeyboard.tsx) and the pure rules behind them: which value a key
 * may make, and how a candidate's label splits into matched and unmatched parts.
 */

export type KeyboardMode = 'letters' | 'digits';

/** QWERTY, lower case: pinyin and initials (zhengming, zm). */
export const LETTER_ROWS: readonly (readonly string[])[] = [
  ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
  ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
  ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
];

export const DIGIT_ROW: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export const SPACE = ' ';

/** Letters and pinyin: a guide search never needs more (MAX_GUIDE_QUERY_LENGTH is 64). */
export const DEFAULT_MAX_LENGTH: Readonly<Record<KeyboardMode, number>> = { letters: 32, digits: 20 };

export const DEFAULT_CANDIDATES_PER_PAGE = 4;

/** What the keys of a mode can produce: digits mode takes letters (upper case) only when they are offered. */
export function modePattern(mode: KeyboardMode, allowLetters: boolean): RegExp {
  if (mode === 'letters') return /^[a-z0-9 ]*$/;
  return allowLetters ? /^[0-9A-Z]*$/ : /^[0-9]*$/;
}

export interface TypingRules {
  mode: KeyboardMode;
  maxLength: number;
  allowLetters: boolean;
  /** The caller's own rule, matched against the whole value a key would make (e.g. /^1\d{0,10}$/). */
  pattern?: RegExp;
}

/**
 * Whether a key may append `key` to `value`. The mode's own rule applies to the typed characters only, so a
 * value the caller replaced with Chinese text (a picked candidate) can still be typed after or cleared.
 */
export function mayType(value: string, key: string, rules: TypingRules): boolean {
  if (value.length + key.length > rules.maxLength) return false;
  if (!modePattern(rules.mode, rules.allowLetters).test(key)) return false;
  return rules.pattern === undefined || matchesWhole(rules.pattern, value + key);
}

function matchesWhole(pattern: RegExp, text: string): boolean {
  // A fresh RegExp, so a caller's /g or /y flag (lastIndex) cannot make the answer depend on the last call.
  return new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')).test(text);
}

export interface LabelSegment {
  text: string;
  matched: boolean;
}

/**
 * `label` cut into plain and matched parts by [start, end) ranges of UTF-16 code units (common/guides-api.ts
 * MatchRange). Ranges may come unsorted, overlapping or out of bounds; they are clamped and merged.
 */
export function labelSegments(label: string, highlight: readonly (readonly [number, number])[] = []): LabelSegment[] {
  const ranges = highlight
    .map(([start, end]) => [Math.max(0, Math.min(start, label.length)), Math.max(0, Math.min(end, label.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const segments: LabelSegment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    if (from > at) segments.push({ text: label.slice(at, from), matched: false });
    const last = segments[segments.length - 1];
    if (last?.matched && from === at) last.text += label.slice(from, end);
    else segments.push({ text: label.slice(from, end), matched: true });
    at = end;
  }
  if (at < label.length) segments.push({ text: label.slice(at), matched: false });
  return segments;
}

/** The candidates of one page, and how many pages there are (at least 1). */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): { items: T[]; page: number; pages: number } {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(current * size, current * size + size), page: current, pages };
}
