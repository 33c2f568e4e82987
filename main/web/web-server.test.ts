import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, type ClientOptions } from 'ws';
import type { ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';
import type { ApiClient, ApiHandler } from '../host/api/api-handler';
import { CONTENT_SECURITY_POLICY } from './security-headers';
import { createWebServer, type WebServer, type WebServerOptions } from './web-server';

const TOKEN = 'tok_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0u1v';
const INDEX_HTML = '<!doctype html><html lang="zh-CN" translate="no"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>';
const SECRET = 'outside the static folder';

/** A queue of events to await one by one: tests wait on what happened, never on time. */
function eventQueue<T>() {
  const items: T[] = [];
  const waiters: ((value: T) => void)[] = [];
  return {
    push(value: T): void {
      const waiter = waiters.shift();
      if (waiter) waiter(value);
      else items.push(value);
    },
    next(): Promise<T> {
      if (items.length > 0) return Promise.resolve(items.shift() as T);
      return new Promise<T>((resolve) => waiters.push(resolve));
    },
  };
}

class FakeApi implements ApiHandler {
  readonly handled: { request: ApiRequest; client: ApiClient }[] = [];
  private readonly listeners = new Set<(push: ApiPush) => void>();
  private readonly held: (() => void)[] = [];

  handle(request: ApiRequest, client: ApiClient): Promise<ApiReply> {
    this.handled.push({ request, client });
    const reply: ApiReply = { kind: 'reply', id: request.id, ok: true, result: { channel: request.channel, request: request.request, clientId: client.clientId } };
    if (request.channel === 'session:activity') return new Promise((resolve) => this.held.push(() => resolve(reply)));
    if (request.channel === 'queue:list-businesses') throw new Error('boom');
    return Promise.resolve(reply);
  }
  onPush(listener: (push: ApiPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  push(push: ApiPush): void {
    for (const listener of this.listeners) listener(push);
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
  release(): void {
    for (const resolve of this.held.splice(0)) resolve();
  }
}

let root: string;
let staticDir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hallkiosk-web-'));
  staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export const x = 1;\n');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body { margin: 0 }\n');
  writeFileSync(join(staticDir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(staticDir, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(root, join(staticDir, 'link-out'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const open: { web: WebServer; sockets: WebSocket[] }[] = [];
afterEach(async () => {
  for (const entry of open.splice(0)) {
    for (const ws of entry.sockets) ws.terminate();
    await entry.web.close();
  }
});

async function serve(overrides: Partial<WebServerOptions> = {}) {
  const api = new FakeApi();
  const web = createWebServer({ staticDir, token: TOKEN, api, ...overrides });
  await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
  const port = (web.server.address() as AddressInfo).port;
  const entry = { web, sockets: [] as WebSocket[] };
  open.push(entry);
  const origin = `http://127.0.0.1:${port}`;

  /** Opens an API socket; resolves with it once open, or with the HTTP status the upgrade was refused with. */
  function connect(query = `?token=${TOKEN}`, options: ClientOptions = { origin }, path = '/api'): Promise<{ ws: WebSocket; messages: ReturnType<typeof eventQueue<unknown>> } | { status: number }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}${path}${query}`, options);
      entry.sockets.push(ws);
      const messages = eventQueue<unknown>();
      ws.on('message', (data) => messages.push(JSON.parse(String(data))));
      ws.once('open', () => resolve({ ws, messages }));
      ws.once('unexpected-response', (_req, res) => {
        resolve({ status: res.statusCode ?? 0 });
        res.resume();
      });
      ws.once('error', (err) => reject(err));
    });
  }
  async function connected(options: ClientOptions = { origin }) {
    const result = await connect(`?token=${TOKEN}`, options);
    if ('status' in result) throw new Error(`refused with ${result.status}`);
    return result;
  }
  return { api, web, port, origin, connect, connected };
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSecurityHeaders(headers: http.IncomingHttpHeaders): void {
  expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['set-cookie']).toBeUndefined();
}

const request = (id: number, channel: string, body: unknown = {}) => JSON.stringify({ kind: 'request', id, channel, request: body });

describe('createWebServer: static files', () => {
  it('serves index.html for / with the CSP, no-store, and no token anywhere', async () => {
    const { port } = await serve();
    const res = await get(port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(res.headers);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(JSON.stringify(res.headers) + res.body).not.toContain(TOKEN);
  });

  it('serves assets with their content types and revalidation', async () => {
    const { port } = await serve();
    const js = await get(port, '/assets/app.js');
    expect([js.status, js.headers['content-type'], js.body]).toEqual([200, 'text/javascript; charset=utf-8', 'export const x = 1;\n']);
    expect(js.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(js.headers);
    expect((await get(port, '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(port, '/logo.svg')).headers['content-type']).toBe('image/svg+xml');
    const again = await get(port, '/assets/app.js', { 'If-None-Match': js.headers.etag as string });
    expect([again.status, again.body]).toEqual([304, '']);
    const head = await get(port, '/assets/app.js', {}, 'HEAD');
    expect([head.status, head.headers['content-length'], head.body]).toEqual([200, '20', '']);
  });

  it('answers 404 for unknown paths and folders, 405 for other methods, with the security headers', async () => {
    const { port } = await serve();
    for (const path of ['/nope.js', '/assets', '/assets/', '/api']) {
      const res = await get(port, path);
      expect(res.status, path).toBe(404);
      expectSecurityHeaders(res.headers);
    }
    const post = await get(port, '/', {}, 'POST');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('refuses path traversal, encoded slashes, dotfiles and symlinks out of the folder', async () => {
    const { port } = await serve();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c..%5csecret.txt', '/.env', '/link-out/secret.txt', '/%00', '/%E0%A4%A']) {
      const res = await get(port, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain(SECRET);
      expect(res.body, path).not.toContain('SECRET=1');
    }
  });

  it('refuses a request whose Host header is not this server (DNS rebinding)', async () => {
    const { port } = await serve();
    const res = await get(port, '/', { Host: `evil.example:${port}` });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('<html');
    expect((await get(port, '/', { Host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('createWebServer: API WebSocket', () => {
  it('refuses the upgrade without the token, with a wrong one, or with two', async () => {
    const { connect, api } = await serve();
    expect(await connect('')).toEqual({ status: 401 });
    expect(await connect('?token=')).toEqual({ status: 401 });
    expect(await connect(`?token=${TOKEN.slice(0, -1)}x`)).toEqual({ status: 401 });
    expect(await connect(`?token=${TOKEN}&token=${TOKEN}`)).toEqual({ status: 401 });
    expect(api.handled).toEqual([]);
  });

  it('refuses a foreign or missing Origin, and a foreign Host', async () => {
    const { connect, port } = await serve();
    const q = `?token=${TOKEN}`;
    expect(await connect(q, { origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await connect(q, { origin: `http://evil.example:${port}` })).toEqual({ status: 403 });
    expect(await connect(q, { origin: `https://127.0.0.1:${port}` })).toEqual({ status: 403 });
    expect(await connect(q, { origin: `http://127.0.0.1:${port + 1}` })).toEqual({ status: 403 });
    expect(await connect(q, {})).toEqual({ status: 403 });
    expect(await connect(q, { origin: `http://127.0.0.1:${port}`, headers: { Host: `evil.example:${port}` } })).toEqual({ status: 403 });
    expect(await connect(q, { origin: `http://evil.example:${port}`, headers: { Host: `evil.example:${port}` } })).toEqual({ status: 403 });
  });

  it('refuses other paths', async () => {
    const { connect, origin } = await serve();
    expect(await connect(`?token=${TOKEN}`, { origin }, '/other')).toEqual({ status: 404 });
  });

  it('accepts our own origin with the token, as 127.0.0.1 or localhost, and answers a request', async () => {
    const { connected, api, port } = await serve();
    const { ws, messages } = await connected();
    ws.send(request(1, 'session:end', { reason: 'done' }));
    expect(await messages.next()).toEqual({ kind: 'reply', id: 1, ok: true, result: { channel: 'session:end', request: { reason: 'done' }, clientId: 'web-1' } });
    expect(api.handled[0]?.client).toEqual({ via: 'web', clientId: 'web-1' });

    const local = await connected({ origin: `http://localhost:${port}`, headers: { Host: `localhost:${port}` } });
    local.ws.send(request(2, 'kiosk:get-snapshot'));
    expect(await local.messages.next()).toMatchObject({ id: 2, ok: true, result: { clientId: 'web-2' } });
  });

  it('answers malformed messages with badRequest and keeps the socket usable', async () => {
    const { connected, api } = await serve();
    const { ws, messages } = await connected();
    const badRequest = (id: number, detail: string) => ({ kind: 'reply', id, ok: false, error: { code: 'badRequest', actor: 'software', detail: expect.stringContaining(detail) } });
    ws.send('{ not json');
    expect(await messages.next()).toEqual(badRequest(-1, 'not JSON'));
    ws.send(request(5, 'admin:format-disk'));
    expect(await messages.next()).toEqual(badRequest(5, 'unknown channel'));
    ws.send(JSON.stringify({ kind: 'request', id: 'six', channel: 'kiosk:get-snapshot' }));
    expect(await messages.next()).toEqual(badRequest(-1, 'id'));
    ws.send(request(7, 'session:end', { reason: 'timeout' }));
    expect(await messages.next()).toEqual(badRequest(7, 'reason'));
    ws.send(request(8, 'queue:take-ticket', { businessId: 'b1', requestId: 'r1', priority: 'elderly' }));
    expect(await messages.next()).toEqual(badRequest(8, 'priority'));
    ws.send(JSON.stringify({ kind: 'request', id: 9, channel: 'kiosk:get-snapshot', request: {}, priority: true }));
    expect(await messages.next()).toEqual(badRequest(9, 'priority'));
    ws.send('[1,2]');
    expect(await messages.next()).toEqual(badRequest(-1, 'object'));
    ws.send(Buffer.from(request(10, 'kiosk:get-snapshot')), { binary: true });
    expect(await messages.next()).toEqual(badRequest(-1, 'binary'));
    expect(api.handled).toEqual([]);

    ws.send(request(11, 'queue:take-ticket', { businessId: 'b1', requestId: 'r1' }));
    expect(await messages.next()).toMatchObject({ id: 11, ok: true, result: { request: { businessId: 'b1', requestId: 'r1' } } });
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('answers internal when the handler throws, and the socket stays up', async () => {
    const { connected } = await serve();
    const { ws, messages } = await connected();
    ws.send(request(1, 'queue:list-businesses'));
    expect(await messages.next()).toMatchObject({ id: 1, ok: false, error: { code: 'internal' } });
    ws.send(request(2, 'kiosk:get-snapshot'));
    expect(await messages.next()).toMatchObject({ id: 2, ok: true });
  });

  it('limits the requests one client may have in flight', async () => {
    const { connected, api } = await serve({ maxPending: 2 });
    const { ws, messages } = await connected();
    for (const id of [1, 2, 3]) ws.send(request(id, 'session:activity'));
    expect(await messages.next()).toMatchObject({ id: 3, ok: false, error: { code: 'busy' } });
    api.release();
    const replies = [await messages.next(), await messages.next()];
    expect(replies.map((r) => (r as ApiReply).id).sort()).toEqual([1, 2]);
    ws.send(request(4, 'kiosk:get-snapshot'));
    expect(await messages.next()).toMatchObject({ id: 4, ok: true });
  });

  it('closes a socket that sends an oversized message, and keeps serving others', async () => {
    const { connected } = await serve({ maxMessageBytes: 1024 });
    const { ws } = await connected();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(request(1, 'session:end', { reason: 'x'.repeat(2_000) }));
    expect(await closed).toBe(1009);
    const other = await connected();
    other.ws.send(request(2, 'kiosk:get-snapshot'));
    expect(await other.messages.next()).toMatchObject({ id: 2, ok: true });
  });

  it('sends every push to every open socket', async () => {
    const { connected, api } = await serve();
    const a = await connected();
    const b = await connected();
    const push: ApiPush = { kind: 'event', event: { type: 'clock:changed', nowMs: 1_700_000_000_000 } };
    api.push(push);
    expect(await a.messages.next()).toEqual(push);
    expect(await b.messages.next()).toEqual(push);
  });

  it('limits the number of open sockets', async () => {
    const { connected, connect } = await serve({ maxClients: 1 });
    await connected();
    expect(await connect()).toEqual({ status: 503 });
  });

  it('pings clients and drops one that stops answering', async () => {
    const { connected, origin } = await serve({ pingIntervalMs: 30 });
    const healthy = await connected();
    const silent = await connected({ origin, autoPong: false });
    const dropped = new Promise<number>((resolve) => silent.ws.once('close', (code) => resolve(code)));
    let pings = 0;
    const threePings = new Promise<void>((resolve) => healthy.ws.on('ping', () => ++pings === 3 && resolve()));
    expect(await dropped).toBe(1006); // terminated, no close frame
    await threePings;
    expect(healthy.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('close() says goodbye to clients, unsubscribes from pushes and stops listening', async () => {
    const { connected, web, api, port } = await serve();
    const { ws } = await connected();
    expect(api.listenerCount).toBe(1);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await web.close();
    expect(await closed).toBe(1001);
    expect(api.listenerCount).toBe(0);
    expect(web.server.listening).toBe(false);
    await expect(get(port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('will not start without a real token', () => {
    expect(() => createWebServer({ staticDir, token: '', api: new FakeApi() })).toThrow(/token/);
  });
});
