/**
 * The logging contract every layer writes to (ARCHITECTURE.md §6, §8.8). The host provides the real
 * implementation (namespaced, levelled, masking built in: common/mask.ts `maskForLog`, applied to the message
 * and every field); libraries take a Logger and default to silence.
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export type LogFields = Record<string, unknown>;

export interface Logger {
  trace(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger for a sub-namespace, e.g. log.child('device:ticket-printer'). */
  child(namespace: string): Logger;
  /** True when `level` would be written, so callers skip building costly fields (frame dumps). */
  isEnabled(level: LogLevel): boolean;
}

const noop = (): void => undefined;

export const SILENT_LOGGER: Logger = {
  trace: noop,
  debug: noop,
  info: noop,
  warn: noop,
  error: noop,
  child: () => SILENT_LOGGER,
  isEnabled: () => false,
};
