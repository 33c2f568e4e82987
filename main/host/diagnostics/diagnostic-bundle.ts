/**
 * The diagnostic bundle of issue 15 §3: one JSON file, `<data folder>/exports/diagnostic-<kiosk>-<time>.json`,
 * copied to every mounted, writable USB stick (usb-sticks.ts), holding the configuration, recent log lines,
 * device statistics, status history, the audit chain's head and versions — with PIN hashes, tokens, keys and
 * passwords left out, and every ID number and every name known in the session masked (bundle-scrub.ts: per
 * field, then once more over the whole text). A full disk or a read-only folder is a clear message for the
 * technician, and the partial file is removed. Time from the injected Clock (§8.4).
 */
import { constants } from 'node:fs';
import { copyFile, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Clock } from '../../../common/clock';
import { scrubLogLine, scrubText, scrubValue, type KnownPersonalData } from './bundle-scrub';
import { DiagnosticsError, bilingual, errnoCode } from './diagnostics-error';
import { fileStamp } from './file-stamp';
import { DEFAULT_LOG_LINES, tailLogFolder } from './log-tail';
import { findUsbSticks, type UsbStickSearch } from './usb-sticks';

export const BUNDLE_FORMAT = 'hallkiosk-diagnostic-bundle/1';

/** audit-head.ts's shape: the last record's id and hash, and when it was written. */
export interface BundleAuditHead {
  id: number;
  hash: string;
  at: number;
}

export interface DiagnosticBundleSources {
  /** The hall's id (configuration `hall.id`), or the kiosk's: names the file. */
  kioskId: string;
  dataDir: string;
  clock: Clock;
  /** The configuration the kiosk runs (as loaded), and where it came from (file path or the built-in default). */
  config: unknown;
  configSource: string;
  /** What the registry says about each device (driver, transport, model, status), if the caller has it. */
  devices?: () => unknown;
  statistics: () => Record<string, unknown>;
  statusHistory: () => Record<string, unknown>;
  auditHead: () => BundleAuditHead | null;
  /** Names and ID numbers the host knows from citizen sessions still in memory (maskName / maskIdNumber them). */
  knownPersonalData?: () => KnownPersonalData;
  /** Log lines the host keeps in memory, if any (appended after those of the log folder). */
  recentLogLines?: () => readonly string[];
  /** Default `<dataDir>/logs`. */
  logDir?: string;
  logLines?: number;
  versions: { app: string } & Record<string, string>;
  usb?: UsbStickSearch;
  /** Writes the bundle file; node:fs by default; tests inject a full disk. */
  writeFile?: (path: string, text: string) => Promise<void>;
  copyFile?: (from: string, to: string) => Promise<void>;
}

export interface UsbCopy {
  dir: string;
  ok: boolean;
  path?: string;
  message: string;
}

export interface BundleExport {
  path: string;
  bytes: number;
  usb: UsbCopy[];
  message: string;
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9_-]/gu, '_').slice(0, 64) || 'kiosk';

/** The bundle's text, scrubbed. Exported for tests and for a screen that shows it before export. */
export async function buildDiagnosticBundle(s: DiagnosticBundleSources): Promise<string> {
  const known = s.knownPersonalData?.() ?? { names: [], idNumbers: [] };
  const staffNames = staffNamesOf(s.config);
  const data = { names: [...known.names, ...staffNames], idNumbers: [...known.idNumbers] };
  const folder = await tailLogFolder(s.logDir ?? join(s.dataDir, 'logs'), s.logLines ?? DEFAULT_LOG_LINES);
  const lines = [...folder.lines, ...(s.recentLogLines?.() ?? [])].slice(-(s.logLines ?? DEFAULT_LOG_LINES)).map(scrubLogLine);
  const head = s.auditHead();
  const now = s.clock.now();
  const bundle = {
    format: BUNDLE_FORMAT,
    kioskId: s.kioskId,
    createdAt: new Date(now).toISOString(),
    versions: { node: process.versions.node, ...s.versions },
    configuration: { source: s.configSource, config: scrubValue(s.config) },
    devices: s.devices === undefined ? undefined : scrubValue(s.devices()),
    statistics: scrubValue(s.statistics()),
    statusHistory: scrubValue(s.statusHistory()),
    auditHead: head === null ? null : { id: head.id, hash: head.hash, at: head.at },
    logs: { files: folder.files, lines },
    masking: 'ID numbers and names masked, PIN hashes, tokens, keys and passwords left out (issue 15 §3) / 身份证号与姓名已遮蔽,PIN 哈希、令牌、密钥与口令已去除',
  };
  return scrubText(`${JSON.stringify(bundle, null, 2)}\n`, data, head === null ? [] : [head.hash]);
}

/** Staff account names in the configuration: people's names too, masked wherever a log line repeats them. */
function staffNamesOf(config: unknown): string[] {
  const accounts = (config as { staff?: { accounts?: unknown } } | null)?.staff?.accounts;
  return Array.isArray(accounts) ? accounts.map((a) => (a as { name?: unknown }).name).filter((n): n is string => typeof n === 'string') : [];
}

function writeError(err: unknown, where: string): DiagnosticsError {
  const code = errnoCode(err) ?? String(err);
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new DiagnosticsError('diskFull', bilingual(`磁盘已满,诊断包未能导出,不完整的文件已删除:请清理 ${where} 后重试`, `the disk is full: the diagnostic bundle was not exported and the partial file was removed; free space in ${where} and try again`));
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new DiagnosticsError('readOnly', bilingual(`${where} 只读或无写权限(${code}),诊断包未能导出`, `${where} is read-only or not writable (${code}): the diagnostic bundle was not exported`));
  }
  return new DiagnosticsError('exportFailed', bilingual(`诊断包导出失败(${code})`, `the diagnostic bundle could not be exported (${code})`));
}

/** Writes the bundle (temp + rename, the partial file removed on failure), then copies it to each USB stick. */
export async function exportDiagnosticBundle(s: DiagnosticBundleSources): Promise<BundleExport> {
  const text = await buildDiagnosticBundle(s);
  const dir = join(s.dataDir, 'exports');
  const name = `diagnostic-${safeName(s.kioskId)}-${fileStamp(s.clock.now())}.json`;
  const path = join(dir, name);
  const partial = `${path}.partial`;
  const write = s.writeFile ?? ((p: string, t: string) => writeFile(p, t, { encoding: 'utf8', mode: 0o600, flag: 'wx' }));
  try {
    await mkdir(dir, { recursive: true });
    await write(partial, text);
    await rename(partial, path);
  } catch (err) {
    await unlink(partial).catch(() => undefined);
    throw writeError(err, dir);
  }
  const copy = s.copyFile ?? ((from: string, to: string) => copyFile(from, to, constants.COPYFILE_EXCL));
  const usb: UsbCopy[] = [];
  for (const stick of await findUsbSticks(s.usb)) {
    const target = join(stick, basename(path));
    try {
      await copy(path, target);
      usb.push({ dir: stick, ok: true, path: target, message: bilingual(`已复制到 U 盘 ${stick}`, `copied to the USB stick ${stick}`) });
    } catch (err) {
      await unlink(target).catch(() => undefined);
      const e = writeError(err, stick);
      usb.push({ dir: stick, ok: false, message: e.code === 'diskFull' ? bilingual(`U 盘 ${stick} 已满,未复制`, `the USB stick ${stick} is full: not copied`) : e.message });
    }
  }
  const bytes = Buffer.byteLength(text);
  const copied = usb.filter((u) => u.ok).length;
  const message = bilingual(
    `诊断包已导出:${path}(${bytes} 字节)${usb.length === 0 ? ',未发现 U 盘' : `,已复制到 ${copied}/${usb.length} 个 U 盘`}`,
    `diagnostic bundle exported to ${path} (${bytes} bytes)${usb.length === 0 ? '; no USB stick found' : `; copied to ${copied} of ${usb.length} USB stick(s)`}`,
  );
  return { path, bytes, usb, message };
}
