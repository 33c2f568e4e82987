import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetFakeElectron } from '../../test/electron/fake-electron';
import { handleAppProtocol, registerAppScheme, resolveAppPath, serveAppRequest } from './app-protocol';
import { KIOSK_CSP } from './security';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron')).fakeElectron);

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'hallkiosk-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(base, 'secret.txt'), 'TOP-SECRET-CONTENT');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('resolveAppPath', () => {
  it('maps app:// paths into the renderer folder, / to index.html', () => {
    expect(resolveAppPath('/r', 'app://kiosk/')).toEqual({ ok: true, path: join('/r', 'index.html') });
    expect(resolveAppPath('/r', 'app://kiosk/assets/a%20b.js?v=1#x')).toEqual({ ok: true, path: join('/r', 'assets', 'a b.js') });
  });

  it.each([
    ['encoded dot-dot-slash', 'app://kiosk/..%2f..%2fetc%2fpasswd', 403],
    ['encoded slash after dots', 'app://kiosk/assets/..%2F..%2Fsecret.txt', 403],
    ['encoded backslash', 'app://kiosk/..%5c..%5csecret.txt', 400],
    ['NUL', 'app://kiosk/index.html%00.js', 400],
    ['bad escape', 'app://kiosk/%E0%A4%A', 400],
    ['another host', 'app://evil/index.html', 404],
    ['another scheme', 'file:///etc/passwd', 404],
  ])('refuses %s', (_name, url, status) => {
    expect(resolveAppPath('/r', url)).toMatchObject({ ok: false, status });
  });

  it('lets the URL parser fold plain dot segments back inside the root', () => {
    expect(resolveAppPath('/r', 'app://kiosk/assets/../../../etc/passwd')).toEqual({ ok: true, path: join('/r', 'etc', 'passwd') });
  });
});

describe('serveAppRequest', () => {
  it('serves index.html with its type and the kiosk CSP', async () => {
    const response = await get('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(KIOSK_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>kiosk</title>');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await get('app://kiosk/assets/index-abc.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export {};');
  });

  it('refuses path traversal and never returns a file outside the folder', async () => {
    const traversal = await get('app://kiosk/..%2fsecret.txt');
    expect(traversal.status).toBe(403);
    expect(await traversal.text()).not.toContain('TOP-SECRET-CONTENT');
  });

  it('refuses a symlink that leads out of the folder', async () => {
    const response = await get('app://kiosk/assets/link.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('TOP-SECRET-CONTENT');
  });

  it('answers 404 for missing files and folders, 405 for writes, no body for HEAD', async () => {
    expect((await get('app://kiosk/nope.js')).status).toBe(404);
    expect((await get('app://kiosk/assets')).status).toBe(404);
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
    const head = await get('app://kiosk/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('the app scheme in Electron', () => {
  it('is registered standard and secure, with fetch, and without bypassing the CSP', () => {
    registerAppScheme();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, bypassCSP: false }) },
    ]);
  });

  it('is served by protocol.handle from the renderer folder', async () => {
    handleAppProtocol(root);
    const handler = protocol.handlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler!({ url: 'app://kiosk/', method: 'GET' })).status).toBe(200);
    expect((await handler!({ url: 'app://kiosk/..%2fsecret.txt', method: 'GET' })).status).toBe(403);
  });
});
