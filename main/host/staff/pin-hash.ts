/**
 * Staff PINs, stored only as scrypt hashes in the configuration (issue 15 §1; RFC 7914), written by
 * `npm run staff -- hash-pin`. The form is self-describing, `scrypt$<N>$<r>$<p>$<salt b64>$<hash b64>`, so
 * the cost can be raised later without breaking the hashes already in a hall's file. Verification compares in
 * constant time and never throws on a malformed hash: it answers false.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** 4–12 digits: what the on-screen keypad can type. */
export const PIN_PATTERN = /^[0-9]{4,12}$/;

export interface ScryptCost {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** About 50 ms here, 16 MiB of memory: slow enough against guessing a stolen file, quick at the keypad. */
export const DEFAULT_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 14, r: 8, p: 1 });

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const HASH_FORM = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

export class PinError extends Error {
  override readonly name = 'PinError';
}

export function hashPin(pin: string, cost: ScryptCost = DEFAULT_COST, salt: Uint8Array = randomBytes(SALT_BYTES)): string {
  if (!PIN_PATTERN.test(pin)) throw new PinError('a PIN is 4 to 12 digits');
  const key = scryptSync(pin, salt, KEY_BYTES, { N: cost.N, r: cost.r, p: cost.p, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${Buffer.from(salt).toString('base64')}$${key.toString('base64')}`;
}

/** Whether `text` has the form hashPin writes (not whether any PIN matches it). */
export function isPinHash(text: string): boolean {
  const m = HASH_FORM.exec(text);
  return m !== null && costOf(m) !== null;
}

export function verifyPin(pin: string, hash: string): boolean {
  const m = HASH_FORM.exec(hash);
  const cost = m && costOf(m);
  if (!m || !cost || !PIN_PATTERN.test(pin)) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const key = scryptSync(pin, Buffer.from(m[4]!, 'base64'), KEY_BYTES, { ...cost, maxmem: 64 * 1024 * 1024 });
  return timingSafeEqual(key, expected);
}

/**
 * verifyPin off the event loop (scrypt on libuv's thread pool): the host keeps answering the screen and the
 * devices while a PIN is checked at the pad.
 */
export function verifyPinAsync(pin: string, hash: string): Promise<boolean> {
  const m = HASH_FORM.exec(hash);
  const cost = m && costOf(m);
  if (!m || !cost || !PIN_PATTERN.test(pin)) return Promise.resolve(false);
  const expected = Buffer.from(m[5]!, 'base64');
  if (expected.length !== KEY_BYTES) return Promise.resolve(false);
  return new Promise((resolve, reject) => {
    scrypt(pin, Buffer.from(m[4]!, 'base64'), KEY_BYTES, { ...cost, maxmem: 64 * 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(timingSafeEqual(key, expected))));
  });
}

/** The cost in a hash, or null when it is out of the range this kiosk accepts (a file edited by hand). */
function costOf(m: RegExpExecArray): ScryptCost | null {
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const powerOfTwo = N >= 2 ** 10 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  return powerOfTwo && r >= 1 && r <= 32 && p >= 1 && p <= 16 ? { N, r, p } : null;
}
