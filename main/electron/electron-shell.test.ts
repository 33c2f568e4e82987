import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import type { ApiPush, ApiRequest } from '../../common/kiosk-api';
import { SILENT_LOGGER } from '../../common/logger';
import type { Supervisor, SupervisorOptions } from '../supervisor/supervisor';
import { app, emitEvent, FakeBrowserWindow, ipcMain, Menu, protocol, resetFakeElectron, screen, session } from '../../test/electron/fake-electron';
import { runElectronShell } from './electron-shell';
import { kioskWindowOptions } from './window-options';

vi.mock('electron', async () => (await import('../../test/electron/fake-electron')).fakeElectron);

const MAIN_DIR = '/opt/hallkiosk/resources/app.asar/dist/main';

function rig(env: Record<string, string | undefined> = {}, startFails = false, argv: string[] = []) {
  const clock = new ManualClock();
  const started: SupervisorOptions[] = [];
  const calls: ApiRequest[] = [];
  let stops = 0;
  let finishStop: () => void = () => undefined;
  const printed: string[] = [];
  const supervisor: Supervisor = {
    token: 'x'.repeat(43),
    ports: { kiosk: 8620, sim: 8621 },
    restarts: 0,
    hostPid: 4242,
    call: (request) => {
      calls.push(request);
      return Promise.resolve({ kind: 'reply', id: request.id, ok: true, result: 'done' });
    },
    stop: () => {
      stops += 1;
      return new Promise<void>((resolve) => (finishStop = resolve));
    },
  };
  const shell = runElectronShell({
    startSupervisor: (options) => {
      started.push(options);
      return startFails ? Promise.reject(new Error('EADDRINUSE 127.0.0.1:8620')) : Promise.resolve(supervisor);
    },
    mainDir: MAIN_DIR,
    env,
    execPath: '/opt/hallkiosk/hallkiosk',
    clock,
    log: SILENT_LOGGER,
    printLine: (line) => printed.push(line),
    argv,
  });
  const window = () => {
    const win = FakeBrowserWindow.instances[0];
    if (!win) throw new Error('no kiosk window');
    return win;
  };
  return { shell, clock, started, calls, window, printed, stops: () => stops, finishStop: () => finishStop() };
}

/** Lets the promise chains started by the shell run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => resetFakeElectron());
afterEach(() => vi.restoreAllMocks());

describe('runElectronShell start-up', () => {
  it('lets a second instance quit at once, starting nothing', async () => {
    app.lockAvailable = false;
    const { shell, started } = rig();
    await shell.started;
    expect(app.lockRequests).toBe(1);
    expect(app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(started).toHaveLength(0);
  });

  it('focuses the running kiosk when a second instance is launched', async () => {
    const { shell, window } = rig();
    await shell.started;
    window().minimized = true;
    app.emit('second-instance', {}, ['hallkiosk'], '/');
    expect(window()).toMatchObject({ minimized: false, shown: true, focused: true });
  });

  it('registers app:// before ready, then opens the kiosk window on it with the menu removed', async () => {
    const { shell, window } = rig();
    expect(protocol.privileged.map((s) => s.scheme)).toEqual(['app']);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    await shell.started;
    expect(Menu.applicationMenu).toBeNull();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(window().options).toEqual(
      kioskWindowOptions({ production: true, preloadPath: join(MAIN_DIR, 'preload.cjs'), bounds: screen.getPrimaryDisplay().bounds }),
    );
    expect(window().webContents.loadedUrls).toEqual(['app://kiosk/index.html']);
    expect(window().shown).toBe(false);
    window().emit('ready-to-show');
    expect(window().shown).toBe(true);
  });

  it('hardens the session and every webContents', async () => {
    const { shell, window } = rig();
    await shell.started;
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(window().webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(emitEvent(window().webContents, 'will-navigate', { url: 'https://evil.example/' }).defaultPrevented).toBe(true);
  });

  it('starts the supervisor on dist/main/host.mjs with Electron as Node and only KIOSK_* and OS variables', async () => {
    const { shell, started } = rig({ KIOSK_SIM_LINE_MS: '0', PATH: '/usr/bin', NODE_OPTIONS: '--inspect', ELECTRON_ENABLE_LOGGING: '1', AWS_SECRET: 'no' });
    await shell.started;
    expect(started).toHaveLength(1);
    const options = started[0]!;
    expect(options.hostEntry).toBe(join(MAIN_DIR, 'host.mjs'));
    expect(options.execPath).toBe('/opt/hallkiosk/hallkiosk');
    expect(options.ports).toEqual({ kiosk: 8620, sim: 8621 });
    expect(options.env).toEqual({
      KIOSK_SIM_LINE_MS: '0',
      PATH: '/usr/bin',
      KIOSK_DATA_DIR: join(app.userData, 'data'),
      ELECTRON_RUN_AS_NODE: '1',
    });
  });

  it('moves secrets out of its own environment (Chromium processes inherit it) to the host child alone, with those sent on stdin', async () => {
    const env: Record<string, string | undefined> = { PATH: '/usr/bin', KIOSK_CALLING_TOKEN: 'c'.repeat(40), DB_PASSWORD: 'p' };
    const clock = new ManualClock();
    const started: SupervisorOptions[] = [];
    const shell = runElectronShell({
      startSupervisor: (options) => {
        started.push(options);
        return new Promise(() => undefined);
      },
      mainDir: MAIN_DIR,
      env,
      execPath: '/opt/hallkiosk/hallkiosk',
      clock,
      log: SILENT_LOGGER,
      secrets: { KIOSK_EXTRA_TOKEN: 'from-stdin' },
    });
    await shell.started;
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(started[0]!.env).toMatchObject({ KIOSK_CALLING_TOKEN: 'c'.repeat(40), KIOSK_EXTRA_TOKEN: 'from-stdin' });
    expect(started[0]!.env.DB_PASSWORD).toBeUndefined(); // not a KIOSK_* or OS variable: the host needs none of it
  });

  it('keeps an explicit data folder and ports from the environment', async () => {
    const { shell, started } = rig({ KIOSK_DATA_DIR: '/srv/kiosk', KIOSK_PORT: '0', KIOSK_SIM_PORT: '9000' });
    await shell.started;
    expect(started[0]!.env.KIOSK_DATA_DIR).toBe('/srv/kiosk');
    expect(started[0]!.ports).toEqual({ kiosk: 0, sim: 9000 });
  });

  it('refuses to start on a bad configuration, with EX_CONFIG', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { shell, started } = rig({ KIOSK_MODE: 'production' }); // the built-in config simulates its printer
    await shell.started;
    expect(app.exitCode).toBe(78);
    expect(started).toHaveLength(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/sim/);
  });

  it('exits when the supervisor cannot start', async () => {
    const { shell } = rig({}, true);
    await shell.started;
    await settle();
    expect(app.exitCode).toBe(1);
  });
});

describe('production lock-down', () => {
  it('locks an installed package down: no devtools, keys swallowed, window not closable', async () => {
    app.isPackaged = true;
    const { shell, window } = rig();
    await shell.started;
    expect(window().options).toMatchObject({ closable: false, webPreferences: { devTools: false } });
    const f5 = { type: 'keyDown', key: 'F5', code: 'F5', control: false, meta: false, alt: false, shift: false };
    expect(emitEvent(window().webContents, 'before-input-event', {}, f5).defaultPrevented).toBe(true);
    expect(emitEvent(window(), 'close').defaultPrevented).toBe(true);
  });

  it('locks an unpackaged training run down too, unless started with --developer (issue 13 §4)', async () => {
    const { shell, window } = rig();
    await shell.started;
    expect(window().options).toMatchObject({ closable: false, webPreferences: { devTools: false } });
  });

  it('leaves a developer run (--developer, unpackaged, training) open to devtools and closing', async () => {
    const { shell, window } = rig({}, false, ['--developer']);
    await shell.started;
    expect(window().options).toMatchObject({ closable: true, webPreferences: { devTools: true } });
    expect(emitEvent(window(), 'close').defaultPrevented).toBe(false);
  });
});

describe('running', () => {
  it('bridges the kiosk page to the supervisor and host pushes back to the page', async () => {
    const { shell, window, calls, started } = rig();
    await shell.started;
    const page = { sender: window().webContents, senderFrame: window().webContents.mainFrame };
    await expect(ipcMain.invoke('queue:take-ticket', page, { businessId: 'A', requestId: 'r1' })).resolves.toMatchObject({ ok: true, result: 'done' });
    expect(calls).toMatchObject([{ channel: 'queue:take-ticket', request: { businessId: 'A', requestId: 'r1' } }]);
    const push: ApiPush = { kind: 'event', event: { type: 'clock:changed', nowMs: 5 } };
    started[0]!.onEvent?.(push);
    expect(window().webContents.sent).toEqual([{ channel: 'kiosk:event', args: [push.event] }]);
  });

  it('reloads a crashed renderer after the back-off delay', async () => {
    const { shell, window, clock } = rig();
    await shell.started;
    const contents = window().webContents;
    contents.emit('did-finish-load');
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    clock.advance(999);
    expect(contents.loadedUrls).toHaveLength(1);
    clock.advance(1);
    expect(contents.loadedUrls).toEqual(['app://kiosk/index.html', 'app://kiosk/index.html']);
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    clock.advance(1_999);
    expect(contents.loadedUrls).toHaveLength(2);
    clock.advance(1);
    expect(contents.loadedUrls).toHaveLength(3);
    expect(shell.watchdog?.failures).toBe(2);
  });

  it('starts the page afresh when a restarted host is ready, not on the first ready', async () => {
    const { shell, window, started } = rig();
    await shell.started;
    started[0]!.onReady({ kioskUrl: 'http://127.0.0.1:8620/#token=x', simUrl: null });
    expect(window().webContents.loadedUrls).toHaveLength(1);
    started[0]!.onReady({ kioskUrl: 'http://127.0.0.1:8620/#token=x', simUrl: null });
    expect(window().webContents.loadedUrls).toHaveLength(2);
  });

  it('prints the kiosk ready line on every ready, as the browser shell does, with the token hidden', async () => {
    const { shell, started, printed } = rig();
    await shell.started;
    started[0]!.onReady({ kioskUrl: 'http://127.0.0.1:8620/#token=x', simUrl: 'http://127.0.0.1:8621/sim' });
    started[0]!.onReady({ kioskUrl: 'http://127.0.0.1:8620/#token=x', simUrl: null });
    expect(printed).toEqual(['kiosk ready: http://127.0.0.1:8620/#token=… sim: http://127.0.0.1:8621/sim', 'kiosk ready: http://127.0.0.1:8620/#token=… sim: off']);
  });

  it('stops the supervisor before quitting, and reloads nothing meanwhile', async () => {
    app.isPackaged = true;
    const { shell, window, clock, stops, finishStop } = rig();
    await shell.started;
    app.quit();
    await settle();
    expect(stops()).toBe(1);
    expect(app.quitted).toBe(false);
    window().webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    clock.advance(120_000);
    expect(window().webContents.loadedUrls).toHaveLength(1);
    expect(ipcMain.handlers.size).toBe(0);
    app.quit(); // a second request while stopping changes nothing
    expect(stops()).toBe(1);
    finishStop();
    await settle();
    expect(app.quitted).toBe(true);
    expect(emitEvent(window(), 'close').defaultPrevented).toBe(false);
  });
});
