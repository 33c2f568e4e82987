/**
 * How well a search answers the committed evaluation queries (bench/guides/eval-queries.json; issue 16 §3),
 * the same measure for our engine and its peers: each query's first expected answer (its `expected[0]`, the one
 * a citizen typing it wants) ranked among the first ten hits; MRR is the mean of 1 / that rank (0 when not in
 * the ten), top-3 the share of queries where it is in the first three. A query expecting nothing (absurd
 * input) counts as answered at rank 1 when there are no hits (the kiosk then shows its suggestions), else 0.
 */
export interface EvalQuery {
  query: string;
  expected: string[];
  kind: string;
  heldOut: boolean;
}

export interface EvalFile {
  version: number;
  catalogue: string;
  queries: EvalQuery[];
}

export interface EvalMiss {
  query: string;
  kind: string;
  expected: string;
  /** 1-based; Infinity when not in the ten. */
  rank: number;
  got: string[];
}

export interface QualityFigures {
  queries: number;
  mrr: number;
  top3: number;
  /** The queries whose first expected answer was not first. */
  misses: EvalMiss[];
}

export const EVAL_DEPTH = 10;

/** Rank (1-based) of the query's first expected answer in `ids`, Infinity when absent. */
export function rankOf(query: EvalQuery, ids: readonly string[]): number {
  const top = ids.slice(0, EVAL_DEPTH);
  if (query.expected.length === 0) return top.length === 0 ? 1 : Infinity;
  const at = top.indexOf(query.expected[0] as string);
  return at < 0 ? Infinity : at + 1;
}

export async function evaluate(queries: readonly EvalQuery[], search: (query: string) => Promise<string[]> | string[]): Promise<QualityFigures> {
  let rr = 0;
  let top3 = 0;
  const misses: EvalMiss[] = [];
  for (const q of queries) {
    const ids = await search(q.query);
    const rank = rankOf(q, ids);
    rr += rank === Infinity ? 0 : 1 / rank;
    if (rank <= 3) top3++;
    if (rank !== 1) misses.push({ query: q.query, kind: q.kind, expected: q.expected[0] ?? '(no hits)', rank, got: ids.slice(0, 3) });
  }
  const n = Math.max(1, queries.length);
  return { queries: queries.length, mrr: rr / n, top3: top3 / n, misses };
}
