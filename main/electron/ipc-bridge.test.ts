import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiReply, ApiRequest } from '../../common/kiosk-api';
import { FakeBrowserWindow, FakeWebContents, FakeWebFrame, ipcMain, resetFakeElectron } from '../../test/electron/fake-electron';
import { API_CHANNELS } from '../../common/kiosk-api-channels';
import { installIpcBridge } from './ipc-bridge';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron')).fakeElectron);

const APP_PAGE = 'app://kiosk/index.html';
const TICKET = { businessId: 'A', requestId: 'r-1' };

function rig() {
  const win = new FakeBrowserWindow();
  void win.loadURL(APP_PAGE);
  const calls: ApiRequest[] = [];
  let relay = (request: ApiRequest): Promise<ApiReply> =>
    Promise.resolve({ kind: 'reply', id: request.id, ok: true, result: { echoed: request.channel } });
  const bridge = installIpcBridge({
    window: win as unknown as BrowserWindow,
    call: (request) => {
      calls.push(request);
      return relay(request);
    },
  });
  const fromPage = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
  return { win, bridge, calls, fromPage, setRelay: (fn: typeof relay) => (relay = fn) };
}

const errorOf = (reply: unknown) => (reply as Extract<ApiReply, { ok: false }>).error;

beforeEach(() => resetFakeElectron());

describe('installIpcBridge', () => {
  it('handles exactly the contract channels', () => {
    rig();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      ['appointment:begin', 'appointment:cancel', 'appointment:check-in', 'appointment:find-by-card', 'appointment:submit-code', 'face:camera', 'face:frame', 'identity:begin', 'identity:cancel', 'identity:end', 'kiosk:get-snapshot', 'queue:list-businesses', 'queue:take-ticket', 'session:activity', 'session:end',
        // Issue 15: staff and technicians
        'guides:overview', 'guides:search', 'guides:browse', 'guides:open', 'guides:print-checklist', 'guides:route', 'robot:go', 'robot:cancel', 'speech:clip', 'session:elder', 'help:call',
        'certificates:list', 'certificates:prepare', 'certificates:print', 'evaluation:submit', 'evaluation:skip', 'progress:query',
        'staff:open-pad', 'staff:close-pad', 'staff:sign-in', 'staff:sign-out', 'staff:activity', 'staff:overview', 'staff:restock', 'staff:recheck', 'staff:test-ticket', 'staff:settle-ticket', 'staff:settle-certificate', 'staff:set-service', 'staff:found-items', 'staff:log-found-item', 'staff:hand-over', 'staff:figures', 'staff:restart-app',
        'tech:devices', 'tech:health-check', 'tech:frames', 'tech:maintenance', 'tech:raw-command', 'tech:edit-device', 'tech:export-bundle', 'tech:audit'].sort(),
    );
    expect(API_CHANNELS).toHaveLength(ipcMain.handlers.size);
  });

  it('forwards a good call from the kiosk page to the supervisor and returns its reply', async () => {
    const { calls, fromPage } = rig();
    const reply = (await ipcMain.invoke('queue:take-ticket', fromPage, TICKET)) as ApiReply;
    expect(calls).toEqual([{ kind: 'request', id: expect.any(Number), channel: 'queue:take-ticket', request: TICKET }]);
    expect(reply).toMatchObject({ kind: 'reply', ok: true, result: { echoed: 'queue:take-ticket' } });
  });

  it('gives every call its own id', async () => {
    const { calls, fromPage } = rig();
    await ipcMain.invoke('session:activity', fromPage);
    await ipcMain.invoke('session:activity', fromPage, {});
    expect(calls.map((c) => c.id)).toHaveLength(2);
    expect(new Set(calls.map((c) => c.id)).size).toBe(2);
    expect(calls.map((c) => c.request)).toEqual([{}, {}]);
  });

  it('refuses a call from another webContents', async () => {
    const { calls } = rig();
    const stranger = new FakeWebContents();
    void stranger.loadURL(APP_PAGE);
    const reply = await ipcMain.invoke('queue:take-ticket', { sender: stranger, senderFrame: stranger.mainFrame }, TICKET);
    expect(errorOf(reply)).toMatchObject({ code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it('refuses a call from a frame inside the kiosk page', async () => {
    const { win, calls } = rig();
    const frame = win.webContents.subFrame(APP_PAGE);
    const reply = await ipcMain.invoke('queue:take-ticket', { sender: win.webContents, senderFrame: frame }, TICKET);
    expect(errorOf(reply)).toMatchObject({ code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it('refuses a call when the page is not the app (or its frame is gone)', async () => {
    const { win, calls } = rig();
    win.webContents.mainFrame.url = 'https://evil.example/';
    const foreign = await ipcMain.invoke('session:activity', { sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    expect(errorOf(foreign)).toMatchObject({ code: 'forbidden' });
    const gone = await ipcMain.invoke('session:activity', { sender: win.webContents, senderFrame: null }, {});
    expect(errorOf(gone)).toMatchObject({ code: 'forbidden' });
    const impostor = new FakeWebFrame(APP_PAGE, 999, 1);
    const other = await ipcMain.invoke('session:activity', { sender: win.webContents, senderFrame: impostor }, {});
    expect(errorOf(other)).toMatchObject({ code: 'forbidden' });
    expect(calls).toEqual([]);
  });

  it('refuses a bad payload without reaching the supervisor', async () => {
    const { calls, fromPage } = rig();
    const priority = await ipcMain.invoke('queue:take-ticket', fromPage, { ...TICKET, priority: true });
    expect(errorOf(priority)).toMatchObject({ code: 'badRequest', detail: expect.stringContaining('priority') });
    const noId = await ipcMain.invoke('queue:take-ticket', fromPage, { businessId: '../../x', requestId: 'r' });
    expect(errorOf(noId)).toMatchObject({ code: 'badRequest' });
    const reason = await ipcMain.invoke('session:end', fromPage, { reason: 'timeout' });
    expect(errorOf(reason)).toMatchObject({ code: 'badRequest' });
    expect(calls).toEqual([]);
  });

  it('answers offline when the relay fails', async () => {
    const { fromPage, setRelay } = rig();
    setRelay(() => Promise.reject(new Error('supervisor failed to start')));
    const reply = await ipcMain.invoke('kiosk:get-snapshot', fromPage, {});
    expect(errorOf(reply)).toMatchObject({ code: 'offline', actor: 'staff' });
  });

  it('passes a host error reply through unchanged', async () => {
    const { fromPage, setRelay } = rig();
    setRelay((r) => Promise.resolve({ kind: 'reply', id: r.id, ok: false, error: { code: 'paperOut', actor: 'staff' } }));
    expect(errorOf(await ipcMain.invoke('queue:take-ticket', fromPage, TICKET))).toEqual({ code: 'paperOut', actor: 'staff' });
  });

  it('sends host pushes to the kiosk page on kiosk:event, and nothing once the window is gone', () => {
    const { win, bridge } = rig();
    bridge.push({ kind: 'event', event: { type: 'clock:changed', nowMs: 42 } });
    expect(win.webContents.sent).toEqual([{ channel: 'kiosk:event', args: [{ type: 'clock:changed', nowMs: 42 }] }]);
    win.destroyed = true;
    bridge.push({ kind: 'event', event: { type: 'clock:changed', nowMs: 43 } });
    expect(win.webContents.sent).toHaveLength(1);
  });

  it('removes its handlers on dispose', () => {
    const { bridge } = rig();
    bridge.dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
