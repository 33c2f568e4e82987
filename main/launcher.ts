/**
 * `npm start` (README): validates the configuration, then runs the kiosk in one of its shells
 * (ARCHITECTURE.md §1, §8.9): Electron when its binary is present and a display exists (Linux without
 * DISPLAY/WAYLAND_DISPLAY falls back, saying why), otherwise the browser shell — the
 * supervisor runs the host and Debian's Chromium opens the kiosk page in kiosk mode (or the URL is
 * printed). `--headless` / KIOSK_HEADLESS=1 starts supervisor and host only. Each time the host is ready
 * it prints one line: `kiosk ready: <kiosk url> sim: <sim url>`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary';
import { ConfigError } from './host/config/config-error';
import { loadConfig } from './host/config/load-config';
import { createLogger } from './host/logging/logger';
import type { HostReadyInfo } from './supervisor/host-ipc';
import { chooseShell, hostLaunchEnv, kioskPageUrl, readyLine } from './supervisor/launch-plan';
import { startSupervisor, type Supervisor } from './supervisor/supervisor';
import { findChromium, launchKioskBrowser, offlinePageUrl } from './web/browser-launcher';
import { SECRETS_FLAG } from './electron/stdin-secrets';
import { browserEnv, splitSecrets } from './supervisor/shell-env';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let config;
  try {
    config = loadConfig({ env: process.env, argv });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dataDir = process.env.KIOSK_DATA_DIR ?? join(process.cwd(), '.data');
  // The host child gets no argv: it loads the file validated above from KIOSK_CONFIG (absolute).
  const env = hostLaunchEnv(argv, process.env, process.cwd(), dataDir);

  const headless = argv.includes('--headless') || process.env.KIOSK_HEADLESS === '1';
  const choice = chooseShell({
    argv,
    env: process.env,
    platform: process.platform,
    electronBinary: headless ? null : electronBinary(),
    chromium: headless ? null : findChromium(),
  });
  out(choice.line);
  if (choice.shell === 'electron') {
    // Secrets go to Electron on stdin, for its host child only: never into the environment its Chromium
    // processes inherit (supervisor/shell-env.ts, electron/stdin-secrets.ts).
    const tokenEnv = config.queue.callingApi?.tokenEnv;
    const { shell, secrets } = splitSecrets(env, tokenEnv === undefined ? [] : [tokenEnv]);
    const child = spawn(choice.binary, [join(here, 'electron-main.cjs'), ...argv], { stdio: ['pipe', 'inherit', 'inherit'], env: { ...shell, [SECRETS_FLAG]: '1' } });
    child.stdin?.end(JSON.stringify(secrets));
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const chromium = choice.shell === 'browser' ? choice.chromium : null;
  let browser: { stop(): Promise<void> } | null = null;
  const log = createLogger({ level: config.logging.level }).child('supervisor');
  const supervisor: Supervisor = await startSupervisor({
    hostEntry: join(here, 'host.mjs'),
    env,
    ports: { kiosk: config.server.port, sim: config.mode === 'training' ? config.server.simPort : null },
    hangAfterMs: config.server.hostHangAfterMs,
    log: (level, msg, fields) => log[level](msg, fields as Record<string, unknown> | undefined),
    onReady: (info: HostReadyInfo) => {
      out(readyLine(info));
    },
  });
  if (chromium) {
    // At once, on the local out-of-service page, which moves to the kiosk once the host answers (and after
    // every browser restart, so no restart shows an error page while the host is down). A fresh profile for
    // every start (browser-launcher.ts), and an environment without secrets.
    const kioskUrl = kioskPageUrl(supervisor.ports.kiosk, supervisor.token, config.mode);
    // A uvc face camera (issue 14 item 5): the kiosk's own origin, and only it, may open the camera, unprompted.
    const uvc = Object.values(config.devices).some((d) => d.transport.kind === 'uvc');
    browser = launchKioskBrowser({
      url: offlinePageUrl(join(here, '..', 'renderer', 'offline.html'), kioskUrl),
      profilesDir: join(dataDir, 'browser-profiles'),
      executable: chromium,
      env: browserEnv(process.env),
      ...(uvc && { cameraOrigin: new URL(kioskUrl).origin }),
    });
  }
  const stop = async (): Promise<void> => {
    // The browser leads its own process group (browser-launcher.ts), so Ctrl-C does not reach it: end it
    // and its helpers before exiting, or they keep the profile locked for the next start.
    await Promise.all([browser?.stop(), supervisor.stop()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`kiosk failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
