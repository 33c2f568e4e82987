#!/usr/bin/env node
// Builds what `npm start` runs: the main-side bundles (esbuild) and the renderer (vite).
// Usage: node scripts/build.mjs [--if-stale]   (--if-stale: skip when dist/ is newer than every source)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCE_DIRS = ['common', 'drivers', 'devices-sim', 'main', 'renderer'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = [...SOURCE_DIRS.map((d) => join(root, d)), join(root, 'package.json')];
  return inputs.some((p) => existsSync(p) && (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs) > built);
}

export async function buildAll() {
  const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning', absWorkingDir: root };
  await Promise.all([
    build({ ...common, format: 'esm', entryPoints: { 'launcher': 'main/launcher.ts', 'host': 'main/host-process.ts', 'tickets': 'main/host/queue/tickets-cli.ts', 'staff': 'main/host/staff/staff-cli.ts', 'audit': 'main/host/audit/audit-cli.ts', 'face-worker': 'main/host/face/face-worker.ts', 'guides': 'main/host/guides/guides-cli.ts', 'guide-worker': 'main/host/guides/search/guide-worker.ts', 'certificate-render-worker': 'main/host/certificates/render/render-worker.ts' }, outdir: 'dist/main', outExtension: { '.js': '.mjs' } }),
    build({ ...common, format: 'esm', entryPoints: { 'serial-sim': 'devices-sim/cli/serial-sim.ts' }, outdir: 'dist/sim', outExtension: { '.js': '.mjs' } }),
    build({ ...common, format: 'cjs', entryPoints: { 'electron-main': 'main/electron/electron-main.ts', 'preload': 'main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' }, external: ['electron'] }),
  ]);
  const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('renderer build failed');
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
  buildAll().catch((err) => {
    process.stderr.write(`build failed: ${err.message}\n`);
    process.exit(1);
  });
}
