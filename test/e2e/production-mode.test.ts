/**
 * Production mode (issue 9 §4): a `sim` transport is refused at start-up with a message naming the field;
 * with a real (TCP) printer the control API never starts (`sim: off`), and tickets print through it.
 * Every port the kiosk's processes listen on is probed for the control API (issue 13 §6): none answers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TcpSimServer } from '../../devices-sim/tcp/tcp-sim-server';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { ROOT, startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { listeningPorts } from '../support/listening-ports';
import { connectWs } from '../support/ws-client';

/** The default configuration in production with these devices, and without the training demo staff account (refused there). */
const productionConfig = (devices: unknown): unknown => ({ ...JSON.parse(DEFAULT_CONFIG_JSON), mode: 'production', devices, staff: { accounts: [] } });

let kiosk: RunningKiosk | undefined;
let lan: TcpSimServer | undefined;
afterAll(async () => {
  await kiosk?.stop();
  await lan?.close();
});

describe('production mode', () => {
  it('refuses a simulated device at start-up, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-prod-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(productionConfig({ 'ticket-printer': { role: 'ticketPrinter', driver: 'escpos', transport: { kind: 'sim' } } })));
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/main/launcher.mjs'), '--headless', '--config', file], { env: { ...process.env, KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dir }, timeout: 20_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(78);
    expect(run.stderr.toString()).toMatch(/devices\["ticket-printer"\]\.transport\.kind: a simulated device/);
    expect(run.stdout.toString()).not.toContain('kiosk ready');
  });

  it('runs with a network printer, no control API, and prints a confirmed ticket', async () => {
    lan = await TcpSimServer.start({ clock: new AdjustableClock() });
    kiosk = await startKiosk({
      config: productionConfig({ 'ticket-printer': { role: ['ticketPrinter', 'receiptPrinter'], driver: 'escpos', model: 'generic-escpos-80', transport: { kind: 'tcp', host: '127.0.0.1', port: lan.port } } }),
    });
    expect(kiosk.simUrl).toBe('off');
    expect(new URLSearchParams(new URL(kiosk.kioskUrl).hash.slice(1)).get('mode')).toBe('production');
    const client = await connectWs(kiosk.kioskUrl);
    const snapshot = await client.call('kiosk:get-snapshot', {});
    expect(snapshot.mode).toBe('production');
    await expect.poll(async () => (await client.call('kiosk:get-snapshot', {})).availability[0]?.available, { timeout: 10_000 }).toBe(true);
    const open = snapshot.businesses.find((b) => b.open)!;
    const result = await client.call('queue:take-ticket', { businessId: open.id, requestId: 'prod-1' });
    expect(result.outcome).toBe('issued');
    expect(lan.printer.printed()[0]?.cut).toBe(true);
    client.close();
  });

  it('answers no control API on any port its processes listen on', async () => {
    expect(kiosk, 'the kiosk of the previous test').toBeDefined();
    const ports = listeningPorts(kiosk!.child.pid as number);
    const kioskPort = Number(new URL(kiosk!.kioskUrl).port);
    expect(ports).toContain(kioskPort);
    for (const port of ports) {
      for (const path of ['/sim/devices', '/sim/reset', '/sim/clock']) {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: path === '/sim/devices' ? 'GET' : 'POST', body: path === '/sim/devices' ? undefined : '{}' }).catch(() => null);
        // Nothing (a port that speaks something other than HTTP) or a refusal; never a device list or a reset.
        if (res) expect(res.status, `${port}${path}`).toBeGreaterThanOrEqual(400);
      }
    }
  });
});
