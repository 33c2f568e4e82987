import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';
import type { ApiClient, ApiHandler } from '../host/api/api-handler';
import { chromiumArgs, CHROMIUM_CANDIDATES, findChromium, launchKioskBrowser, type KioskBrowser, type KioskBrowserOptions } from './browser-launcher';
import { browserEnv } from '../supervisor/shell-env';
import { createWebServer } from './web-server';
import { cameraGrantPreferences } from './camera-grant';

const FAKE_BROWSER = fileURLToPath(new URL('./test-fixtures/fake-browser.mjs', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'hallkiosk-browser-'));
// Chromium's helper processes may still be writing into the profile for a moment after it exits.
afterAll(() => rmSync(tmp, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }));

const browsers: KioskBrowser[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.stop()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Runs (a zombie, exited but not yet reaped by its new parent, does not count). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return process.platform !== 'linux';
  }
}

/** Collects the fake browser's start reports, to await one by one. */
async function reportServer() {
  const items: { pid: number; helperPid?: number; args: string[] }[] = [];
  const waiters: ((r: { pid: number; helperPid?: number; args: string[] }) => void)[] = [];
  const server = net.createServer((socket) => {
    let text = '';
    socket.on('data', (chunk) => (text += String(chunk)));
    socket.on('end', () => {
      const report = JSON.parse(text) as { pid: number; helperPid?: number; args: string[] };
      const waiter = waiters.shift();
      if (waiter) waiter(report);
      else items.push(report);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return {
    port: (server.address() as net.AddressInfo).port,
    next: () => (items.length > 0 ? Promise.resolve(items.shift() as { pid: number; helperPid?: number; args: string[] }) : new Promise<{ pid: number; helperPid?: number; args: string[] }>((r) => waiters.push(r))),
  };
}

describe('findChromium', () => {
  it('prefers KIOSK_BROWSER, then CHROME_PATH, then the usual install paths', () => {
    const installed = (paths: string[]) => (path: string) => paths.includes(path);
    expect(findChromium({ KIOSK_BROWSER: '/opt/a', CHROME_PATH: '/opt/b' }, installed(['/opt/a', '/opt/b', '/usr/bin/chromium']))).toBe('/opt/a');
    expect(findChromium({ CHROME_PATH: '/opt/b' }, installed(['/opt/b', '/usr/bin/chromium']))).toBe('/opt/b');
    expect(findChromium({ KIOSK_BROWSER: '/opt/missing' }, installed(['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, installed(['/usr/bin/chromium-browser', '/usr/bin/google-chrome']))).toBe('/usr/bin/chromium-browser');
    expect(findChromium({}, installed([]))).toBeNull();
    expect(CHROMIUM_CANDIDATES[0]).toBe('/usr/bin/chromium');
  });
});

describe('chromiumArgs', () => {
  const base = { url: 'http://127.0.0.1:4000/#token=t', profileDir: '/var/lib/hallkiosk/browser' };
  it('builds a kiosk command line on its own profile', () => {
    const args = chromiumArgs({ ...base, runningAsRoot: false });
    for (const flag of ['--kiosk', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-translate', '--noerrdialogs', '--disable-pinch', '--overscroll-history-navigation=0']) {
      expect(args).toContain(flag);
    }
    expect(args).toContain('--user-data-dir=/var/lib/hallkiosk/browser');
    expect(args.at(-1)).toBe('--app=http://127.0.0.1:4000/#token=t');
    expect(args).not.toContain('--no-sandbox');
    expect(args).not.toContain('--headless');
  });
  it('turns the sandbox off only as root, and adds --headless on request', () => {
    expect(chromiumArgs({ ...base, runningAsRoot: true })).toContain('--no-sandbox');
    expect(chromiumArgs({ ...base, runningAsRoot: false, headless: true })).toContain('--headless');
  });
});

describe('launchKioskBrowser', () => {
  type ExitInfo = { code: number | null; signal: string | null; restartInMs: number };

  async function launch(overrides: Partial<KioskBrowserOptions> = {}, extraEnv: Record<string, string> = {}) {
    const reports = await reportServer();
    const exits: ExitInfo[] = [];
    const exitWaiters: (() => void)[] = [];
    const browser = launchKioskBrowser({
      url: 'http://127.0.0.1:4000/#token=t',
      profilesDir: join(tmp, 'profiles'),
      executable: FAKE_BROWSER,
      backoff: { initialMs: 30, maxMs: 1_000, resetAfterMs: 60_000 },
      env: { ...process.env, FAKE_BROWSER_REPORT: String(reports.port), ...extraEnv },
      onExit: (info) => {
        exits.push(info);
        exitWaiters.splice(0).forEach((wake) => wake());
      },
      ...overrides,
    });
    browsers.push(browser);
    const exitCount = async (n: number): Promise<void> => {
      while (exits.length < n) await new Promise<void>((resolve) => exitWaiters.push(resolve));
    };
    return { browser, reports, exits, exitCount };
  }

  it('starts the browser with the kiosk command line', async () => {
    const { browser, reports } = await launch();
    const started = await reports.next();
    expect(started.pid).toBe(browser.child?.pid);
    const profileArg = started.args.find((a: string) => a.startsWith('--user-data-dir='))!;
    const profileDir = profileArg.slice('--user-data-dir='.length);
    expect(profileDir.startsWith(join(tmp, 'profiles', 'run-'))).toBe(true);
    expect(started.args).toEqual(chromiumArgs({ url: 'http://127.0.0.1:4000/#token=t', profileDir, runningAsRoot: process.getuid?.() === 0 }));
  });

  it('gives every start a fresh profile and removes the last one once the browser is gone; a crashed run’s left-overs go at launch', async () => {
    mkdirSync(join(tmp, 'profiles', 'run-left-by-a-crash'), { recursive: true });
    const { browser, reports, exitCount } = await launch();
    const profileOf = (s: { args: string[] }): string => s.args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    const first = await reports.next();
    expect(existsSync(join(tmp, 'profiles', 'run-left-by-a-crash'))).toBe(false);
    expect(existsSync(profileOf(first))).toBe(true);
    process.kill(first.pid, 'SIGKILL');
    await exitCount(1);
    const second = await reports.next();
    expect(profileOf(second)).not.toBe(profileOf(first));
    expect(existsSync(profileOf(first))).toBe(false);
    await browser.stop();
    expect(existsSync(profileOf(second))).toBe(false);
  });

  it('with a uvc face camera, each fresh profile grants the camera to the kiosk origin only (camera-grant.ts); without, nothing is written', async () => {
    const profileOf = (s: { args: string[] }): string => s.args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    const granted = await launch({ cameraOrigin: 'http://127.0.0.1:4000' });
    const started = await granted.reports.next();
    expect(JSON.parse(readFileSync(join(profileOf(started), 'Default', 'Preferences'), 'utf8'))).toEqual(cameraGrantPreferences('http://127.0.0.1:4000'));
    await granted.browser.stop();
    const plain = await launch();
    expect(existsSync(join(profileOf(await plain.reports.next()), 'Default', 'Preferences'))).toBe(false);
  });

  it('the browser’s environment holds no secret (shell-env.ts): no calling token, no *_TOKEN or *_SECRET', () => {
    const env = browserEnv({ PATH: '/usr/bin', DISPLAY: ':0', XDG_RUNTIME_DIR: '/run/user/0', LC_ALL: 'zh_CN.UTF-8', KIOSK_CALLING_TOKEN: 'x'.repeat(40), KIOSK_TOKEN: 't', DB_PASSWORD: 'p', KIOSK_CONFIG: '/etc/k.json', AWS_SECRET_ACCESS_KEY: 's' });
    expect(env).toEqual({ PATH: '/usr/bin', DISPLAY: ':0', XDG_RUNTIME_DIR: '/run/user/0', LC_ALL: 'zh_CN.UTF-8' });
  });

  it('starts it again when it dies, with a growing back-off', async () => {
    const { browser, reports, exits } = await launch();
    const first = await reports.next();
    process.kill(first.pid, 'SIGKILL');
    const second = await reports.next();
    expect(second.pid).not.toBe(first.pid);
    expect(browser.restarts).toBe(1);
    process.kill(second.pid, 'SIGKILL');
    const third = await reports.next();
    expect(browser.child?.pid).toBe(third.pid);
    expect(browser.restarts).toBe(2);
    expect(exits).toEqual([
      { code: null, signal: 'SIGKILL', restartInMs: 30 },
      { code: null, signal: 'SIGKILL', restartInMs: 60 },
    ]);
  });

  it('stop() ends the browser and it stays stopped', async () => {
    const { browser, reports, exits } = await launch();
    const { pid } = await reports.next();
    await browser.stop();
    expect(isAlive(pid)).toBe(false);
    expect(browser.child).toBeNull();
    expect(exits).toEqual([]);
    expect(browser.restarts).toBe(0);
  });

  it('stop() kills a browser that ignores SIGTERM once the grace period ends', async () => {
    const { browser, reports, exits } = await launch({ graceMs: 100 }, { FAKE_BROWSER_IGNORE_TERM: '1' });
    const { pid } = await reports.next();
    await browser.stop();
    expect(isAlive(pid)).toBe(false);
    expect(exits).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('stop() also ends the helper processes the browser started', async () => {
    const { browser, reports } = await launch({ graceMs: 100 }, { FAKE_BROWSER_HELPER: '1' });
    const { pid, helperPid } = await reports.next();
    expect(isAlive(helperPid as number)).toBe(true);
    await browser.stop();
    expect(isAlive(pid)).toBe(false);
    expect(isAlive(helperPid as number)).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('after a crash, the helpers left behind are gone before the browser starts again', async () => {
    const { reports } = await launch({}, { FAKE_BROWSER_HELPER: '1' });
    const first = await reports.next();
    process.kill(first.pid, 'SIGKILL');
    const second = await reports.next();
    expect(isAlive(first.helperPid as number)).toBe(false);
    expect(isAlive(second.helperPid as number)).toBe(true);
  });

  it('keeps trying, with back-off, when the executable does not exist', async () => {
    const { browser, exits, exitCount } = await launch({ executable: join(tmp, 'no-such-browser') });
    await exitCount(2);
    expect(exits.slice(0, 2).map((e) => e.restartInMs)).toEqual([30, 60]);
    expect(browser.restarts).toBeGreaterThanOrEqual(1);
  });
});

const chromium = findChromium();
describe.skipIf(!chromium)('launchKioskBrowser with the real Chromium (headless)', () => {
  it('opens the kiosk page, whose script reaches the API with the token from the fragment', async () => {
    const staticDir = join(tmp, 'renderer');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><script src="/boot.js"></script></head><body></body></html>');
    writeFileSync(
      join(staticDir, 'boot.js'),
      `const token = new URLSearchParams(location.hash.slice(1)).get('token');
       const ws = new WebSocket('ws://' + location.host + '/api?token=' + encodeURIComponent(token));
       ws.onopen = () => ws.send(JSON.stringify({ kind: 'request', id: 1, channel: 'kiosk:get-snapshot', request: {} }));`,
    );
    let reached: (client: ApiClient) => void = () => undefined;
    const called = new Promise<ApiClient>((resolve) => (reached = resolve));
    const api: ApiHandler = {
      handle: (request: ApiRequest, client: ApiClient): Promise<ApiReply> => {
        reached(client);
        return Promise.resolve({ kind: 'reply', id: request.id, ok: true, result: {} });
      },
      onPush: (_listener: (push: ApiPush) => void) => () => undefined,
    };
    const token = 'real-browser-token-0123456789abcdef';
    const web = createWebServer({ staticDir, token, api });
    cleanups.push(() => web.close());
    await new Promise<void>((resolve) => web.server.listen(0, '127.0.0.1', resolve));
    const port = (web.server.address() as net.AddressInfo).port;
    const browser = launchKioskBrowser({ url: `http://127.0.0.1:${port}/#token=${token}`, profilesDir: join(tmp, 'chromium-profiles'), executable: chromium as string, headless: true });
    browsers.push(browser);
    expect((await called).via).toBe('web');
    const pid = browser.child?.pid as number;
    await browser.stop();
    expect(isAlive(pid)).toBe(false);
  });
});
