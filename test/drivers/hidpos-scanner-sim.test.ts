/**
 * HidPosBarcodeScanner ↔ SimHidScanner over the in-memory report pair (ARCHITECTURE.md §5 "driver tests on a
 * memory pair with a Sim* on the other end"), with every fault of the simulator: scans of every kind and
 * length, garbage reported once, silence, unplug → noDevice and reopening, scanning off. Waits are on
 * conditions (microtasks drained); time moves only on the manual clock.
 */
import { describe, expect, it } from 'vitest';
import type { KioskErrorInfo } from '../../common/errors';
import { ManualClock } from '../../common/manual-clock';
import { SimHidScanner, type SimHidScannerOptions } from '../../devices-sim/hid-scanner/sim-hid-scanner';
import { HidPosBarcodeScanner, type HidPosBarcodeScannerOptions } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import type { Scan } from '../../drivers/devices/scanner-types';
import { MemoryStatisticsStore } from '../../drivers/devices/statistics';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const settle = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await turn();
};

async function rig(options: { sim?: Partial<SimHidScannerOptions>; driver?: Partial<HidPosBarcodeScannerOptions>; enable?: boolean } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 1, 0, 0));
  const pair = createReportMemoryPair('scanner');
  const model = options.sim?.model ?? 'generic-hidpos';
  const sim = new SimHidScanner({ id: 'scanner', model, transport: pair.device, clock, ...options.sim });
  await sim.start();
  const statistics = new MemoryStatisticsStore();
  const scanner = new HidPosBarcodeScanner({ id: 'scanner', model, transport: pair.host, clock, statistics, ...options.driver });
  const scans: Scan[] = [];
  const failures: KioskErrorInfo[] = [];
  scanner.onScan((s) => scans.push(s));
  scanner.onScanFailed((e) => failures.push(e));
  await scanner.open();
  if (options.enable !== false) await scanner.enable();
  const scan = async (body: unknown): Promise<void> => {
    sim.actions().scan!.start!(body);
    await settle();
  };
  return { clock, pair, sim, scanner, scans, failures, scan, statistics };
}

describe('HidPosBarcodeScanner on SimHidScanner', () => {
  it('opens online with scanning on once enabled, and reads an appointment code and an e-certificate QR', async () => {
    const r = await rig();
    expect(r.scanner.status).toEqual({ device: 'online', scanner: { scanning: true } });
    await r.scan({ data: 'YY20261123A0042', symbology: 'code128' });
    await r.scan({ data: 'DZZZ|营业执照|四川省成都市高新区天府大道|91510100MA6C00000X|2026-11-23' });
    expect(r.scans.map((s) => [s.data, s.symbology, s.aim])).toEqual([
      ['YY20261123A0042', 'code128', ']C0'],
      ['DZZZ|营业执照|四川省成都市高新区天府大道|91510100MA6C00000X|2026-11-23', 'qr', ']Q1'],
    ]);
    expect(r.scans[0]!.scannedAt).toBe(r.clock.now());
    expect(r.failures).toEqual([]);
    expect(r.scanner.statistics()).toMatchObject({ scans: 2, 'scans.qr': 1, 'scans.code128': 1 });
  });

  it.each(['generic-hidpos', 'honeywell-hidpos', 'engine-hidpos-data-first'])('%s: codes of 1 to 300 characters, Chinese included, arrive whole', async (model) => {
    const r = await rig({ sim: { model } });
    for (const length of [1, 2, 55, 56, 57, 112, 113, 300]) {
      const data = Array.from({ length }, (_, i) => (i % 7 === 3 ? '证' : String.fromCharCode(0x30 + (i % 10)))).join('');
      await r.scan({ data, symbology: 'qr' });
      expect(r.scans.at(-1)?.data, `${length} characters`).toBe(data);
      expect(r.scans.at(-1)?.symbology).toBe('qr');
    }
  });

  it('reads a scanner set to GB18030 output', async () => {
    const r = await rig({ sim: { output: 'gb18030' } });
    await r.scan({ data: '预约号:A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['预约号:A0042']);
  });

  it('garbage: counted every report, reported once per burst as scanUnreadable (citizen), again after a quiet time; a good scan then reads', async () => {
    const r = await rig();
    r.sim.setFaults({ garbage: true });
    await r.scan({ data: 'A0042' });
    await r.scan({ data: 'A0042' });
    expect(r.scans).toEqual([]);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatchObject({ code: 'scanUnreadable', actor: 'citizen' });
    expect(r.failures[0]!.detail).toMatch(/no readable label: (length byte \d+ where a report carries 1 to 56|\d+ bytes that are not valid)/);
    expect(r.scanner.statistics()).toMatchObject({ unreadableReports: 6, unreadableScans: 1 });
    r.clock.advance(2000);
    await r.scan({ data: 'A0042' });
    expect(r.failures).toHaveLength(2);
    r.sim.clearFaults();
    await r.scan({ data: 'A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['A0042']);
    r.sim.setFaults({ garbage: true });
    await r.scan({ data: 'A0042' });
    expect(r.failures).toHaveLength(3); // a good scan ended the burst
  });

  it('noReply: the scanner reads nothing; the driver stays online and hears nothing', async () => {
    const r = await rig();
    r.sim.setFaults({ noReply: true });
    await r.scan({ data: 'A0042' });
    expect(r.scans).toEqual([]);
    expect(r.failures).toEqual([]);
    expect(r.scanner.status.device).toBe('online');
    expect(r.sim.statistics()).toMatchObject({ scans: 1, reportsSent: 0 });
  });

  it('unplugged: noDevice with scanning off, the scan action refuses (409), reopening fails until replugged, then reads again', async () => {
    const r = await rig();
    const deltas: unknown[] = [];
    r.scanner.onStatusChanged((d) => deltas.push(d));
    r.sim.setFaults({ unplugged: true });
    await settle();
    expect(r.scanner.status).toEqual({ device: 'noDevice', scanner: { scanning: false } });
    expect(deltas).toEqual([{ device: 'noDevice', scanner: { scanning: false } }]);
    expect(r.scanner.lifecycle).toBe('closed');
    expect(() => r.sim.actions().scan!.start!({ data: 'A0042' })).toThrow(expect.objectContaining({ badRequest: false, message: expect.stringContaining('unplugged') }));
    await expect(r.scanner.open()).rejects.toMatchObject({ code: 'noDevice' });
    r.sim.clearFaults();
    await r.scanner.open();
    await r.scanner.enable();
    expect(r.scanner.status).toEqual({ device: 'online', scanner: { scanning: true } });
    await r.scan({ data: 'A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['A0042']);
    expect(r.scanner.statistics()).toMatchObject({ disconnects: 1 });
  });

  it('a label cut off mid-way by an unplug is dropped, not glued to the next one', async () => {
    const r = await rig();
    const long = 'X'.repeat(100);
    // Deliver only the first of the two reports, then pull the plug.
    const sendReport = r.pair.device.writeReport.bind(r.pair.device);
    let sent = 0;
    r.pair.device.writeReport = (report) => (sent++ === 0 ? sendReport(report) : Promise.resolve());
    await r.scan({ data: long });
    r.pair.device.writeReport = sendReport;
    r.sim.setFaults({ unplugged: true });
    r.sim.clearFaults();
    await r.scanner.open();
    await r.scanner.enable();
    await r.scan({ data: 'A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['A0042']);
  });

  it('a label whose last report never comes is given up after the continuation time-out, reported once', async () => {
    const r = await rig({ driver: { continuationTimeoutMs: 500 } });
    const sendReport = r.pair.device.writeReport.bind(r.pair.device);
    let sent = 0;
    r.pair.device.writeReport = (report) => (sent++ === 0 ? sendReport(report) : Promise.resolve());
    await r.scan({ data: 'X'.repeat(100) });
    r.pair.device.writeReport = sendReport;
    r.clock.advance(499);
    expect(r.failures).toEqual([]);
    r.clock.advance(1);
    expect(r.failures).toMatchObject([{ code: 'scanUnreadable', detail: expect.stringContaining('broke off after 1 report') }]);
    await r.scan({ data: 'A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['A0042']);
  });

  it('scanning off: labels read while disabled are dropped unseen and counted; on again, they read', async () => {
    const r = await rig({ enable: false });
    expect(r.scanner.status.scanner).toEqual({ scanning: false });
    await r.scan({ data: 'A0042' });
    await r.scanner.enable();
    await r.scanner.disable();
    r.sim.setFaults({ garbage: true });
    await r.scan({ data: 'A0042' });
    expect(r.scans).toEqual([]);
    expect(r.failures).toEqual([]);
    expect(r.scanner.statistics()).toMatchObject({ scansWhileDisabled: 1, unreadableWhileDisabled: 3 });
    r.sim.clearFaults();
    await r.scanner.enable();
    await r.scan({ data: 'A0042' });
    expect(r.scans.map((s) => s.data)).toEqual(['A0042']);
  });

  it('a scan is its holder\'s to wipe, and never serialises its text', async () => {
    const r = await rig();
    await r.scan({ data: '510101199001011234', symbology: 'qr' });
    const scan = r.scans[0]!;
    expect(JSON.stringify(scan)).toBe('{"symbology":"qr","length":18,"wiped":false}');
    scan.wipe();
    expect([scan.data, scan.wiped, JSON.stringify(scan)]).toEqual(['', true, '{"symbology":"qr","length":0,"wiped":true}']);
    scan.wipe();
    expect(scan.wiped).toBe(true);
  });

  it('health checks: internal and external see the open link; interactive waits for a test scan and reports only its kind', async () => {
    const r = await rig();
    expect(await r.scanner.healthCheck('internal')).toMatchObject({ ok: true, findings: expect.arrayContaining(['transport memory-report:scanner open']) });
    expect(await r.scanner.healthCheck('external')).toMatchObject({ ok: true });
    const report = r.scanner.healthCheck('interactive', { timeoutMs: 5000 });
    await settle();
    await r.scan({ data: 'A0042', symbology: 'code128' });
    const done = await report;
    expect(done).toMatchObject({ ok: true, findings: expect.arrayContaining(['test scan: code128, 5 characters']) });
    expect(JSON.stringify(done)).not.toContain('A0042');
    const timedOut = r.scanner.healthCheck('interactive', { timeoutMs: 1000 });
    r.clock.advance(1000);
    expect(await timedOut).toMatchObject({ ok: false, error: { code: 'timeout' } });
    r.sim.setFaults({ unplugged: true });
    await settle();
    expect(await r.scanner.healthCheck('external')).toMatchObject({ ok: false, error: { code: 'noDevice' } });
  });
});
