/**
 * The scan action over the real control API (HTTP on 127.0.0.1, as testers and Playwright drive it): a code
 * POSTed to /sim/devices/:id/scan comes out of the report pair as the HID POS reports of the model's layout,
 * long codes split; bad bodies are 400s naming the field, never echoing the code; unplugged is a 409.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { HidPosReportDecoder } from '../../drivers/protocol/hidpos/report-decoder';
import { HIDPOS_SCANNER_MODELS } from '../../drivers/protocol/hidpos/scanner-models';
import { createReportMemoryPair } from '../../drivers/transport/report-memory-pair';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from '../control-api';
import { SimRegistry } from '../sim-registry';
import { ManualClock } from '../test-support/manual-clock';
import { MAX_SCAN_CHARS } from './scan-request';
import { SimHidScanner } from './sim-hid-scanner';

interface Reply {
  status: number;
  body: any;
}

const open: LoopbackListener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function rig() {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 1, 0, 0));
  const pair = createReportMemoryPair('scanner');
  const scanner = new SimHidScanner({ id: 'qr-scanner', model: 'generic-hidpos', roles: ['barcodeScanner'], transport: pair.device, clock });
  await scanner.start();
  await pair.host.open();
  const reports: Uint8Array[] = [];
  pair.host.onReport((r) => reports.push(r));
  const listener = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([scanner]), clock }));
  open.push(listener);
  const call = (method: string, path: string, body?: string | object): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(`${listener.url}${path}`, { method, headers: text === undefined ? {} : { 'Content-Type': 'application/json' } });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : undefined });
        });
      });
      req.on('error', reject);
      req.end(text);
    });
  const decoded = async () => {
    await turn();
    const decoder = new HidPosReportDecoder(HIDPOS_SCANNER_MODELS['generic-hidpos']);
    return reports.splice(0).map((r) => decoder.push(r)).filter((e) => e !== null);
  };
  return { scanner, call, reports, decoded };
}

describe('POST /sim/devices/:id/scan', () => {
  it('is listed with the device, and sends a QR code by default as one report', async () => {
    const { call, decoded } = await rig();
    const list = await call('GET', '/sim/devices');
    expect(list.body[0]).toMatchObject({ id: 'qr-scanner', role: 'barcodeScanner', actions: [{ name: 'scan', methods: ['POST'] }] });
    const r = await call('POST', '/sim/devices/qr-scanner/scan', { data: 'YY20261123A0042' });
    expect(r).toEqual({ status: 200, body: { device: 'online', scanner: {} } });
    expect(await decoded()).toEqual([{ kind: 'scan', text: 'YY20261123A0042', charset: 'utf-8', aim: ']Q1', symbology: 'qr', vendorSymbologyId: null, reports: 1 }]);
  });

  it('splits a long code over several reports as the scanner does, with the symbology asked for', async () => {
    const { call, reports, decoded } = await rig();
    const data = `DZZZ|${'营业执照'.repeat(20)}|91510100MA6C00000X`;
    const r = await call('POST', '/sim/devices/qr-scanner/scan', { data, symbology: 'code128' });
    expect(r.status).toBe(200);
    await turn();
    const bytes = new TextEncoder().encode(data).length;
    expect(reports).toHaveLength(Math.ceil(bytes / 56));
    expect(reports.map((x) => x[63])).toEqual([...new Array(reports.length - 1).fill(1), 0]);
    expect(await decoded()).toMatchObject([{ kind: 'scan', text: data, symbology: 'code128', aim: ']C0' }]);
  });

  it.each([
    ['a non-object body', '[1]', /JSON object/],
    ['no data', {}, /"data" is missing/],
    ['an empty string', { data: '' }, /"data" is empty/],
    ['a number', { data: 42 }, /"data" must be a string/],
    ['too long', { data: 'x'.repeat(MAX_SCAN_CHARS + 1) }, new RegExp(`longer than ${MAX_SCAN_CHARS}`)],
    ['too many bytes', { data: '证'.repeat(1000) }, /more than 2953 bytes/],
    ['an unknown symbology', { data: 'A', symbology: 'qrcode' }, /"symbology" must be one of qr, code128/],
    ['an unknown field', { data: 'A', prefix: ']Q1' }, /no field "prefix"; it takes data, symbology/],
  ])('refuses %s with a 400 naming the field, sending nothing', async (_what, body, message) => {
    const { call, reports } = await rig();
    const r = await call('POST', '/sim/devices/qr-scanner/scan', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    await turn();
    expect(reports).toEqual([]);
  });

  it('never echoes the code in a refusal', async () => {
    const { call } = await rig();
    const r = await call('POST', '/sim/devices/qr-scanner/scan', { data: '510101199001011234', extra: 1 });
    expect(r.status).toBe(400);
    expect(r.body.error).not.toContain('510101199001011234');
  });

  it('unplugged: a 409; faults are set and cleared through the same API, a bad one naming its field', async () => {
    const { call } = await rig();
    expect((await call('POST', '/sim/devices/qr-scanner/faults', { unplugged: true })).body).toEqual({ device: 'noDevice', scanner: {} });
    const refused = await call('POST', '/sim/devices/qr-scanner/scan', { data: 'A0042' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/unplugged/);
    expect((await call('POST', '/sim/devices/qr-scanner/faults', { garbage: 'yes' })).body).toMatchObject({ field: 'garbage' });
    expect((await call('DELETE', '/sim/devices/qr-scanner/faults')).body).toEqual({ device: 'online', scanner: {} });
  });

  it('garbage: the reports come out and decode to problems only', async () => {
    const { call, decoded } = await rig();
    await call('POST', '/sim/devices/qr-scanner/faults', { garbage: true });
    expect((await call('POST', '/sim/devices/qr-scanner/scan', { data: 'A0042' })).status).toBe(200);
    const events = await decoded();
    expect(events.length).toBe(3);
    for (const e of events) expect(e).toMatchObject({ kind: 'problem' });
  });
});
