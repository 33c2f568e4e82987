/**
 * The hidpos entry as the driver table will hold it: for every model, the device and the simulator its
 * factories build speak over a report memory pair and read a code; the configuration half names the same
 * models and refuses roles a scanner cannot serve.
 */
import { describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../common/logger';
import { ManualClock } from '../../common/manual-clock';
import type { BarcodeScanner, Scan } from '../../drivers/devices/scanner-types';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { HIDPOS_SCANNER_MODELS } from '../../drivers/protocol/hidpos/scanner-models';
import { HidTransport } from '../../drivers/transport/hid-transport';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { HIDPOS_CONFIG } from './hidpos-config';
import { HIDPOS_FACTORIES } from './hidpos-driver';
import { openHidReportTransport } from './hidpos-transport';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('the hidpos driver entry', () => {
  it.each(HIDPOS_CONFIG.models)('%s: the table-built device reads what the table-built simulator scans', async (model) => {
    const clock = new ManualClock();
    const pair = createReportMemoryPair('scanner');
    const ctx = { id: 'scanner', roles: ['barcodeScanner' as const], model, options: { simOutput: 'gb18030' }, clock, log: SILENT_LOGGER, statistics: new MemoryStatisticsStore(), timeZone: 'Asia/Shanghai' };
    const sim = HIDPOS_FACTORIES.createSimulator({ ...ctx, transport: pair.device });
    await sim.start();
    const device = HIDPOS_FACTORIES.createDevice(ctx, pair.host) as BarcodeScanner;
    const scans: Scan[] = [];
    device.onScan((s) => scans.push(s));
    await device.open();
    await device.enable();
    sim.actions().scan!.start!({ data: '预约号:A0042', symbology: 'qr' });
    for (let i = 0; i < 3; i++) await turn();
    expect(scans.map((s) => [s.data, s.symbology])).toEqual([['预约号:A0042', 'qr']]);
    await device.close();
    await sim.stop();
  });

  it('lists the model table, takes sim and hid, and a scanner serves only barcodeScanner', () => {
    expect(HIDPOS_CONFIG.models).toEqual(Object.keys(HIDPOS_SCANNER_MODELS));
    expect(HIDPOS_CONFIG.models).toContain(HIDPOS_CONFIG.defaultModel);
    expect(HIDPOS_CONFIG.transports).toEqual(['sim', 'hid']);
    const problems: string[] = [];
    HIDPOS_CONFIG.check({ roles: ['barcodeScanner', 'ticketPrinter'], model: 'generic-hidpos', transport: 'hid', mode: 'production' }, (path, reason) => problems.push(`${path.join('.')}: ${reason}`));
    expect(problems).toEqual(['roles.1: a HID POS scanner can only serve the barcodeScanner role, not ticketPrinter']);
  });

  it('a hid transport opens the POS interface by ids, or a hidraw path when the configuration has one', () => {
    expect(openHidReportTransport('s', { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f })).toBeInstanceOf(HidTransport);
    expect(openHidReportTransport('s', { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f }).description).toBe('hid:0c2e:0b8f/8c');
    expect(openHidReportTransport('s', { kind: 'hid', vendorId: 0, productId: 0, path: '/dev/hidraw3' } as never).description).toBe('hid:/dev/hidraw3');
    expect(() => openHidReportTransport('s', { kind: 'serial', path: '/dev/ttyS0', baudRate: 9600 })).toThrow(/hid transport, not serial/);
  });
});
