/**
 * A render worker that starts and then never answers a render (a hung pdfkit, an endless layout), for the
 * renderer's timeout tests. It reports `ready` as the real one does, with fonts counted as loaded.
 */
import { parentPort } from 'node:worker_threads';
import type { FromRenderWorker } from '../render-worker-protocol';

const port = parentPort;
if (port === null) throw new Error('silent-render-worker.ts runs as a worker thread');
port.on('message', () => undefined);
port.postMessage({ type: 'ready', fontLoads: 1 } satisfies FromRenderWorker);
