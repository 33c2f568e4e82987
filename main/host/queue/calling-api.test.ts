import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { loadConfig } from '../config/load-config';
import { type CallingApiServer, startCallingApi } from './calling-api';
import { type QueueDb, openQueueDb } from './queue-db';
import { QueueService } from './queue-service';
import { type ManualClock, at, clockAt } from './test-manual-clock';
import { MIN_TIMED_SERVICES } from './wait-estimate';

const TOKEN = 'calling-test-token-0123456789-abcdef';
const SI = 'social-insurance'; // A, 6 windows, 8 min fallback
const HF = 'housing-fund'; // B

let dir: string;
let db: QueueDb;
let clock: ManualClock;
let queue: QueueService;
let api: CallingApiServer;
let onQueueChanged: ReturnType<typeof vi.fn<() => void>>;
let requestNo = 0;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-calling-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
  clock = clockAt('2026-11-23T02:00:00Z'); // Monday 10:00 in Guiyang
  const config = loadConfig({ env: {} });
  queue = new QueueService({ db, config, clock });
  onQueueChanged = vi.fn<() => void>();
  api = await startCallingApi({ host: '127.0.0.1', port: 0, token: TOKEN, queue, timeZone: config.hall.timeZone, clock, log: SILENT_LOGGER, onQueueChanged });
});
afterEach(async () => {
  await api.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Reserve, print, confirm: an issued ticket waiting in the queue. */
function issue(businessId: string): string {
  const result = queue.reserve({ businessId, requestId: `req-${++requestNo}`, sessionId: 's-1' });
  if (result.kind !== 'reserved') throw new Error(`expected a reservation, got ${JSON.stringify(result)}`);
  queue.markSent(result.ticket.id);
  queue.settle(result.ticket.id, 'issued');
  return result.ticket.number;
}

type Answer = { status: number; body: any; headers: Headers };

async function call(method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`http://127.0.0.1:${api.port}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}
const callNext = (counter: string, businessIds: string[]) => call('POST', '/queue/call-next', { counter, businessIds });
const waitingOf = async (businessId: string) =>
  ((await call('GET', '/queue/waiting')).body.businesses as Array<{ businessId: string; waiting: number; estimatedWaitMinutes: number }>).find((b) => b.businessId === businessId)!;

describe('calling api: authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong token', `${TOKEN.slice(0, -1)}X`],
    ['a prefix of the token', TOKEN.slice(0, 8)],
    ['an empty token', ''],
  ])('refuses %s with 401 and a JSON message, before looking at the path', async (_label, token) => {
    for (const [method, path] of [['GET', '/queue/waiting'], ['POST', '/queue/call-next'], ['GET', '/nowhere']] as const) {
      const answer = await call(method, path, method === 'POST' ? { counter: '3', businessIds: [SI] } : undefined, token);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'unauthorized', message: 'send the calling-system token as "Authorization: Bearer <token>"' });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('refuses another scheme carrying the right token', async () => {
    const res = await fetch(`http://127.0.0.1:${api.port}/queue/waiting`, { headers: { authorization: `Basic ${TOKEN}` } });
    expect(res.status).toBe(401);
  });
});

describe('calling api: calling tickets', () => {
  it('calls the next ticket for the counter, records the counter, and the waiting count drops', async () => {
    const a1 = issue(SI);
    clock.advance(1000);
    issue(SI);
    expect(await waitingOf(SI)).toEqual({ businessId: SI, day: '2026-11-23', waiting: 2, estimatedWaitMinutes: Math.ceil((2 * 8) / 6) });
    clock.advance(60_000);

    const answer = await callNext('3', [SI, HF]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ ticket: { number: a1, businessId: SI, day: '2026-11-23', status: 'called', counter: '3', calledAt: clock.now(), finishedAt: null, retractedAt: null } });
    expect(queue.findTicket('2026-11-23', a1)?.calledCounter).toBe('3');
    expect(onQueueChanged).toHaveBeenCalledTimes(1);
    expect(await waitingOf(SI)).toMatchObject({ waiting: 1 });
    expect((await call('GET', '/queue/waiting')).body.day).toBe('2026-11-23');
  });

  it('answers null when nobody is waiting, and changes nothing', async () => {
    issue(HF);
    expect((await callNext('3', [SI])).body).toEqual({ ticket: null });
    expect(onQueueChanged).not.toHaveBeenCalled();
    expect(await waitingOf(HF)).toMatchObject({ waiting: 1 });
  });

  it.each([
    ['an empty body', '', 'body', 'body: must be a JSON object, and is empty'],
    ['a body that is no JSON', '{counter: 3}', 'body', 'body: is not valid JSON'],
    ['a list', [SI], 'body', 'body: must be a JSON object { "counter": …, "businessIds": [ … ] }'],
    ['no counter', { businessIds: [SI] }, 'counter', 'counter: must name the counter (window) calling, as text of 1-32 characters, e.g. "3"'],
    ['a counter given as a number', { counter: 3, businessIds: [SI] }, 'counter', undefined],
    ['a blank counter', { counter: '  ', businessIds: [SI] }, 'counter', undefined],
    ['no businesses', { counter: '3', businessIds: [] }, 'businessIds', undefined],
    ['an unknown business', { counter: '3', businessIds: [SI, 'passport'] }, 'businessIds[1]', undefined],
    ['an unknown field', { counter: '3', businessIds: [SI], window: 3 }, 'window', 'window: is not a field of this request (counter, businessIds, requestId)'],
  ])('refuses %s with 400 naming the field', async (_label, body, field, message) => {
    issue(SI);
    const answer = await call('POST', '/queue/call-next', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'badRequest', field });
    expect(answer.body.message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `));
    if (message) expect(answer.body.message).toBe(message);
    expect(await waitingOf(SI)).toMatchObject({ waiting: 1 });
  });

  it('refuses a body too large to be a calling system talking', async () => {
    const answer = await call('POST', '/queue/call-next', { counter: '3', businessIds: [SI], pad: 'x'.repeat(20_000) });
    expect(answer).toMatchObject({ status: 413, body: { error: 'payloadTooLarge', field: 'body' } });
  });

  it('answers an unknown endpoint with 404 and a wrong method with 405', async () => {
    expect((await call('GET', '/queue/tickets')).body).toEqual({ error: 'notFound', message: 'no such endpoint: GET /queue/tickets' });
    const wrong = await call('GET', '/queue/call-next');
    expect(wrong).toMatchObject({ status: 405, body: { error: 'methodNotAllowed' } });
    expect(wrong.headers.get('allow')).toBe('POST');
    expect((await call('POST', '/queue/waiting', {})).status).toBe(405);
  });

  it('still answers when refreshing the citizen screen fails', async () => {
    onQueueChanged.mockImplementation(() => {
      throw new Error('renderer gone');
    });
    const number = issue(SI);
    expect((await callNext('3', [SI])).body.ticket.number).toBe(number);
  });
});

describe('calling api: served and no-show', () => {
  it('marks a called ticket served; a repeat answers the same; then no-show is a conflict', async () => {
    const number = issue(SI);
    await callNext('5', [SI]);
    clock.advance(4 * 60_000);
    const served = await call('POST', `/queue/tickets/${number}/served`);
    expect(served.status).toBe(200);
    expect(served.body.ticket).toMatchObject({ number, status: 'served', counter: '5', finishedAt: clock.now() });
    expect(onQueueChanged).toHaveBeenCalledTimes(2);
    clock.advance(1000);
    expect((await call('POST', `/queue/tickets/${number}/served`)).body).toEqual(served.body);
    const conflict = await call('POST', `/queue/tickets/${number}/no-show`);
    expect(conflict).toMatchObject({ status: 409, body: { error: 'wrongState', status: 'served', message: `ticket ${number} (2026-11-23) is served; only a called ticket can be marked noShow` } });
  });

  it('refuses to serve or skip a ticket that was never called (409)', async () => {
    const number = issue(SI);
    for (const what of ['served', 'no-show']) {
      const answer = await call('POST', `/queue/tickets/${number}/${what}`);
      expect(answer).toMatchObject({ status: 409, body: { error: 'wrongState', status: 'issued' } });
    }
    expect(onQueueChanged).not.toHaveBeenCalled();
    expect(await waitingOf(SI)).toMatchObject({ waiting: 1 });
  });

  it('marks a no-show (过号), which does not count as a timed service', async () => {
    const number = issue(SI);
    await callNext('5', [SI]);
    const answer = await call('POST', `/queue/tickets/${number}/no-show`);
    expect(answer.body.ticket).toMatchObject({ number, status: 'noShow', counter: '5' });
    expect(queue.getTicket(queue.findTicket('2026-11-23', number)!.id)?.status).toBe('noShow');
  });

  it('answers 404 for an unknown ticket and 400 for a bad number or day', async () => {
    expect(await call('POST', '/queue/tickets/A123/served')).toMatchObject({ status: 404, body: { error: 'ticketUnknown', message: 'no ticket A123' } });
    expect(await call('POST', '/queue/tickets/A123/served?day=2026-11-23')).toMatchObject({ status: 404, body: { error: 'ticketUnknown', message: 'no ticket A123 on 2026-11-23' } });
    expect(await call('POST', '/queue/tickets/a1/served')).toMatchObject({ status: 400, body: { field: 'number' } });
    expect(await call('POST', '/queue/tickets/A001/served?day=2026-02-30')).toMatchObject({ status: 400, body: { field: 'day' } });
    expect(await call('POST', '/queue/tickets/A001/served?day=23.11.2026')).toMatchObject({ status: 400, body: { field: 'day' } });
  });

  it('without a day, served names only a ticket of the last two days: a typo never finishes one from weeks ago', async () => {
    const a1 = issue(SI);
    await callNext('3', [SI]);
    expect((await call('POST', `/queue/tickets/${a1}/served`, { counter: '3' })).status).toBe(200);
    clock.advance(3 * 24 * 3600_000);
    expect(await call('POST', `/queue/tickets/${a1}/served`, { counter: '3' })).toMatchObject({ status: 404 });
    expect((await call('POST', `/queue/tickets/${a1}/served?day=2026-11-23`, { counter: '3' })).status).toBe(200); // named by day: still there
  });

  it('finishes the ticket that was called when its number also waits in the new day (issue 13 §3)', async () => {
    clock.set(at('2026-11-23T15:50:00Z')); // 23:50 in Guiyang: only the 24-hour self-service issues
    expect(issue('self-service')).toBe('D001');
    await callNext('1', ['self-service']);
    clock.advance(20 * 60_000); // 00:10 the next hall day; nobody waits, so numbering restarts
    expect(issue('self-service')).toBe('D001');
    const served = await call('POST', '/queue/tickets/D001/served');
    expect(served.body.ticket).toMatchObject({ number: 'D001', day: '2026-11-23', status: 'served', counter: '1' });
    expect(await waitingOf('self-service')).toMatchObject({ waiting: 1 }); // the new D001 still waits
    expect((await callNext('2', ['self-service'])).body.ticket).toMatchObject({ number: 'D001', day: '2026-11-24', status: 'called' });
    // Now both D001 are called or served: the number means the one at a window, or this counter's.
    expect((await call('POST', '/queue/tickets/D001/served', { counter: '1' })).body.ticket).toMatchObject({ day: '2026-11-23', status: 'served' });
    expect((await call('POST', '/queue/tickets/D001/no-show')).body.ticket).toMatchObject({ day: '2026-11-24', status: 'noShow', counter: '2' });
  });

  it('names one hall day’s ticket exactly with ?day=', async () => {
    clock.set(at('2026-11-23T15:50:00Z'));
    const number = issue('self-service');
    await callNext('1', ['self-service']);
    clock.advance(20 * 60_000);
    expect(await call('POST', `/queue/tickets/${number}/served?day=2026-11-24`)).toMatchObject({ status: 404 });
    const served = await call('POST', `/queue/tickets/${number}/served?day=2026-11-23`);
    expect(served.body.ticket).toMatchObject({ number, day: '2026-11-23', status: 'served' });
  });
});

describe('calling api: the wait estimate', () => {
  it(`switches from the configured average to the measured one after ${MIN_TIMED_SERVICES} timed services`, async () => {
    const waitingTickets = MIN_TIMED_SERVICES + 3;
    for (let i = 0; i < waitingTickets; i++) issue(SI);
    // 6 waiting × 8 min (configured) ÷ 6 windows
    expect(await waitingOf(SI)).toEqual({ businessId: SI, day: '2026-11-23', waiting: waitingTickets, estimatedWaitMinutes: Math.ceil((waitingTickets * 8) / 6) });
    const serveOne = async (minutes: number): Promise<void> => {
      const { ticket } = (await callNext('2', [SI])).body;
      clock.advance(minutes * 60_000);
      expect((await call('POST', `/queue/tickets/${ticket.number}/served`)).status).toBe(200);
    };
    for (let i = 1; i < MIN_TIMED_SERVICES; i++) await serveOne(24);
    const left = waitingTickets - (MIN_TIMED_SERVICES - 1);
    expect(await waitingOf(SI)).toEqual({ businessId: SI, day: '2026-11-23', waiting: left, estimatedWaitMinutes: Math.ceil((left * 8) / 6) });
    await serveOne(24);
    // 3 waiting × 24 min (measured) ÷ 6 windows
    expect(await waitingOf(SI)).toEqual({ businessId: SI, day: '2026-11-23', waiting: 3, estimatedWaitMinutes: 12 });
  });
});

describe('calling api: hardening', () => {
  /** A raw HTTP exchange, for requests fetch() will not send. */
  async function raw(request: string): Promise<string> {
    const { connect } = await import('node:net');
    return new Promise((resolve, reject) => {
      const socket = connect(api.port, '127.0.0.1', () => socket.write(request));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (text += d));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  it('a malformed request target is a 400 after the token check, never a 500', async () => {
    const withToken = await raw(`GET http://x:99999/queue/waiting HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
    expect(withToken).toMatch(/^HTTP\/1\.1 400/);
    const withoutToken = await raw('GET http://x:99999/queue/waiting HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(withoutToken).toMatch(/^HTTP\/1\.1 401/);
  });

  it('an oversized body is refused with 413 at once, and the connection is closed', async () => {
    const big = 'x'.repeat(64 * 1024);
    const answer = await raw(`POST /queue/call-next HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${big.length * 4}\r\n\r\n${big}`);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('a counter cannot finish the ticket another counter called', async () => {
    const number = issue(SI);
    await callNext('3', [SI]);
    const wrong = await call('POST', `/queue/tickets/${number}/served`, { counter: '5' });
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ error: 'wrongCounter', counter: '3', status: 'called' });
    expect((await call('POST', `/queue/tickets/${number}/served`, { counter: '3' })).status).toBe(200);
    expect((await call('POST', `/queue/tickets/${number}/served`, { window: '3' })).body).toMatchObject({ error: 'badRequest', field: 'window' });
  });

  it('with allowFrom, other addresses are refused with 403 even with the token', async () => {
    const config = loadConfig({ env: {} });
    const fenced = await startCallingApi({ host: '127.0.0.1', port: 0, token: TOKEN, queue, timeZone: config.hall.timeZone, clock, log: SILENT_LOGGER, onQueueChanged, allowFrom: ['10.0.0.3'] });
    const open = await startCallingApi({ host: '127.0.0.1', port: 0, token: TOKEN, queue, timeZone: config.hall.timeZone, clock, log: SILENT_LOGGER, onQueueChanged, allowFrom: ['127.0.0.1'] });
    try {
      const refused = await fetch(`http://127.0.0.1:${fenced.port}/queue/waiting`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(refused.status).toBe(403);
      const served = await fetch(`http://127.0.0.1:${open.port}/queue/waiting`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(served.status).toBe(200);
    } finally {
      await fenced.close();
      await open.close();
    }
  });

  it('refused tokens are logged once a minute per address, not once per request', async () => {
    const warnings: string[] = [];
    const log = { ...SILENT_LOGGER, warn: (msg: string) => void warnings.push(msg), child: () => log };
    const config = loadConfig({ env: {} });
    const noisy = await startCallingApi({ host: '127.0.0.1', port: 0, token: TOKEN, queue, timeZone: config.hall.timeZone, clock, log, onQueueChanged });
    try {
      for (let i = 0; i < 5; i++) await fetch(`http://127.0.0.1:${noisy.port}/queue/waiting`);
      expect(warnings).toHaveLength(1);
      clock.advance(60_000);
      await fetch(`http://127.0.0.1:${noisy.port}/queue/waiting`);
      expect(warnings).toHaveLength(2);
    } finally {
      await noisy.close();
    }
  });
});

describe('calling api: retries', () => {
  it('a call-next retried with the same requestId gets the same ticket, and calls nobody else', async () => {
    const first = issue(SI);
    const second = issue(SI);
    const once = await call('POST', '/queue/call-next', { counter: '3', businessIds: [SI], requestId: 'w3-0001' });
    expect(once.body.ticket.number).toBe(first);
    const retried = await call('POST', '/queue/call-next', { counter: '3', businessIds: [SI], requestId: 'w3-0001' });
    expect(retried.body.ticket).toEqual(once.body.ticket);
    expect((await waitingOf(SI)).waiting).toBe(1); // the second ticket still waits
    // Another counter's request with the same id is its own request.
    expect((await call('POST', '/queue/call-next', { counter: '4', businessIds: [SI], requestId: 'w3-0001' })).body.ticket.number).toBe(second);
    expect((await call('POST', '/queue/call-next', { counter: '3', businessIds: [SI], requestId: 'bad id!' })).body).toMatchObject({ error: 'badRequest', field: 'requestId' });
  });
});
