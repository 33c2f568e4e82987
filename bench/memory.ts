/**
 * Memory (issue 13 §7), each beside a baseline measured in the same run:
 * - the host's resident memory at idle (the real `npm start -- --headless` tree, the host child's VmRSS after
 *   a few quiet seconds) beside an empty Node HTTP server's;
 * - the host's heap after 10,000 tickets beside after 100 (in process, after a full GC each time): no
 *   growth beyond noise, or something keeps every ticket.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SILENT_LOGGER } from '../common/logger';
import { composeKiosk } from '../main/composition';
import { AdjustableClock } from '../main/host/clock/adjustable-clock';
import { benchConfig } from './ticket-latency';

const ROOT = join(import.meta.dirname, '..');
const IDLE_MS = 3_000;

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts `cmd`, waits for `marker` on stdout (its match's group 1 is the pid to measure), idles, reads RSS. */
function idleRss(cmd: string, args: string[], env: NodeJS.ProcessEnv, marker: RegExp): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    let pid: number | null = null;
    let rss: number | null = null;
    const onOut = (d: Buffer): void => {
      out += d.toString();
      const m = pid === null ? marker.exec(out) : null;
      if (!m) return;
      pid = Number(m[1] ?? child.pid);
      void sleep(IDLE_MS).then(() => {
        try {
          rss = rssKb(pid!);
        } finally {
          try {
            process.kill(-(child.pid as number), 'SIGTERM');
          } catch {
            /* gone */
          }
        }
      });
    };
    child.stdout.on('data', onOut);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => (rss === null ? reject(new Error(`no measurement:\n${out}`)) : resolve(rss)));
  });
}

export async function idleMemory(): Promise<{ hostKb: number; emptyServerKb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-mem-'));
  try {
    const env = { ...process.env, KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dataDir, KIOSK_HEADLESS: '1' };
    // The supervisor logs the host child's pid when it starts it; the host is measured once it is ready.
    const hostKb = await idleRss(process.execPath, [join(ROOT, 'dist/main/launcher.mjs'), '--headless'], env, /"pid":(\d+),"ports"[^\n]*host started[\s\S]*kiosk ready: /);
    const server = "require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', () => process.stdout.write('listening ' + process.pid + '\\n'))";
    const emptyServerKb = await idleRss(process.execPath, ['-e', server], process.env, /listening (\d+)/);
    return { hostKb, emptyServerKb };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export async function heapGrowth(total = 10_000, early = 100): Promise<{ earlyBytes: number; lateBytes: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallkiosk-heap-'));
  const clock = new AdjustableClock();
  const kiosk = composeKiosk({ config: benchConfig(), dataDir, clock, log: SILENT_LOGGER, simLineTimeMs: 0 });
  await kiosk.start();
  let earlyBytes = 0;
  try {
    for (let i = 1; i <= total; i++) {
      const reply = await kiosk.api.handle({ kind: 'request', id: i, channel: 'queue:take-ticket', request: { businessId: i % 2 ? 'bench-a' : 'bench-b', requestId: `heap-${i}` } }, { via: 'ipc', clientId: 'bench' });
      if (!reply.ok || (reply.result as { outcome: string }).outcome !== 'issued') throw new Error(`ticket ${i}: ${JSON.stringify(reply)}`);
      kiosk.session.end('done');
      if (i % 1_900 === 0) clock.advance(86_400_000); // a new hall day: numbering restarts before 999
      if (i === early) {
        fullGc();
        earlyBytes = process.memoryUsage().heapUsed;
      }
    }
    fullGc();
    return { earlyBytes, lateBytes: process.memoryUsage().heapUsed };
  } finally {
    await kiosk.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
