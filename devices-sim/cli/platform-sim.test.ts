/**
 * The platform simulator in its own process (cli/platform-sim.ts), reached over loopback HTTP by the kiosk's
 * own PlatformClient, as a training kiosk with `platform.baseUrl` reaches it (issue 14 §9's wipe test runs it
 * so; the kiosk's heap then holds none of the platform's fake citizens).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { PlatformClient } from '../../main/host/platform/platform-client';
import { fixturePerson } from '../platform/seed-appointments';
import { parsePlatformSimArgs } from './platform-sim-args';

describe('parsePlatformSimArgs', () => {
  it('reads the documented flags with their defaults', () => {
    expect(parsePlatformSimArgs([])).toEqual({ port: 0, seed: 1, latencyMs: [300, 800] });
    expect(parsePlatformSimArgs(['--port', '8630', '--seed', '7', '--latency-ms', '0'])).toEqual({ port: 8630, seed: 7, latencyMs: [0, 0] });
    expect(parsePlatformSimArgs(['--latency-ms', '100-250'])).toMatchObject({ latencyMs: [100, 250] });
  });

  it.each([
    [['--port', '65536'], /--port/],
    [['--seed', '-3'], /--seed/],
    [['--latency-ms', 'fast'], /--latency-ms must be/],
    [['--latency-ms', '800-300'], /MIN ≤ MAX/],
    [['--latency-ms', '999999'], /--latency-ms must be/],
    [['--path', '/dev/pts/1'], /path/],
  ])('refuses %j', (argv, message) => {
    expect(() => parsePlatformSimArgs(argv)).toThrow(message);
  });
});

describe('cli/platform-sim.ts in its own process', () => {
  let sim: ChildProcess | undefined;
  afterAll(() => {
    if (sim && sim.exitCode === null) sim.kill('SIGKILL');
  });

  it('prints "platform ready <url>", answers the platform API and its control routes, and exits on SIGTERM', async () => {
    sim = spawn(process.execPath, ['--import', 'tsx', 'devices-sim/cli/platform-sim.ts', '--port', '0', '--latency-ms', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const child = sim;
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /^platform ready (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`platform-sim exited (${code}) before it was ready`)));
    });
    const state = (await (await fetch(`${url}/sim/platform`)).json()) as { appointments: number; faults: { latencyMs: unknown } };
    expect(state.appointments).toBeGreaterThan(0);
    expect(state.faults.latencyMs).toEqual([0, 0]);

    const client = new PlatformClient({ baseUrl: url, kioskId: 'kiosk-01', clock: new AdjustableClock(), timeoutMs: 5_000 });
    // foreign2023's window starts on the current half hour: it is today's whatever the hour (adult's began half
    // an hour before, which just after the hall's midnight is yesterday's).
    const person = fixturePerson('foreign2023');
    const found = await client.findAppointments({ idNumber: person.idNumber, cardType: person.cardType });
    expect(found).toMatchObject({ ok: true, value: [{ businessId: 'social-insurance', personMaskedName: '示***' }] });

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 30_000);
});
