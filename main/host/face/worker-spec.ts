/**
 * How to start the face worker from where this code runs (issue 14 item 5):
 * - built (`dist/main/host.mjs`, scripts/build.mjs): the worker is its own bundle next to it, `face-worker.mjs`;
 * - from source (vitest, tsx): `face-worker.ts` through a two-line bootstrap that registers tsx's ESM loader
 *   in the worker (`tsx/esm/api` register(); a worker's `execArgv: ['--import', 'tsx']` does not reach its
 *   module loader on Node 20) and then imports it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WorkerSpec {
  /** A file URL of an ESM worker, or (eval) the worker's source text. */
  entry: URL | string;
  eval: boolean;
}

export function faceWorkerSpec(moduleUrl: string = import.meta.url): WorkerSpec {
  if (!moduleUrl.endsWith('.ts')) return { entry: new URL('./face-worker.mjs', moduleUrl), eval: false };
  return tsWorkerSpec(new URL('./face-worker.ts', moduleUrl));
}

/** A TypeScript worker module run through tsx's loader (tests, tsx). */
export function tsWorkerSpec(entry: URL): WorkerSpec {
  const api = tsxEsmApi();
  const source = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return { entry: source, eval: true };
}

/** tsx's ESM loader API, from its package.json's exports (`./esm/api` → import); its CommonJS twin cannot register. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const entry = exports['./esm/api']?.import.default;
  if (entry === undefined) throw new Error('tsx has no ./esm/api export');
  return pathToFileURL(join(dirname(manifest), entry)).href;
}
