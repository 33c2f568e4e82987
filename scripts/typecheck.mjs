#!/usr/bin/env node
// One tsc run per layer (ARCHITECTURE.md §2): each layer's tsconfig only sees the libs and types it may use.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PROJECTS = ['common', 'drivers', 'devices-sim', 'main', 'renderer', 'test'];
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', `${project}/tsconfig.json`, '--pretty', 'false'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ project, code, out }));
  });
}

export async function typecheck() {
  const results = [];
  // Two cores: run two projects at a time.
  const queue = [...PROJECTS];
  await Promise.all([0, 1].map(async () => {
    while (queue.length) results.push(await check(queue.shift()));
  }));
  let failed = 0;
  for (const r of results.sort((a, b) => PROJECTS.indexOf(a.project) - PROJECTS.indexOf(b.project))) {
    process.stdout.write(`typecheck ${r.project}: ${r.code === 0 ? 'ok' : 'FAILED'}\n`);
    if (r.code !== 0) {
      failed++;
      process.stdout.write(r.out);
    }
  }
  return failed === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  typecheck().then((ok) => process.exit(ok ? 0 : 1));
}
