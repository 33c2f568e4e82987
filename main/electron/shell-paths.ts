/**
 * Where the Electron shell finds its pieces, and what it hands the host (ARCHITECTURE.md §8.9). The build
 * (scripts/build.mjs) puts electron-main.cjs, preload.cjs and host.mjs in dist/main and the renderer in
 * dist/renderer; inside a package they sit in app.asar the same way.
 */
import { join } from 'node:path';

export interface ShellPaths {
  preload: string;
  hostEntry: string;
  rendererDir: string;
}

export function shellPaths(mainDir: string): ShellPaths {
  return {
    preload: join(mainDir, 'preload.cjs'),
    hostEntry: join(mainDir, 'host.mjs'),
    rendererDir: join(mainDir, '..', 'renderer'),
  };
}

/**
 * The folder of the running main bundle. electron-main.ts is bundled to CommonJS, where `__dirname` is that
 * folder; `import.meta` would be empty there, so it is not used.
 */
export function bundleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  throw new Error('the Electron main process must run from its CommonJS bundle (dist/main/electron-main.cjs)');
}

/** Operating-system variables a Node child needs to run at all (names compared case-insensitively for Windows). */
const OS_VARIABLES = new Set(
  ['PATH', 'PATHEXT', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'TEMP', 'TMP',
    'XDG_RUNTIME_DIR', 'SYSTEMROOT', 'WINDIR', 'COMSPEC', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'PROGRAMDATA'],
);

/**
 * The host child's environment: KIOSK_* passed through, the few OS variables above, nothing else (no
 * ELECTRON_* or NODE_OPTIONS from the shell). The child runs on Electron's own Node (ELECTRON_RUN_AS_NODE),
 * so its native modules match the packaged ABI; its data goes to the shell's user-data folder unless
 * KIOSK_DATA_DIR says otherwise (the working directory of an installed app is not writable).
 */
export function hostEnv(env: Record<string, string | undefined>, defaultDataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name.startsWith('KIOSK_') || OS_VARIABLES.has(name.toUpperCase())) out[name] = value;
  }
  if (!out.KIOSK_DATA_DIR) out.KIOSK_DATA_DIR = defaultDataDir;
  out.ELECTRON_RUN_AS_NODE = '1';
  return out;
}
