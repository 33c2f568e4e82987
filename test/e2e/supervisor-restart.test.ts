/**
 * The supervisor with the REAL host (issue 9 §3, §12): kill -9 the host child; the supervisor restarts it
 * on the same port, prints `kiosk ready` again, and the queue continues from the database — no number is
 * reused.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs } from '../support/ws-client';

function hostPidOf(launcherPid: number): number {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(launcherPid)]).toString().trim().split(/\s+/).map(Number);
  if (out.length !== 1 || !out[0]) throw new Error(`expected one host child, found ${out.join(',')}`);
  return out[0];
}

describe('supervisor restarts a killed host', () => {
  let kiosk: RunningKiosk;
  beforeAll(async () => {
    kiosk = await startKiosk({ env: { KIOSK_SIM_LINE_MS: '0' } });
  }, 60_000);
  afterAll(async () => kiosk?.stop());

  it('same port, ready again, numbering continues', async () => {
    const take = async (requestId: string): Promise<string> => {
      const client = await connectWs(kiosk.kioskUrl);
      try {
        const businesses = await client.call('queue:list-businesses', {});
        const open = businesses.find((b) => b.open);
        expect(open, 'an open business (D is 24-hour)').toBeDefined();
        const result = await client.call('queue:take-ticket', { businessId: open!.id, requestId });
        if (result.outcome !== 'issued') throw new Error(JSON.stringify(result));
        await client.call('session:end', { reason: 'done' });
        return result.ticket.number;
      } finally {
        client.close();
      }
    };
    const first = await take('before-crash');
    const pid = hostPidOf(kiosk.child.pid as number);
    process.kill(pid, 'SIGKILL');
    const second = await kiosk.waitForReady(2);
    expect(second.split(' ')[2]).toBe(kiosk.readyLines[0]!.split(' ')[2]);
    expect(hostPidOf(kiosk.child.pid as number)).not.toBe(pid);
    const next = await take('after-crash');
    expect(Number(next.slice(1))).toBe(Number(first.slice(1)) + 1);
  });

  it('a frozen host (SIGSTOP: its event loop sends no heartbeat) is killed after server.hostHangAfterMs (15 s) and restarted', async () => {
    const pid = hostPidOf(kiosk.child.pid as number);
    const readyBefore = kiosk.readyLines.length;
    process.kill(pid, 'SIGSTOP');
    const frozenAt = Date.now();
    await kiosk.waitForReady(readyBefore + 1, 40_000);
    const tookMs = Date.now() - frozenAt;
    expect(tookMs, 'not before the hang limit').toBeGreaterThanOrEqual(14_000);
    expect(hostPidOf(kiosk.child.pid as number)).not.toBe(pid);
    expect(() => process.kill(pid, 0), 'the frozen host is gone').toThrow();
    expect(kiosk.output()).toMatch(/host hung, killing it/u);
  }, 60_000);
});
