/**
 * The per-kiosk secret behind identity-bound records (issue 14 §7; ARCHITECTURE.md §8.7): records that must
 * outlive the session ("one active ticket per ID per business") name the citizen by HMAC-SHA256 of the ID
 * number under this key, never by the number. The key is made on first start (32 random bytes), lives in its
 * own file in the data folder with owner-only permissions, and is never written to a database, a log or a
 * diagnostic dump. Without the key the HMACs cannot be turned back into numbers by trying every number (an
 * ID number has far too little entropy for a plain hash).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const KIOSK_KEY_FILE = 'kiosk-id.key';
export const KIOSK_KEY_BYTES = 32;

/** The key file is not what the kiosk wrote (another length, unreadable): refused, never replaced silently. */
export class KioskKeyError extends Error {
  override readonly name = 'KioskKeyError';
}

export interface KioskKey {
  /** HMAC-SHA256 of `idNumber` (upper-cased, as printed on the card) under the kiosk's key, hex. */
  idHmac(idNumber: string): string;
  /** True when this start made the key (a new kiosk, or one whose data folder was wiped). */
  readonly created: boolean;
}

/**
 * Loads the key from `dataDir`, making it on first start. A file readable by others is tightened to 0600 and
 * reported through `onLoosePermissions` (its holder should treat the key as exposed). A file that exists but
 * is not a key is an error: replacing it would orphan every HMAC written under the old key.
 */
export function openKioskKey(dataDir: string, onLoosePermissions?: (mode: number) => void): KioskKey {
  const file = join(dataDir, KIOSK_KEY_FILE);
  const { key, created } = readOrCreate(file, onLoosePermissions);
  return {
    created,
    idHmac: (idNumber) => createHmac('sha256', key).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex'),
  };
}

function readOrCreate(file: string, onLoosePermissions?: (mode: number) => void): { key: Buffer; created: boolean } {
  try {
    // O_EXCL: two processes starting at once cannot both make a key; the loser reads the winner's.
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    const key = randomBytes(KIOSK_KEY_BYTES);
    try {
      writeSync(fd, key);
    } finally {
      closeSync(fd);
    }
    return { key, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const fd = openSync(file, constants.O_RDONLY);
  try {
    const mode = fstatSync(fd).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      chmodSync(file, 0o600);
      onLoosePermissions?.(mode);
    }
  } finally {
    closeSync(fd);
  }
  const key = readFileSync(file);
  if (key.length !== KIOSK_KEY_BYTES) throw new KioskKeyError(`${file} is not this kiosk's identity key (${key.length} bytes, expected ${KIOSK_KEY_BYTES}); restore it from the backup, or move it away to start with a new key (earlier records then no longer match)`);
  return { key, created: false };
}
