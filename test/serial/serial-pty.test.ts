/**
 * One end-to-end path over real serial (ARCHITECTURE.md §5): socat links two pseudo-terminals; the
 * simulator runs in ANOTHER PROCESS on one end, the real EscPosPrinter driver opens the other with
 * serialport. A ticket is confirmed by the printer's process-ID reply; a paper-out fault set over the
 * simulator's control API reaches the driver as status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../common/device';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { ROOT } from '../support/kiosk-process';

const hasSocat = existsSync('/usr/bin/socat');
if (!hasSocat) process.stderr.write('SKIPPED serial pty test: socat is missing (npm test installs it when run as root)\n');

function lineMatching(child: ChildProcess, re: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what}: not seen in 15 s; output:\n${seen}`)), 15_000);
    const onData = (d: Buffer): void => {
      seen += d.toString();
      const m = re.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
}

describe.skipIf(!hasSocat)('ESC/POS over a real serial pty pair, simulator in another process', () => {
  let socat: ChildProcess;
  let sim: ChildProcess;
  let printer: EscPosPrinter;
  let control = '';

  beforeAll(async () => {
    socat = spawn('socat', ['-d', '-d', 'pty,raw,echo=0', 'pty,raw,echo=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const ptys = await lineMatching(socat, /PTY is (\S+)[\s\S]*PTY is (\S+)/, 'socat ptys');
    const [, simPath, hostPath] = ptys as unknown as [string, string, string];
    sim = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'devices-sim/cli/serial-sim.ts'), '--path', simPath, '--model', 'generic-escpos-80', '--line-ms', '2', '--control-port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    control = (await lineMatching(sim, /sim ready (\S+)/, 'sim ready'))[1] as string;
    printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: new SerialTransport({ path: hostPath, baudRate: 115200 }), clock: new AdjustableClock(), pollIntervalMs: 200, jobPollMs: 50 });
    await printer.open();
    await printer.enable();
  }, 30_000);

  afterAll(async () => {
    await printer?.close().catch(() => undefined);
    sim?.kill('SIGTERM');
    socat?.kill('SIGTERM');
  });

  const api = async (path: string, body?: unknown): Promise<unknown> => {
    const base = new URL(control).origin;
    const res = await fetch(`${base}${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(res.ok).toBe(true);
    return res.json();
  };

  it('prints a ticket confirmed by the printer, which the simulator decoded from the serial bytes', async () => {
    expect(printer.status.device).toBe('online');
    const result = await printer.print({
      jobId: 'pty-1',
      cut: 'full',
      blocks: [
        { kind: 'text', text: 'A001', align: 'center', scale: 3, bold: true },
        { kind: 'text', text: '社保医保 · 前面还有 0 人' },
        { kind: 'qr', data: 'HALLKIOSK:test:2026-11-23:A001' },
      ],
    });
    expect(result).toEqual({ outcome: 'confirmed' });
    const list = (await api('/sim/devices')) as Array<{ id: string }>;
    const printed = (await api(`/sim/devices/${list[0]!.id}/printed`)) as Array<{ lines: string[]; qr: string[]; cut: boolean }>;
    expect(printed).toHaveLength(1);
    expect(printed[0]!.lines).toContain('社保医保 · 前面还有 0 人');
    expect(printed[0]!.qr).toEqual(['HALLKIOSK:test:2026-11-23:A001']);
    expect(printed[0]!.cut).toBe(true);
  });

  it('a paper-out fault in the other process reaches the driver as status, and recovery too', async () => {
    const list = (await api('/sim/devices')) as Array<{ id: string }>;
    const id = list[0]!.id;
    const changes: DeviceStatus[] = [];
    const off = printer.onStatusChanged((_d, s) => changes.push(s));
    await api(`/sim/devices/${id}/faults`, { paper: 'out' });
    await expect.poll(() => printer.status.printer?.paper, { timeout: 5000 }).toBe('out');
    const refused = await printer.print({ jobId: 'pty-2', cut: 'full', blocks: [{ kind: 'text', text: 'x' }] });
    expect(refused).toMatchObject({ outcome: 'notPrinted', error: { code: 'paperOut', actor: 'staff' } });
    await api(`/sim/devices/${id}/faults`, { paper: 'full' });
    await expect.poll(() => printer.status.printer?.paper, { timeout: 5000 }).toBe('full');
    off();
    expect(changes.some((s) => s.device === 'userError')).toBe(true);
  });
});
