/**
 * Tolerance for one slip (issue 16 §3), tried when the exact readings found fewer hits than asked for.
 * Characters: a term of three or more Han characters one edit from a run of a field (missing, extra, swapped
 * or wrong character); candidates are the entries that hold all but one of its characters, counted over the
 * character lists. Pinyin: the spellings one edit from a letter term of four or more that read as whole
 * syllables (the last may be unfinished), each then searched as typed.
 */
import type { SearchIndex } from './index-build';
import { isHanCode, type Lexicon } from './lexicon';
import { MAX_CANDIDATES } from './retrieve';

/** Letter terms shorter than this are too short to second-guess. */
export const MIN_PINYIN_TYPO_TERM = 4;
export const MIN_HAN_TYPO_TERM = 3;
/** Longer terms are not second-guessed: a slip in so much typing is not what a term that long means. */
export const MAX_TYPO_TERM = 16;
const MAX_VARIANTS = 12;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export const isHanTerm = (t: string): boolean => [...t].every((ch) => isHanCode(ch.charCodeAt(0)));
export const isLetterTerm = (t: string): boolean => /^[a-z]+$/.test(t);

let counts = new Uint8Array(0);

/** Entries holding at least all but one of the term's distinct characters, in static order, capped. */
export function hanTypoCandidates(term: string, index: SearchIndex): Int32Array {
  const n = index.docs.length;
  if (counts.length < n) counts = new Uint8Array(n);
  const chars = [...new Set(term)];
  const touched: number[] = [];
  for (const ch of chars) {
    const id = index.lex.charId(ch.charCodeAt(0));
    if (id === 0) continue;
    const list = index.keys.unigram.get(id);
    for (let i = 0; i < list.length; i++) {
      const e = list[i] as number;
      if (counts[e] === 0) touched.push(e);
      counts[e]!++;
    }
  }
  const need = Math.max(2, chars.length - 1);
  const out: number[] = [];
  for (const e of touched) {
    if ((counts[e] as number) >= need) out.push(e);
    counts[e] = 0;
  }
  out.sort((a, b) => a - b);
  return Int32Array.from(out.slice(0, MAX_CANDIDATES));
}

/**
 * The fewest syllables of the index the whole term reads as (the last may be only begun, two letters or more),
 * or Infinity: a spelling that needs fewer, longer syllables is the likelier one.
 */
function syllableCount(term: string, lex: Lexicon): number {
  const best = new Array<number>(term.length + 1).fill(Infinity);
  best[term.length] = 0;
  for (let from = term.length - 1; from >= 0; from--) {
    const rest = term.slice(from);
    if (rest.length >= 2 && lex.isSyllablePrefix(rest)) best[from] = 1;
    for (let len = 1; len <= Math.min(6, term.length - from); len++) {
      if (lex.syllableId(term.substr(from, len)) !== 0) best[from] = Math.min(best[from] as number, 1 + (best[from + len] as number));
    }
  }
  return best[0] as number;
}

/**
 * Spellings one edit from `term` (two letters swapped, one missing, wrong or extra) that read as syllables,
 * likeliest first: fewest syllables, then the edit nearer the end (where typing goes wrong unnoticed).
 */
export function pinyinVariants(term: string, lex: Lexicon): string[] {
  const found = new Map<string, [number, number]>();
  const consider = (v: string, at: number): void => {
    if (v === term || v.length < 2 || found.has(v)) return;
    const count = syllableCount(v, lex);
    if (count !== Infinity) found.set(v, [count, at]);
  };
  for (let i = 0; i + 1 < term.length; i++) consider(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2), i);
  for (let i = 0; i < term.length; i++) consider(term.slice(0, i) + term.slice(i + 1), i);
  for (let i = 0; i < term.length; i++) for (const c of LETTERS) consider(term.slice(0, i) + c + term.slice(i + 1), i);
  for (let i = 0; i <= term.length; i++) for (const c of LETTERS) consider(term.slice(0, i) + c + term.slice(i), i);
  return [...found]
    .sort(([a, [ca, ia]], [b, [cb, ib]]) => ca - cb || ib - ia || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_VARIANTS)
    .map(([v]) => v);
}
