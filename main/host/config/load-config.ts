/**
 * Finds, reads and validates the configuration (ARCHITECTURE.md §8.1, §8.5). The file is the first of:
 * `path`, `--config <file>` (or `--config=<file>`) in argv, the KIOSK_CONFIG environment variable; with
 * none of them the built-in default (default-config.ts) is used. KIOSK_PORT and KIOSK_SIM_PORT override
 * the ports (0 picks a free one) and KIOSK_MODE the mode; the overrides are applied before validation,
 * so KIOSK_MODE=production with a simulated device is refused like the same setting in the file. With the
 * calling-system interface on, the token must be in the environment variable the file names (calling-token.ts).
 * Anything wrong — unreadable file, bad JSON, a bad field or override — is one ConfigError listing it all.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { callingTokenProblems } from './calling-token';
import { type ConfigProblem, ConfigError } from './config-error';
import type { KioskConfig } from './config-types';
import { validateConfig } from './config-validate';
import { DEFAULT_CONFIG_JSON } from './default-config';

export interface LoadConfigOptions {
  /** An explicit file (e.g. from the supervisor); wins over argv and KIOSK_CONFIG. */
  path?: string;
  env: Record<string, string | undefined>;
  argv?: string[];
  /** Base for relative paths; defaults to the process's working directory. */
  cwd?: string;
  /**
   * Check the secrets the file names in the environment (the calling-system token). Default true; a tool that
   * only reads the file for the hall time zone (npm run tickets) turns it off.
   */
  requireSecrets?: boolean;
}

export const DEFAULT_SOURCE = 'built-in default configuration';

export function loadConfig(options: LoadConfigOptions): KioskConfig {
  const fullPath = configFilePath(options);
  const source = fullPath ?? DEFAULT_SOURCE;

  const text = fullPath === undefined ? DEFAULT_CONFIG_JSON : readText(fullPath);
  const raw = parseJson(text, source);
  const overrides = envOverrides(options.env);
  if (overrides.problems.length > 0) throw new ConfigError(`${source} with its environment overrides`, overrides.problems);
  applyOverrides(raw, overrides.values);

  const result = validateConfig(raw);
  if (!result.ok) {
    const label = overrides.applied.length > 0 ? `${source} (with ${overrides.applied.join(', ')})` : source;
    throw new ConfigError(label, result.problems);
  }
  const secrets = options.requireSecrets === false ? [] : callingTokenProblems(result.config, options.env);
  if (secrets.length > 0) throw new ConfigError(`${source} with its environment`, secrets);
  return deepFreeze(result.config);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The absolute path of the configuration file these options name (path, then argv, then KIOSK_CONFIG), or
 * undefined for the built-in default. The launcher uses it to hand the very same file to the host child.
 */
export function configFilePath(options: LoadConfigOptions): string | undefined {
  const file = options.path ?? configArg(options.argv ?? []) ?? nonEmpty(options.env.KIOSK_CONFIG);
  return file === undefined ? undefined : resolve(options.cwd ?? process.cwd(), file);
}

/** `--config <file>` or `--config=<file>`; a trailing `--config` with no file is an error, not ignored. */
export function configArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--config=')) return nonEmptyArg(arg.slice('--config='.length));
    if (arg === '--config') return nonEmptyArg(argv[i + 1]);
  }
  return undefined;
}

function nonEmptyArg(value: string | undefined): string {
  if (value === undefined || value === '' || value.startsWith('--')) {
    throw new ConfigError('from the command line', [{ path: '--config', reason: 'must be followed by a file name' }]);
  }
  return value;
}

function readText(fullPath: string): string {
  try {
    // Windows editors (Notepad) may save UTF-8 with a byte-order mark; JSON.parse would reject it.
    return readFileSync(fullPath, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'the file does not exist'
      : code === 'EACCES' || code === 'EPERM' ? 'the file cannot be read (permission denied)'
      : code === 'EISDIR' ? 'this is a folder, not a file'
      : `the file cannot be read (${code ?? String(err)})`;
    throw new ConfigError(fullPath, [{ path: '', reason }]);
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /position (\d+)/.exec(message);
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : '';
    throw new ConfigError(source, [{ path: '', reason: `is not valid JSON${where}: ${message}` }]);
  }
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

interface Overrides {
  values: { mode?: 'training' | 'production'; port?: number; simPort?: number };
  applied: string[];
  problems: ConfigProblem[];
}

function envOverrides(env: Record<string, string | undefined>): Overrides {
  const out: Overrides = { values: {}, applied: [], problems: [] };
  const mode = nonEmpty(env.KIOSK_MODE);
  if (mode !== undefined) {
    if (mode === 'training' || mode === 'production') out.values.mode = mode;
    else out.problems.push({ path: 'KIOSK_MODE', reason: `must be "training" or "production" (got ${JSON.stringify(mode)})` });
  }
  for (const [name, key] of [['KIOSK_PORT', 'port'], ['KIOSK_SIM_PORT', 'simPort']] as const) {
    const value = nonEmpty(env[name]);
    if (value === undefined) continue;
    const n = /^\d{1,5}$/.test(value.trim()) ? Number(value) : NaN;
    if (Number.isInteger(n) && n >= 0 && n <= 65535) out.values[key] = n;
    else out.problems.push({ path: name, reason: `must be a port number 0-65535, 0 picks a free port (got ${JSON.stringify(value)})` });
  }
  for (const [name, key] of [['KIOSK_MODE', 'mode'], ['KIOSK_PORT', 'port'], ['KIOSK_SIM_PORT', 'simPort']] as const) {
    if (out.values[key] !== undefined) out.applied.push(`${name}=${String(out.values[key])}`);
  }
  return out;
}

function applyOverrides(raw: unknown, values: Overrides['values']): void {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return; // validation reports the shape
  const config = raw as Record<string, unknown>;
  if (values.mode !== undefined) config.mode = values.mode;
  if (values.port === undefined && values.simPort === undefined) return;
  if (config.server === undefined) config.server = {};
  if (typeof config.server !== 'object' || config.server === null || Array.isArray(config.server)) return;
  const server = config.server as Record<string, unknown>;
  if (values.port !== undefined) server.port = values.port;
  if (values.simPort !== undefined) server.simPort = values.simPort;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
