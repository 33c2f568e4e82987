/**
 * English names searched by word (issue 16 §3): every query term must begin a word of the name ("soc sec" →
 * Social security card). A term stands for the range of the sorted vocabulary its words fill, so checking an
 * entry is comparing word ids. Quality follows field-match.ts: mean gain (a whole word 1, the start of one
 * 0.85) × how much of the name the terms cover × whether the first term begins the name.
 */
import { COVERAGE_SHARE, MIDDLE_FACTOR } from './field-match';
import type { SearchIndex } from './index-build';
import { union } from './postings';
import { MAX_CANDIDATES } from './retrieve';

const WORD_GAIN = 1;
const WORD_PREFIX_GAIN = 0.85;
/** A term shorter than this begins too many words to mean anything. */
const MIN_TERM = 2;

/** The words [from, to) of the sorted vocabulary that begin with `prefix`; `exact` when words[from] is it. */
export interface WordRange {
  from: number;
  to: number;
  exact: boolean;
}

function lowerBound(words: readonly string[], key: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((words[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Each term's word range, or null when a term cannot be English (too short, not letters, no such word). */
export function wordRanges(terms: readonly string[], index: SearchIndex): WordRange[] | null {
  const ranges: WordRange[] = [];
  for (const t of terms) {
    if (t.length < MIN_TERM || !/^[a-z0-9]+$/.test(t)) return null;
    const from = lowerBound(index.words, t);
    // Every word beginning with t sorts before t followed by the highest letter a term can hold.
    const to = lowerBound(index.words, `${t}\u007f`);
    if (to === from) return null;
    ranges.push({ from, to, exact: index.words[from] === t });
  }
  return ranges;
}

/** Entries with a word in the rarest term's range (the others are checked per entry), in static order, capped. */
export function englishCandidates(ranges: readonly WordRange[], index: SearchIndex): Int32Array {
  let rarest: Int32Array | null = null;
  for (const r of ranges) {
    const lists: Int32Array[] = [];
    for (let w = r.from; w < r.to; w++) lists.push(index.wordEntries.get(w));
    const entries = union(lists);
    if (rarest === null || entries.length < rarest.length) rarest = entries;
  }
  return (rarest ?? new Int32Array(0)).subarray(0, MAX_CANDIDATES);
}

export function englishQuality(ranges: readonly WordRange[], e: number, index: SearchIndex): number {
  const from = index.entryWordAt[e] as number;
  const to = index.entryWordAt[e + 1] as number;
  if (to === from) return 0;
  let gain = 0;
  for (const r of ranges) {
    let best = 0;
    for (let i = from; i < to && best < WORD_GAIN; i++) {
      const w = index.entryWords[i] as number;
      if (w >= r.from && w < r.to) best = r.exact && w === r.from ? WORD_GAIN : Math.max(best, WORD_PREFIX_GAIN);
    }
    if (best === 0) return 0;
    gain += best;
  }
  const first = index.entryWords[from] as number;
  const firstBegins = first >= (ranges[0] as WordRange).from && first < (ranges[0] as WordRange).to;
  return (gain / ranges.length) * (1 - COVERAGE_SHARE + COVERAGE_SHARE * Math.min(1, ranges.length / (to - from))) * (firstBegins ? 1 : MIDDLE_FACTOR);
}
