import { describe, expect, it } from 'vitest';
import { isAcceptanceNumber, isS10TrackingNumber, luhnCheckDigit, s10CheckDigit } from '../../common/platform-api';
import { SeededRandom } from '../seeded-random';
import { creditCodeCheckCharacter, validCreditCode, withCreditCheckCharacter } from './credit-code';
import { newTrackingNumber } from './post-booking';

describe('check digits of issue 17 (S10, Luhn, GB 32100)', () => {
  it('S10: the UPU examples, and every changed digit of a serial is caught', () => {
    expect(s10CheckDigit('47312482')).toBe(9); // AA473124829GB, UPU S10 annex
    expect(s10CheckDigit('12345678')).toBe(5);
    expect(isS10TrackingNumber('AA473124829GB')).toBe(true);
    expect(isS10TrackingNumber('AA473124828GB')).toBe(false);
    expect(isS10TrackingNumber('AA47312482GB')).toBe(false);
    for (let i = 0; i < 8; i++) {
      const serial = '47312482';
      const changed = serial.slice(0, i) + String((Number(serial[i]) + 1) % 10) + serial.slice(i + 1);
      expect(s10CheckDigit(changed), `digit ${i}`).not.toBe(9);
    }
  });

  it('S10: the mapping of 10 to 0 and 11 to 5', () => {
    const found = new Map<number, string>();
    for (let n = 0; n < 200 && found.size < 2; n++) {
      const serial = String(n * 7919).padStart(8, '0');
      let sum = 0;
      [8, 6, 4, 2, 3, 5, 9, 7].forEach((w, i) => (sum += w * Number(serial[i])));
      if (sum % 11 === 1) found.set(0, serial);
      if (sum % 11 === 0) found.set(5, serial);
    }
    for (const [digit, serial] of found) expect(s10CheckDigit(serial)).toBe(digit);
    expect(found.size).toBe(2);
  });

  it('the simulator\'s tracking numbers are EMS-like S10 numbers', () => {
    const rng = new SeededRandom(3);
    for (let i = 0; i < 50; i++) expect(newTrackingNumber(rng)).toSatisfy((t: string) => isS10TrackingNumber(t) && t.startsWith('EA') && t.endsWith('CN'));
  });

  it('Luhn: the textbook number; acceptance numbers carry one over their 14 digits', () => {
    expect(luhnCheckDigit('7992739871')).toBe(3);
    const digits = '20261123000001';
    const number = `SL${digits}${luhnCheckDigit(digits)}`;
    expect(isAcceptanceNumber(number)).toBe(true);
    expect(isAcceptanceNumber(number.replace('000001', '000010'))).toBe(false);
    expect(isAcceptanceNumber(`SL${digits}`)).toBe(false);
  });

  it('统一社会信用代码: a published valid code verifies, a changed character does not', () => {
    expect(validCreditCode('91350100M000100Y43')).toBe(true);
    expect(validCreditCode('91350100M000100Y44')).toBe(false);
    expect(validCreditCode('91350100M000100Y4')).toBe(false);
    expect(creditCodeCheckCharacter('91350100M000100YI')).toBeUndefined(); // I is not in the alphabet
    expect(validCreditCode(withCreditCheckCharacter('91520115MA6DK0001'))).toBe(true);
  });
});
