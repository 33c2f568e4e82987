/**
 * The simulator in its own process on a socat pty pair, the test opening the other end with serialport
 * (ARCHITECTURE.md §5). Skipped, and says so, where socat is not installed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscPosEncoder, realtimeStatusRequest } from '../../drivers/protocol/escpos/encoder';
import { REPLIES } from '../../drivers/protocol/escpos/fixtures';
import { SerialTransport } from '../../drivers/transport/serial-transport';

const hasSocat = spawnSync('socat', ['-V']).status === 0;
if (!hasSocat) process.stderr.write('serial-sim.test: socat not found, the pty end-to-end test is SKIPPED\n');

/** Resolves with the first capture of `pattern` in the stream's lines. */
function firstMatch(stream: NodeJS.ReadableStream, pattern: RegExp, count = 1): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const found: string[] = [];
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      const m = pattern.exec(line);
      if (m) found.push(m[1]!);
      if (found.length === count) {
        lines.close();
        resolve(found);
      }
    });
    lines.on('close', () => {
      if (found.length < count) reject(new Error(`stream ended before ${pattern}`));
    });
  });
}

describe.skipIf(!hasSocat)('cli/serial-sim.ts on a pty pair', () => {
  const children: ChildProcess[] = [];
  let host: SerialTransport;
  let controlUrl: string;
  const received: number[] = [];
  let waiter: (() => void) | undefined;

  const next = async (n: number): Promise<number[]> => {
    while (received.length < n) await new Promise<void>((resolve) => (waiter = resolve));
    return received.splice(0, n);
  };

  beforeAll(async () => {
    const socat = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(socat);
    const [simPath, hostPath] = await firstMatch(socat.stderr!, /PTY is (\S+)/, 2);
    const sim = spawn(process.execPath, ['--import', 'tsx', 'devices-sim/cli/serial-sim.ts', '--path', simPath!, '--model', 'generic-escpos-80', '--line-ms', '0', '--control-port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(sim);
    [controlUrl] = (await firstMatch(sim.stdout!, /^sim ready (http:\/\/127\.0\.0\.1:\d+)$/)) as [string];
    host = new SerialTransport({ path: hostPath!, baudRate: 115200 });
    await host.open();
    host.onData((chunk) => {
      received.push(...chunk);
      waiter?.();
    });
  });

  afterAll(async () => {
    await host?.close();
    for (const c of children.reverse()) if (c.exitCode === null) c.kill('SIGTERM');
  });

  it('answers status, prints a ticket, and is driven by its control API', async () => {
    await host.write(realtimeStatusRequest(1));
    expect(await next(1)).toEqual([REPLIES.healthy]);

    await host.write(new EscPosEncoder().initialize().chineseMode(true).line('取号成功 A001').cut('partial').processIdRequest('T001').build().bytes);
    expect(await next(7)).toEqual([...REPLIES.processIdT001]);
    const printed = (await (await fetch(`${controlUrl}/sim/devices/ticket-printer/printed`)).json()) as { lines: string[]; cut: boolean }[];
    expect(printed).toMatchObject([{ lines: ['取号成功 A001'], cut: true }]);

    const faults = await fetch(`${controlUrl}/sim/devices/ticket-printer/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ paper: 'out' }),
    });
    expect(faults.status).toBe(200);
    await host.write(realtimeStatusRequest(4));
    expect(await next(1)).toEqual([REPLIES.rollEnd]);

    const clock = await fetch(`${controlUrl}/sim/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"set":"2026-11-23T09:00:00+08:00"}' });
    const { now } = (await clock.json()) as { now: string };
    // Real time runs on from the set instant: allow the request's own duration.
    const delta = Date.parse(now) - Date.UTC(2026, 10, 23, 1, 0, 0);
    expect(delta).toBeGreaterThanOrEqual(0);
    expect(delta).toBeLessThan(5000);
  });
});
