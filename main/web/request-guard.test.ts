import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkApiUpgrade, checkHost, DEFAULT_ALLOWED_HOSTS, isLoopbackAddress } from './request-guard';

const TOKEN = 'k'.repeat(43);

function fakeRequest(over: { url?: string; host?: string; origin?: string; remote?: string; port?: number } = {}): IncomingMessage {
  const port = over.port ?? 4321;
  const headers: Record<string, string> = {};
  const host = 'host' in over ? over.host : `127.0.0.1:${port}`;
  const origin = 'origin' in over ? over.origin : `http://127.0.0.1:${port}`;
  if (host !== undefined) headers.host = host;
  if (origin !== undefined) headers.origin = origin;
  return { url: over.url ?? `/api?token=${TOKEN}`, headers, socket: { remoteAddress: over.remote ?? '127.0.0.1', localPort: port } } as unknown as IncomingMessage;
}

const ctx = { token: TOKEN, allowedHosts: DEFAULT_ALLOWED_HOSTS };

describe('isLoopbackAddress', () => {
  it('knows loopback in its IPv4, IPv6 and mapped forms', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', '0.0.0.0', '::', '128.0.0.1', '', undefined]) expect(isLoopbackAddress(a), String(a)).toBe(false);
  });
});

describe('checkApiUpgrade', () => {
  it('lets our own page in with the token', () => {
    expect(checkApiUpgrade(fakeRequest(), ctx)).toEqual({ ok: true });
    expect(checkApiUpgrade(fakeRequest({ host: 'LOCALHOST:4321', origin: 'http://localhost:4321' }), ctx)).toEqual({ ok: true });
  });

  it('refuses a connection from another machine even with everything else right', () => {
    expect(checkApiUpgrade(fakeRequest({ remote: '192.168.1.20' }), ctx)).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining('loopback') });
    expect(checkApiUpgrade(fakeRequest({ remote: '::ffff:10.1.1.1' }), ctx)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a Host that is not ours, or none', () => {
    expect(checkApiUpgrade(fakeRequest({ host: 'rebind.evil.example:4321' }), ctx)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiUpgrade(fakeRequest({ host: '127.0.0.1:9999' }), ctx)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiUpgrade(fakeRequest({ host: '127.0.0.1' }), ctx)).toMatchObject({ ok: false, status: 403 });
    expect(checkApiUpgrade(fakeRequest({ host: undefined }), ctx)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses an Origin that is not exactly ours', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:4321.evil.example', 'https://127.0.0.1:4321', 'http://127.0.0.1', 'null', 'file://', undefined]) {
      expect(checkApiUpgrade(fakeRequest({ origin }), ctx), String(origin)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('refuses a missing, wrong, or repeated token with 401, and other paths with 404', () => {
    expect(checkApiUpgrade(fakeRequest({ url: '/api' }), ctx)).toMatchObject({ ok: false, status: 401, reason: 'no token' });
    expect(checkApiUpgrade(fakeRequest({ url: `/api?token=${TOKEN}x` }), ctx)).toMatchObject({ ok: false, status: 401, reason: 'wrong token' });
    expect(checkApiUpgrade(fakeRequest({ url: `/api?token=${TOKEN}&token=${TOKEN}` }), ctx)).toMatchObject({ ok: false, status: 401 });
    expect(checkApiUpgrade(fakeRequest({ url: `/api/?token=${TOKEN}` }), ctx)).toMatchObject({ ok: false, status: 404 });
    expect(checkApiUpgrade(fakeRequest({ url: `/?token=${TOKEN}` }), ctx)).toMatchObject({ ok: false, status: 404 });
  });

  it('accepts the port-less form only on port 80, where browsers omit it', () => {
    expect(checkApiUpgrade(fakeRequest({ port: 80, host: '127.0.0.1', origin: 'http://127.0.0.1' }), ctx)).toEqual({ ok: true });
    expect(checkHost(fakeRequest({ port: 80, host: '127.0.0.1:80' }), DEFAULT_ALLOWED_HOSTS)).toEqual({ ok: true });
  });

  it('honours a custom host list', () => {
    const custom = { token: TOKEN, allowedHosts: ['kiosk.local'] };
    expect(checkApiUpgrade(fakeRequest({ host: 'kiosk.local:4321', origin: 'http://kiosk.local:4321' }), custom)).toEqual({ ok: true });
    expect(checkApiUpgrade(fakeRequest(), custom)).toMatchObject({ ok: false, status: 403 });
  });
});
