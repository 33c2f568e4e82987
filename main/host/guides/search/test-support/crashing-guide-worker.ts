/** The real guide worker, which also dies (exit code 3) when asked to search for "crash!": a crash on demand. */
import { parentPort } from 'node:worker_threads';
import type { ToGuideWorker } from '../guide-worker-protocol';
import '../guide-worker';

parentPort?.on('message', (msg: ToGuideWorker) => {
  if (msg.type === 'search' && msg.request.query === 'crash!') process.exit(3);
});
