/**
 * The Electron shell (ARCHITECTURE.md §1, §8.9, §8.10): one instance per machine; a supervisor that runs the
 * host as a child; one locked-down kiosk window showing app://kiosk/ with the KioskApi bridged over IPC; a
 * watchdog that reloads a crashed renderer; and on quit, the host stopped before the process ends.
 * electron-main.ts calls runElectronShell with the real supervisor; tests call it with a fake.
 */
import { join } from 'node:path';
import { app, BrowserWindow, Menu, screen, session } from 'electron';
import type { Clock } from '../../common/clock';
import type { Logger } from '../../common/logger';
import { AdjustableClock } from '../host/clock/adjustable-clock';
import type { KioskConfig } from '../host/config/config-types';
import { loadConfig } from '../host/config/load-config';
import { createLogger } from '../host/logging/logger';
import { readyLine } from '../supervisor/launch-plan';
import type { Supervisor, SupervisorLog, SupervisorOptions } from '../supervisor/supervisor';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { APP_ENTRY_URL } from './app-url';
import { installIpcBridge, type IpcBridge } from './ipc-bridge';
import { RendererWatchdog } from './renderer-watchdog';
import { hardenSession, hardenWebContents } from './security';
import { splitSecrets } from '../supervisor/shell-env';
import { hostEnv, shellPaths } from './shell-paths';
import { kioskWindowOptions } from './window-options';

export interface ElectronShellOptions {
  startSupervisor: (options: SupervisorOptions) => Promise<Supervisor>;
  /** The folder holding electron-main.cjs, preload.cjs and host.mjs (dist/main). */
  mainDir: string;
  env: Record<string, string | undefined>;
  /** The Electron binary, re-run as Node for the host child. */
  execPath: string;
  clock?: Clock;
  log?: Logger;
  /** Where the `kiosk ready` line goes; stdout, one line per ready, like the browser shell. */
  printLine?: (line: string) => void;
  /** Secrets the launcher sent on stdin (stdin-secrets.ts), for the host child only. */
  secrets?: Record<string, string>;
  /** The command line after the main script: `--developer` unlocks an unpackaged training run. */
  argv?: readonly string[];
}

export interface ElectronShell {
  /** Settles once the window is loading (or the shell has given up: second instance, bad configuration). */
  readonly started: Promise<void>;
  readonly window: BrowserWindow | null;
  readonly watchdog: RendererWatchdog | null;
}

/** EX_CONFIG (sysexits.h): the service manager shows the configuration is at fault. */
const EXIT_CONFIG = 78;

export function runElectronShell(options: ElectronShellOptions): ElectronShell {
  const state: { window: BrowserWindow | null; watchdog: RendererWatchdog | null } = { window: null, watchdog: null };
  const shell = (started: Promise<void>): ElectronShell => ({
    started,
    get window() {
      return state.window;
    },
    get watchdog() {
      return state.watchdog;
    },
  });

  // Before 'ready', or Electron ignores it.
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return shell(Promise.resolve());
  }

  // Secrets found in this process's own environment (a direct launch) move out of it, before any Chromium
  // process is started from it, to the host child's alone (supervisor/shell-env.ts).
  const secrets: Record<string, string> = { ...splitSecrets(options.env).secrets, ...options.secrets };
  for (const name of Object.keys(secrets)) delete options.env[name];
  const fullEnv = { ...options.env, ...secrets };
  let config: KioskConfig;
  try {
    // argv is not read: the host child gets no argv, and both must load the same file (KIOSK_CONFIG).
    config = loadConfig({ env: fullEnv, argv: [] });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    app.exit(EXIT_CONFIG);
    return shell(Promise.resolve());
  }
  const tokenEnv = config.queue.callingApi?.tokenEnv;
  if (tokenEnv !== undefined && options.env[tokenEnv] !== undefined) {
    secrets[tokenEnv] = options.env[tokenEnv]!;
    delete options.env[tokenEnv];
  }
  // An installed package is always locked down, and so is an unpackaged one, in either mode, unless a
  // developer asks for devtools and a closable window with --developer (issue 13 §4).
  const production = app.isPackaged || config.mode === 'production' || !(options.argv ?? []).includes('--developer');
  const log = options.log ?? createLogger({ level: config.logging.level }).child('electron');
  const clock = options.clock ?? new AdjustableClock();
  const paths = shellPaths(options.mainDir);
  const printLine = options.printLine ?? ((line: string) => void process.stdout.write(`${line}\n`));

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { production, log }));
  app.on('second-instance', () => {
    const win = state.window;
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => log.warn('Electron child process gone', { type: details.type, reason: details.reason }));

  let supervisor: Promise<Supervisor> | null = null;
  let bridge: IpcBridge | null = null;
  let quit: 'running' | 'stopping' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (quit === 'done') return;
    event.preventDefault();
    if (quit === 'stopping') return;
    quit = 'stopping';
    state.watchdog?.dispose();
    bridge?.dispose();
    const stopped = supervisor ? supervisor.then((s) => s.stop()) : Promise.resolve();
    void stopped
      .catch((err: unknown) => log.error('supervisor did not stop cleanly', { error: String(err) }))
      .finally(() => {
        quit = 'done';
        app.quit();
      });
  });

  const start = (): void => {
    Menu.setApplicationMenu(null);
    hardenSession(session.defaultSession, { production, log });
    handleAppProtocol(paths.rendererDir, log.child('app-protocol'));

    const win = new BrowserWindow(kioskWindowOptions({ production, preloadPath: paths.preload, bounds: screen.getPrimaryDisplay().bounds }));
    state.window = win;
    win.once('ready-to-show', () => {
      win.show();
      win.focus();
    });
    // Only quitting closes a production kiosk (Alt+F4 and the window manager are refused).
    win.on('close', (event) => {
      if (production && quit === 'running') event.preventDefault();
    });
    const load = (): void => {
      if (!win.isDestroyed()) win.loadURL(APP_ENTRY_URL).catch(() => undefined); // did-fail-load reports it
    };
    state.watchdog = watchRenderer(win, new RendererWatchdog({ clock, reload: load, log: log.child('watchdog') }), () => quit !== 'running');

    let readyCount = 0;
    supervisor = options.startSupervisor({
      hostEntry: paths.hostEntry,
      env: hostEnv(fullEnv, join(app.getPath('userData'), 'data')),
      execPath: options.execPath,
      ports: { kiosk: config.server.port, sim: config.mode === 'training' ? config.server.simPort : null },
      hangAfterMs: config.server.hostHangAfterMs,
      onReady: (info) => {
        readyCount += 1;
        printLine(readyLine(info, { hideToken: true }));
        log.info('host ready', { simUrl: info.simUrl, incarnation: readyCount });
        // A restarted host lost what the page was showing and the pushes meanwhile: start the page afresh.
        if (readyCount > 1) load();
      },
      onEvent: (push) => bridge?.push(push),
      log: supervisorLog(log.child('supervisor')),
    });
    supervisor.catch((err: unknown) => {
      log.error('supervisor failed to start', { error: String(err) });
      app.exit(1);
    });
    const running = supervisor;
    bridge = installIpcBridge({ window: win, call: (request) => running.then((s) => s.call(request)), log: log.child('ipc') });
    load();
  };

  const started = app.whenReady().then(start);
  started.catch((err: unknown) => {
    log.error('Electron shell failed to start', { error: String(err) });
    app.exit(1);
  });
  return shell(started);
}

/** Feeds the watchdog from the kiosk page's events; nothing is reloaded while the app quits. */
function watchRenderer(win: BrowserWindow, watchdog: RendererWatchdog, quitting: () => boolean): RendererWatchdog {
  const contents = win.webContents;
  const live = (): boolean => !quitting() && !win.isDestroyed();
  contents.on('did-finish-load', () => watchdog.loaded());
  contents.on('render-process-gone', (_event, details) => {
    if (live()) watchdog.crashed(`${details.reason} (exit code ${details.exitCode})`);
  });
  contents.on('did-fail-load', (_event, errorCode, description, _url, isMainFrame) => {
    // -3 (ERR_ABORTED) is a navigation we or the page cancelled, not a failure.
    if (live() && isMainFrame && errorCode !== -3) watchdog.crashed(`load failed: ${description} (${errorCode})`);
  });
  contents.on('unresponsive', () => {
    if (live()) watchdog.unresponsive();
  });
  contents.on('responsive', () => watchdog.responsive());
  return watchdog;
}

function supervisorLog(log: Logger): SupervisorLog {
  return (level, msg, fields) => log[level](msg, fields as Record<string, unknown> | undefined);
}
