/**
 * Which entries may match a query term (issue 16 §3), from the inverted lists alone, never by scanning the
 * entries. A term is read as a sequence of units in every way its letters allow (a Han character; a full
 * syllable; an initial, one letter or zh/ch/sh; the beginning of a syllable at the end), depth first, and each
 * adjacent pair of units narrows the candidates by the matching list (character bigram, syllable pair, letter
 * pair) — an empty set ends that reading. A one-unit term looks only at field starts (its character anywhere,
 * when it is a Han character). Large answers are capped: field starts first, then the rest, in static order.
 */
import type { SearchIndex } from './index-build';
import { pairKey } from './index-build';
import { initialMayEnd } from './field-match';
import { isHanCode } from './lexicon';
import { intersect, union } from './postings';

/** Most candidates verified for one term (each is matched field by field). */
export const MAX_CANDIDATES = 1000;
/** Most reading steps tried for one term (long letter runs have very many readings). */
const MAX_STEPS = 300;

type Unit =
  | { kind: 'han'; char: number }
  | { kind: 'syllable'; id: number; letter: number }
  /** The term's end, two letters or more: the start of one of `ids` (ka → ka, kai, kan, kang, kao). */
  | { kind: 'prefix'; ids: readonly number[]; letter: number }
  | { kind: 'letter'; letter: number };

const TWO_LETTER_INITIALS = new Set(['zh', 'ch', 'sh']);

/**
 * Ways the term can go on at `qi`: the unit and where the term continues after it. `syllablesOnly` leaves out
 * initials (for a typo's spellings, which must read as syllables).
 */
function unitsAt(term: string, qi: number, index: SearchIndex, syllablesOnly: boolean): Array<[Unit, number]> {
  const { lex } = index;
  const code = term.charCodeAt(qi);
  if (isHanCode(code)) return [[{ kind: 'han', char: lex.charId(code) }, qi + 1]];
  const out: Array<[Unit, number]> = [];
  const rest = term.length - qi;
  if (rest >= 2 && lex.isSyllablePrefix(term.slice(qi))) out.push([{ kind: 'prefix', ids: lex.syllablesWithPrefix(term.slice(qi)), letter: code }, term.length]);
  for (let len = Math.min(6, rest - 1); len >= 1; len--) {
    const id = lex.syllableId(term.substr(qi, len));
    if (id !== 0) out.push([{ kind: 'syllable', id, letter: code }, qi + len]);
  }
  if (syllablesOnly) return out;
  if (rest > 2 && TWO_LETTER_INITIALS.has(term.substr(qi, 2)) && initialMayEnd(term, qi + 2)) out.push([{ kind: 'letter', letter: code }, qi + 2]);
  // A letter alone: an initial (field-match.ts initialMayEnd), or the syllable's start at the term's end.
  if (initialMayEnd(term, qi + 1)) out.push([{ kind: 'letter', letter: code }, qi + 1]);
  return out;
}

/** The list narrowing a pair of adjacent units, with an id of its key (unique across kinds), or null. */
function pairList(a: Unit, b: Unit, index: SearchIndex): [Int32Array, number] | null {
  const k = index.keys;
  if (a.kind === 'han' && b.kind === 'han') return [k.bigram.get(pairKey(a.char, b.char)), pairKey(a.char, b.char)];
  if (a.kind === 'han' || b.kind === 'han') return null;
  if (a.kind === 'syllable') {
    if (b.kind === 'syllable') return [k.syllablePair.get(pairKey(a.id, b.id)), KIND_SPAN + pairKey(a.id, b.id)];
    if (b.kind === 'prefix' && b.ids.length <= 8) return [union(b.ids.map((id) => k.syllablePair.get(pairKey(a.id, id)))), -1];
    return [k.syllableLetter.get(pairKey(a.id, b.letter)), 2 * KIND_SPAN + pairKey(a.id, b.letter)];
  }
  return [k.letterPair.get(pairKey(a.letter, b.letter)), 3 * KIND_SPAN + pairKey(a.letter, b.letter)];
}

/** Pair keys are below 2^30; one span per list kind keeps their ids apart. */
const KIND_SPAN = 2 ** 30;

/** Entries for a term of one unit: its character anywhere; syllables and letters at a field's start. */
function firstList(u: Unit, index: SearchIndex): Int32Array {
  const k = index.keys;
  if (u.kind === 'han') return k.unigram.get(u.char);
  if (u.kind === 'prefix') return union(u.ids.map((id) => k.firstSyllable.get(id)));
  if (u.kind === 'syllable') return k.firstSyllable.get(u.id);
  return k.firstLetter.get(u.letter);
}

export interface Candidates {
  /** Sorted entry ids, at most MAX_CANDIDATES. */
  ids: Int32Array;
  /** More matched the lists than were kept. */
  capped: boolean;
}

export function retrieve(term: string, index: SearchIndex, max = MAX_CANDIDATES, syllablesOnly = false): Candidates {
  if (term.length === 0) return { ids: new Int32Array(0), capped: false };
  const found: Int32Array[] = [];
  let steps = 0;
  // The keys applied along the current reading: a key met again narrows nothing (zzzz… is one letter pair).
  const applied: number[] = [];
  const walk = (qi: number, prev: Unit | null, first: Unit | null, set: Int32Array | null): void => {
    if (qi === term.length) {
      if (set !== null) found.push(set);
      else if (first !== null) found.push(firstList(first, index));
      return;
    }
    for (const [unit, next] of unitsAt(term, qi, index, syllablesOnly)) {
      if (++steps > MAX_STEPS) return;
      if (unit.kind === 'han' && unit.char === 0) return;
      let narrowed = set;
      let id = -1;
      if (prev !== null) {
        const pair = pairList(prev, unit, index);
        if (pair !== null && (pair[1] < 0 || !applied.includes(pair[1]))) {
          narrowed = set === null ? pair[0] : intersect(set, pair[0]);
          id = pair[1];
        }
        if (narrowed !== null && narrowed.length === 0) continue;
      }
      applied.push(id);
      walk(next, unit, first ?? unit, narrowed);
      applied.pop();
    }
  };
  walk(0, null, null, null);
  const all = union(found);
  if (all.length <= max) return { ids: all, capped: false };
  const head = unitsAt(term, 0, index, false).at(-1)?.[0];
  const starts = head ? intersect(all, head.kind === 'han' ? index.keys.firstChar.get(head.char) : index.keys.firstLetter.get(head.letter)).subarray(0, max) : new Int32Array(0);
  if (starts.length >= max) return { ids: starts, capped: true };
  return { ids: union([starts, all.subarray(0, max)]).subarray(0, max), capped: true };
}
