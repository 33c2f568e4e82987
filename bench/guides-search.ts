/**
 * The guide search benchmark (issue 16 §3), rows of the one table (bench/run.ts), each figure beside the two
 * peers measured in the same run (bench/guides-search-peers.ts: MiniSearch and FlexSearch, the same catalogue
 * and the same pinyin, initials and synonym fields):
 * - quality on the shipped catalogue with the committed evaluation queries, the tuning set and the twenty
 *   held-out queries apart (eval-metrics.ts: MRR and top-3 of each query's first expected answer);
 * - query latency p95 on BENCH_GUIDES_SIZES synthetic items (default 20,000 and 160,000;
 *   bench/guides/synthetic-catalogue.ts), for the eval queries and every prefix of them as a kiosk user types
 *   them (above 20,000 items a fixed sample of BENCH_GUIDES_LARGE_SAMPLE, default 20: MiniSearch takes most of
 *   a second each, while ours is also timed on all of them), after a short warm-up and a full GC; ours on
 *   this thread like the peers, and through the worker;
 * - index build time: ours in the worker (createWorkerGuideIndex, as the kiosk builds it), the peers here;
 * - heap held by each index at the largest size (after a full GC).
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Catalogue } from '../common/guides';
import { SILENT_LOGGER } from '../common/logger';
import { evaluate, type EvalFile, type EvalQuery, type QualityFigures } from '../main/host/guides/search/eval-metrics';
import { createWorkerGuideIndex } from '../main/host/guides/search/guide-index';
import { catalogueDocs, type SearchDoc } from '../main/host/guides/search/search-docs';
import { SearchEngine } from '../main/host/guides/search/search-engine';
import { Lexicon } from '../main/host/guides/search/lexicon';
import { flexSearchPeer, miniSearchPeer, peerDocs, type PeerDoc, type PeerIndex } from './guides-search-peers';
import { shippedCatalogue, syntheticCatalogue } from './guides/synthetic-catalogue';
import { ms, summarize, type Row } from './stats';

const SIZES = (process.env.BENCH_GUIDES_SIZES ?? '20000,160000').split(',').map(Number);
/** Above 20,000 items MiniSearch takes about a second a query: a fixed sample of the typed queries, for all three. */
const LARGE_SAMPLE = Number(process.env.BENCH_GUIDES_LARGE_SAMPLE ?? 20);
const SEED = 16;
const LIMIT = 10;
const ROOT = new URL('../', import.meta.url);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Heap and typed-array memory in use after a full GC (the indexes keep their lists in typed arrays). */
const heapNow = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mib = (bytes: number): string => `${(bytes / 1_048_576).toFixed(0)} MiB`;
const f3 = (v: number): string => v.toFixed(3);
const ratio = (ours: number, peer: number): string => (peer === 0 ? '∞' : `${(ours / peer).toFixed(2)}×`);

/** Every prefix of every query (by character), as the kiosk searches while a citizen types. */
export function typedQueries(queries: readonly EvalQuery[]): string[] {
  return queries.flatMap((q) => [...q.query].map((_, i, chars) => chars.slice(0, i + 1).join('')));
}

/** Warm-up queries before timing (JIT), the same for every engine: a few of the queries timed. */
const WARM_UP = 3;

/** Each query's time, after a short warm-up, from a heap just collected (the same start for every engine). */
function timeEach(queries: readonly string[], run: (q: string) => unknown): number[] {
  for (const q of queries.slice(0, WARM_UP)) run(q);
  heapNow();
  return queries.map((q) => {
    const started = performance.now();
    run(q);
    return performance.now() - started;
  });
}

async function timeEachAsync(queries: readonly string[], run: (q: string) => Promise<unknown>): Promise<number[]> {
  for (const q of queries.slice(0, WARM_UP)) await run(q);
  heapNow();
  const out: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    await run(q);
    out.push(performance.now() - started);
  }
  return out;
}

function qualityRows(set: string, ours: QualityFigures, peers: Array<[string, QualityFigures]>): Row[] {
  const versus = (pick: (f: QualityFigures) => number): string => peers.map(([label, f]) => `${label} ${f3(pick(f))}`).join(', ');
  const verdict = (pick: (f: QualityFigures) => number): string => {
    const better = peers.every(([, f]) => pick(ours) > pick(f) || pick(f) === 1);
    return `${peers.map(([, f]) => ratio(pick(ours), pick(f))).join(' / ')} ${better ? 'met' : 'MISSED'}`;
  };
  return [
    { benchmark: `guide search quality, ${set} (${ours.queries} queries, shipped catalogue)`, measure: 'MRR', result: f3(ours.mrr), baseline: versus((f) => f.mrr), target: '> both (= when 1.000)', verdict: verdict((f) => f.mrr) },
    { benchmark: '', measure: 'top-3', result: f3(ours.top3), baseline: versus((f) => f.top3), target: '> both (= when 1.000)', verdict: verdict((f) => f.top3) },
  ];
}

async function quality(evalFile: EvalFile): Promise<Row[]> {
  const catalogue = JSON.parse(readFileSync(new URL(evalFile.catalogue, ROOT), 'utf8')) as Catalogue;
  const docs = catalogueDocs(catalogue);
  const ours = await SearchEngine.build(docs);
  const pd = peerDocs(docs);
  const peers = [miniSearchPeer(docs, pd), flexSearchPeer(docs, pd)];
  const rows: Row[] = [];
  for (const [set, heldOut] of [['tuning set', false], ['held-out set', true]] as const) {
    const queries = evalFile.queries.filter((q) => q.heldOut === heldOut);
    const figures = await evaluate(queries, (q) => ours.search({ query: q, limit: LIMIT }).hits.map((h) => h.id));
    const peerFigures: Array<[string, QualityFigures]> = [];
    for (const p of peers) peerFigures.push([p.label, await evaluate(queries, (q) => p.search(q, LIMIT))]);
    rows.push(...qualityRows(set, figures, peerFigures));
  }
  return rows;
}

interface Measured {
  label: string;
  buildMs: number;
  heap: number;
  p95: number;
}

/** Builds one peer, times its queries, and lets it go (so the next is built on a heap of the same size). */
function measurePeer(make: (docs: readonly SearchDoc[], pd: readonly PeerDoc[]) => PeerIndex, docs: readonly SearchDoc[], pd: readonly PeerDoc[], typed: readonly string[]): Measured {
  const base = heapNow();
  const started = performance.now();
  const peer = make(docs, pd);
  const buildMs = performance.now() - started;
  const heap = heapNow() - base;
  return { label: peer.label, buildMs, heap, p95: summarize(timeEach(typed, (q) => peer.search(q, LIMIT))).p95 };
}

async function measureOurs(docs: readonly SearchDoc[], lexicon: Lexicon, allTyped: readonly string[], typed: readonly string[]): Promise<{ buildMs: number; heap: number; all: number; sample: number }> {
  const base = heapNow();
  const started = performance.now();
  const ours = await SearchEngine.build(docs, { lexicon });
  const buildMs = performance.now() - started;
  const heap = heapNow() - base;
  const all = summarize(timeEach(allTyped, (q) => ours.search({ query: q, limit: LIMIT }))).p95;
  const sample = typed.length === allTyped.length ? all : summarize(timeEach(typed, (q) => ours.search({ query: q, limit: LIMIT }))).p95;
  return { buildMs, heap, all, sample };
}

async function atSize(size: number, allTyped: readonly string[], last: boolean): Promise<Row[]> {
  const step = size > 20_000 ? Math.max(1, Math.floor(allTyped.length / LARGE_SAMPLE)) : 1;
  const typed = allTyped.filter((_, i) => i % step === 0);
  const catalogue = syntheticCatalogue(size, SEED);
  const docs = catalogueDocs(catalogue);
  const label = `${size.toLocaleString('en')} items`;

  // The worker started and warmed on the shipped catalogue first: the build timed is the catalogue's alone.
  const worker = createWorkerGuideIndex({ log: SILENT_LOGGER, buildTimeoutMs: 300_000 });
  await worker.build(shippedCatalogue());
  const started = performance.now();
  await worker.build(catalogue);
  const workerBuildMs = performance.now() - started;
  const viaWorker = summarize(await timeEachAsync(allTyped, (q) => worker.search({ query: q, limit: LIMIT }))).p95;
  await worker.dispose();

  // One lexicon for ours and the peers' fields: the same readings, derived once (it is part of our index's heap).
  const lexicon = new Lexicon();
  const ours = await measureOurs(docs, lexicon, allTyped, typed);
  const pd = peerDocs(docs, lexicon);
  const peers = [miniSearchPeer, flexSearchPeer].map((make) => measurePeer(make, docs, pd, typed));
  const against = (pick: (p: Measured) => number, fmt: (v: number) => string): string => peers.map((p) => `${p.label} ${fmt(pick(p))}`).join(', ');
  const ratios = (value: number, pick: (p: Measured) => number): string => peers.map((p) => ratio(value, pick(p))).join(' / ');
  const fastest = Math.min(...peers.map((p) => p.p95));
  const small = size <= 20_000;
  const rows: Row[] = [
    { benchmark: `guide search, ${label} (${typed.length === allTyped.length ? '' : `${typed.length} of `}${allTyped.length} queries as typed)`, measure: 'p95', result: ms(ours.sample), baseline: against((p) => p.p95, ms), target: '< 20 ms, ≤ both peers', verdict: `${ratios(ours.sample, (p) => p.p95)} ${ours.sample < 20 && ours.sample <= fastest ? 'met' : 'MISSED'}` },
    { benchmark: '', measure: `p95 through the worker, all ${allTyped.length}`, result: ms(viaWorker), baseline: `on this thread ${ms(ours.all)}`, target: '< 20 ms', verdict: `${ratio(viaWorker, ours.all)} ${viaWorker < 20 ? 'met' : 'MISSED'}` },
    { benchmark: '', measure: 'index build', result: `${ms(workerBuildMs)} in the worker`, baseline: against((p) => p.buildMs, ms), target: small ? '< 2000 ms' : '', verdict: `${ratios(workerBuildMs, (p) => p.buildMs)}${small ? (workerBuildMs < 2000 ? ' met' : ' MISSED') : ''}; here ${ms(ours.buildMs)}` },
  ];
  if (last) rows.push({ benchmark: '', measure: 'index heap', result: mib(ours.heap), baseline: against((p) => p.heap, mib), target: '', verdict: ratios(ours.heap, (p) => p.heap) });
  return rows;
}

export async function guideSearchRows(): Promise<Row[]> {
  const evalFile = JSON.parse(readFileSync(new URL('bench/guides/eval-queries.json', ROOT), 'utf8')) as EvalFile;
  const rows = await quality(evalFile);
  const typed = typedQueries(evalFile.queries);
  for (const [i, size] of SIZES.entries()) rows.push(...(await atSize(size, typed, i === SIZES.length - 1)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./stats');
  printTable(await guideSearchRows());
}
