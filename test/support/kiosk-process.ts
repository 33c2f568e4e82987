/**
 * Starts the real kiosk (built launcher → supervisor → host) headless on free ports with a fresh data
 * folder, and waits for its `kiosk ready` line (ARCHITECTURE.md §8.13: port 0, temp folder per test).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface RunningKiosk {
  child: ChildProcess;
  kioskUrl: string;
  simUrl: string;
  dataDir: string;
  /** Every `kiosk ready` line so far. */
  readyLines: string[];
  output(): string;
  waitForReady(count: number, timeoutMs?: number): Promise<string>;
  /** Waits until the output (stdout and stderr, host logs included) matches `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  stop(): Promise<void>;
  sim(path: string, init?: { method?: string; body?: unknown }): Promise<unknown>;
}

export interface StartOptions {
  config?: unknown;
  env?: Record<string, string>;
  args?: string[];
  dataDir?: string;
}

export async function startKiosk(options: StartOptions = {}): Promise<RunningKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hallkiosk-'));
  const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dataDir, ...options.env };
  if (options.config !== undefined) {
    const file = join(dataDir, 'config.json');
    writeFileSync(file, JSON.stringify(options.config, null, 2));
    env.KIOSK_CONFIG = file;
  }
  const child = spawn(process.execPath, [join(ROOT, 'dist/main/launcher.mjs'), '--headless', ...(options.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const readyLines: string[] = [];
  const waiters: Array<() => void> = [];
  let partialLine = ''; // stdout arrives in chunks that may split a line anywhere
  const onData = (d: string): void => {
    out += d;
    const lines = (partialLine + d).split('\n');
    partialLine = lines.pop() as string;
    for (const line of lines) if (line.startsWith('kiosk ready: ')) readyLines.push(line);
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.setEncoding('utf8'); // a chunk may also split a multi-byte character
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', onData);
  child.stderr.on('data', (d: string) => {
    out += d;
    for (const w of waiters.splice(0)) w();
  });
  const waitForReady = (count: number, timeoutMs = 20_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no kiosk ready #${count} within ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
      const check = (): void => {
        if (readyLines.length >= count) {
          clearTimeout(timer);
          resolve(readyLines[count - 1] as string);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`kiosk exited with ${child.exitCode}; output:\n${out}`));
        } else waiters.push(check);
      };
      check();
    });
  const waitForOutput = (pattern: RegExp, timeoutMs = 20_000): Promise<RegExpExecArray> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
      const check = (): void => {
        const match = pattern.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        } else if (child.exitCode !== null) {
          clearTimeout(timer);
          reject(new Error(`kiosk exited with ${child.exitCode}; output:\n${out}`));
        } else waiters.push(check);
      };
      check();
    });
  let kioskUrl: string;
  let simUrl: string;
  try {
    const line = await waitForReady(1);
    const match = /^kiosk ready: (\S+) sim: (\S+)$/.exec(line);
    if (!match) throw new Error(`unexpected ready line: ${line}`);
    [, kioskUrl, simUrl] = match as unknown as [string, string, string];
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const simBase = simUrl === 'off' ? null : new URL(simUrl).origin;
  return {
    child,
    kioskUrl,
    simUrl,
    dataDir,
    readyLines,
    output: () => out,
    waitForReady,
    waitForOutput,
    async sim(path, init = {}) {
      if (!simBase) throw new Error('the simulator control API is off (production mode)');
      const res = await fetch(`${simBase}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
