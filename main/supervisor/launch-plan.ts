/**
 * What `npm start` decides before anything runs (main/launcher.ts), as pure functions so they are tested
 * without starting a shell: which shell to use and the one line that says so, the host's environment with
 * the configuration file handed over, and the `kiosk ready` line every shell prints on each ready.
 */
import { configFilePath } from '../host/config/load-config';
import type { HostReadyInfo } from './host-ipc';

export type ShellChoice =
  | { shell: 'electron'; binary: string; line: string }
  | { shell: 'browser'; chromium: string | null; line: string }
  | { shell: 'headless'; line: string };

export interface ShellChoiceInput {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** The Electron binary if installed (electron-binary.ts). */
  electronBinary: string | null;
  /** Debian's Chromium if installed (web/browser-launcher.ts). */
  chromium: string | null;
}

/** Linux (and the BSDs) need an X11 or Wayland display to open any window; Windows and macOS always have one. */
export function hasDisplay(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY?.trim() || env.WAYLAND_DISPLAY?.trim());
}

export function chooseShell(input: ShellChoiceInput): ShellChoice {
  const { env } = input;
  if (input.argv.includes('--headless') || env.KIOSK_HEADLESS === '1') return { shell: 'headless', line: 'shell: none (headless)' };
  if (!hasDisplay(input.platform, env)) {
    return { shell: 'browser', chromium: null, line: 'shell: browser (no DISPLAY or WAYLAND_DISPLAY: no window can open here; open the kiosk url below in a browser on this machine)' };
  }
  if (input.electronBinary && env.KIOSK_SHELL !== 'browser') {
    return { shell: 'electron', binary: input.electronBinary, line: `shell: electron (${input.electronBinary})` };
  }
  return input.chromium
    ? { shell: 'browser', chromium: input.chromium, line: `shell: browser (${input.chromium})` }
    : { shell: 'browser', chromium: null, line: 'shell: browser (no Chromium found: open the kiosk url below yourself)' };
}

/**
 * The environment for the shell and the host child: the data folder, and the configuration file the
 * launcher validated — from `--config <file>`, `--config=<file>` or KIOSK_CONFIG, made absolute against
 * `cwd` — as KIOSK_CONFIG, so the host (which gets no argv) loads exactly that file.
 */
export function hostLaunchEnv(argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string, dataDir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, KIOSK_DATA_DIR: dataDir };
  const file = configFilePath({ env, argv: [...argv], cwd });
  if (file === undefined) delete out.KIOSK_CONFIG;
  else out.KIOSK_CONFIG = file;
  return out;
}

/**
 * The kiosk page's URL: the per-launch token in the fragment (never sent to the server), and the mode, so the
 * renderer shows the 演示模式 banner before its first snapshot. The host reports it ready; the browser shell's
 * out-of-service page moves to it.
 */
export function kioskPageUrl(port: number, token: string, mode: 'training' | 'production'): string {
  return `http://127.0.0.1:${port}/#token=${token}&mode=${mode}`;
}

/** `kiosk ready: <kiosk url> sim: <sim url>` (README), the same in every shell. */
/**
 * `hideToken`: the Electron shell talks to the host over IPC, so nobody needs its page URL; printed with the
 * token hidden it cannot open the kiosk API from a journal that stored the line.
 */
export function readyLine(info: HostReadyInfo, options: { hideToken?: boolean } = {}): string {
  const kioskUrl = options.hideToken ? info.kioskUrl.replace(/token=[^&]*/, 'token=…') : info.kioskUrl;
  return `kiosk ready: ${kioskUrl} sim: ${info.simUrl ?? 'off'}`;
}
