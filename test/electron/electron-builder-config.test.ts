/**
 * electron-builder.yml is a valid electron-builder configuration: checked against the JSON schema that ships
 * with the installed electron-builder (app-builder-lib/scheme.json), the way electron-builder checks it,
 * but without its type coercion, so a quoted boolean is an error here too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const schemePath = join(dirname(require.resolve('app-builder-lib/package.json')), 'scheme.json');

type Config = Record<string, unknown> & {
  files: string[];
  asarUnpack: string[];
  extraMetadata: { main: string };
  linux: { target: { target: string }[]; category: string; maintainer: string; desktop: { entry: Record<string, string> } };
  win: { target: { target: string }[] };
  nsis: Record<string, unknown>;
};

const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemePath, 'utf8')) as object);

function errorsOf(candidate: unknown): string[] {
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** electron-builder's file-pattern rule: the last matching pattern wins, `!` excludes (minimatch, dot files too). */
function packaged(path: string, patterns: readonly string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (minimatch(path, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it('names the app and leaves the Electron version to the installed package', () => {
    expect(config).toMatchObject({ appId: 'cn.gov.hallkiosk', productName: 'hallkiosk', directories: { output: 'release' } });
    expect(config).not.toHaveProperty('electronVersion');
  });

  it('starts the bundle the build writes, which package.json also names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    expect(config.extraMetadata.main).toBe('dist/main/electron-main.cjs');
    expect(pkg.main).toBe(config.extraMetadata.main);
    expect(build).toContain("'electron-main': 'main/electron/electron-main.ts'");
  });

  it('builds deb and AppImage for Linux with a desktop entry, and a per-machine NSIS installer for Windows', () => {
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'hallkiosk', Categories: expect.stringContaining('Utility') });
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowElevation: true });
  });

  it('packages the built bundles and package.json, and no sources, tests or source maps', () => {
    for (const path of ['package.json', 'dist/main/electron-main.cjs', 'dist/main/preload.cjs', 'dist/main/host.mjs', 'dist/renderer/index.html', 'dist/renderer/assets/index-abc123.js']) {
      expect(packaged(path, config.files), path).toBe(true);
    }
    for (const path of [
      'main/electron/electron-main.ts',
      'main/host-process.ts',
      'common/kiosk-api.ts',
      'drivers/protocol/escpos/escpos-encoder.ts',
      'devices-sim/sim-device.ts',
      'renderer/src/App.tsx',
      'test/electron/fake-electron.ts',
      'main/electron/preload.test.ts',
      'scripts/build.mjs',
      'tsconfig.json',
      'electron-builder.yml',
      'dist/main/electron-main.cjs.map',
      'dist/.build-stamp',
    ]) {
      expect(packaged(path, config.files), path).toBe(false);
    }
  });

  it('unpacks the native modules from the asar', () => {
    for (const path of ['node_modules/better-sqlite3/build/Release/better_sqlite3.node', 'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/node.napi.glibc.node']) {
      expect(config.asarUnpack.some((p) => minimatch(path, p, { dot: true })), path).toBe(true);
    }
    expect(config.asarUnpack.some((p) => minimatch('node_modules/pino/pino.js', p, { dot: true }))).toBe(false);
  });

  it.each([
    ['an unknown top-level key', { ...config, electronVerison: '45.4.1' }, ''],
    ['an unknown NSIS option', { ...config, nsis: { ...config.nsis, perMachin: true } }, '/nsis'],
    ['a quoted boolean', { ...config, nsis: { ...config.nsis, oneClick: 'false' } }, '/nsis/oneClick'],
    ['a number where a list belongs', { ...config, asarUnpack: 42 }, '/asarUnpack'],
  ])('fails on a copy with %s', (_name, broken, path) => {
    const errors = errorsOf(broken);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`${path || '/'} `))).toBe(true);
  });
});
