/**
 * Editing one device's configuration from the technician's screen (issue 15 §3): its `transport` (kind, port,
 * baud, host and port …) and/or `model`, in the configuration file the kiosk runs (load-config.ts
 * `configFilePath`). The whole new configuration is validated with the kiosk's own validator
 * (config-validate.ts: every problem named by its field); a kiosk on the built-in default, or a file or
 * folder it cannot write, is refused in plain words; the new port is tested (injected `testPort`) before
 * anything is written; then the file is backed up to `<file>.bak-<time>` and replaced atomically (temp file
 * + rename). Only the edited entry's text changes, the rest of the file stays as its author formatted it
 * (json-span.ts). `rollback(backup)` puts a backup back the same way; config-rollback.ts decides when.
 */
import { constants } from 'node:fs';
import { access, copyFile, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../../../common/clock';
import type { TransportConfig } from '../../../common/device';
import { problemLine } from '../config/config-error';
import type { DeviceEntryConfig } from '../config/config-types';
import { validateConfig } from '../config/config-validate';
import { DiagnosticsError, bilingual, errnoCode } from './diagnostics-error';
import { fileStamp } from './file-stamp';
import { blockJson, findJsonValue, indentUnit, lineIndent } from './json-span';

export interface DeviceConfigChange {
  /** The new transport, whole (a kind's fields differ: serial path + baudRate, tcp host + port, …). */
  transport?: TransportConfig;
  /** The new model; null goes back to the driver's default model. */
  model?: string | null;
}

/** The file operations the editor needs; node:fs by default, injected by tests (a full disk, a read-only file). */
export interface ConfigFileSystem {
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string, mode: number | undefined): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Rejects (EACCES, EROFS …) unless `path` may be written, or a folder written into. */
  checkWritable(path: string): Promise<void>;
  /** Permission bits of a file, to give its replacement the same. */
  mode(path: string): Promise<number | undefined>;
}

export const NODE_CONFIG_FS: ConfigFileSystem = {
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, text, mode) => writeFile(path, text, { encoding: 'utf8', mode: mode ?? 0o644, flag: 'wx' }),
  rename: (from, to) => rename(from, to),
  copyFile: (from, to) => copyFile(from, to, constants.COPYFILE_EXCL),
  unlink: (path) => unlink(path),
  checkWritable: (path) => access(path, constants.W_OK),
  mode: async (path) => (await stat(path)).mode & 0o777,
};

export interface DeviceConfigEditorOptions {
  /** The file the kiosk runs (load-config.ts `configFilePath`); undefined: the built-in default. */
  configPath: string | undefined;
  clock: Clock;
  /**
   * Tries the new entry's link before it is saved, e.g. opens the serial port and closes it; rejects with a
   * plain-words reason when it cannot (no such port, busy, refused). The device itself should be closed (held
   * in maintenance) first when the new port is the one it holds.
   */
  testPort(deviceId: string, entry: DeviceEntryConfig): Promise<void>;
  /** The kiosk's environment: KIOSK_MODE overrides the file's mode at start-up, so validation applies it too. */
  env?: Record<string, string | undefined>;
  fs?: ConfigFileSystem;
}

export interface SavedDeviceChange {
  configPath: string;
  backupPath: string;
  deviceId: string;
  /** The entry as the file had it, and as it has it now (validated, defaults filled). */
  previous: Record<string, unknown>;
  entry: DeviceEntryConfig;
  message: string;
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

export class DeviceConfigEditor {
  private readonly fs: ConfigFileSystem;

  constructor(private readonly options: DeviceConfigEditorOptions) {
    this.fs = options.fs ?? NODE_CONFIG_FS;
  }

  /** Validates, tests the port, backs up and saves. Throws a DiagnosticsError saying why nothing was saved. */
  async apply(deviceId: string, change: DeviceConfigChange): Promise<SavedDeviceChange> {
    const path = this.file();
    const { text, raw } = await this.read(path);
    const devices = raw.devices;
    const previous = isObject(devices) ? devices[deviceId] : undefined;
    if (!isObject(previous)) throw new DiagnosticsError('unknownDevice', bilingual(`配置文件中没有设备 ${deviceId}`, `the configuration file has no device ${deviceId}`));
    const entry = changedEntry(previous, change);
    const next: Raw = { ...raw, devices: { ...(devices as Raw), [deviceId]: entry } };
    const validated = this.validate(next, deviceId);
    await this.requireWritable(path);
    try {
      await this.options.testPort(deviceId, validated);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new DiagnosticsError('portTestFailed', bilingual(`新端口测试失败,配置未保存:${why}`, `the new port failed its test, the configuration was not saved: ${why}`));
    }
    const backupPath = `${path}.bak-${fileStamp(this.options.clock.now())}`;
    await this.writeStep(() => this.fs.copyFile(path, backupPath), path);
    await this.replace(path, renderConfig(text, deviceId, next));
    return {
      configPath: path,
      backupPath,
      deviceId,
      previous,
      entry: validated,
      message: bilingual(`已保存 ${deviceId} 的新配置,原文件备份为 ${basename(backupPath)}`, `saved the new configuration of ${deviceId}; the old file is backed up as ${basename(backupPath)}`),
    };
  }

  /** Puts a backup back in place of the configuration file (temp + rename); the backup itself stays. */
  async rollback(backupPath: string): Promise<void> {
    const path = this.file();
    let text: string;
    try {
      text = await this.fs.readFile(backupPath);
    } catch (err) {
      throw new DiagnosticsError('backupMissing', bilingual(`无法读取备份 ${backupPath}(${errnoCode(err) ?? String(err)})`, `the backup ${backupPath} cannot be read (${errnoCode(err) ?? String(err)})`));
    }
    await this.requireWritable(path);
    await this.replace(path, text);
  }

  private file(): string {
    const path = this.options.configPath;
    if (path === undefined) {
      throw new DiagnosticsError(
        'builtInDefault',
        bilingual(
          '本机运行的是内置默认配置,没有可修改的配置文件:请先把配置保存为文件,并用 --config 或 KIOSK_CONFIG 指定后重启',
          'this kiosk runs the built-in default configuration, so there is no file to change: save the configuration as a file and restart the kiosk with --config or KIOSK_CONFIG',
        ),
      );
    }
    return path;
  }

  private async read(path: string): Promise<{ text: string; raw: Raw }> {
    let text: string;
    try {
      text = await this.fs.readFile(path);
    } catch (err) {
      throw new DiagnosticsError('configReadFailed', bilingual(`无法读取配置文件 ${path}(${errnoCode(err) ?? String(err)})`, `the configuration file ${path} cannot be read (${errnoCode(err) ?? String(err)})`));
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/u, ''));
    } catch {
      raw = undefined;
    }
    if (!isObject(raw)) throw new DiagnosticsError('configReadFailed', bilingual(`配置文件 ${path} 不是有效的 JSON 对象`, `the configuration file ${path} is not a valid JSON object`));
    return { text, raw };
  }

  /** The whole configuration as the kiosk would load it (KIOSK_MODE applied); the new entry with its defaults. */
  private validate(next: Raw, deviceId: string): DeviceEntryConfig {
    const mode = this.options.env?.KIOSK_MODE?.trim();
    const checked = mode === 'training' || mode === 'production' ? { ...next, mode } : next;
    const result = validateConfig(checked);
    if (!result.ok) {
      const lines = result.problems.map(problemLine);
      const n = lines.length;
      throw new DiagnosticsError(
        'invalidConfig',
        `${bilingual(`新配置有 ${n} 处问题,未保存`, `the new configuration has ${n} problem${n === 1 ? '' : 's'} and was not saved`)}:\n${lines.map((l) => `  - ${l}`).join('\n')}`,
        lines,
      );
    }
    return result.config.devices[deviceId]!;
  }

  private async requireWritable(path: string): Promise<void> {
    for (const target of [path, dirname(path)]) {
      try {
        await this.fs.checkWritable(target);
      } catch (err) {
        const code = errnoCode(err) ?? String(err);
        const what = target === path ? `配置文件 ${path}` : `配置文件所在的文件夹 ${target}`;
        const whatEn = target === path ? `the configuration file ${path}` : `the folder of the configuration file, ${target},`;
        throw new DiagnosticsError('notWritable', bilingual(`${what} 不可写(${code}:权限不足或只读文件系统),配置未修改`, `${whatEn} cannot be written (${code}: no permission or a read-only file system); nothing was changed`));
      }
    }
  }

  /** Writes `text` beside `path` and renames it over `path`; a failed write leaves no temp file behind. */
  private async replace(path: string, text: string): Promise<void> {
    const temp = join(dirname(path), `.${basename(path)}.tmp-${fileStamp(this.options.clock.now())}`);
    const mode = await this.fs.mode(path).catch(() => undefined);
    try {
      await this.writeStep(() => this.fs.writeFile(temp, text, mode), path);
      await this.writeStep(() => this.fs.rename(temp, path), path);
    } catch (err) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  private async writeStep(step: () => Promise<void>, path: string): Promise<void> {
    try {
      await step();
    } catch (err) {
      const code = errnoCode(err) ?? String(err);
      const full = code === 'ENOSPC';
      throw new DiagnosticsError(
        'configWriteFailed',
        full
          ? bilingual(`磁盘已满,配置文件 ${path} 未修改`, `the disk is full; the configuration file ${path} was not changed`)
          : bilingual(`写入失败(${code}),配置文件 ${path} 未修改`, `writing failed (${code}); the configuration file ${path} was not changed`),
      );
    }
  }
}

/** The entry with the change applied, its keys in their order (a new `model` after `driver`). */
function changedEntry(previous: Raw, change: DeviceConfigChange): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(previous)) {
    if (k === 'model' && change.model !== undefined) {
      if (change.model !== null) out.model = change.model;
    } else if (k === 'transport' && change.transport !== undefined) out.transport = structuredClone(change.transport);
    else out[k] = v;
    if (k === 'driver' && !('model' in previous) && typeof change.model === 'string') out.model = change.model;
  }
  if (!('model' in out) && typeof change.model === 'string') out.model = change.model;
  if (!('transport' in out) && change.transport !== undefined) out.transport = structuredClone(change.transport);
  return out;
}

/** The file with only the edited entry rewritten; the whole file re-serialized if that cannot be done exactly. */
function renderConfig(text: string, deviceId: string, next: Raw): string {
  const unit = indentUnit(text);
  const entry = (next.devices as Raw)[deviceId] as Raw;
  const span = findJsonValue(text, ['devices', deviceId]);
  if (span !== undefined) {
    const candidate = text.slice(0, span.start) + blockJson(entry, lineIndent(text, span.start), unit) + text.slice(span.end);
    try {
      if (isDeepStrictEqual(JSON.parse(candidate.replace(/^\uFEFF/u, '')), next)) return candidate;
    } catch {
      // fall through to the whole file
    }
  }
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  return `${bom}${JSON.stringify(next, null, unit)}${text.endsWith('\n') ? '\n' : ''}`;
}
