/**
 * `npm run guides` (issue 16 §3) as content editors run it, from the built CLI: the bundle and its worker
 * bundled by esbuild as scripts/build.mjs does, into a folder of their own (so `--worker` runs the built
 * guide-worker.mjs next to it, as dist/main has it). search prints ranked hits with the matched part marked,
 * or JSON, or the suggestions; check prints each problem as file:line:column  path  message, exit 0 valid,
 * 1 invalid, 2 usage.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../common/guides';
import type { GuideSearchResult } from '../../common/guides-api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'test-results', `guides-cli-${process.pid}`);
const CATALOGUE = 'content/guides/catalogue.json';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    logLevel: 'warning',
    entryPoints: { guides: 'main/host/guides/guides-cli.ts', 'guide-worker': 'main/host/guides/search/guide-worker.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
  });
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const guides = (...args: string[]) => spawnSync(process.execPath, [join(OUT, 'guides.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

function badCatalogue(name: string, edit: (c: Catalogue) => void): string {
  const c = JSON.parse(readFileSync(join(ROOT, CATALOGUE), 'utf8')) as Catalogue;
  edit(c);
  const file = join(OUT, name);
  writeFileSync(file, JSON.stringify(c, null, 2));
  return file;
}

describe('npm run guides -- search', () => {
  it('prints ranked hits with kind, code, the name with the matched part marked, the alias and the score', () => {
    const r = guides('search', 'sbk');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const first = r.stdout.split('\n')[1] ?? '';
    expect(first).toMatch(/^ 1\. item {3}GG02001001 +.*\[社\].*\[保\].*\[卡\].* {2}\(社保卡\) {2}\d\.\d{4}$/u);
  });

  it('answers JSON as the kiosk gets it, honouring --limit', () => {
    const r = guides('search', 'gjj提取', '--json', '--limit', '3');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as GuideSearchResult;
    expect(result).toMatchObject({ state: 'ready', query: 'gjj提取' });
    expect(result.hits.length).toBeLessThanOrEqual(3);
    expect(result.hits[0]?.id).toBe('JF04002001');
    expect(result.hits[0]?.highlight.length).toBeGreaterThan(0);
  });

  it('searches through the built worker with --worker, the same answer', () => {
    const inline = JSON.parse(guides('search', '社保卡', '--json').stdout) as GuideSearchResult;
    const r = guides('search', '社保卡', '--json', '--worker');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as GuideSearchResult).hits).toEqual(inline.hits);
  });

  it('shows what the kiosk suggests for a query that matches nothing', () => {
    const r = guides('search', 'zzzzqqq');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^no hits for "zzzzqqq"; the kiosk suggests:\n 1\. bundle /u);
  });

  it('refuses a bad invocation with exit code 2 and the usage', () => {
    for (const args of [[], ['find', 'x'], ['search'], ['search', 'a', 'b'], ['search', 'x', '--limit', '0'], ['search', 'x', '--kinds', 'items'], ['search', 'x', '--frobnicate'], ['search', 'x', '--catalogue', join(OUT, 'nowhere.json')]]) {
      const r = guides(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^guides: .*\nusage: npm run guides/u);
    }
  });
});

describe('npm run guides -- check', () => {
  it('passes the shipped catalogue, by default and by name', () => {
    for (const args of [['check'], ['check', CATALOGUE]]) {
      const r = guides(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^content\/guides\/catalogue\.json: valid, version \d{4}\.\d{2}\.\d{2}-\d+: \d+ items, \d+ bundles, \d+ policies\n$/u);
    }
  });

  it('prints each problem at its place in the file: file:line:column  path  message, exit 1', () => {
    const file = badCatalogue('bad.json', (c) => {
      (c.items[3] as { materials: Array<{ count: number }> }).materials[0]!.count = 0;
    });
    const r = guides('check', file);
    expect(r.status).toBe(1);
    const lines = readFileSync(file, 'utf8').split('\n');
    const problem = r.stdout.split('\n').find((l) => l.includes('items[3].materials[0].count'));
    const m = /^(.+):(\d+):(\d+) {2}(items\[3\]\.materials\[0\]\.count) {2}(.+)$/u.exec(problem ?? '');
    expect(m, r.stdout).not.toBeNull();
    expect(m?.[1]).toBe(file);
    expect(lines[Number(m?.[2]) - 1]?.slice(Number(m?.[3]) - 1)).toMatch(/^(0|"count": 0)/u);
    expect(r.stderr).toMatch(/problem/u);
  });

  it('reports a file that is not JSON at the position the parser stopped', () => {
    const file = join(OUT, 'broken.json');
    writeFileSync(file, '{\n  "version": "2026.01.01-1",\n  "items": [,]\n}\n');
    const r = guides('check', file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ {2}\\$ {2}not JSON: `, 'u'));
  });

  it('refuses a search on an invalid catalogue with exit 1', () => {
    const file = badCatalogue('bad-search.json', (c) => {
      c.version = 'soon';
    });
    const r = guides('search', '社保卡', '--catalogue', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is not a valid catalogue:\n.+:\d+:\d+ {2}version {2}/u);
  });
});
