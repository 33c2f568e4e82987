import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { emitEvent, FakeWebContents, fakeEvent, resetFakeElectron, session } from '../../test/electron/fake-electron';
import { DEFAULT_PERMISSION_POLICY, hardenSession, hardenWebContents, isPermissionAllowed, KIOSK_CSP } from './security';

const APP_PAGE = 'app://kiosk/index.html';

function hardened(production: boolean): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, { production });
  return contents;
}

function hardenedSession(production: boolean) {
  const ses = session.defaultSession;
  hardenSession(ses as unknown as Session, { production });
  return ses;
}

const keyDown = (key: string, code: string, mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {}) => ({
  type: 'keyDown',
  key,
  code,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  isAutoRepeat: false,
  isComposing: false,
  location: 0,
  modifiers: [],
  ...mods,
});

beforeEach(() => resetFakeElectron());

describe('KIOSK_CSP', () => {
  it('is the renderer meta policy plus frame-ancestors: only the app itself, no plugins, no base, no forms, no framing', () => {
    expect(KIOSK_CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('names every directive of the renderer meta CSP with the same sources', () => {
    const html = readFileSync(join(import.meta.dirname, '..', '..', 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const header = new Set(KIOSK_CSP.split('; '));
    for (const directive of meta!.split(';').map((d) => d.trim()).filter(Boolean)) expect(header.has(directive), directive).toBe(true);
  });
});

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: a foreign URL is prevented, the app is allowed', (name) => {
    const contents = hardened(true);
    expect(emitEvent(contents, name, { url: 'https://evil.example/phish' }).defaultPrevented).toBe(true);
    expect(emitEvent(contents, name, { url: 'file:///etc/passwd' }).defaultPrevented).toBe(true);
    expect(emitEvent(contents, name, { url: 'app://kiosk.evil/index.html' }).defaultPrevented).toBe(true);
    expect(emitEvent(contents, name, { url: 'app://kiosk@evil/index.html' }).defaultPrevented).toBe(true);
    expect(emitEvent(contents, name, { url: APP_PAGE }).defaultPrevented).toBe(false);
    expect(emitEvent(contents, name, { url: 'app://kiosk/index.html#/ticket' }).defaultPrevented).toBe(false);
  });

  it('denies every window.open, even to the app', () => {
    const contents = hardened(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_PAGE })).toEqual({ action: 'deny' });
  });

  it('prevents webviews and the context menu', () => {
    const contents = hardened(false);
    expect(emitEvent(contents, 'will-attach-webview').defaultPrevented).toBe(true);
    expect(emitEvent(contents, 'context-menu').defaultPrevented).toBe(true);
  });

  it('in production swallows reload, devtools, zoom and quit keys but lets typing through', () => {
    const contents = hardened(true);
    const blocked = [
      keyDown('F5', 'F5'),
      keyDown('r', 'KeyR', { control: true }),
      keyDown('R', 'KeyR', { control: true, shift: true }),
      keyDown('F12', 'F12'),
      keyDown('I', 'KeyI', { control: true, shift: true }),
      keyDown('=', 'Equal', { control: true }),
      keyDown('F4', 'F4', { alt: true }),
    ];
    for (const input of blocked) expect(emitEvent(contents, 'before-input-event', {}, input).defaultPrevented, input.key).toBe(true);
    expect(emitEvent(contents, 'before-input-event', {}, { ...keyDown('F5', 'F5'), type: 'keyUp' }).defaultPrevented).toBe(true);
    expect(emitEvent(contents, 'before-input-event', {}, keyDown('5', 'Digit5')).defaultPrevented).toBe(false);
    expect(emitEvent(contents, 'before-input-event', {}, keyDown('Enter', 'Enter')).defaultPrevented).toBe(false);
  });

  it('in production undoes zoom and closes devtools should they open', () => {
    const contents = hardened(true);
    contents.zoomFactor = 1.5;
    contents.emit('zoom-changed', fakeEvent(), 'in');
    expect(contents.zoomFactor).toBe(1);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('in development leaves reload and devtools keys alone', () => {
    const contents = hardened(false);
    expect(contents.listenerCount('before-input-event')).toBe(0);
    expect(emitEvent(contents, 'before-input-event', {}, keyDown('F12', 'F12')).defaultPrevented).toBe(false);
    expect(emitEvent(contents, 'before-input-event', {}, keyDown('r', 'KeyR', { control: true })).defaultPrevented).toBe(false);
  });

  it('installs once per webContents', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents, { production: true });
    hardenWebContents(contents as unknown as WebContents, { production: true });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('before-input-event')).toBe(1);
  });
});

describe('permissions', () => {
  const ask = (ses: ReturnType<typeof hardenedSession>, permission: string, details: Record<string, unknown>): Promise<boolean> =>
    new Promise((resolve) => (ses.permissionRequestHandler as unknown as (...a: unknown[]) => void)(null, permission, resolve, details));
  const check = (ses: ReturnType<typeof hardenedSession>, permission: string, origin: string, details: Record<string, unknown> = {}): boolean =>
    (ses.permissionCheckHandler as unknown as (...a: unknown[]) => boolean)(null, permission, origin, { isMainFrame: true, ...details });

  it('grants the camera to the app page and nothing else', async () => {
    const ses = hardenedSession(true);
    expect(await ask(ses, 'media', { requestingUrl: APP_PAGE, isMainFrame: true, mediaTypes: ['video'] })).toBe(true);
    expect(await ask(ses, 'media', { requestingUrl: APP_PAGE, isMainFrame: true, mediaTypes: ['audio'] })).toBe(false);
    expect(await ask(ses, 'media', { requestingUrl: APP_PAGE, isMainFrame: true, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await ask(ses, 'media', { requestingUrl: APP_PAGE, isMainFrame: true, mediaTypes: [] })).toBe(false);
    expect(await ask(ses, 'media', { requestingUrl: 'https://evil.example/', isMainFrame: true, mediaTypes: ['video'] })).toBe(false);
    expect(await ask(ses, 'media', { requestingUrl: APP_PAGE, isMainFrame: false, mediaTypes: ['video'] })).toBe(false);
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'display-capture', 'serial', 'hid', 'openExternal', 'fullscreen']) {
      expect(await ask(ses, permission, { requestingUrl: APP_PAGE, isMainFrame: true }), permission).toBe(false);
    }
  });

  it('answers permission checks the same way', () => {
    const ses = hardenedSession(true);
    expect(check(ses, 'media', 'app://kiosk', { mediaType: 'video' })).toBe(true);
    expect(check(ses, 'media', 'app://kiosk', { mediaType: 'audio' })).toBe(false);
    expect(check(ses, 'media', 'app://kiosk', { mediaType: 'unknown' })).toBe(false);
    expect(check(ses, 'media', 'https://evil.example', { mediaType: 'video' })).toBe(false);
    expect(check(ses, 'clipboard-read', 'app://kiosk')).toBe(false);
    expect((ses.devicePermissionHandler as unknown as () => boolean)()).toBe(false);
  });

  it('follows a configured allow-list', () => {
    const policy = { allow: ['media', 'speaker-selection'] as const, mediaTypes: ['video', 'audio'] as const };
    expect(isPermissionAllowed(policy, 'speaker-selection', 'app://kiosk')).toBe(true);
    expect(isPermissionAllowed(policy, 'media', 'app://kiosk', ['audio'])).toBe(true);
    expect(isPermissionAllowed(DEFAULT_PERMISSION_POLICY, 'speaker-selection', 'app://kiosk')).toBe(false);
  });
});

describe('hardenSession', () => {
  const request = (ses: ReturnType<typeof hardenedSession>, url: string): boolean => {
    let cancel: boolean | undefined;
    ses.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
    return cancel === false;
  };

  it('lets the page load only from the app', () => {
    const ses = hardenedSession(true);
    expect(request(ses, 'app://kiosk/assets/index.js')).toBe(true);
    expect(request(ses, 'data:image/png;base64,AAAA')).toBe(true);
    expect(request(ses, 'https://evil.example/beacon')).toBe(false);
    expect(request(ses, 'http://127.0.0.1:8620/api')).toBe(false);
    expect(request(ses, 'file:///etc/passwd')).toBe(false);
    expect(request(ses, 'devtools://devtools/bundled/inspector.html')).toBe(false);
  });

  it('lets devtools load in development', () => {
    const ses = hardenedSession(false);
    expect(request(ses, 'devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(request(ses, 'https://evil.example/beacon')).toBe(false);
  });

  it('refuses downloads', () => {
    const ses = hardenedSession(true);
    expect(emitEvent(ses, 'will-download', {}, { getURL: () => 'app://kiosk/x.pdf' }).defaultPrevented).toBe(true);
  });
});
