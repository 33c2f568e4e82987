/**
 * Pick-up codes (issue 17 §7): six digits, drawn with node:crypto, unique among the codes that are live, and
 * kept only as an HMAC under the kiosk's key (the caller's `codeHmac`). A plain hash of six digits would be
 * undone by trying all million; without the key file the stored HMACs say nothing. Guessing at the keypad is
 * what the rate limit is for (pickup-attempts.ts).
 */
import { randomInt } from 'node:crypto';

export const PICKUP_CODE = /^[0-9]{6}$/u;

export const randomPickupCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** A code whose HMAC no live parcel holds; gives up after `tries` draws (a full locker of unlucky draws). */
export function freshPickupCode(codeHmac: (code: string) => string, inUse: (hmac: string) => boolean, draw: () => string = randomPickupCode, tries = 20): { code: string; hmac: string } {
  for (let i = 0; i < tries; i++) {
    const code = draw();
    if (!PICKUP_CODE.test(code)) throw new RangeError('a pick-up code is six digits');
    const hmac = codeHmac(code);
    if (!inUse(hmac)) return { code, hmac };
  }
  throw new Error(`no free pick-up code after ${tries} draws`);
}
