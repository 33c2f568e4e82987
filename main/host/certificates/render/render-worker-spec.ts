/**
 * Where the certificate render worker is, as face/worker-spec.ts finds the face worker: built,
 * `certificate-render-worker.mjs` next to the bundle that runs this (dist/main; scripts/build.mjs lists it as an
 * entry point); from source (vitest, tsx), `render-worker.ts` through tsx's loader.
 */
import { tsWorkerSpec, type WorkerSpec } from '../../face/worker-spec';

export function certificateRenderWorkerSpec(moduleUrl: string = import.meta.url): WorkerSpec {
  if (!moduleUrl.endsWith('.ts')) return { entry: new URL('./certificate-render-worker.mjs', moduleUrl), eval: false };
  return tsWorkerSpec(new URL('./render-worker.ts', moduleUrl));
}
