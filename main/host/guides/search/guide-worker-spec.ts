/**
 * Where the guide worker is, as face/worker-spec.ts finds the face worker: built, `guide-worker.mjs` next to the
 * bundle that runs this (dist/main, scripts/build.mjs); from source (vitest, tsx), `guide-worker.ts` through
 * tsx's loader.
 */
import { tsWorkerSpec, type WorkerSpec } from '../../face/worker-spec';

export function guideWorkerSpec(moduleUrl: string = import.meta.url): WorkerSpec {
  if (!moduleUrl.endsWith('.ts')) return { entry: new URL('./guide-worker.mjs', moduleUrl), eval: false };
  return tsWorkerSpec(new URL('./guide-worker.ts', moduleUrl));
}
