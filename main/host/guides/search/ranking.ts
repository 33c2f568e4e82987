/**
 * The ranking's weights in one place (issue 16 §3), and the bound that lets a search skip entries that cannot
 * make the answer. Principled first ranking, no invented popularity: an entry's score is its best field's
 *     field weight × match quality (field-match.ts: the gain of each unit's reading — character 1, syllable
 *     0.95, syllable begun 0.85, initial 0.7, a polyphone's other reading less — × how much of the field the
 *     query covers × 0.85 unless it starts the field), + EVIDENCE_BONUS for each further field matching, ×
 *     KIND_FACTOR (policies a little below the items and bundles they concern)
 * × EXPANSION_FACTOR through a synonym expansion (abbreviations.ts), × TYPO_FACTOR through a typo (typos.ts),
 * × ALL_TERMS_FACTOR for a query of several words (their mean, all required). Ties: static order
 * (index-build.ts: shorter names first, bundle, item, policy, then id).
 *
 * Tuning record (bench/guides/eval-queries.json, committed in c5af24d before any tuning; MRR and top-3 of each
 * query's first expected answer, eval-metrics.ts; only the tuning set's misses were looked at):
 *   before tuning (the first ranking above):   tuning set (57) MRR 0.974, top-3 1.000; held-out (20) MRR 0.925, top-3 1.000
 *   after tuning (KIND_FACTOR, EVIDENCE_BONUS): tuning set (57) MRR 0.991, top-3 1.000; held-out (20) MRR 0.975, top-3 1.000
 * The tuning set's misses were 生育津贴 (a policy titled so above the item whose short name it is: KIND_FACTOR),
 * 退休金 (the bundle and the item tied on one synonym; the item has more: EVIDENCE_BONUS) and business licence
 * (Food business licence before Company registration (business licence); left as it is).
 */
import type { GuideHitKind } from '../../../../common/guides-api';
import { COVERAGE_SHARE, GAIN, initialMayEnd, MIDDLE_FACTOR } from './field-match';
import { FIELD_KINDS, letterBit, type FieldKind, type SearchIndex } from './index-build';
import { isHanCode } from './lexicon';

export const FIELD_WEIGHT: Record<FieldKind, number> = { name: 1, shortName: 0.95, synonym: 0.9, keyword: 0.75 };
export const ENGLISH_WEIGHT = 0.85;
export const DEPARTMENT_WEIGHT = 0.5;
export const EXPANSION_FACTOR = 0.9;
export const TYPO_FACTOR = 0.7;
export const ALL_TERMS_FACTOR = 0.95;
/** A policy explains; an item or a bundle is what one comes to do: matched as well, those come first. */
export const KIND_FACTOR: Record<GuideHitKind, number> = { bundle: 1, item: 1, policy: 0.9 };
/** More of an entry's fields matching is more evidence: this much per further field, up to MAX_EVIDENCE. */
export const EVIDENCE_BONUS = 0.02;
export const MAX_EVIDENCE = 2;
/** A department name must be matched this well for its items to count (医保, not just 医). */
export const DEPARTMENT_MIN_QUALITY = 0.6;

const KIND_WEIGHT = FIELD_KINDS.map((k) => FIELD_WEIGHT[k]);

/** Longest field the bound table covers; longer fields are bounded as this long (a looser bound). */
const MAX_BOUND_LEN = 96;

/**
 * The most an entry can score for a term (before the pass's factor). A reading of the term into u units with
 * gain sum S scores S / u × (1 − c + c × u / n) in a field of n units (c = COVERAGE_SHARE); per term, the best
 * S for each u (over every way to read it: characters 1, syllables GAIN.syllable, initials GAIN.initial, …)
 * gives a bound for each field length, × the start factor (1 only when the term's first character can take
 * the field's first unit: itself, or a reading's first letter). Fields with letters of their own take any
 * letter at gain 1. Exact for the ranking: an entry is skipped only when it cannot beat the k-th score.
 */
export class ScoreBound {
  private first = 0;
  private firstHan = false;
  private typo = false;
  private letters = 0;
  private needLetters = 0;
  private needChars = 0;
  private readonly byLen = new Float64Array(MAX_BOUND_LEN + 1);

  constructor(private readonly ix: SearchIndex) {}

  prepare(term: string, typo: boolean): this {
    this.first = term.charCodeAt(0);
    this.firstHan = isHanCode(this.first);
    this.typo = typo;
    this.letters = term.length;
    // A field must hold the term's Han characters and, for a term that begins with a letter, that letter.
    this.needLetters = typo || this.firstHan ? 0 : letterBit(this.first);
    this.needChars = 0;
    if (!typo) for (let i = 0; i < term.length; i++) if (isHanCode(term.charCodeAt(i))) this.needChars |= 1 << (term.charCodeAt(i) & 31);
    this.needChars >>>= 0;
    const best = typo ? typoSums(term.length) : gainSums(term, this.ix);
    for (let n = 1; n <= MAX_BOUND_LEN; n++) {
      let b = 0;
      for (let u = 1; u < best.length && u <= n; u++) {
        const sum = best[u] as number;
        if (sum > 0) b = Math.max(b, (sum / u) * (1 - COVERAGE_SHARE + (COVERAGE_SHARE * u) / n));
      }
      this.byLen[n] = b;
    }
    return this;
  }

  /** The bound of entry `e`: its best field's, and every further field that may match too. */
  of(e: number): number {
    const from = this.ix.entryFields[e] as number;
    const end = this.ix.entryFields[e + 1] as number;
    let best = 0;
    let fields = 0;
    for (let f = from; f < end; f++) {
      const b = this.field(f);
      if (b === 0) continue;
      fields++;
      if (b > best) best = b;
    }
    return fields === 0 ? 0 : best + EVIDENCE_BONUS * Math.min(MAX_EVIDENCE, fields - 1);
  }

  /** The bound of field `f` alone (field weight × quality); 0 when it lacks a character or letter the term needs. */
  field(f: number): number {
    const ix = this.ix;
    if (((ix.fieldLetterMask[f] as number) & this.needLetters) !== this.needLetters || (((ix.fieldCharMask[f] as number) & this.needChars) >>> 0) !== this.needChars) return 0;
    const len = Math.min(ix.fieldLen[f] as number, MAX_BOUND_LEN);
    const quality = ix.fieldAscii[f] === 1 ? Math.max(this.byLen[len] as number, 1 - COVERAGE_SHARE + COVERAGE_SHARE * Math.min(1, this.letters / len)) : (this.byLen[len] as number);
    const start = this.typo || this.canStart(f) ? 1 : MIDDLE_FACTOR;
    return (KIND_WEIGHT[ix.fieldKind[f] as number] as number) * start * quality;
  }

  private canStart(f: number): boolean {
    const ix = this.ix;
    const u = ix.fieldFirst[f] as number;
    if (this.first === u) return true;
    if (this.firstHan || !isHanCode(u)) return false;
    const letters = ix.fieldFirstLetters[f] as number;
    return (letters & 0xff) === this.first || letters >> 8 === this.first;
  }
}

/** The best `k` distinct entries' scores so far: a new one must beat the k-th to matter. */
export class TopScores {
  private readonly entries: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Below this a score cannot enter the answer. */
  get threshold(): number {
    return this.entries.length < this.k ? -Infinity : (this.scores[this.scores.length - 1] as number);
  }

  /** True when entry `e` cannot enter the answer with a score of at most `bound` (ties go to earlier entries). */
  excludes(e: number, bound: number): boolean {
    const t = this.threshold;
    return bound < t - 1e-9 || (bound <= t + 1e-9 && e > (this.entries[this.entries.length - 1] as number));
  }

  offer(entry: number, score: number): void {
    const at = this.entries.indexOf(entry);
    if (at >= 0) {
      if (score <= (this.scores[at] as number)) return;
      this.entries.splice(at, 1);
      this.scores.splice(at, 1);
    } else if (this.entries.length >= this.k && score <= this.threshold) return;
    let i = this.scores.length;
    while (i > 0 && ((this.scores[i - 1] as number) < score || (this.scores[i - 1] === score && (this.entries[i - 1] as number) > entry))) i--;
    this.entries.splice(i, 0, entry);
    this.scores.splice(i, 0, score);
    if (this.entries.length > this.k) {
      this.entries.pop();
      this.scores.pop();
    }
  }
}

/** A typo match of a term of m characters spans m − 1 to m + 1 units at gain 1. */
function typoSums(m: number): Float64Array {
  const best = new Float64Array(m + 2);
  for (let u = Math.max(1, m - 1); u <= m + 1; u++) best[u] = u;
  return best;
}

/** best[u]: the highest gain sum of any reading of the whole term as u units (0 when none). */
function gainSums(term: string, ix: SearchIndex): Float64Array {
  const m = term.length;
  const w = m + 1;
  const dp = new Float64Array(w * w).fill(-1);
  dp[0] = 0;
  const { lex } = ix;
  const take = (i: number, u: number, to: number, gain: number): void => {
    const v = (dp[i * w + u] as number) + gain;
    if (v > (dp[to * w + u + 1] as number)) dp[to * w + u + 1] = v;
  };
  for (let i = 0; i < m; i++) {
    const c = term.charCodeAt(i);
    const letter = c >= 0x61 && c <= 0x7a;
    const rest = term.slice(i);
    for (let u = 0; u <= i; u++) {
      if ((dp[i * w + u] as number) < 0) continue;
      if (!letter) {
        take(i, u, i + 1, GAIN.char);
        continue;
      }
      if (lex.syllableId(term[i] as string) !== 0) take(i, u, i + 1, GAIN.syllable);
      else if (initialMayEnd(term, i + 1)) take(i, u, i + 1, GAIN.initial);
      if (i + 1 < m && term.charCodeAt(i + 1) === 0x68 && (c === 0x7a || c === 0x63 || c === 0x73) && initialMayEnd(term, i + 2)) take(i, u, i + 2, GAIN.twoLetterInitial);
      for (let len = 2; len <= 6 && i + len <= m; len++) if (lex.syllableId(term.substr(i, len)) !== 0) take(i, u, i + len, GAIN.syllable);
      if (rest.length >= 2 && lex.isSyllablePrefix(rest)) take(i, u, m, GAIN.partial);
    }
  }
  const best = new Float64Array(w);
  for (let u = 1; u <= m; u++) best[u] = Math.max(0, dp[m * w + u] as number);
  return best;
}
