/**
 * The per-kiosk outbox key (issue 17 §5 "Offline"; ARCHITECTURE.md §8.7): 32 random bytes in a file of its
 * own, owner-only (0600), kept OUTSIDE the data folder, so a copied or stolen data folder holds sealed
 * records and HMACs that nobody can open or test ID numbers against. The key is made once, written durably
 * (temp file, fsync, link without overwrite, fsync of the folder) before anything is sealed with it, and
 * never written to a database, a log or a diagnostic dump. Two sub-keys are derived with HKDF-SHA256, each
 * under its own info label: one seals (AES-256-GCM), one names citizens (HMAC-SHA256 of the ID number), and a
 * third label gives a key id the database records, so a different key is recognised without opening anything.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, fstatSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { OutboxKeyError, bilingual } from './outbox-errors';

export const OUTBOX_KEY_BYTES = 32;
export const OUTBOX_KEY_FILE = 'outbox.key';

const HKDF_SALT = Buffer.from('hallkiosk outbox', 'utf8');
export const HKDF_INFO = {
  seal: 'hallkiosk/outbox/seal/aes-256-gcm/v1',
  citizen: 'hallkiosk/outbox/citizen-hmac/v1',
  keyId: 'hallkiosk/outbox/key-id/v1',
} as const;

export interface OutboxKeys {
  /** AES-256-GCM key for sealing records. */
  readonly sealKey: Buffer;
  /** Names the key without revealing it (hex, 32 characters); stored beside the records. */
  readonly keyId: string;
  /** HMAC-SHA256 of the ID number (trimmed, upper-cased) under the citizen sub-key, hex. */
  citizenHmac(idNumber: string): string;
}

export function deriveOutboxKeys(raw: Buffer): OutboxKeys {
  if (raw.length !== OUTBOX_KEY_BYTES) throw new OutboxKeyError(`an outbox key is ${OUTBOX_KEY_BYTES} bytes, not ${raw.length}`);
  const derive = (info: string, bytes: number): Buffer => Buffer.from(hkdfSync('sha256', raw, HKDF_SALT, info, bytes));
  const citizenKey = derive(HKDF_INFO.citizen, 32);
  return {
    sealKey: derive(HKDF_INFO.seal, 32),
    keyId: derive(HKDF_INFO.keyId, 16).toString('hex'),
    citizenHmac: (idNumber) => createHmac('sha256', citizenKey).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex'),
  };
}

/**
 * The default place of the key: beside the configuration file, or with the built-in configuration in a
 * folder named after the data folder with `-keys` added, beside it (`/var/lib/hallkiosk` → `/var/lib/hallkiosk-keys`):
 * one per data folder, so two kiosks on one machine (or two test runs) never share a key. Either way outside
 * the data folder, so its backup or copy does not carry the key.
 */
export function defaultOutboxKeyFile(configFile: string | undefined, dataDir: string): string {
  const beside = configFile === undefined ? undefined : join(dirname(resolve(configFile)), OUTBOX_KEY_FILE);
  if (beside !== undefined && !isInside(beside, dataDir)) return beside;
  return join(`${resolve(dataDir)}-keys`, OUTBOX_KEY_FILE);
}

/** Refuses a key path inside (or equal to) the data folder, following symbolic links where they exist. */
export function checkKeyPlacement(keyFile: string, dataDir: string): void {
  if (isInside(keyFile, dataDir)) {
    throw new OutboxKeyError(
      bilingual(
        `离线暂存密钥不能放在数据目录内（${keyFile} 在 ${dataDir} 中），请在配置 outbox.keyFile 中指定数据目录以外的路径`,
        `the outbox key must live outside the data folder (${keyFile} is inside ${dataDir}): set outbox.keyFile to a path elsewhere, so a copy of the data folder cannot open the records`,
      ),
    );
  }
}

function isInside(file: string, dir: string): boolean {
  const rel = relative(realish(dir), realish(file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `p`, resolving links in the part that exists (the file or its folders may not exist yet). */
function realish(p: string): string {
  const full = resolve(p);
  if (existsSync(full)) return realpathSync(full);
  const parent = dirname(full);
  return parent === full ? full : join(realish(parent), basename(full));
}

/**
 * Reads the key, or null when the file does not exist. A file others can read or write is tightened to 0600
 * and reported (its holder should treat the key as exposed); a file that is not a key is refused, never
 * replaced (that would strand every record sealed under it).
 */
export function readOutboxKey(file: string, onLoosePermissions?: (mode: number) => void): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new OutboxKeyError(`${file}: the outbox key cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new OutboxKeyError(`${file} is not a file`);
    const mode = st.mode & 0o777;
    if ((mode & 0o077) !== 0) {
      try {
        chmodSync(file, 0o600);
      } catch (err) {
        throw new OutboxKeyError(`${file} is readable by others (mode ${mode.toString(8)}) and cannot be tightened (${(err as NodeJS.ErrnoException).code ?? String(err)}): make it 0600, owned by the kiosk's user`);
      }
      onLoosePermissions?.(mode);
    }
  } finally {
    closeSync(fd);
  }
  const key = readFileSync(file);
  if (key.length !== OUTBOX_KEY_BYTES) {
    throw new OutboxKeyError(
      `${file} is not this kiosk's outbox key (${key.length} bytes, expected ${OUTBOX_KEY_BYTES}): restore the key from its backup; replacing it would leave every waiting record unreadable`,
    );
  }
  return key;
}

/**
 * Makes the key: written to a temp file (0600) and fsynced, then linked into place (which fails if another
 * process made one meanwhile: that one is read instead), then the folder is fsynced, so the key is on disk
 * before any record sealed with it is. The folder is made 0700 when missing.
 */
export function createOutboxKey(file: string): Buffer {
  const dir = dirname(resolve(file));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const key = randomBytes(OUTBOX_KEY_BYTES);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, key);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const theirs = readOutboxKey(file);
    if (theirs) return theirs;
    throw err;
  } finally {
    unlinkSync(temp);
  }
  fsyncDir(dir);
  return key;
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, constants.O_RDONLY);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
