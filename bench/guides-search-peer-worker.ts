/**
 * One peer of the guide search benchmark in a worker thread of its own (guides-search.ts): prepares the same
 * synthetic catalogue's documents and fields at once (both peers side by side: the slow part that is not
 * measured), then, each phase when asked and nothing else is measured meanwhile, times the index build and its
 * heap after a full GC ('build'), and the queries, the median of `runs` runs each after a short warm-up
 * ('query').
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { catalogueDocs } from '../main/host/guides/search/search-docs';
import { flexSearchPeer, miniSearchPeer, peerDocs, type PeerIndex } from './guides-search-peers';
import { syntheticCatalogue } from './guides/synthetic-catalogue';

export interface PeerJob {
  peer: 'MiniSearch' | 'FlexSearch';
  size: number;
  seed: number;
  queries: string[];
  runs: number;
  warmUp: number;
  limit: number;
}

export interface PeerResult {
  label: string;
  buildMs: number;
  heap: number;
  times: number[];
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapNow = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// Prepared as soon as started (the two peers side by side); each timed phase only when asked, one at a time.
const job = workerData as PeerJob;
const port = parentPort;
if (port === null) throw new Error('guides-search-peer-worker.ts runs as a worker thread');
const docs = catalogueDocs(syntheticCatalogue(job.size, job.seed));
const pd = peerDocs(docs);
let index: PeerIndex | null = null;
let buildMs = 0;
let heap = 0;
port.on('message', (phase: 'build' | 'query') => {
  if (phase === 'build') {
    const base = heapNow();
    const started = performance.now();
    index = (job.peer === 'MiniSearch' ? miniSearchPeer : flexSearchPeer)(docs, pd);
    buildMs = performance.now() - started;
    heap = heapNow() - base;
    port.postMessage('built');
    return;
  }
  const peer = index as PeerIndex;
  for (const q of job.queries.slice(0, job.warmUp)) peer.search(q, job.limit);
  const times = job.queries.map((q) => {
    const samples: number[] = [];
    for (let r = 0; r < job.runs; r++) {
      const t = performance.now();
      peer.search(q, job.limit);
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[job.runs >> 1] as number;
  });
  port.postMessage({ label: peer.label, buildMs, heap, times } satisfies PeerResult);
});
port.postMessage('ready');
