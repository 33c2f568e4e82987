/**
 * Issue 15 §3, the device editor on a real serial link: the ticket printer's simulator in another process on
 * one end of a socat pty pair, the kiosk on the other, run from a configuration file of its own. A port that
 * does not exist is refused by the test before anything is saved; a port that opens but where no printer
 * answers is saved, tried, and rolled back: the file is the old one again (a backup kept) and the printer is
 * back online on its old port. Every attempt is in the audit.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequestOf, ApiResultOf } from '../../common/kiosk-api';
import { SILENT_LOGGER } from '../../common/logger';
import { composeKiosk, type Kiosk } from '../../main/composition';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { loadConfig } from '../../main/host/config/load-config';
import { DEMO_ACCOUNT_ID, DEMO_PIN } from '../../main/host/staff/demo-account';
import { startSimProcess, type SimProcess } from '../support/sim-processes';
import { HAS_SOCAT, startPtyPair, type PtyPair } from '../support/socat-pty';

if (!HAS_SOCAT) process.stderr.write('SKIPPED device editor over serial: socat is missing (npm test installs it when run as root)\n');

describe.skipIf(!HAS_SOCAT)('the device editor on a real serial port (issue 15 §3)', () => {
  let dir: string;
  let printerPorts: PtyPair;
  let emptyPorts: PtyPair;
  let sim: SimProcess;
  let kiosk: Kiosk;
  let file: string;
  let original: string;
  let id = 0;
  const call = async <C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> => {
    const reply = await kiosk.api.handle({ kind: 'request', id: ++id, channel, request }, { via: 'ipc', clientId: 'test' });
    if (!reply.ok) throw Object.assign(new Error(`${reply.error.code}: ${reply.error.detail ?? ''}`), { info: reply.error });
    return reply.result as ApiResultOf<C>;
  };
  const printerState = () => kiosk.devices.get('ticket-printer')?.status.device;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hallkiosk-editor-'));
    [printerPorts, emptyPorts] = await Promise.all([startPtyPair(dir, 'printer-sim', 'printer'), startPtyPair(dir, 'empty-sim', 'empty')]);
    sim = await startSimProcess('serial-sim', ['--driver', 'escpos', '--path', printerPorts.simPath, '--line-ms', '2', '--control-port', '0'], /^sim ready (http:\/\/127\.0\.0\.1:\d+)$/u);
    const config = JSON.parse(DEFAULT_CONFIG_JSON) as { devices: Record<string, { transport: unknown }> };
    config.devices['ticket-printer']!.transport = { kind: 'serial', path: printerPorts.hostPath, baudRate: 115200 };
    file = join(dir, 'config.json');
    original = `${JSON.stringify(config, null, 2)}\n`;
    writeFileSync(file, original);
    const clock = new AdjustableClock();
    kiosk = composeKiosk({ config: loadConfig({ env: { KIOSK_CONFIG: file } }), dataDir: dir, clock, log: SILENT_LOGGER, configPath: file });
    await kiosk.start();
    for (let tries = 0; printerState() !== 'online'; tries++) {
      if (tries > 200) throw new Error(`the printer on ${printerPorts.hostPath} did not come online: ${printerState()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await call('staff:open-pad', {});
    await call('staff:sign-in', { accountId: DEMO_ACCOUNT_ID, pin: DEMO_PIN });
  }, 60_000);

  afterAll(async () => {
    await kiosk?.stop().catch(() => undefined);
    await sim?.stop();
    await Promise.all([printerPorts?.unplug(), emptyPorts?.unplug()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the serial link and lets it be edited', async () => {
    const printer = (await call('tech:devices', {})).find((d) => d.id === 'ticket-printer')!;
    expect(printer).toMatchObject({ transport: { kind: 'serial', port: printerPorts.hostPath, baudRate: 115200 }, editable: { ok: true } });
  });

  it('refuses a port that does not exist before saving anything', async () => {
    const result = await call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: '/dev/ttyUSB-not-here', baudRate: 9600 } });
    expect(result.outcome).toBe('notSaved');
    expect(result.message).toContain('/dev/ttyUSB-not-here');
    expect(readFileSync(file, 'utf8')).toBe(original);
    await expect.poll(printerState, { timeout: 10_000 }).toBe('online');
  });

  it('rolls back a port where no printer answers: the old file and the printer online on its old port', async () => {
    const result = await call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: emptyPorts.hostPath, baudRate: 115200 } });
    expect(result).toMatchObject({ outcome: 'rolledBack' });
    expect(result.backupPath && existsSync(result.backupPath)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(original);
    await expect.poll(printerState, { timeout: 10_000 }).toBe('online');
    expect(kiosk.api.snapshot().availability.find((a) => a.service === 'takeTicket')).toMatchObject({ available: true });
  }, 60_000);

  it('applies a change the printer comes up on (a new speed on the same port, which it lets go of for the test): saved with a backup', async () => {
    const result = await call('tech:edit-device', { deviceId: 'ticket-printer', transport: { kind: 'serial', path: printerPorts.hostPath, baudRate: 9600 } });
    expect(result).toMatchObject({ outcome: 'applied' });
    expect(readFileSync(result.backupPath!, 'utf8')).toBe(original);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { devices: Record<string, { transport: unknown }> };
    expect(saved.devices['ticket-printer']!.transport).toEqual({ kind: 'serial', path: printerPorts.hostPath, baudRate: 9600 });
    expect(printerState()).toBe('online');
    expect((await call('tech:devices', {})).find((d) => d.id === 'ticket-printer')!.transport).toMatchObject({ baudRate: 9600 });
    const outcomes = kiosk.staff.audit.verify();
    expect(outcomes).toMatchObject({ ok: true });
  }, 60_000);
});
