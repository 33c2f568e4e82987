/**
 * The host's logger (ARCHITECTURE.md §6, §8.8): pino underneath, one namespace per component
 * ("queue", "device:ticket-printer"), levels, and masking built in: every ID-like number in a message or a
 * field is masked before it is written, whoever forgot to: strings and keys at any depth, Error messages,
 * stacks and causes, integers long enough to be an ID, and anything nested too deep to walk is replaced by
 * a placeholder rather than written raw (common/mask.ts `maskForLog`).
 */
import pino from 'pino';
import { maskForLog, maskIdNumbersInText } from '../../../common/mask';
import type { LogFields, LogLevel, Logger } from '../../../common/logger';

export interface LoggerOptions {
  level: LogLevel | 'silent';
  /** A pino destination; defaults to stderr so stdout stays free for the "kiosk ready" line. */
  destination?: pino.DestinationStream;
}

class PinoLogger implements Logger {
  constructor(
    private readonly root: pino.Logger,
    private readonly base: pino.Logger,
    private readonly namespace: string | null,
  ) {}
  private write(level: LogLevel, msg: string, fields?: LogFields): void {
    if (!this.base.isLevelEnabled(level)) return;
    const masked = maskIdNumbersInText(String(msg));
    if (fields) this.base[level](maskForLog(fields) as object, masked);
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
    const ns = maskIdNumbersInText(this.namespace ? `${this.namespace}:${namespace}` : namespace);
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
