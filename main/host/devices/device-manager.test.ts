import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../common/device';
import { SILENT_LOGGER } from '../../../common/logger';
import { SimEscPosPrinter } from '../../../devices-sim/escpos/sim-escpos-printer';
import { TcpSimServer } from '../../../devices-sim/tcp/tcp-sim-server';
import { EscPosPrinter } from '../../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { TcpTransport } from '../../../drivers/transport/tcp-transport';
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

  /** A network printer (the TCP simulator) polled fast, under a manager with short back-off. */
  async function lanRig() {
    const clock = new AdjustableClock();
    const lan = await TcpSimServer.start({ clock });
    const printer = new EscPosPrinter({ id: 'lan', roles: ['ticketPrinter'], model: 'generic-escpos-80', transport: new TcpTransport({ host: '127.0.0.1', port: lan.port }), clock, pollIntervalMs: 30, statusTimeoutMs: 100 });
    const manager = new DeviceManager([{ device: printer, transport: 'tcp' }], clock, SILENT_LOGGER, { initialMs: 20, maxMs: 80 });
    cleanups.push(async () => {
      await manager.stop();
      await lan.close();
    });
    return { lan, printer, manager };
  }

  it('a TCP printer that goes silent on a half-open connection is reconnected, not left offline', async () => {
    const { lan, printer, manager } = await lanRig();
    const seen: DeviceStatus['device'][] = [];
    manager.onStatusChanged((_id, s) => seen.push(s.device));
    await manager.start();
    expect(printer.status.device).toBe('online');
    expect(lan.connectionsAccepted).toBe(1);
    // The printer forgets the connection without a FIN or RST: the host's socket stays up and hears nothing.
    lan.abandonConnections();
    await expect.poll(() => seen.includes('offline'), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('online');
    expect(lan.connectionsAccepted).toBeGreaterThanOrEqual(2);
    expect(await printer.print({ jobId: 'after', cut: 'full', blocks: [{ kind: 'text', text: 'A002' }] })).toEqual({ outcome: 'confirmed' });
  });

  it('a TCP printer that answers and says it is offline keeps its connection: a new one would not change its mind', async () => {
    const { lan, printer, manager } = await lanRig();
    await manager.start();
    lan.printer.setFaults({ offline: true });
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('offline');
    expect(printer.silent).toBe(false);
    // Twenty more status rounds answered while offline (each far longer than the 20 ms first reopen delay).
    const asked = lan.printer.statistics().statusRequests;
    await expect.poll(() => lan.printer.statistics().statusRequests, { timeout: 10_000 }).toBeGreaterThan(asked + 80);
    expect(lan.connectionsAccepted).toBe(1);
    lan.printer.clearFaults();
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('online');
  });

  it('a TCP printer still silent after its reconnect is reconnected again, with back-off, until it answers', async () => {
    const { lan, printer, manager } = await lanRig();
    await manager.start();
    lan.printer.setFaults({ noReply: true }); // the firmware hangs: the socket stays up, nothing answers
    await expect.poll(() => lan.connectionsAccepted, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    expect(printer.status.device).not.toBe('online');
    lan.printer.clearFaults();
    await expect.poll(() => printer.status.device, { timeout: 10_000 }).toBe('online');
    expect(await printer.print({ jobId: 'back', cut: 'full', blocks: [{ kind: 'text', text: 'A003' }] })).toEqual({ outcome: 'confirmed' });
  });
});
