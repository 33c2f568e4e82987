/**
 * The recent log lines a diagnostic bundle carries (issue 15 §3 "recent logs"): the host logs through pino
 * (main/host/logging/logger.ts) to stderr, which the supervisor or the service manager may capture into files
 * under the data folder's `logs/`. This takes the last lines of those files, newest file last, reading at most
 * the tail of each, so a large log cannot make the export slow or large.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_LOG_LINES = 1000;
/** Bytes read from the end of each file at most. */
export const LOG_TAIL_BYTES = 1 << 20;

async function tail(path: string, size: number): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const length = Math.min(size, LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split(/\r?\n/u);
    if (length < size) lines.shift(); // the first line was cut by the tail
    return lines.filter((l) => l.length > 0);
  } finally {
    await handle.close();
  }
}

export interface LogTail {
  files: string[];
  lines: string[];
}

/** The last `maxLines` lines of the regular files in `dir`, oldest file first; none when `dir` does not exist. */
export async function tailLogFolder(dir: string, maxLines: number = DEFAULT_LOG_LINES): Promise<LogTail> {
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return { files: [], lines: [] };
  }
  const files = await Promise.all(names.map(async (name) => ({ name, info: await stat(join(dir, name)) })));
  files.sort((a, b) => a.info.mtimeMs - b.info.mtimeMs || a.name.localeCompare(b.name));
  const lines: string[] = [];
  for (const f of files) lines.push(...(await tail(join(dir, f.name), f.info.size).catch(() => [])));
  return { files: files.map((f) => f.name), lines: lines.slice(Math.max(0, lines.length - maxLines)) };
}
