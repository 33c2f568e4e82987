/**
 * The host's logger (ARCHITECTURE.md §6, §8.8): pino underneath, one namespace per component
 * ("queue", "device:ticket-printer"), levels, and masking built in: every ID-like number in a message or a
 * string field is masked before it is written, whoever forgot to.
 */
import pino from 'pino';
import { maskIdNumbersInText } from '../../../common/mask';
import type { LogFields, LogLevel, Logger } from '../../../common/logger';

export interface LoggerOptions {
  level: LogLevel | 'silent';
  /** A pino destination; defaults to stderr so stdout stays free for the "kiosk ready" line. */
  destination?: pino.DestinationStream;
}

function maskValue(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: maskIdNumbersInText(value.message), stack: value.stack && maskIdNumbersInText(value.stack) };
  if (Array.isArray(value)) return value.map((v) => maskValue(v, depth + 1));
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskValue(v, depth + 1);
  return out;
}

class PinoLogger implements Logger {
  constructor(
    private readonly root: pino.Logger,
    private readonly base: pino.Logger,
    private readonly namespace: string | null,
  ) {}
  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (!this.base.isLevelEnabled(level)) return;
    const masked = maskIdNumbersInText(msg);
    if (fields) this.base[level](maskValue(fields, 0) as object, masked);
    else this.base[level](masked);
  }
  trace(msg: string, fields?: LogFields): void {
    this.write('trace', msg, fields);
  }
  debug(msg: string, fields?: LogFields): void {
    this.write('debug', msg, fields);
  }
  info(msg: string, fields?: LogFields): void {
    this.write('info', msg, fields);
  }
  warn(msg: string, fields?: LogFields): void {
    this.write('warn', msg, fields);
  }
  error(msg: string, fields?: LogFields): void {
    this.write('error', msg, fields);
  }
  child(namespace: string): Logger {
    // Children hang off the root, so each line carries one `ns` binding, not one per generation.
    const ns = this.namespace ? `${this.namespace}:${namespace}` : namespace;
    return new PinoLogger(this.root, this.root.child({ ns }), ns);
  }
  isEnabled(level: LogLevel): boolean {
    return this.base.isLevelEnabled(level);
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const base = pino(
    { level: options.level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime },
    options.destination ?? pino.destination({ fd: 2, sync: false }),
  );
  return new PinoLogger(base, base, null);
}
