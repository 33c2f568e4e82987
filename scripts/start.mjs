#!/usr/bin/env node
// `npm start`: builds when the sources changed since the last build, then hands over to the launcher
// (main/launcher.ts): Electron when its binary exists, else the browser shell; `-- --headless` for none.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAll, isStale } from './build.mjs';
import { ensureSystemPackages } from './system-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const headless = process.argv.includes('--headless') || process.env.KIOSK_HEADLESS === '1';
if (!headless) ensureSystemPackages(['chromium', 'fonts-noto-cjk']);
if (isStale()) {
  process.stdout.write('building…\n');
  await buildAll();
}
// Same process: one Node start-up fewer on the way to "kiosk ready".
await import(pathToFileURL(join(root, 'dist/main/launcher.mjs')).href);
