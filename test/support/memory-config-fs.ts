/**
 * An in-memory ConfigFileSystem (device-config-editor.ts) for tests that drive a fake clock: real file I/O
 * finishes on the thread pool's time, not the clock's, so under CI load a fake-clock loop can run out of clock
 * before a write lands. The semantics the editor relies on are kept: `wx` writes refuse an existing file,
 * copyFile refuses an existing target, rename replaces.
 */
import type { ConfigFileSystem } from '../../main/host/diagnostics/device-config-editor';

const fsError = (code: string, path: string): Error => Object.assign(new Error(`${code}: ${path}`), { code });

export function memoryConfigFs(files: Map<string, string>): ConfigFileSystem {
  const read = (path: string): string => {
    const text = files.get(path);
    if (text === undefined) throw fsError('ENOENT', path);
    return text;
  };
  return {
    readFile: async (path) => read(path),
    writeFile: async (path, text) => {
      if (files.has(path)) throw fsError('EEXIST', path);
      files.set(path, text);
    },
    rename: async (from, to) => {
      files.set(to, read(from));
      files.delete(from);
    },
    copyFile: async (from, to) => {
      if (files.has(to)) throw fsError('EEXIST', to);
      files.set(to, read(from));
    },
    unlink: async (path) => {
      read(path);
      files.delete(path);
    },
    checkWritable: async () => undefined,
    mode: async (path) => (files.has(path) ? 0o644 : undefined),
  };
}
