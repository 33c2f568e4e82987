/**
 * Secrets for the host child, handed to the Electron main process on stdin by the launcher (issue 13 §4,
 * supervisor/shell-env.ts): they never sit in Electron's environment, which every Chromium process it
 * starts inherits. Read only when KIOSK_SECRETS_ON_STDIN=1 says the launcher sends them (a service
 * manager's stdin may never end), synchronously, before the configuration is loaded: one JSON object of
 * string values, at most 64 KiB.
 */
import { readFileSync } from 'node:fs';

export const SECRETS_FLAG = 'KIOSK_SECRETS_ON_STDIN';
const MAX_BYTES = 64 * 1024;

export function parseSecrets(text: string): Record<string, string> {
  if (text.length > MAX_BYTES) throw new Error('secrets on stdin: more than 64 KiB');
  const parsed: unknown = JSON.parse(text.trim() === '' ? '{}' : text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('secrets on stdin: not a JSON object');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') out[name] = value;
  return out;
}

/** The secrets the launcher sent, or none when it sent nothing (`read` is fd 0 by default). */
export function readStdinSecrets(env: Record<string, string | undefined>, read: () => string = () => readFileSync(0, 'utf8')): Record<string, string> {
  return env[SECRETS_FLAG] === '1' ? parseSecrets(read()) : {};
}
