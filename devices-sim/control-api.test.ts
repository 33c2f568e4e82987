import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosEncoder } from '../drivers/protocol/escpos/encoder';
import { createMemoryPair } from '../drivers/transport/memory-pair';
import { createSimControlServer, listenOnLoopback, type LoopbackListener } from './control-api';
import { SimEscPosPrinter } from './escpos/sim-escpos-printer';
import { SimGa467Reader } from './ga467/sim-ga467-reader';
import { SimRegistry } from './sim-registry';
import { ManualClock } from './test-support/manual-clock';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

const open: LoopbackListener[] = [];
afterEach(async () => {
  for (const l of open.splice(0)) await l.close();
});

async function rig(model = 'generic-escpos-80') {
  const clock = new ManualClock(Date.UTC(2026, 10, 23, 1, 0, 0));
  const pair = createMemoryPair('ticket');
  const printer = new SimEscPosPrinter({ id: 'ticket-printer', model, roles: ['ticketPrinter', 'receiptPrinter'], transport: pair.device, clock, lineTimeMs: 0, ticketTakenAfterMs: null });
  await printer.start();
  await pair.host.open();
  const readerPair = createMemoryPair('reader');
  const reader = new SimGa467Reader({ id: 'id-card-reader', model: 'generic-ga467', roles: ['idCardReader'], transport: readerPair.device, clock, baud: 0 });
  await reader.start();
  const listener = await listenOnLoopback(createSimControlServer({ registry: new SimRegistry([printer, reader]), clock }));
  open.push(listener);
  const call = (method: string, path: string, body?: string | object, headers: Record<string, string> = {}): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(`${listener.url}${path}`, {
        method,
        headers: { ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: raw ? JSON.parse(raw) : undefined });
        });
      });
      req.on('error', reject);
      req.end(text);
    });
  const printTicket = async (line: string): Promise<void> => {
    await pair.host.write(new EscPosEncoder().chineseMode(true).line(line).cut('full').build().bytes);
    await new Promise((r) => setImmediate(r));
  };
  return { clock, printer, reader, listener, call, printTicket };
}

describe('sim control API over HTTP on 127.0.0.1', () => {
  it('GET /sim/devices lists id, role, roles, model and status', async () => {
    const { call, listener } = await rig();
    expect(listener.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await call('GET', '/sim/devices');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
    expect(r.body).toEqual([
      {
        id: 'ticket-printer',
        role: 'ticketPrinter',
        roles: ['ticketPrinter', 'receiptPrinter'],
        model: 'generic-escpos-80',
        status: { device: 'online', printer: { paper: 'full', coverOpen: false, cutterError: false, headOverheat: false } },
        actions: [],
      },
      expect.objectContaining({ id: 'id-card-reader', role: 'idCardReader' }),
    ]);
  });

  it('the ID-card reader’s card action over HTTP: POST a fixture or fields, DELETE lifts it, refusals name the problem', async () => {
    const { call, reader } = await rig();
    const listed = (await call('GET', '/sim/devices')).body.find((d: { id: string }) => d.id === 'id-card-reader');
    expect(listed).toMatchObject({ role: 'idCardReader', model: 'generic-ga467', actions: [{ name: 'card', methods: ['POST', 'DELETE'] }] });
    expect(await call('POST', '/sim/devices/id-card-reader/card', { fixture: 'over70' })).toMatchObject({ status: 200, body: { cardReader: { cardPresent: true } } });
    expect(reader.cardPhase()).not.toBe('none');
    const unknown = await call('POST', '/sim/devices/id-card-reader/card', { fixture: 'martian' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/no such fixture[\s\S]*adult/);
    const badId = await call('POST', '/sim/devices/id-card-reader/card', { id: '520102199001011230' });
    expect(badId.status).toBe(400);
    expect(badId.body.error).toMatch(/\bid\b/);
    expect(badId.body.error).not.toContain('520102199001011230'); // never echoes an ID number
    expect(await call('DELETE', '/sim/devices/id-card-reader/card')).toMatchObject({ status: 200, body: { cardReader: { cardPresent: false } } });
    expect((await call('DELETE', '/sim/devices/id-card-reader/card')).status).toBe(409);
  });

  it('a device’s own actions: listed, POST take hands the ticket in the mouth over, 409 with none, 404 for others', async () => {
    const { call, printTicket } = await rig('custom-vkp80');
    expect((await call('GET', '/sim/devices')).body[0].actions).toEqual([
      { name: 'take', description: expect.stringContaining('takes the ticket'), methods: ['POST'] },
    ]);
    expect(await call('POST', '/sim/devices/ticket-printer/take')).toMatchObject({ status: 409, body: { error: 'no ticket is waiting in the mouth' } });
    await printTicket('A001');
    let printed = (await call('GET', '/sim/devices/ticket-printer/printed')).body;
    expect(printed[0]).toMatchObject({ cut: true, delivery: 'presented' });
    const taken = await call('POST', '/sim/devices/ticket-printer/take', {});
    expect(taken).toMatchObject({ status: 200, body: { printer: { mediaPresented: false } } });
    printed = (await call('GET', '/sim/devices/ticket-printer/printed')).body;
    expect(printed[0].delivery).toBe('taken');
    expect((await call('DELETE', '/sim/devices/ticket-printer/take')).status).toBe(405);
    expect(await call('POST', '/sim/devices/ticket-printer/card', {})).toMatchObject({ status: 404, body: { error: expect.stringMatching(/has no action "card"; its actions: take/) } });
  });

  it('POST faults sets only what the body names and returns the new status; DELETE clears them', async () => {
    const { call, printer } = await rig();
    let r = await call('POST', '/sim/devices/ticket-printer/faults', { paper: 'low' });
    expect(r).toMatchObject({ status: 200, body: { device: 'online', printer: { paper: 'low', coverOpen: false } } });
    r = await call('POST', '/sim/devices/ticket-printer/faults', { coverOpen: true });
    expect(r.body).toEqual({ device: 'userError', printer: { paper: 'low', coverOpen: true, cutterError: false, headOverheat: false } });
    r = await call('POST', '/sim/devices/ticket-printer/faults', { paper: 'out', afterLines: 5, slowMs: 20 });
    expect(r.body.printer.paper).toBe('low');
    expect(printer.status()).toEqual(r.body);
    r = await call('DELETE', '/sim/devices/ticket-printer/faults');
    expect(r).toMatchObject({ status: 200, body: { device: 'online', printer: { paper: 'full', coverOpen: false } } });
  });

  it.each([
    ['an unknown field', { jammed: true }, /no fault "jammed"/, 'jammed'],
    ['a bad value', { paper: 'empty' }, /paper must be "full", "low", "out" or "jammed"/, 'paper'],
    ['a wrong type', { slowMs: '100' }, /slowMs must be a whole number/, 'slowMs'],
    ['afterLines alone', { afterLines: 2 }, /defers the faults named with it/, 'afterLines'],
    ['an empty object', {}, /at least one fault/, undefined],
    ['an array', [], /JSON object/, undefined],
    ['a non-JSON body', '{paper: out', /not valid JSON/, undefined],
    ['no body', undefined, /JSON object/, undefined],
  ])('POST faults with %s → 400 naming the problem', async (_name, body, message, field) => {
    const { call, printer } = await rig();
    const r = await call('POST', '/sim/devices/ticket-printer/faults', body as object);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(message);
    expect(r.body.field).toBe(field);
    expect(printer.status().device).toBe('online');
  });

  it('unknown devices are 404, wrong methods 405, unknown paths 404', async () => {
    const { call } = await rig();
    expect(await call('POST', '/sim/devices/nope/faults', { paper: 'out' })).toMatchObject({ status: 404, body: { error: expect.stringMatching(/no simulated device "nope"/) } });
    expect((await call('GET', '/sim/devices/nope/printed')).status).toBe(404);
    expect((await call('DELETE', '/sim/devices/nope/faults')).status).toBe(404);
    const wrong = await call('GET', '/sim/devices/ticket-printer/faults');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST, DELETE');
    expect((await call('DELETE', '/sim/devices')).status).toBe(405);
    expect((await call('GET', '/sim/clock')).status).toBe(405);
    expect((await call('GET', '/sim/reset')).status).toBe(405);
    expect((await call('GET', '/sim/devices/ticket-printer/paper')).status).toBe(404);
    expect((await call('GET', '/elsewhere')).status).toBe(404);
  });

  it('GET printed lists the tickets oldest first', async () => {
    const { call, printTicket, clock } = await rig();
    await printTicket('第一张');
    clock.advance(60_000);
    await printTicket('第二张');
    const r = await call('GET', '/sim/devices/ticket-printer/printed');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject([
      { seq: 1, at: '2026-11-23T01:00:00.000Z', lines: ['第一张'], qr: [], barcodes: [], images: [], cut: true },
      { seq: 2, at: '2026-11-23T01:01:00.000Z', lines: ['第二张'], cut: true },
    ]);
    expect(typeof r.body[0].bytesBase64).toBe('string');
  });

  it('POST /sim/clock sets or advances the clock and fires what falls due', async () => {
    const { call, clock } = await rig();
    let fired = 0;
    clock.setTimer(30_000, () => fired++);
    expect(await call('POST', '/sim/clock', { advanceMs: 30_000 })).toMatchObject({ status: 200, body: { now: '2026-11-23T01:00:30.000Z' } });
    expect(fired).toBe(1);
    expect((await call('POST', '/sim/clock', { set: '2026-12-01T08:30:00+08:00' })).body).toEqual({ now: '2026-12-01T00:30:00.000Z' });
    expect(clock.now()).toBe(Date.UTC(2026, 11, 1, 0, 30));
  });

  it.each([
    [{ set: '2026-12-01 08:30' }],
    [{ set: '2026-12-01T08:30:00' }],
    [{ set: '2026-13-45T08:30:00Z' }],
    [{ advanceMs: -5 }],
    [{ advanceMs: '5' }],
    [{ set: '2026-12-01T08:30:00Z', advanceMs: 5 }],
    [{ tick: 1 }],
    [{}],
    ['[]'],
  ])('POST /sim/clock refuses %j with 400', async (body) => {
    const { call, clock } = await rig();
    const before = clock.now();
    const r = await call('POST', '/sim/clock', body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/set|advanceMs/);
    expect(clock.now()).toBe(before);
  });

  it('POST /sim/reset makes every device healthy and empty', async () => {
    const { call, printTicket, printer } = await rig();
    await printTicket('x');
    printer.setFaults({ coverOpen: true });
    const r = await call('POST', '/sim/reset');
    expect(r.status).toBe(200);
    expect(r.body[0].status.device).toBe('online');
    expect((await call('GET', '/sim/devices/ticket-printer/printed')).body).toEqual([]);
  });

  it('limits the body, wants JSON, and refuses foreign hosts and origins', async () => {
    const { call } = await rig();
    const big = JSON.stringify({ paper: 'out', pad: 'x'.repeat(17 * 1024) });
    expect((await call('POST', '/sim/devices/ticket-printer/faults', big)).status).toBe(413);
    expect((await call('POST', '/sim/devices/ticket-printer/faults', 'paper=out', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await call('GET', '/sim/devices', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('GET', '/sim/devices', undefined, { Origin: 'null' })).status).toBe(403);
    expect((await call('GET', '/sim/devices', undefined, { Host: 'rebound.example:80' })).status).toBe(403);
    expect((await call('GET', '/sim/devices', undefined, { Origin: 'http://localhost:5173' })).status).toBe(200);
    expect((await call('GET', '/sim/devices/%E0%A4%A/printed')).status).toBe(400);
    // Still serving after all that.
    expect((await call('GET', '/sim/devices')).status).toBe(200);
  });
});
