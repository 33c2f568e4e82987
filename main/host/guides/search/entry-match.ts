/**
 * One entry against one query term (issue 16 §3): its best field (field weight × match quality), plus a little
 * for each further field that matches too (EVIDENCE_BONUS), × its kind's factor. Fields that cannot beat the
 * best so far (ScoreBound) are not matched for the score, and an entry that cannot reach the answer's k-th
 * score stops there; only an entry still in the running has its further fields counted. The highlight is
 * worked out afterwards, for the hits shown only (nameRanges).
 */
import { matchUnits, typoMatch, type UnitMatch } from './field-match';
import { FIELD_KINDS, type FieldKind, type SearchIndex } from './index-build';
import { unitsOf } from './lexicon';
import { EVIDENCE_BONUS, FIELD_WEIGHT, KIND_FACTOR, MAX_EVIDENCE, type ScoreBound } from './ranking';

export interface EntryMatch {
  score: number;
  /** The field that scored best. */
  field: number;
}

const match = (ix: SearchIndex, f: number, term: string, typo: boolean): UnitMatch | null =>
  typo ? typoMatch(term, ix.fieldUnits[f] as string) : matchUnits(term, ix.fieldUnits[f] as string, ix.readings, ix.fieldRead[f] as number, ix.lex);

let checked = new Uint8Array(64);

/**
 * The entry's score for `term` (bound prepared for it) × `factor`, or null when no field matches or it cannot
 * reach `threshold`.
 */
export function matchEntry(ix: SearchIndex, bound: ScoreBound, e: number, term: string, typo: boolean, factor: number, threshold: number): EntryMatch | null {
  const from = ix.entryFields[e] as number;
  const end = ix.entryFields[e + 1] as number;
  const kindFactor = KIND_FACTOR[ix.docs[e]!.kind] * factor;
  let best = -1;
  let field = -1;
  let matched = 0;
  if (checked.length < end - from) checked = new Uint8Array(2 * (end - from));
  checked.fill(0, 0, end - from);
  for (let f = from; f < end; f++) {
    const b = bound.field(f);
    if (b === 0) {
      checked[f - from] = 1; // it cannot match at all
      continue;
    }
    if (b <= best) continue;
    checked[f - from] = 1;
    const m = match(ix, f, term, typo);
    if (m === null) continue;
    matched++;
    const score = FIELD_WEIGHT[FIELD_KINDS[ix.fieldKind[f] as number] as FieldKind] * m.quality;
    if (score > best) {
      best = score;
      field = f;
    }
  }
  if (field < 0) return null;
  // Below the threshold by more than the scores' rounding (search-engine.ts SCORE_GRID): out of the running.
  if ((best + EVIDENCE_BONUS * Math.min(MAX_EVIDENCE, end - from - 1)) * kindFactor < threshold - 1e-6) return null;
  for (let f = from; f < end && matched <= MAX_EVIDENCE; f++) {
    if (checked[f - from] === 0 && match(ix, f, term, typo) !== null) matched++;
  }
  return { score: (best + EVIDENCE_BONUS * Math.min(MAX_EVIDENCE, matched - 1)) * kindFactor, field };
}

/** A way the query was searched: its terms (several for a query of several words), and how. */
export interface SearchPass {
  terms: string[];
  factor: number;
  typo: boolean;
}

/**
 * The units of the name to highlight: those matched by the pass that matches the name best (every term of it
 * matching); else, when a short name or synonym matched, its characters where they occur in the name in order
 * (社保卡 in 社会保障卡申领 → 社, 保, 卡); else none.
 */
export function nameRanges(ix: SearchIndex, e: number, passes: readonly SearchPass[], alias: string | undefined): Array<[number, number]> {
  const nameField = ix.entryFields[e] as number;
  if (FIELD_KINDS[ix.fieldKind[nameField] as number] !== 'name') return [];
  let best: Array<[number, number]> = [];
  let bestScore = 0;
  for (const pass of passes) {
    const ranges: Array<[number, number]> = [];
    let sum = 0;
    for (const t of pass.terms) {
      const m = match(ix, nameField, t, pass.typo);
      if (m === null) break;
      ranges.push([m.start, m.end]);
      sum += m.quality;
    }
    const score = (sum / pass.terms.length) * pass.factor;
    if (ranges.length === pass.terms.length && score > bestScore) [best, bestScore] = [ranges, score];
  }
  if (best.length > 0 || alias === undefined) return best;
  const name = ix.fieldUnits[nameField] as string;
  const units = unitsOf(alias);
  const out: Array<[number, number]> = [];
  let at = 0;
  for (let i = 0; i < units.length; i++) {
    at = name.indexOf(units[i] as string, at);
    if (at < 0) return [];
    out.push([at, at + 1]);
    at++;
  }
  return out;
}
