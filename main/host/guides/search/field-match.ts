/**
 * How well a query term matches one field (issue 16 §3). A term is a run of units (lexicon.ts): Han characters,
 * letters and digits, mixed as typed (gjj提取, 社保ka). It matches a contiguous run of the field's units, each
 * unit taken by one of: its own character (Han or letter), a full syllable of its reading (shebao), the
 * syllable's initial (sbk; zh, ch and sh as one or two letters), or, at the end of the term, the beginning of a
 * syllable (shebaok → 社保卡, as a kiosk user is still typing). Every unit taken earns a gain for how sure that
 * reading is (an initial alone may not stand before a vowel: initialMayEnd); the match's quality is
 *
 *     mean gain × (0.55 + 0.45 × units matched / field units) × (0.85 unless it starts the field)
 *
 * so a whole-field match beats a part of a longer one (shorter names first) and a prefix beats the middle
 * (closer first). `typoMatch` finds a term one edit away (a character missing, extra, swapped or wrong).
 */
import { isHanCode, type Lexicon } from './lexicon';

/** Gains per unit taken; an alternate reading (多音字, the one context did not choose) earns less. */
export const GAIN = { char: 1, syllable: 0.95, altSyllable: 0.8, partial: 0.85, altPartial: 0.7, initial: 0.7, altInitial: 0.6, twoLetterInitial: 0.75 } as const;
export const COVERAGE_SHARE = 0.45;
export const MIDDLE_FACTOR = 0.85;

export interface UnitMatch {
  /** Units [start, end) of the field. */
  start: number;
  end: number;
  quality: number;
}

export function matchQuality(meanGain: number, start: number, end: number, fieldUnits: number): number {
  return meanGain * (1 - COVERAGE_SHARE + (COVERAGE_SHARE * (end - start)) / fieldUnits) * (start === 0 ? 1 : MIDDLE_FACTOR);
}

let cur = new Float64Array(66);
let nxt = new Float64Array(66);

function startsAt(term: string, qi: number, r: string): boolean {
  if (qi + r.length > term.length) return false;
  for (let k = 0; k < r.length; k++) if (term.charCodeAt(qi + k) !== r.charCodeAt(k)) return false;
  return true;
}

/** True when the rest of the term from `qi` (two letters or more) begins `r` without being all of it. */
function restBegins(term: string, qi: number, r: string): boolean {
  const rest = term.length - qi;
  if (rest < 2 || rest >= r.length) return false;
  for (let k = 0; k < rest; k++) if (term.charCodeAt(qi + k) !== r.charCodeAt(k)) return false;
  return true;
}

/** The best match of `term` in the field whose units are `units` and readings start at `readings[at]`. */
export function matchUnits(term: string, units: string, readings: Uint16Array, at: number, lex: Lexicon): UnitMatch | null {
  const m = term.length;
  const n = units.length;
  if (m === 0 || n === 0) return null;
  if (cur.length < m + 1) {
    cur = new Float64Array(m + 1);
    nxt = new Float64Array(m + 1);
  }
  const q0 = term.charCodeAt(0);
  const q0Han = isHanCode(q0);
  let bestQuality = -1;
  let bestStart = 0;
  let bestEnd = 0;
  for (let s = 0; s < n; s++) {
    const code = units.charCodeAt(s);
    if (q0Han || !isHanCode(code) ? code !== q0 : !letterStarts(readings, at + 2 * s, lex, q0)) continue;
    let a = cur;
    let b = nxt;
    a.fill(-1, 0, m + 1);
    a[0] = 0;
    let lo = 0;
    for (let u = s; u < n; u++) {
      b.fill(-1, 0, m + 1);
      step(term, units.charCodeAt(u), readings, at + 2 * u, lex, a, b, lo);
      const done = b[m] as number;
      if (done >= 0) {
        const quality = matchQuality(done / (u + 1 - s), s, u + 1, n);
        if (quality > bestQuality + 1e-12) [bestQuality, bestStart, bestEnd] = [quality, s, u + 1];
      }
      lo = m;
      for (let qi = 1; qi < m; qi++) {
        if ((b[qi] as number) >= 0) {
          lo = qi;
          break;
        }
      }
      if (lo === m) break;
      const swap = a;
      a = b;
      b = swap;
    }
  }
  return bestQuality < 0 ? null : { start: bestStart, end: bestEnd, quality: bestQuality };
}

function letterStarts(readings: Uint16Array, at: number, lex: Lexicon, letter: number): boolean {
  const p = readings[at] as number;
  const a = readings[at + 1] as number;
  return (p !== 0 && lex.letter(p) === letter) || (a !== 0 && lex.letter(a) === letter);
}

const VOWELS = new Set([0x61, 0x65, 0x69, 0x6f, 0x75, 0x76]);

/**
 * Whether a unit taken by its initial alone may end where the term goes on at `next`: at the term's end, or
 * before a consonant or a character. Before a vowel it may not (s-hen, not sh-en: one types the syllable whole),
 * which keeps initials to what they are for, runs like sbk and gjj.
 */
export function initialMayEnd(term: string, next: number): boolean {
  return next >= term.length || !VOWELS.has(term.charCodeAt(next));
}

function put(to: Float64Array, qi: number, gain: number): void {
  if (gain > (to[qi] as number)) to[qi] = gain;
}

/** Every way the unit (code, readings at `at`) takes the term on from each live position of `from` into `to`. */
function step(term: string, code: number, readings: Uint16Array, at: number, lex: Lexicon, from: Float64Array, to: Float64Array, lo: number): void {
  const m = term.length;
  const han = isHanCode(code);
  for (let qi = lo; qi < m; qi++) {
    const g = from[qi] as number;
    if (g < 0) continue;
    const qc = term.charCodeAt(qi);
    if (qc === code) {
      put(to, qi + 1, g + GAIN.char);
      continue;
    }
    if (!han || isHanCode(qc)) continue;
    for (let k = 0; k < 2; k++) {
      const sid = readings[at + k] as number;
      if (sid === 0 || lex.letter(sid) !== qc) continue;
      const r = lex.syllable(sid);
      const alt = k === 1;
      if (startsAt(term, qi, r)) put(to, qi + r.length, g + (alt ? GAIN.altSyllable : GAIN.syllable));
      if (initialMayEnd(term, qi + 1)) put(to, qi + 1, g + (alt ? GAIN.altInitial : GAIN.initial));
      if (r.length > 2 && r.charCodeAt(1) === 0x68 && term.charCodeAt(qi + 1) === 0x68 && (qc === 0x7a || qc === 0x63 || qc === 0x73) && initialMayEnd(term, qi + 2)) put(to, qi + 2, g + (alt ? GAIN.altInitial : GAIN.twoLetterInitial));
      if (restBegins(term, qi, r)) put(to, m, g + (alt ? GAIN.altPartial : GAIN.partial));
    }
  }
}

let dist = new Int32Array(0);
let from = new Int32Array(0);

/**
 * The best run of units one edit away from `term` (optimal string alignment: a unit missing, extra, wrong, or
 * two adjacent ones swapped), by matchQuality with full gains; null when none is within one edit. Exact matches
 * are matchUnits' business and are not reported here.
 */
export function typoMatch(term: string, units: string): UnitMatch | null {
  const m = term.length;
  const n = units.length;
  const w = n + 1;
  if (dist.length < (m + 1) * w) {
    dist = new Int32Array((m + 1) * w * 2);
    from = new Int32Array((m + 1) * w * 2);
  }
  for (let j = 0; j <= n; j++) {
    dist[j] = 0;
    from[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    dist[i * w] = i;
    from[i * w] = 0;
    const qc = term.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const uc = units.charCodeAt(j - 1);
      let d = (dist[(i - 1) * w + j - 1] as number) + (qc === uc ? 0 : 1);
      let f = from[(i - 1) * w + j - 1] as number;
      const del = (dist[(i - 1) * w + j] as number) + 1;
      if (del < d) [d, f] = [del, from[(i - 1) * w + j] as number];
      const ins = (dist[i * w + j - 1] as number) + 1;
      if (ins < d) [d, f] = [ins, from[i * w + j - 1] as number];
      if (i > 1 && j > 1 && qc === units.charCodeAt(j - 2) && term.charCodeAt(i - 2) === uc) {
        const tr = (dist[(i - 2) * w + j - 2] as number) + 1;
        if (tr < d) [d, f] = [tr, from[(i - 2) * w + j - 2] as number];
      }
      dist[i * w + j] = d;
      from[i * w + j] = f;
    }
  }
  let best: UnitMatch | null = null;
  for (let j = 1; j <= n; j++) {
    if (dist[m * w + j] !== 1) continue;
    const start = from[m * w + j] as number;
    if (j - start < 2) continue;
    const quality = matchQuality(GAIN.char, start, j, n);
    if (best === null || quality > best.quality + 1e-12) best = { start, end: j, quality };
  }
  return best;
}
