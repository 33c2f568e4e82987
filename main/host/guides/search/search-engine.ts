/**
 * The guide search engine (issue 16 §3), one instance per catalogue version, synchronous: the worker
 * (guide-worker.ts) or the calling thread (CLI, tests) runs it. The ranking and its weights are in ranking.ts.
 *
 * A query is searched as typed (its terms joined: retrieve.ts, entry-match.ts), with each synonym expansion
 * (abbreviations.ts), word by word when it has several, in English names, and in department names; when that
 * found fewer than TYPO_WHEN_FEWER entries, one typo away (typos.ts). Candidates are matched best bound first
 * and skipped once they cannot beat the answer's k-th score (ranking.ts ScoreBound, TopScores). An empty,
 * absurd or unmatched query gets the suggestions: the bundles, then the items most bundles and policies name.
 */
import type { GuideHit, GuideHitKind, GuideSearchRequest, GuideSearchResult, MatchRange } from '../../../../common/guides-api';
import { GUIDE_HIT_KINDS, MAX_GUIDE_HITS, MAX_GUIDE_QUERY_LENGTH } from '../../../../common/guides-api';
import { expandTerm } from './abbreviations';
import { englishCandidates, englishQuality, wordRanges } from './english-match';
import { matchEntry, nameRanges, type SearchPass } from './entry-match';
import { matchUnits } from './field-match';
import { buildSearchIndex, FIELD_KINDS, type SearchIndex } from './index-build';
import { foldCode, Lexicon, unitOffsets } from './lexicon';
import { ALL_TERMS_FACTOR, DEPARTMENT_MIN_QUALITY, DEPARTMENT_WEIGHT, ENGLISH_WEIGHT, EXPANSION_FACTOR, KIND_FACTOR, ScoreBound, TopScores, TYPO_FACTOR } from './ranking';
import { intersect } from './postings';
import { retrieve } from './retrieve';
import type { SearchDoc } from './search-docs';
import { hanTypoCandidates, isHanTerm, isLetterTerm, MAX_TYPO_TERM, MIN_HAN_TYPO_TERM, MIN_PINYIN_TYPO_TERM, pinyinVariants } from './typos';

const DEFAULT_LIMIT = 10;
const SUGGESTED_ITEMS = 5;
const NO_FIELD = -1;
/** Candidates matched per spelling of a pinyin typo (a dozen spellings are tried). */
const TYPO_CANDIDATES = 200;
/** Typos are looked for when the query as typed found fewer entries than this. */
const TYPO_WHEN_FEWER = 3;
/** Scores are kept to a millionth: closer ones are ties, broken by the static order. */
const SCORE_GRID = 1e6;
/** Candidates' positions fit below this in a sort key (retrieve.ts caps them far lower). */
const ORDER_SPAN = 2 ** 16;
/** A query of more words than this is searched only as typed, its words joined. */
const MAX_TERMS = 6;

/** A query's terms: its runs of units (lexicon.ts), split at spaces and punctuation. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  let run = '';
  for (let i = 0; i < query.length; i++) {
    const f = foldCode(query.charCodeAt(i));
    if (f !== 0) run += String.fromCharCode(f);
    else if (run !== '') {
      terms.push(run);
      run = '';
    }
  }
  if (run !== '') terms.push(run);
  return terms;
}

export interface EngineBuildOptions {
  /** Shared across rebuilds so readings already derived are reused. */
  lexicon?: Lexicon;
  /** Called now and then while building (a worker yields to answer searches meanwhile). */
  pause?: () => Promise<void>;
}

export class SearchEngine {
  private found = new Map<number, { score: number; field: number }>();
  private passes: SearchPass[] = [];
  private kinds: ReadonlySet<GuideHitKind> = new Set(GUIDE_HIT_KINDS);
  private top = new TopScores(DEFAULT_LIMIT);
  private readonly bound: ScoreBound;

  private constructor(
    private readonly index: SearchIndex,
    private readonly suggested: readonly number[],
  ) {
    this.bound = new ScoreBound(index);
  }

  static async build(docs: readonly SearchDoc[], options: EngineBuildOptions = {}): Promise<SearchEngine> {
    const index = await buildSearchIndex(docs, options.lexicon ?? new Lexicon(), options.pause);
    const position = new Map(docs.map((d, i) => [d, i]));
    const byInput = index.docs.map((_, e) => e).sort((a, b) => (position.get(index.docs[a] as SearchDoc) as number) - (position.get(index.docs[b] as SearchDoc) as number));
    const bundles = byInput.filter((e) => index.docs[e]?.kind === 'bundle');
    const items = byInput.filter((e) => index.docs[e]?.kind === 'item').sort((a, b) => (index.docs[b] as SearchDoc).references - (index.docs[a] as SearchDoc).references);
    return new SearchEngine(index, [...bundles, ...items.slice(0, SUGGESTED_ITEMS)]);
  }

  get size(): number {
    return this.index.docs.length;
  }

  search(request: GuideSearchRequest): GuideSearchResult {
    const started = performance.now();
    const limit = Math.min(MAX_GUIDE_HITS, Math.max(1, Math.floor(request.limit ?? DEFAULT_LIMIT)));
    this.kinds = new Set(request.kinds && request.kinds.length > 0 ? request.kinds : GUIDE_HIT_KINDS);
    this.found = new Map();
    this.passes = [];
    this.top = new TopScores(limit);
    const query = request.query.slice(0, MAX_GUIDE_QUERY_LENGTH);
    const terms = queryTerms(query);
    if (terms.length > 0) this.collect(query, terms);
    const ranked = [...this.found].sort(([ea, a], [eb, b]) => b.score - a.score || ea - eb).slice(0, limit);
    const hits = ranked.map(([e, f]) => this.hit(e, f.score, f.field));
    const suggestions = hits.length > 0 ? [] : this.suggestions(limit);
    this.found = new Map();
    return { state: 'ready', query: request.query, hits, suggestions, tookMs: performance.now() - started };
  }

  private collect(query: string, terms: string[]): void {
    const code = this.index.byCode.get(query.trim().toLowerCase());
    if (code !== undefined && this.kinds.has((this.index.docs[code] as SearchDoc).kind)) this.record(code, 1, NO_FIELD);
    const joined = terms.join('');
    this.matchTerm(joined, 1);
    for (const alt of expandTerm(joined)) this.matchTerm(alt, EXPANSION_FACTOR);
    if (terms.length > 1 && terms.length <= MAX_TERMS) this.matchAllTerms(terms);
    this.matchEnglish(terms);
    this.matchDepartments(joined);
    if (this.found.size >= TYPO_WHEN_FEWER || joined.length > MAX_TYPO_TERM) return;
    if (isHanTerm(joined) && joined.length >= MIN_HAN_TYPO_TERM) {
      this.passes.push({ terms: [joined], factor: TYPO_FACTOR, typo: true });
      this.bound.prepare(joined, true);
      this.matchBestFirst(hanTypoCandidates(joined, this.index), joined, TYPO_FACTOR, true);
    } else if (terms.length === 1 && isLetterTerm(joined) && joined.length >= MIN_PINYIN_TYPO_TERM) {
      for (const v of pinyinVariants(joined, this.index.lex)) this.matchTerm(v, TYPO_FACTOR, true);
    }
  }

  /** One spelling of the query against its candidates (retrieve.ts). */
  private matchTerm(term: string, factor: number, typoSpelling = false): void {
    const { ids } = typoSpelling ? retrieve(term, this.index, TYPO_CANDIDATES, true) : retrieve(term, this.index);
    this.passes.push({ terms: [term], factor, typo: false });
    this.bound.prepare(term, false);
    this.matchBestFirst(ids, term, factor, false);
  }

  /** Candidates best bound first, so the k-th score rises early and the rest, which cannot beat it, are skipped. */
  private matchBestFirst(ids: Int32Array, term: string, factor: number, typo: boolean): void {
    // Sort keys: the bound in millionths rounded up (so still a bound of the rounded scores), best first, then
    // the position (static order) in the low bits.
    const keys = new Float64Array(ids.length);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      if (!this.kinds.has((this.index.docs[ids[i] as number] as SearchDoc).kind)) continue;
      keys[n++] = -Math.ceil(this.bound.of(ids[i] as number) * factor * SCORE_GRID - 1e-3) * ORDER_SPAN + i;
    }
    const order = keys.subarray(0, n).sort();
    for (let k = 0; k < n; k++) {
      const key = order[k] as number;
      const i = ((key % ORDER_SPAN) + ORDER_SPAN) % ORDER_SPAN;
      const bound = -(key - i) / ORDER_SPAN / SCORE_GRID;
      const e = ids[i] as number;
      if (bound < this.top.threshold - 1e-9) return;
      if (this.top.excludes(e, bound)) continue;
      const m = matchEntry(this.index, this.bound, e, term, typo, factor, this.top.threshold);
      if (m !== null) this.record(e, m.score, m.field);
    }
  }

  /** A query of several words: every word must match the entry somewhere; the score is their mean. */
  private matchAllTerms(terms: string[]): void {
    const lists = terms.map((t) => retrieve(t, this.index)).sort((a, b) => a.ids.length - b.ids.length);
    // Entries every complete list has; a capped list holds only part of its entries, so it narrows nothing.
    let candidates = (lists.find((l) => !l.capped) ?? lists[0])?.ids ?? new Int32Array(0);
    for (const l of lists) if (!l.capped && l.ids !== candidates) candidates = intersect(candidates, l.ids);
    this.passes.push({ terms, factor: ALL_TERMS_FACTOR, typo: false });
    for (const e of candidates) {
      if (!this.kinds.has((this.index.docs[e] as SearchDoc).kind)) continue;
      let sum = 0;
      let field = NO_FIELD;
      for (const t of terms) {
        const m = matchEntry(this.index, this.bound.prepare(t, false), e, t, false, 1, -Infinity);
        if (m === null) {
          field = NO_FIELD;
          break;
        }
        sum += m.score;
        if (field === NO_FIELD) field = m.field;
      }
      if (field !== NO_FIELD) this.record(e, (sum / terms.length) * ALL_TERMS_FACTOR, field);
    }
  }

  private matchEnglish(terms: string[]): void {
    const ranges = wordRanges(terms, this.index);
    if (ranges === null) return;
    for (const e of englishCandidates(ranges, this.index)) {
      const doc = this.index.docs[e] as SearchDoc;
      if (!this.kinds.has(doc.kind)) continue;
      const q = englishQuality(ranges, e, this.index);
      if (q > 0) this.record(e, ENGLISH_WEIGHT * q * KIND_FACTOR[doc.kind], NO_FIELD);
    }
  }

  private matchDepartments(term: string): void {
    const ix = this.index;
    for (const label of ix.departments) {
      const m = matchUnits(term, label.units, label.readings, 0, ix.lex);
      if (m === null || m.quality < DEPARTMENT_MIN_QUALITY) continue;
      for (const e of ix.departmentEntries.get(label.department) ?? []) {
        if (this.kinds.has((ix.docs[e] as SearchDoc).kind)) this.record(e, DEPARTMENT_WEIGHT * m.quality, NO_FIELD);
      }
    }
  }

  private record(e: number, raw: number, field: number): void {
    // Rounded, so equal scores are equal and ties always fall to the static order.
    const score = Math.round(raw * SCORE_GRID) / SCORE_GRID;
    this.top.offer(e, score);
    const f = this.found.get(e);
    if (f === undefined) this.found.set(e, { score, field });
    else if (score > f.score) [f.score, f.field] = [score, field];
  }

  private hit(e: number, score: number, field: number): GuideHit {
    const ix = this.index;
    const doc = ix.docs[e] as SearchDoc;
    const alias = field !== NO_FIELD && FIELD_KINDS[ix.fieldKind[field] as number] !== 'name' ? (ix.fieldText[field] as string) : undefined;
    const hit: GuideHit = { kind: doc.kind, id: doc.id, name: doc.name, score: Math.round(score * 10_000) / 10_000, highlight: highlight(doc.name['zh-CN'], nameRanges(ix, e, this.passes, alias)) };
    if (alias !== undefined) hit.matchedAlias = alias;
    if (doc.department) hit.department = doc.department;
    return hit;
  }

  private suggestions(limit: number): GuideHit[] {
    return this.suggested
      .map((e) => this.index.docs[e] as SearchDoc)
      .filter((d) => this.kinds.has(d.kind))
      .slice(0, limit)
      .map((d) => ({ kind: d.kind, id: d.id, name: d.name, score: 0, highlight: [], ...(d.department && { department: d.department }) }));
  }
}

/** Unit ranges of a name as sorted, merged UTF-16 ranges of its text. */
export function highlight(name: string, ranges: ReadonlyArray<[number, number]>): MatchRange[] {
  if (ranges.length === 0) return [];
  const at = unitOffsets(name);
  const spans = ranges.map(([s, e]): MatchRange => [at[s] as number, (at[e - 1] as number) + 1]).sort((a, b) => a[0] - b[0]);
  const out: MatchRange[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([...span]);
  }
  return out;
}
