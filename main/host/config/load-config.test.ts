import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { DEFAULT_CONFIG_JSON } from './default-config';
import { DEFAULT_SOURCE, loadConfig } from './load-config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(name: string, mutate: (c: Record<string, any>) => void = () => undefined): string {
  const config = JSON.parse(DEFAULT_CONFIG_JSON) as Record<string, any>;
  mutate(config);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the built-in default when no file is named, frozen against accidental changes', () => {
    const config = loadConfig({ env: {} });
    expect(config.mode).toBe('training');
    expect(config.hall.name['zh-CN']).toBe('贵阳市政务服务中心 24小时自助服务区');
    expect(config.hall.kioskName['zh-CN']).toBe('自助终端 01');
    expect(config.hall.alternatives.takeTicket?.['zh-CN']).toBe('请到一楼咨询台人工取号');
    expect(config.devices['ticket-printer']).toEqual({
      role: ['ticketPrinter', 'receiptPrinter'],
      driver: 'escpos',
      model: 'generic-escpos-80',
      transport: { kind: 'sim' },
    });
    expect(config.queue.businesses.map((b) => `${b.prefix}:${b.name['zh-CN']}`)).toEqual([
      'A:社保医保',
      'B:公积金',
      'C:不动产登记',
      'D:24小时自助综合服务',
      'E:企业开办',
      'F:公安户政出入境',
      'G:民政卫健',
      'H:税务',
    ]);
    expect(config.queue.businesses.map((b) => b.windows.join(' '))).toEqual([
      'A1 A2 A3 A4 A5 A6',
      'B7 B8 B9 B10',
      'C11 C12 C13 C14 C15 C16 C17 C18',
      'D1 D2',
      'E1 E2 E3 E4 E5 E6 E7 E8',
      'F1 F2 F3 F4',
      'G1 G2 G3 K1 K2 K3',
      'H1 H2 H3 H4',
    ]);
    expect(config.hall.map.kioskPoint).toBe('kiosk-01');
    expect(config.queue.businesses[0]!.zone['zh-CN']).toBe('二楼 A 区 1-6 号窗口');
    expect(Object.isFrozen(config.queue.businesses[0]!.hours)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('reads --config <file>, --config=<file>, then KIOSK_CONFIG; an explicit path wins', () => {
    const a = writeConfig('a.json', (c) => (c.hall.id = 'from-argv'));
    const b = writeConfig('b.json', (c) => (c.hall.id = 'from-env'));
    const c = writeConfig('c.json', (c) => (c.hall.id = 'from-path'));
    expect(loadConfig({ env: { KIOSK_CONFIG: b }, argv: ['node', 'host', '--config', a] }).hall.id).toBe('from-argv');
    expect(loadConfig({ env: { KIOSK_CONFIG: b }, argv: ['node', 'host', `--config=${a}`] }).hall.id).toBe('from-argv');
    expect(loadConfig({ env: { KIOSK_CONFIG: b }, argv: ['node', 'host'] }).hall.id).toBe('from-env');
    expect(loadConfig({ path: c, env: { KIOSK_CONFIG: b }, argv: ['--config', a] }).hall.id).toBe('from-path');
  });

  it('resolves a relative file against cwd', () => {
    mkdirSync(join(dir, 'etc'));
    writeConfig(join('etc', 'kiosk.json'), (c) => (c.hall.id = 'relative'));
    expect(loadConfig({ env: { KIOSK_CONFIG: 'etc/kiosk.json' }, cwd: dir }).hall.id).toBe('relative');
  });

  it('refuses --config without a file name', () => {
    const err = configError(() => loadConfig({ env: {}, argv: ['node', 'host', '--config'] }));
    expect(err.problems).toEqual([{ path: '--config', reason: 'must be followed by a file name' }]);
  });

  it('lets KIOSK_PORT and KIOSK_SIM_PORT override the ports, 0 included', () => {
    const file = writeConfig('ports.json', (c) => delete c.server);
    const config = loadConfig({ env: { KIOSK_CONFIG: file, KIOSK_PORT: '0', KIOSK_SIM_PORT: '18621' } });
    expect(config.server).toEqual({ port: 0, simPort: 18621, hostHangAfterMs: 15_000, platformSimPort: 0 });
    expect(loadConfig({ env: { KIOSK_PORT: '9000' } }).server).toEqual({ port: 9000, simPort: 8621, hostHangAfterMs: 15_000, platformSimPort: 0 });
  });

  it('names a bad port override and lists every bad override', () => {
    const err = configError(() => loadConfig({ env: { KIOSK_PORT: '70000', KIOSK_SIM_PORT: 'abc', KIOSK_MODE: 'live' } }));
    expect(err.problems).toEqual([
      { path: 'KIOSK_MODE', reason: 'must be "training" or "production" (got "live")' },
      { path: 'KIOSK_PORT', reason: 'must be a port number 0-65535, 0 picks a free port (got "70000")' },
      { path: 'KIOSK_SIM_PORT', reason: 'must be a port number 0-65535, 0 picks a free port (got "abc")' },
    ]);
  });

  it('lets KIOSK_MODE switch to production, where the simulated printer is refused', () => {
    const err = configError(() => loadConfig({ env: { KIOSK_MODE: 'production' } }));
    expect(err.message).toContain('staff.accounts[0]: is the training demo account');
    expect(err.message).toContain(`${DEFAULT_SOURCE} (with KIOSK_MODE=production)`);
    expect(err.message).toContain('devices["ticket-printer"].transport.kind: a simulated device ("sim") is not allowed in production mode');
    expect(err.message).toContain('devices["id-card-reader"].transport.kind: a simulated device ("sim") is not allowed in production mode');
    const real = writeConfig('real.json', (c) => {
      c.devices['ticket-printer'].transport = { kind: 'tcp', host: '192.168.1.50', port: 9100 };
      c.devices['id-card-reader'].transport = { kind: 'serial', path: '/dev/ttyUSB1', baudRate: 115200 };
      c.devices.fingerprint.transport = { kind: 'serial', path: '/dev/ttyUSB2', baudRate: 57600 };
      c.devices.scanner.transport = { kind: 'hid', vendorId: 0x0c2e, productId: 0x0b8f };
      c.devices['robot-base'].transport = { kind: 'tcp', host: '192.168.10.40', port: 9300 };
      c.devices['document-printer'].transport = { kind: 'ipp', url: 'ipp://192.168.10.41:631/ipp/print' };
      c.devices['document-camera'].transport = { kind: 'http', url: 'http://127.0.0.1:38088/' };
      c.devices.locker.transport = { kind: 'serial', path: '/dev/ttyUSB3', baudRate: 9600 };
      delete c.devices['face-camera']; // a hall leaves it out until a camera is fitted
      c.staff.accounts = []; // the training demo account is refused in production
    });
    expect(loadConfig({ env: { KIOSK_CONFIG: real, KIOSK_MODE: 'production' } }).mode).toBe('production');
  });

  describe('the calling-system token', () => {
    const TOKEN = 'k7Qm2vX9pL4sR8tW1yZ6bN3cF5hJ0dGa'; // 32 characters
    const enable = (api: Record<string, unknown> = {}) => writeConfig('calling.json', (c) => (c.queue.callingApi = { port: 8622, ...api }));

    it('is read from the variable the file names, and never ends up in the configuration', () => {
      const config = loadConfig({ path: enable(), env: { KIOSK_CALLING_TOKEN: TOKEN } });
      expect(config.queue.callingApi).toEqual({ host: '127.0.0.1', port: 8622, tokenEnv: 'KIOSK_CALLING_TOKEN' });
      expect(JSON.stringify(config)).not.toContain(TOKEN);
      expect(loadConfig({ path: enable({ tokenEnv: 'HALL_TOKEN' }), env: { HALL_TOKEN: TOKEN } }).queue.callingApi?.tokenEnv).toBe('HALL_TOKEN');
    });

    it('must be set, naming the field and the variable', () => {
      const err = configError(() => loadConfig({ path: enable(), env: {} }));
      expect(err.problems).toEqual([
        { path: 'queue.callingApi.tokenEnv', reason: expect.stringMatching(/^names the environment variable KIOSK_CALLING_TOKEN, which is not set; set it to a secret of at least 32 characters/) },
      ]);
      expect(err.message).toContain('calling.json with its environment');
    });

    it('must be at least 32 visible characters', () => {
      const short = configError(() => loadConfig({ path: enable({ tokenEnv: 'HALL_TOKEN' }), env: { HALL_TOKEN: TOKEN.slice(1) } }));
      expect(short.problems[0]).toEqual({ path: 'queue.callingApi.tokenEnv', reason: 'names the environment variable HALL_TOKEN, which holds 31 characters; the calling-system token must be at least 32 characters' });
      const spaced = configError(() => loadConfig({ path: enable(), env: { KIOSK_CALLING_TOKEN: `${TOKEN} x` } }));
      expect(spaced.problems[0]?.reason).toMatch(/has spaces or characters other than visible ASCII/);
    });

    it('is not asked for when the interface is off, or by a tool that only reads the file', () => {
      expect(loadConfig({ env: {} }).queue.callingApi).toBeUndefined();
      expect(loadConfig({ path: enable(), env: {}, requireSecrets: false }).queue.callingApi?.port).toBe(8622);
    });
  });

  it('reports an invalid file with its name, each field and reason', () => {
    const file = writeConfig('bad.json', (c) => {
      c.queue.businesses[1].prefix = 'aa';
      c.queue.businesses[3].dailyCap = 0;
    });
    const err = configError(() => loadConfig({ env: { KIOSK_CONFIG: file } }));
    expect(err.source).toBe(file);
    expect(err.message).toBe(
      `Invalid configuration ${file} (2 problems):\n` +
        '  - queue.businesses[1].prefix: must be one capital letter A-Z (got "aa")\n' +
        '  - queue.businesses[3].dailyCap: must be at least 1 (got 0)',
    );
  });

  it('reports bad JSON with the line and column', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{\n  "mode": "training",\n}\n');
    const err = configError(() => loadConfig({ env: {}, argv: ['--config', file] }));
    expect(err.source).toBe(file);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.reason).toMatch(/^is not valid JSON at line 3, column 1: /);
  });

  it('reports an empty file, a missing file and a folder', () => {
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    expect(configError(() => loadConfig({ path: empty, env: {} })).problems[0]!.reason).toMatch(/^is not valid JSON/);
    const missing = join(dir, 'nope.json');
    const err = configError(() => loadConfig({ path: missing, env: {} }));
    expect(err.message).toBe(`Invalid configuration ${missing} (1 problem):\n  - the file does not exist`);
    expect(configError(() => loadConfig({ path: dir, env: {} })).problems[0]!.reason).toBe('this is a folder, not a file');
  });

  it('accepts a file saved with a UTF-8 byte-order mark', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, `\uFEFF${DEFAULT_CONFIG_JSON}`);
    expect(loadConfig({ path: file, env: {} }).hall.id).toBe('gy-zwfw');
  });

  it('accepts the full example of docs/configuration.md as written', () => {
    const doc = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/configuration.md'), 'utf8');
    const example = /## A full example[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const file = join(dir, 'example.json');
    writeFileSync(file, example!);
    const config = loadConfig({ path: file, env: { KIOSK_CALLING_TOKEN: 'k7Qm2vX9pL4sR8tW1yZ6bN3cF5hJ0dGa' } });
    expect(config.mode).toBe('production');
    expect(config.queue.callingApi).toEqual({ host: '192.168.10.30', port: 8622, tokenEnv: 'KIOSK_CALLING_TOKEN' });
    expect(config.devices['receipt-printer']?.transport).toEqual({ kind: 'tcp', host: '192.168.10.21', port: 9100 });
    expect(config.queue.businesses.map((b) => b.prefix)).toEqual(['A', 'B', 'D']);
  });
});
