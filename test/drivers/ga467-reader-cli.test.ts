/**
 * The ID-card reader simulator in its own process (devices-sim/cli/serial-sim.ts --driver ga467) on a socat
 * pty pair, the kiosk's Ga467IdCardReader on the other end with serialport: the arrangement of issue 14 §9's
 * wipe test, where only the kiosk's own heap may hold what the card said. The card is laid and lifted through
 * the process's control API by the registry id, as a tester does. Skipped, and says so, without socat.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import type { CardRead } from '../../drivers/devices/id-card-types';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { HAS_SOCAT, startPtyPair, type PtyPair } from '../support/socat-pty';

if (!HAS_SOCAT) process.stderr.write('ga467-reader-cli.test: socat not found, the reader-in-another-process test is SKIPPED\n');

function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^sim ready (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serial-sim exited (${code}) before it was ready`)));
  });
}

const post = (url: string, body: unknown): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe.skipIf(!HAS_SOCAT)('the reader simulator in another process', () => {
  let pty: PtyPair | undefined;
  let sim: ChildProcess | undefined;
  let reader: Ga467IdCardReader | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'ga467-cli-'));

  afterAll(async () => {
    await reader?.close().catch(() => undefined);
    if (sim && sim.exitCode === null) sim.kill('SIGTERM');
    await pty?.unplug();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the card the control API lays on it, and sees no card once it is lifted', async () => {
    pty = await startPtyPair(dir, 'sim', 'reader');
    sim = spawn(process.execPath, ['--import', 'tsx', 'devices-sim/cli/serial-sim.ts', '--driver', 'ga467', '--path', pty.simPath, '--control-port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const url = await readyUrl(sim);
    const listed = (await (await fetch(`${url}/sim/devices`)).json()) as Array<{ id: string; actions: string[] }>;
    expect(listed).toMatchObject([{ id: 'id-card-reader' }]);

    reader = new Ga467IdCardReader({ id: 'id-card-reader', model: 'generic-ga467', transport: new SerialTransport({ path: pty.hostPath, baudRate: 115200 }), clock: new AdjustableClock(), pollIntervalMs: 100 });
    await reader.open();
    expect(reader.status.cardReader).toMatchObject({ sam: 'ok' });
    await reader.enable();
    const read = new Promise<CardRead>((resolve) => reader!.onCardRead(resolve));
    expect((await post(`${url}/sim/devices/id-card-reader/card`, { fixture: 'over70' })).status).toBe(200);
    const card = await read;
    expect(card.text).toMatchObject({ kind: 'resident', birthDate: '1948-06-20', validUntil: 'longTerm' });
    card.wipe();
    expect(card.wiped).toBe(true);

    const lifted = await fetch(`${url}/sim/devices/id-card-reader/card`, { method: 'DELETE' });
    expect(lifted.status).toBe(200);
    expect(await lifted.json()).toMatchObject({ cardReader: { cardPresent: false } });
  }, 30_000);
});
