/**
 * The network printer simulator in its own process (cli/tcp-sim.ts), reached over real TCP by the driver's
 * own TcpTransport, and driven by its control API (issue 13 §2).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscPosEncoder, realtimeStatusRequest } from '../../drivers/protocol/escpos/encoder';
import { REPLIES } from '../../drivers/protocol/escpos/fixtures';
import { TcpTransport } from '../../drivers/transport/tcp-transport';
import { parseTcpSimArgs } from './tcp-sim-args';

describe('parseTcpSimArgs', () => {
  it('reads the documented flags with their defaults', () => {
    expect(parseTcpSimArgs([])).toEqual({ host: '127.0.0.1', port: 9100, model: 'generic-escpos-80', id: 'ticket-printer', lineMs: undefined, controlPort: 0, paper: 'full' });
    expect(parseTcpSimArgs(['--host', '0.0.0.0', '--port', '0', '--model', 'epson-tm-t88', '--line-ms', '3'])).toMatchObject({ host: '0.0.0.0', port: 0, model: 'epson-tm-t88', lineMs: 3 });
  });

  it.each([
    [['--host', 'printer.local'], /--host must be an IP address/],
    [['--port', '65536'], /--port/],
    [['--paper', 'torn'], /--paper/],
    [['--path', '/dev/pts/1'], /path/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseTcpSimArgs(argv)).toThrow(message);
  });
});

describe('cli/tcp-sim.ts in its own process', () => {
  let sim: ChildProcess;
  let host: TcpTransport;
  let controlUrl = '';
  const received: number[] = [];
  let waiter: (() => void) | undefined;
  const next = async (n: number): Promise<number[]> => {
    while (received.length < n) await new Promise<void>((resolve) => (waiter = resolve));
    return received.splice(0, n);
  };

  beforeAll(async () => {
    sim = spawn(process.execPath, ['--import', 'tsx', 'devices-sim/cli/tcp-sim.ts', '--port', '0', '--line-ms', '0', '--control-port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
      const lines = createInterface({ input: sim.stdout! });
      lines.on('line', (line) => {
        const m = /^sim ready tcp:\/\/127\.0\.0\.1:(\d+) (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (m) resolve(m);
      });
      lines.on('close', () => reject(new Error('tcp-sim ended before it was ready')));
    });
    controlUrl = ready[2]!;
    host = new TcpTransport({ host: '127.0.0.1', port: Number(ready[1]) });
    await host.open();
    host.onData((chunk) => {
      received.push(...chunk);
      waiter?.();
    });
  });

  afterAll(async () => {
    await host?.close();
    if (sim?.exitCode === null) sim.kill('SIGTERM');
  });

  it('answers status and prints over TCP; a fault set over its control API shows in the next reply', async () => {
    await host.write(realtimeStatusRequest(1));
    expect(await next(1)).toEqual([REPLIES.healthy]);
    await host.write(new EscPosEncoder().initialize().chineseMode(true).line('取号成功 A001').cut('partial').processIdRequest('T001').build().bytes);
    expect(await next(7)).toEqual([...REPLIES.processIdT001]);
    const printed = (await (await fetch(`${controlUrl}/sim/devices/ticket-printer/printed`)).json()) as { lines: string[]; cut: boolean }[];
    expect(printed).toMatchObject([{ lines: ['取号成功 A001'], cut: true }]);
    const faults = await fetch(`${controlUrl}/sim/devices/ticket-printer/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ paper: 'out' }) });
    expect(faults.status).toBe(200);
    await host.write(realtimeStatusRequest(4));
    expect(await next(1)).toEqual([REPLIES.rollEnd]);
  });
});
