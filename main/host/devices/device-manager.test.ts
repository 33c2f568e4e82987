import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/device';
import { SILENT_LOGGER } from '../../../common/logger';
import { SimEscPosPrinter } from '../../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { AdjustableClock } from '../clock/adjustable-clock';
import { DeviceManager } from './device-manager';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function rig() {
  const clock = new AdjustableClock();
  const pair = createMemoryPair('ticket-printer');
  const sim = new SimEscPosPrinter({ id: 'ticket-printer', model: 'generic-escpos-80', transport: pair.device, clock, lineTimeMs: 0 });
  await sim.start();
  const printer = new EscPosPrinter({ id: 'ticket-printer', roles: ['ticketPrinter', 'receiptPrinter'], model: 'generic-escpos-80', transport: pair.host, clock, pollIntervalMs: 30, statusTimeoutMs: 100 });
  const manager = new DeviceManager([{ device: printer, transport: 'sim' }], clock, SILENT_LOGGER, { initialMs: 20, maxMs: 80 });
  cleanups.push(async () => {
    await manager.stop();
    await sim.stop();
  });
  return { sim, printer, manager };
}

describe('DeviceManager', () => {
  it('finds devices by role and summarises them with the registry id', async () => {
    const { manager } = await rig();
    await manager.start();
    expect(manager.forRole('receiptPrinter')?.id).toBe('ticket-printer');
    expect(manager.forRole('idCardReader')).toBeUndefined();
    expect(manager.summaries()).toEqual([
      { id: 'ticket-printer', roles: ['ticketPrinter', 'receiptPrinter'], driver: 'escpos', model: 'generic-escpos-80', transport: 'sim', status: { device: 'online', printer: { paper: 'full', coverOpen: false, cutterError: false, headOverheat: false } } },
    ]);
  });

  it('a device absent at start is retried until it appears; one unplugged later is reopened when it returns', async () => {
    const { sim, printer, manager } = await rig();
    const seen: DeviceStatus['device'][] = [];
    manager.onStatusChanged((_id, s) => seen.push(s.device));
    sim.setFaults({ unplugged: true });
    await manager.start();
    expect(printer.status.device).toBe('noDevice');
    sim.setFaults({ unplugged: false });
    await expect.poll(() => printer.status.device).toBe('online');
    sim.setFaults({ unplugged: true });
    await expect.poll(() => printer.status.device).toBe('noDevice');
    sim.setFaults({ unplugged: false });
    await expect.poll(() => printer.status.device).toBe('online');
    expect(seen.filter((s) => s === 'online')).toHaveLength(2);
  });
});
