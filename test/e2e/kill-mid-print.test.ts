/**
 * kill -9 of the host in the middle of a print (issue 13 §6): the supervisor restarts it on the same data
 * folder; the number that was printing is `uncertain` (the paper may or may not be in the tray, §8.3), staff
 * find it with `npm run tickets`, and it is never handed out again: the next ticket takes the next number.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs } from '../support/ws-client';

function hostPidOf(launcherPid: number): number {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(launcherPid)]).toString().trim().split(/\s+/).map(Number);
  if (out.length !== 1 || !out[0]) throw new Error(`expected one host child, found ${out.join(',')}`);
  return out[0];
}

interface StaffList {
  uncertain: Array<{ number: string; status: string }>;
}

describe('the host killed mid-print', () => {
  let kiosk: RunningKiosk;
  // 150 ms a line: a ticket takes seconds to print, so the kill lands inside it.
  beforeAll(async () => (kiosk = await startKiosk({ env: { KIOSK_SIM_LINE_MS: '150' } })), 60_000);
  afterAll(async () => kiosk?.stop());

  it('leaves that number uncertain and unused after the restart', async () => {
    const client = await connectWs(kiosk.kioskUrl);
    const open = (await client.call('queue:list-businesses', {})).find((b) => b.open)!;
    // Never answered: the host dies before the printer confirms.
    void client.call('queue:take-ticket', { businessId: open.id, requestId: 'killed-mid-print' }).catch(() => undefined);
    // The issuer logs the number once its first byte is on the wire (ticket-issuer.ts onSending).
    const [line] = await kiosk.waitForOutput(/^.*ticket printing started.*$/mu);
    const number = /"number":"([A-Z]\d{3})"/u.exec(line)?.[1];
    expect(number, line).toBeDefined();
    process.kill(hostPidOf(kiosk.child.pid as number), 'SIGKILL');
    client.close();
    await kiosk.waitForReady(2);
    await kiosk.waitForOutput(/tickets settled after restart/u);

    const staff = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist/main/tickets.mjs'), '--json', '--data', kiosk.dataDir]).toString()) as StaffList;
    expect(staff.uncertain.map((t) => t.number)).toEqual([number]);

    const after = await connectWs(kiosk.kioskUrl);
    const result = await after.call('queue:take-ticket', { businessId: open.id, requestId: 'after-restart' });
    after.close();
    expect(result.outcome).toBe('issued');
    if (result.outcome !== 'issued') return;
    expect(result.ticket.number).not.toBe(number);
    expect(Number(result.ticket.number.slice(1))).toBe(Number(number!.slice(1)) + 1);
    const printed = (await kiosk.sim('/sim/devices/ticket-printer/printed')) as Array<{ lines: string[]; cut: boolean }>;
    expect(printed.filter((t) => t.cut && t.lines.some((l) => l.includes(result.ticket.number)))).toHaveLength(1);
  }, 60_000);
});
