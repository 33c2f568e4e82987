import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import type { DeviceEntryConfig } from '../config/config-types';
import { DEFAULT_CONFIG_JSON } from '../config/default-config';
import { loadConfig } from '../config/load-config';
import { applyWithRollback, type RollbackSteps } from './config-rollback';
import { DeviceConfigEditor, NODE_CONFIG_FS, type ConfigFileSystem, type DeviceConfigEditorOptions } from './device-config-editor';
import type { DiagnosticsError } from './diagnostics-error';

const dirs: string[] = [];

/** The DiagnosticsError an apply was refused with. */
const refused = (p: Promise<unknown>): Promise<DiagnosticsError> =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as DiagnosticsError,
  );
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function configFile(text = DEFAULT_CONFIG_JSON): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-config-'));
  dirs.push(dir);
  const file = join(dir, 'kiosk.json');
  writeFileSync(file, text);
  return { dir, file };
}

function editor(file: string | undefined, overrides: Partial<DeviceConfigEditorOptions> = {}) {
  const tested: DeviceEntryConfig[] = [];
  const e = new DeviceConfigEditor({ configPath: file, clock: new ManualClock(), testPort: async (_id, entry) => void tested.push(entry), ...overrides });
  return { e, tested };
}

const SERIAL = { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 } as const;

describe('DeviceConfigEditor (issue 15 §3: editing a device configuration)', () => {
  it('validates, tests the port, backs up, and rewrites only the edited entry; the kiosk loads the result', async () => {
    const { dir, file } = configFile();
    const { e, tested } = editor(file);
    const saved = await e.apply('ticket-printer', { transport: SERIAL, model: 'epson-tm-t88' });
    expect(tested).toEqual([expect.objectContaining({ driver: 'escpos', model: 'epson-tm-t88', transport: expect.objectContaining(SERIAL) })]);
    expect(saved.backupPath).toBe(`${file}.bak-20261123T010000000Z`);
    expect(readFileSync(saved.backupPath, 'utf8')).toBe(DEFAULT_CONFIG_JSON);
    expect(saved.previous).toEqual({ role: ['ticketPrinter', 'receiptPrinter'], driver: 'escpos', model: 'generic-escpos-80', transport: { kind: 'sim' } });
    expect(saved.message).toBe('已保存 ticket-printer 的新配置,原文件备份为 kiosk.json.bak-20261123T010000000Z / saved the new configuration of ticket-printer; the old file is backed up as kiosk.json.bak-20261123T010000000Z');
    const after = readFileSync(file, 'utf8');
    const before = DEFAULT_CONFIG_JSON.split('\n');
    const lines = after.split('\n');
    expect(lines.length).toBe(before.length);
    const changed = lines.map((l, i) => (l === before[i] ? null : i)).filter((i) => i !== null);
    expect(changed.map((i) => lines[i!]!.trim())).toEqual(['"model": "epson-tm-t88",', '"transport": { "kind": "serial", "path": "/dev/ttyUSB0", "baudRate": 115200 }']);
    const config = loadConfig({ path: file, env: {} });
    expect(config.devices['ticket-printer']).toMatchObject({ model: 'epson-tm-t88', transport: SERIAL });
    expect(readdirSync(dir).sort()).toEqual(['kiosk.json', 'kiosk.json.bak-20261123T010000000Z']);
  });

  it('adds a model after driver where there was none, and removes it with null', async () => {
    const { file } = configFile();
    const { e } = editor(file);
    await e.apply('scanner', { model: null });
    expect(JSON.parse(readFileSync(file, 'utf8')).devices.scanner).toEqual({ role: 'barcodeScanner', driver: 'hidpos', transport: { kind: 'sim' } });
    const clock = new ManualClock();
    clock.advance(1);
    const again = new DeviceConfigEditor({ configPath: file, clock, testPort: async () => undefined });
    await again.apply('scanner', { model: 'honeywell-hidpos' });
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).devices.scanner)).toEqual(['role', 'driver', 'model', 'transport']);
  });

  it('an invalid port setting is refused with the field named, before any test or write', async () => {
    const { dir, file } = configFile();
    const { e, tested } = editor(file);
    const err = await refused(e.apply('ticket-printer', { transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 300 } }));
    expect(err).toMatchObject({ code: 'invalidConfig', actor: 'technician' });
    expect(err.message).toMatch(/^新配置有 1 处问题,未保存 \/ the new configuration has 1 problem and was not saved:\n {2}- devices\["ticket-printer"\]\.transport\.baudRate: /u);
    expect(err.problems).toHaveLength(1);
    const unknownModel = await refused(e.apply('ticket-printer', { model: 'no-such-printer' }));
    expect(unknownModel.problems.join('\n')).toMatch(/devices\["ticket-printer"\]\.model/u);
    expect(tested).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_CONFIG_JSON);
    expect(readdirSync(dir)).toEqual(['kiosk.json']);
  });

  it('validates as the kiosk starts: KIOSK_MODE=production refuses a simulated device', async () => {
    const { file } = configFile();
    const { e } = editor(file, { env: { KIOSK_MODE: 'production' } });
    const err = await refused(e.apply('ticket-printer', { transport: SERIAL }));
    expect(err.problems.join('\n')).toMatch(/devices\["id-card-reader"\]\.transport\.kind: a simulated device \("sim"\) is not allowed in production/u);
  });

  it('a port that fails its test is not saved, with the reason', async () => {
    const { dir, file } = configFile();
    const { e } = editor(file, { testPort: async () => Promise.reject(new Error('/dev/ttyUSB9: no such port')) });
    await expect(e.apply('ticket-printer', { transport: { ...SERIAL, path: '/dev/ttyUSB9' } })).rejects.toMatchObject({
      code: 'portTestFailed',
      message: '新端口测试失败,配置未保存:/dev/ttyUSB9: no such port / the new port failed its test, the configuration was not saved: /dev/ttyUSB9: no such port',
    });
    expect(readdirSync(dir)).toEqual(['kiosk.json']);
  });

  it('refuses the built-in default, an unknown device, and a file or folder it cannot write', async () => {
    await expect(editor(undefined).e.apply('ticket-printer', { transport: SERIAL })).rejects.toMatchObject({
      code: 'builtInDefault',
      message: expect.stringMatching(/^本机运行的是内置默认配置.* \/ this kiosk runs the built-in default configuration/u),
    });
    const { dir, file } = configFile();
    await expect(editor(file).e.apply('nonesuch', { transport: SERIAL })).rejects.toMatchObject({ code: 'unknownDevice' });
    const readOnly = (target: string): ConfigFileSystem => ({
      ...NODE_CONFIG_FS,
      checkWritable: async (p) => {
        if (p === target) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
      },
    });
    await expect(editor(file, { fs: readOnly(file) }).e.apply('ticket-printer', { transport: SERIAL })).rejects.toMatchObject({
      code: 'notWritable',
      message: `配置文件 ${file} 不可写(EROFS:权限不足或只读文件系统),配置未修改 / the configuration file ${file} cannot be written (EROFS: no permission or a read-only file system); nothing was changed`,
    });
    await expect(editor(file, { fs: readOnly(dir) }).e.apply('ticket-printer', { transport: SERIAL })).rejects.toMatchObject({ code: 'notWritable', message: expect.stringContaining('配置文件所在的文件夹') });
    expect(readdirSync(dir)).toEqual(['kiosk.json']);
  });

  it('a full disk leaves the file as it was and no temp file behind', async () => {
    const { dir, file } = configFile();
    const full: ConfigFileSystem = { ...NODE_CONFIG_FS, writeFile: async () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) };
    await expect(editor(file, { fs: full }).e.apply('ticket-printer', { transport: SERIAL })).rejects.toMatchObject({
      code: 'configWriteFailed',
      message: `磁盘已满,配置文件 ${file} 未修改 / the disk is full; the configuration file ${file} was not changed`,
    });
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_CONFIG_JSON);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('rollback puts the backup back; a missing backup is said', async () => {
    const { file } = configFile();
    const { e } = editor(file);
    const saved = await e.apply('id-card-reader', { transport: { kind: 'serial', path: '/dev/ttyS1', baudRate: 115200 } });
    expect(readFileSync(file, 'utf8')).not.toBe(DEFAULT_CONFIG_JSON);
    await e.rollback(saved.backupPath);
    expect(readFileSync(file, 'utf8')).toBe(DEFAULT_CONFIG_JSON);
    await expect(e.rollback(`${file}.bak-none`)).rejects.toMatchObject({ code: 'backupMissing' });
  });

  it('a file written in another style is re-serialized whole, still valid, keeping its indent unit', async () => {
    const compact = JSON.stringify(JSON.parse(DEFAULT_CONFIG_JSON), null, '\t');
    const { file } = configFile(compact);
    await editor(file).e.apply('fingerprint', { transport: { kind: 'serial', path: '/dev/ttyS2', baudRate: 57600 } });
    const after = readFileSync(file, 'utf8');
    expect(JSON.parse(after).devices.fingerprint.transport).toEqual({ kind: 'serial', path: '/dev/ttyS2', baudRate: 57600 });
    expect(after.split('\n')[1]).toBe('\t"mode": "training",');
  });
});

describe('applyWithRollback (issue 15 §3: a roll-back if the device does not come up)', () => {
  const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  async function run(steps: Partial<RollbackSteps>, clock: ManualClock, back: () => boolean) {
    const calls: string[] = [];
    const done = applyWithRollback({
      deviceId: 'ticket-printer',
      clock,
      waitMs: 5000,
      save: async () => (calls.push('save'), { backupPath: '/cfg/kiosk.json.bak-1' }),
      restart: async (which) => void calls.push(`restart:${which}`),
      cameBack: back,
      restore: async (p) => void calls.push(`restore:${p}`),
      ...steps,
    });
    let result: Awaited<typeof done> | undefined;
    void done.then((r) => (result = r));
    for (let i = 0; i < 200 && result === undefined; i++) {
      await tick();
      clock.advance(250);
    }
    return { result: result!, calls };
  }

  it('applied when the device comes back in time', async () => {
    const clock = new ManualClock();
    const start = clock.elapsedMs();
    const { result, calls } = await run({}, clock, () => clock.elapsedMs() - start >= 1000);
    expect(result).toEqual({ outcome: 'applied', backupPath: '/cfg/kiosk.json.bak-1', message: '新配置已生效,ticket-printer 已恢复在线 / the new configuration is in effect and ticket-printer is back online' });
    expect(calls).toEqual(['save', 'restart:new']);
  });

  it('a device that does not come back: the backup is restored and the old entry restarted', async () => {
    const clock = new ManualClock();
    let restoredAt = -1;
    const { result, calls } = await run(
      { restore: async () => void (restoredAt = clock.elapsedMs()) },
      clock,
      () => restoredAt >= 0,
    );
    expect(calls).toEqual(['save', 'restart:new', 'restart:old']);
    expect(restoredAt).toBeGreaterThanOrEqual(5000);
    expect(result).toMatchObject({ outcome: 'rolledBack', oldCameBack: true });
    expect(result.message).toBe('ticket-printer 在 5 秒内未恢复在线,已还原原配置 / ticket-printer did not come back within 5 s: the old configuration was restored; 设备已按原配置恢复在线 / the device is back online on the old configuration');
  });

  it('says so when the device stays away on the old entry too, or the restore fails, or nothing was saved', async () => {
    const never = await run({}, new ManualClock(), () => false);
    expect(never.result).toMatchObject({ outcome: 'rolledBack', oldCameBack: false, message: expect.stringContaining('check its power and cabling') });
    const failed = await run({ restore: async () => Promise.reject(new Error('EROFS')), restart: async () => Promise.reject(new Error('no port')) }, new ManualClock(), () => false);
    expect(failed.result).toMatchObject({ outcome: 'rollbackFailed', message: expect.stringContaining('copy the backup /cfg/kiosk.json.bak-1 back over the configuration file by hand') });
    const notSaved = await run({ save: async () => Promise.reject(new Error('新端口测试失败 / port test failed')) }, new ManualClock(), () => true);
    expect(notSaved.result).toMatchObject({ outcome: 'notSaved', message: '新端口测试失败 / port test failed' });
  });
});
