/**
 * The browser shell's window (ARCHITECTURE.md §1, §8.9, §8.10): Debian's Chromium in kiosk mode, opened at
 * the URL the host reported ready (token in the fragment), on a fresh profile every time it starts (issue
 * 13 §4: nothing one citizen's session left in a cache, storage or form history meets the next start), which
 * is removed once the browser and its helpers are gone. If the browser exits while the kiosk runs (a crash,
 * someone closing it), it is started again with back-off until stop().
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DEFAULT_BACKOFF, RestartBackoff, type BackoffOptions } from '../supervisor/restart-backoff';
import type { WebLog } from './api-connection';
import { writeCameraGrant } from './camera-grant';
import { reapGroup, signalGroup } from './process-group';

/** POSIX only: the browser leads its own process group, so its helpers end with it (see process-group.ts). */
const OWN_GROUP = process.platform !== 'win32';

/** Where Debian, Ubuntu and Google package the browser, in order of preference. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** Environment variables naming the browser explicitly; the first set to an executable file wins. */
export const BROWSER_ENV_VARS = ['KIOSK_BROWSER', 'CHROME_PATH'] as const;

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to launch, or null when none is installed. */
export function findChromium(env: Record<string, string | undefined> = process.env, executable: (path: string) => boolean = isExecutable): string | null {
  for (const name of BROWSER_ENV_VARS) {
    const path = env[name];
    if (path && executable(path)) return path;
  }
  return CHROMIUM_CANDIDATES.find((path) => executable(path)) ?? null;
}

export interface ChromiumArgsOptions {
  url: string;
  profileDir: string;
  headless?: boolean;
  /** Chromium refuses to run its sandbox as root; only then is it turned off. */
  runningAsRoot: boolean;
}

/** The command line of a kiosk Chromium. */
export function chromiumArgs({ url, profileDir, headless = false, runningAsRoot }: ChromiumArgsOptions): string[] {
  return [
    '--kiosk',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-features=Translate',
    '--noerrdialogs',
    // After a crash and restart, no "restore pages?" bubble over the citizen's screen.
    '--disable-session-crashed-bubble',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    // No keyring unlock prompt on a desktop session without a logged-in user.
    '--password-store=basic',
    ...(headless ? ['--headless'] : []),
    ...(runningAsRoot ? ['--no-sandbox'] : []),
    `--user-data-dir=${profileDir}`,
    `--app=${url}`,
  ];
}

/**
 * The local out-of-service page (renderer/public/offline.html) with the kiosk URL in its fragment: it shows
 * 暂停服务 until the kiosk's loopback port answers, then moves there (issue 13 §4).
 */
export function offlinePageUrl(offlineFile: string, kioskUrl: string): string {
  return `${pathToFileURL(offlineFile).href}#${encodeURIComponent(kioskUrl)}`;
}

export interface KioskBrowserOptions {
  url: string;
  /** The folder that holds each start's fresh profile (`run-*`); left-overs of a crash are removed first. */
  profilesDir: string;
  executable: string;
  headless?: boolean;
  backoff?: BackoffOptions;
  log?: WebLog;
  /** Called each time the browser exits while the kiosk runs, before it is started again. */
  onExit?: (info: { code: number | null; signal: string | null; restartInMs: number }) => void;
  /** How long stop() waits after SIGTERM before SIGKILL (default 3 s). */
  graceMs?: number;
  /** The browser's environment (default: this process's). */
  env?: Record<string, string | undefined>;
  /** Show the browser's own stdout/stderr (default: discarded; Chromium is chatty). */
  inheritOutput?: boolean;
  /** The kiosk's origin, granted the camera in each fresh profile (camera-grant.ts): with a uvc face camera only. */
  cameraOrigin?: string;
}

export interface KioskBrowser {
  /** The running browser process; replaced on each restart, null between them and after stop(). */
  readonly child: ChildProcess | null;
  readonly restarts: number;
  /** Ends the browser and its helpers (SIGTERM, then SIGKILL after the grace period) and stops restarting it. */
  stop(): Promise<void>;
}

export function launchKioskBrowser(options: KioskBrowserOptions): KioskBrowser {
  const log: WebLog = options.log ?? (() => undefined);
  const backoff = new RestartBackoff(options.backoff ?? DEFAULT_BACKOFF);
  const spawnOptions: SpawnOptions = {
    env: options.env ?? process.env,
    stdio: options.inheritOutput ? ['ignore', 'inherit', 'inherit'] : 'ignore',
    detached: OWN_GROUP,
  };
  const signalBrowser = (proc: ChildProcess, sig: NodeJS.Signals): void => {
    if (!(OWN_GROUP && proc.pid !== undefined && signalGroup(proc.pid, sig))) proc.kill(sig);
  };
  /** Waits for the helpers a browser left behind, so none holds the profile when the next one starts. */
  const reapHelpers = async (proc: ChildProcess): Promise<void> => {
    if (!OWN_GROUP || proc.pid === undefined) return;
    if (!(await reapGroup(proc.pid))) log('warn', 'browser: helper processes outlived the browser', { pgid: proc.pid });
  };
  let child: ChildProcess | null = null;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let stopping: Promise<void> | null = null;
  let exited: Promise<void> = Promise.resolve();

  function start(): void {
    const startedAt = performance.now();
    let proc: ChildProcess;
    let profileDir: string;
    try {
      mkdirSync(options.profilesDir, { recursive: true });
      profileDir = mkdtempSync(join(options.profilesDir, 'run-'));
      if (options.cameraOrigin !== undefined) writeCameraGrant(profileDir, options.cameraOrigin);
      const args = chromiumArgs({ url: options.url, profileDir, headless: options.headless, runningAsRoot: process.getuid?.() === 0 });
      proc = spawn(options.executable, args, spawnOptions);
    } catch (err) {
      log('error', 'browser: cannot start', { executable: options.executable, error: String(err) });
      return scheduleRestart(null, null, 0);
    }
    child = proc;
    let done = false;
    let markExited = (): void => undefined;
    exited = new Promise<void>((resolve) => (markExited = resolve));
    const onGone = (code: number | null, signal: string | null): void => {
      if (done) return;
      done = true;
      if (child === proc) child = null;
      if (!stopping) log('warn', 'browser: exited', { pid: proc.pid, code, signal });
      const uptimeMs = performance.now() - startedAt;
      void reapHelpers(proc)
        .then(() => removeProfile(profileDir, log))
        .finally(() => {
          markExited();
          if (!stopping) scheduleRestart(code, signal, uptimeMs);
        });
    };
    proc.on('exit', onGone);
    proc.on('error', (err) => {
      log('error', 'browser: process error', { executable: options.executable, error: err.message });
      if (proc.pid === undefined) onGone(null, null); // it never started: no 'exit' follows
    });
    // The URL carries the token: log where the browser went, not the URL itself.
    log('info', 'browser: started', { pid: proc.pid, executable: options.executable, profileDir });
  }

  function scheduleRestart(code: number | null, signal: string | null, uptimeMs: number): void {
    const restartInMs = backoff.next(uptimeMs);
    if (options.onExit) {
      try {
        options.onExit({ code, signal, restartInMs });
      } catch (err) {
        log('error', 'browser: onExit callback threw', { error: String(err) });
      }
    }
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      restarts += 1;
      start();
    }, restartInMs);
  }

  async function stop(): Promise<void> {
    if (restartTimer) clearTimeout(restartTimer);
    const proc = child;
    let killer: NodeJS.Timeout | undefined;
    if (proc) {
      signalBrowser(proc, 'SIGTERM');
      killer = setTimeout(() => signalBrowser(proc, 'SIGKILL'), options.graceMs ?? 3_000);
    }
    await exited; // the browser and every helper it left are gone
    clearTimeout(killer);
  }

  removeLeftoverProfiles(options.profilesDir, log);
  start();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop: () => (stopping ??= stop()),
  };
}

/** Profiles of browsers that a crashed kiosk left behind (their helpers are gone with it). */
function removeLeftoverProfiles(profilesDir: string, log: WebLog): void {
  let names: string[];
  try {
    names = readdirSync(profilesDir);
  } catch {
    return; // not there yet
  }
  for (const name of names.filter((n) => n.startsWith('run-'))) {
    if (removeProfile(join(profilesDir, name), log)) log('info', 'browser: removed a profile left by an earlier run', { name });
  }
}

/** A profile that cannot be removed (a helper still holds it) is logged and left, never fatal. */
function removeProfile(dir: string, log: WebLog): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
    return true;
  } catch (err) {
    log('warn', 'browser: a profile folder could not be removed', { dir, error: String(err) });
    return false;
  }
}
