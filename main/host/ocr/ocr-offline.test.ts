/**
 * Issue 17 §4 "offline": the engine loads nothing from the network. Every path it hands tesseract.js is a local
 * folder, and a page is read in a process that has no network at all (`unshare -rn`: a new network namespace
 * with not even loopback up), where tesseract.js's CDN default would fail.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { characterAccuracy } from '../../../test/support/ocr-pages/char-accuracy';
import { DEBIAN_TESSDATA, isLocalFolder, tesseractWorkerOptions } from './ocr-engine-options';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const canUnshare = spawnSync('unshare', ['-rn', 'true']).status === 0;

describe('OCR offline', () => {
  it('hands tesseract.js only local paths: traineddata, core and worker script, uncompressed, no cache', () => {
    const o = tesseractWorkerOptions(DEBIAN_TESSDATA);
    expect(o).toMatchObject({ langPath: DEBIAN_TESSDATA, gzip: false, cacheMethod: 'none' });
    for (const p of [o.langPath, o.corePath, o.workerPath]) expect(isLocalFolder(p) && existsSync(p), p).toBe(true);
    expect(existsSync(join(o.corePath, 'tesseract-core-simd-lstm.wasm'))).toBe(true);
    expect(existsSync(join(DEBIAN_TESSDATA, 'chi_sim.traineddata'))).toBe(true);
    for (const url of ['https://cdn.jsdelivr.net/npm/@tesseract.js-data/chi_sim', 'file:///usr/share', 'tessdata']) expect(() => tesseractWorkerOptions(url)).toThrow(/local absolute path/);
  });

  it.skipIf(!canUnshare)('reads a page in a process with no network', () => {
    const offline = spawnSync('unshare', ['-rn', process.execPath, '--import', 'tsx', join(ROOT, 'test/support/ocr-pages/offline-ocr-child.ts'), 'licence-2', 'clean'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(offline.status, offline.stderr).toBe(0);
    // The namespace really is offline: the same command cannot reach anything.
    const probe = spawnSync('unshare', ['-rn', process.execPath, '-e', "fetch('https://cdn.jsdelivr.net/').then(() => process.exit(0), () => process.exit(3))"], { encoding: 'utf8', timeout: 30_000 });
    expect(probe.status).toBe(3);
    const { rows, truth } = JSON.parse(offline.stdout.trim().split('\n').at(-1) as string) as { rows: string; truth: string };
    expect(characterAccuracy(rows, truth)).toBeGreaterThanOrEqual(0.93);
  }, 150_000);
  if (!canUnshare) it('SKIPPED the no-network run: `unshare -rn` is not permitted here', () => expect(canUnshare).toBe(false));
});
