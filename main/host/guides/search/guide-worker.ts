/**
 * The guide search worker (worker_threads; ARCHITECTURE.md §8.9): builds the engine for each catalogue sent
 * and answers searches. A build yields between chunks, so searches sent meanwhile are answered from the index
 * in force (none before the first: `preparing`). Builds run one after another; the lexicon (readings already
 * derived) is kept across them.
 */
import { parentPort } from 'node:worker_threads';
import type { FromGuideWorker, ToGuideWorker } from './guide-worker-protocol';
import { Lexicon } from './lexicon';
import { SearchEngine } from './search-engine';

const port = parentPort;
if (port === null) throw new Error('guide-worker.ts runs as a worker thread');

const lexicon = new Lexicon();
let engine: SearchEngine | null = null;
let builds: Promise<void> = Promise.resolve();
const send = (message: FromGuideWorker): void => port.postMessage(message);
const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function build(msg: Extract<ToGuideWorker, { type: 'build' }>): Promise<void> {
  const started = performance.now();
  return SearchEngine.build(msg.docs, { lexicon, pause }).then(
    (built) => {
      engine = built;
      send({ type: 'built', id: msg.id, entries: built.size, ms: performance.now() - started });
    },
    (err: unknown) => send({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err) }),
  );
}

port.on('message', (msg: ToGuideWorker) => {
  if (msg.type === 'build') {
    builds = builds.then(() => build(msg));
    return;
  }
  try {
    const result = engine ? engine.search(msg.request) : { state: 'preparing' as const, query: msg.request.query, hits: [], suggestions: [], tookMs: 0 };
    send({ type: 'result', id: msg.id, result });
  } catch (err) {
    send({ type: 'failed', id: msg.id, message: err instanceof Error ? err.message : String(err) });
  }
});
