import { describe, expect, it } from 'vitest';
import { hashPin, isPinHash, PinError, verifyPin } from './pin-hash';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 }; // the tests' cost: the form and the checks are the same

describe('staff PIN hashes (issue 15 §1)', () => {
  it('verifies the PIN it was made from and no other, with a fresh salt each time', () => {
    const a = hashPin('482913', CHEAP);
    const b = hashPin('482913', CHEAP);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('482913');
    expect(verifyPin('482913', a)).toBe(true);
    expect(verifyPin('482914', a)).toBe(false);
    expect(verifyPin('4829130', a)).toBe(false);
  });

  it('refuses a PIN that is not 4 to 12 digits, when hashing and when checking', () => {
    for (const pin of ['123', '1234567890123', '12a4', '', ' 1234']) expect(() => hashPin(pin, CHEAP)).toThrow(PinError);
    expect(verifyPin('12a4', hashPin('1234', CHEAP))).toBe(false);
  });

  it('answers false, never throws, for a malformed or hand-edited hash, and tells the form apart', () => {
    const good = hashPin('1234', CHEAP);
    expect(isPinHash(good)).toBe(true);
    for (const bad of ['', 'plain1234', good.replace('scrypt', 'md5'), good.replace('$1024$', '$1000$'), good.replace('$1024$', '$4$'), good.slice(0, -8), good.replace(/\$[^$]+$/, '$AAAA')]) {
      expect(verifyPin('1234', bad)).toBe(false);
    }
    expect(isPinHash(good.replace('$1024$', '$1000$'))).toBe(false);
    expect(isPinHash('1234')).toBe(false);
  });
});
