/**
 * A USB ticket printer on usblp (issue 13 §2), the device file played by a socat pty with the ESC/POS
 * simulator on the other end: a ticket is confirmed by the printer's own reply through the same file;
 * unplugged (socat ends: its link vanishes like /dev/usb/lp0, or dangles) the device is noDevice with the
 * USB wording for the technician; plugged back in, the device manager reopens it by itself.
 * Skipped, and says so, where socat is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { SerialTransport } from '../../drivers/transport/serial-transport';
import { UsblpTransport } from '../../drivers/transport/usblp-transport';
import { AlertBus } from '../../main/host/alerts/alert-bus';
import { AdjustableClock } from '../../main/host/clock/adjustable-clock';
import { syncDeviceAlerts } from '../../main/host/devices/device-alerts';
import { DeviceManager } from '../../main/host/devices/device-manager';
import { HAS_SOCAT, startPtyPair, type PtyPair } from '../support/socat-pty';

if (!HAS_SOCAT) process.stderr.write('SKIPPED usblp pty test: socat is missing (npm test installs it when run as root)\n');

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const ticket = (number: string) => ({ jobId: number, cut: 'full' as const, blocks: [{ kind: 'text' as const, text: number, align: 'center' as const, scale: 3 as const }, { kind: 'text' as const, text: '社保医保 · 前面还有 0 人' }] });

/** A printer plugged in: the pty pair and the simulator on its far end. */
async function plugIn(dir: string, clock: AdjustableClock): Promise<{ pair: PtyPair; sim: SimEscPosPrinter }> {
  const pair = await startPtyPair(dir);
  const sim = new SimEscPosPrinter({ id: 'ticket-printer', model: 'generic-escpos-80', transport: new SerialTransport({ path: pair.simPath, baudRate: 115200 }), clock, lineTimeMs: 2 });
  await sim.start();
  cleanups.push(async () => {
    await sim.stop();
    await pair.unplug();
  });
  return { pair, sim };
}

describe.skipIf(!HAS_SOCAT)('a USB printer on a usblp device file (through a pty)', () => {
  it('confirms a ticket through the same file; unplugged → noDevice for the technician; re-plugged → reopened by itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-usblp-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const clock = new AdjustableClock();
    let plugged = await plugIn(dir, clock);
    const printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: new UsblpTransport({ path: join(dir, 'lp0') }), clock, pollIntervalMs: 100, jobPollMs: 50 });
    const manager = new DeviceManager([{ device: printer, transport: 'usblp' }], clock, SILENT_LOGGER, { initialMs: 50, maxMs: 200 });
    const alerts = new AlertBus(clock, SILENT_LOGGER);
    manager.onStatusChanged((id, status) => syncDeviceAlerts(alerts, id, status, manager.transportKind(id)));
    cleanups.push(() => manager.stop());
    await manager.start();
    expect(printer.status.device).toBe('online');

    expect(await printer.print(ticket('A001'))).toEqual({ outcome: 'confirmed' });
    expect(plugged.sim.printed().map((t) => t.lines)).toEqual([['A001', '社保医保 · 前面还有 0 人']]);

    for (const how of ['clean', 'hard'] as const) {
      await plugged.sim.stop();
      await plugged.pair.unplug(how);
      await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('noDevice');
      expect(alerts.active()).toMatchObject([{ code: 'noDevice', actor: 'technician', message: expect.stringContaining('USB 连接已断开') }]);
      expect(await printer.print(ticket('A002'))).toMatchObject({ outcome: 'notPrinted', error: { code: 'noDevice' } });

      if (how === 'hard') rmSync(join(dir, 'lp0'), { force: true }); // the dangling link, as udev would
      plugged = await plugIn(dir, clock);
      await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('online');
      expect(alerts.active()).toEqual([]);
      expect(await printer.print(ticket('A003'))).toEqual({ outcome: 'confirmed' });
      expect(plugged.sim.printed().map((t) => t.lines[0])).toEqual(['A003']);
    }
  }, 60_000);
});
