import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_JSON } from '../host/config/default-config';
import { loadConfig } from '../host/config/load-config';
import { chooseShell, hasDisplay, hostLaunchEnv, readyLine, type ShellChoiceInput } from './launch-plan';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function configFile(hallId: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-launch-'));
  dirs.push(dir);
  const config = JSON.parse(DEFAULT_CONFIG_JSON) as { hall: { id: string } };
  config.hall.id = hallId;
  const file = join(dir, 'prod.json');
  writeFileSync(file, JSON.stringify(config));
  return { dir, file };
}

describe('hostLaunchEnv: the host loads the file the launcher validated', () => {
  it.each([
    ['--config=<file>', (f: string) => [`--config=${f}`]],
    ['--config <file>', (f: string) => ['--config', f]],
  ])('hands %s to the host as an absolute KIOSK_CONFIG', (_form, args) => {
    const { dir } = configFile('hall-from-flag');
    const env = hostLaunchEnv(['--headless', ...args('prod.json')], { KIOSK_CONFIG: '/etc/other.json', PATH: '/usr/bin' }, dir, '/srv/data');
    expect(env).toMatchObject({ KIOSK_CONFIG: join(dir, 'prod.json'), KIOSK_DATA_DIR: '/srv/data', PATH: '/usr/bin' });
    // What the host child does with that environment and no argv (host-process.ts):
    expect(loadConfig({ env, argv: ['node', 'host.mjs'] }).hall.id).toBe('hall-from-flag');
  });

  it('makes a relative KIOSK_CONFIG absolute, and sets none without a file', () => {
    const { dir } = configFile('hall-from-env');
    expect(hostLaunchEnv([], { KIOSK_CONFIG: 'prod.json' }, dir, '/d').KIOSK_CONFIG).toBe(join(dir, 'prod.json'));
    expect(hostLaunchEnv([], { KIOSK_CONFIG: '  ' }, dir, '/d')).not.toHaveProperty('KIOSK_CONFIG');
    expect(hostLaunchEnv(['--headless'], {}, dir, '/d')).toEqual({ KIOSK_DATA_DIR: '/d' });
  });

  it('refuses a --config with no file, like the validation does', () => {
    expect(() => hostLaunchEnv(['--config'], {}, '/', '/d')).toThrow(/must be followed by a file name/);
  });
});

describe('chooseShell', () => {
  const base: ShellChoiceInput = { argv: [], env: { DISPLAY: ':0' }, platform: 'linux', electronBinary: '/x/electron', chromium: '/usr/bin/chromium' };

  it('uses Electron when its binary exists and a display is there', () => {
    expect(chooseShell(base)).toEqual({ shell: 'electron', binary: '/x/electron', line: 'shell: electron (/x/electron)' });
    expect(chooseShell({ ...base, env: { WAYLAND_DISPLAY: 'wayland-0' } }).shell).toBe('electron');
    expect(chooseShell({ ...base, env: {}, platform: 'win32' }).shell).toBe('electron');
  });

  it('falls back to the browser shell on Linux without DISPLAY or WAYLAND_DISPLAY, and says why', () => {
    const choice = chooseShell({ ...base, env: { DISPLAY: '' } });
    expect(choice).toMatchObject({ shell: 'browser', chromium: null });
    expect(choice.line).toMatch(/^shell: browser \(no DISPLAY or WAYLAND_DISPLAY/);
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('darwin', {})).toBe(true);
  });

  it('uses the browser shell when asked or without Electron; headless wins over all', () => {
    expect(chooseShell({ ...base, env: { DISPLAY: ':0', KIOSK_SHELL: 'browser' } })).toEqual({ shell: 'browser', chromium: '/usr/bin/chromium', line: 'shell: browser (/usr/bin/chromium)' });
    expect(chooseShell({ ...base, electronBinary: null, chromium: null }).line).toBe('shell: browser (no Chromium found: open the kiosk url below yourself)');
    expect(chooseShell({ ...base, argv: ['--headless'] })).toEqual({ shell: 'headless', line: 'shell: none (headless)' });
    expect(chooseShell({ ...base, env: { KIOSK_HEADLESS: '1' } }).shell).toBe('headless');
  });
});

describe('readyLine', () => {
  it('prints the kiosk and simulator urls, or off', () => {
    expect(readyLine({ kioskUrl: 'http://127.0.0.1:1/#token=t', simUrl: 'http://127.0.0.1:2/sim' })).toBe('kiosk ready: http://127.0.0.1:1/#token=t sim: http://127.0.0.1:2/sim');
    expect(readyLine({ kioskUrl: 'http://127.0.0.1:1/#token=t', simUrl: null })).toBe('kiosk ready: http://127.0.0.1:1/#token=t sim: off');
    expect(readyLine({ kioskUrl: 'http://127.0.0.1:1/#token=secret-token&mode=training', simUrl: null }, { hideToken: true })).toBe('kiosk ready: http://127.0.0.1:1/#token=…&mode=training sim: off');
  });
});
