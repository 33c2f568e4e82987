/**
 * Cold start of `npm start -- --headless` to its `kiosk ready` line (target under 3 s), on free ports with a
 * fresh data folder each run; baseline in the same run: a bare `node -e ""` start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = join(import.meta.dirname, '..');

/**
 * Milliseconds from spawn until `marker` appears on stdout (or until exit, with no marker). Resolves only when
 * the output pipes close, i.e. every process that held them (npm, launcher, supervisor, host) has exited, so
 * the next run starts on a quiet machine and the data folder is no longer written.
 */
function timeUntil(cmd: string, args: string[], env: NodeJS.ProcessEnv, marker: RegExp | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let readyMs: number | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (marker && readyMs === null && marker.test(out)) {
        readyMs = performance.now() - t0;
        try {
          process.kill(-(child.pid as number), 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => {
      if (!marker) resolve(performance.now() - t0);
      else if (readyMs !== null) resolve(readyMs);
      else reject(new Error(`exited ${code} before ready:\n${out}`));
    });
  });
}

export async function coldStart(runs: number): Promise<{ start: number[]; bareNode: number[] }> {
  const start: number[] = [];
  const bareNode: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-cold-'));
    const env = { ...process.env, KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dataDir };
    start.push(await timeUntil('npm', ['start', '--silent', '--', '--headless'], env, /kiosk ready: /));
    rmSync(dataDir, { recursive: true, force: true });
    bareNode.push(await timeUntil(process.execPath, ['-e', ''], process.env, null));
  }
  return { start, bareNode };
}
