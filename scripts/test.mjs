#!/usr/bin/env node
// The whole test suite (README): system packages, per-layer type checks, lint (layer rules), build, then
// vitest (unit, driver ↔ simulator, real serial over socat, supervisor, Playwright e2e in Chromium).
// Ends with one line "N passed, N failed, N skipped". Extra arguments go to vitest (e.g. a path filter).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';
import { ensureSystemPackages } from './system-deps.mjs';
import { typecheck } from './typecheck.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (name) => process.stdout.write(`\n== ${name}\n`);
const fail = (message) => {
  process.stdout.write(`\n${message}\n0 passed, 1 failed\n`);
  process.exit(1);
};

step('system packages');
if (!ensureSystemPackages()) fail('npm test stopped: system packages are missing (see above).');

step('typecheck (one tsconfig per layer)');
if (!(await typecheck())) fail('npm test stopped: type errors.');

step('lint (layer import rules)');
const lint = spawnSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings', '0'], { cwd: root, stdio: 'inherit' });
if (lint.status !== 0) fail('npm test stopped: lint errors.');

step('build');
try {
  await buildAll();
} catch (err) {
  fail(`npm test stopped: build failed (${err.message}).`);
}

step('vitest');
// A fresh folder each run: a screenshot of an earlier failure must not pass for one of this run.
rmSync(join(root, 'test-results'), { recursive: true, force: true });
mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'vitest.json');
const vitest = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'UTC' } },
);
if (!existsSync(report)) fail('vitest wrote no report.');
const r = JSON.parse(readFileSync(report, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
// A file whose set-up failed (beforeAll, import) fails with its tests merely skipped: count it as one failure.
const brokenFiles = (r.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
const failed = r.numFailedTests + brokenFiles;
process.stdout.write(`\nScreenshots and reports: test-results/\n${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(vitest.status === 0 && failed === 0 && r.numPassedTests > 0 ? 0 : 1);
