import { describe, expect, it } from 'vitest';
import type { CardKind } from './card-text';
import { gb11643CheckDigit, idNumberIssue, validIdNumber } from './id-number';
import { PEOPLE } from './text-block.test-support';

/**
 * Known-good numbers from public descriptions of GB 11643-1999:
 * - 11010519491231002X and 440524188001010014: the worked examples of GB 11643-1999 itself, as quoted in the
 *   Wikipedia articles on the citizen identity number (公民身份号码; "Resident Identity Card").
 * - 610122198310134420, 810000199408230021 (a Hong Kong permit), 830000199201300022 (a Taiwan permit): the
 *   README of louismax/credentialverifier. (Its "15000019970319128X" is not used: its check character is 2.)
 */
const PUBLIC_EXAMPLES: Array<[CardKind, string]> = [
  ['resident', '11010519491231002X'],
  ['resident', '440524188001010014'],
  ['resident', '610122198310134420'],
  ['hkMacaoTaiwanResidence', '810000199408230021'],
  ['hkMacaoTaiwanResidence', '830000199201300022'],
];

const FIXTURES: Array<[CardKind, string]> = [
  ['resident', PEOPLE.residentLongTerm.idNumber],
  ['resident', PEOPLE.residentRare.idNumber],
  ['resident', PEOPLE.residentExpired.idNumber],
  ['hkMacaoTaiwanResidence', PEOPLE.permitJ.idNumber],
  ['foreignPermanent2023', PEOPLE.foreign2023.idNumber],
];

const CHECK_CHARS = '0123456789X';

describe('gb11643CheckDigit (ISO 7064 MOD 11-2)', () => {
  it('works out the hand-computed example: 11010519491231002 → weighted sum 167, 167 mod 11 = 2 → X', () => {
    expect(gb11643CheckDigit('11010519491231002')).toBe('X');
  });

  it.each([...PUBLIC_EXAMPLES, ...FIXTURES])('agrees with the published or hand-computed check character of %s %s', (_kind, number) => {
    expect(gb11643CheckDigit(number.slice(0, 17))).toBe(number[17]);
  });

  it('gives every check character: each residue 0–10 maps to one of 1 0 X 9 8 7 6 5 4 3 2', () => {
    const seen = new Set<string>();
    // Vary the first digit (weight 7) and the last (weight 2) to reach all 11 residues.
    for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) seen.add(gb11643CheckDigit(`${a}${'0'.repeat(15)}${b}`) ?? '');
    expect([...seen].sort().join('')).toBe('0123456789X');
  });

  it('is undefined for anything but 17 ASCII digits', () => {
    for (const body of ['', '1101051949123100', '110105194912310020', '1101051949123100X', '１１０１０５１９４９１２３１００２']) {
      expect(gb11643CheckDigit(body)).toBeUndefined();
    }
  });
});

describe('validIdNumber', () => {
  it.each([...PUBLIC_EXAMPLES, ...FIXTURES])('accepts %s %s', (kind, number) => {
    expect(validIdNumber(kind, number)).toBe(true);
  });

  it('accepts the I 2017 layout, 3 upper-case letters and 12 digits, with no check character to verify', () => {
    expect(validIdNumber('foreignPermanent2017', PEOPLE.foreign2017.idNumber)).toBe(true);
    expect(validIdNumber('foreignPermanent2017', 'CAN000000000000')).toBe(true);
    for (const n of ['usa110790405123', 'USA11079040512', 'USA1107904051234', 'US11107904051234', 'USA11079040512X', '911724198509180026']) {
      expect(idNumberIssue('foreignPermanent2017', n), n).toBe('format');
    }
  });

  it('wants a Y 2023 number to start with 9; a resident-shaped number is refused', () => {
    expect(idNumberIssue('foreignPermanent2023', '11010519491231002X')).toBe('format');
    expect(validIdNumber('resident', PEOPLE.foreign2023.idNumber)).toBe(true); // the same rule, without the 9
  });

  it('refuses a lower-case x, a 15-digit old number, full-width digits and separators', () => {
    for (const n of ['11010519491231002x', '110105491231002', '１１０１０５１９４９１２３１００２Ｘ', '110105 19491231 002X', '11010519491231002X ']) {
      expect(idNumberIssue('resident', n), n).toBe('format');
    }
  });

  it('property: changing any one character of a valid 18-character number makes it invalid', () => {
    const numbers = [...PUBLIC_EXAMPLES, ...FIXTURES, ...seededNumbers(200)];
    let tried = 0;
    for (const [kind, number] of numbers) {
      for (let i = 0; i < 18; i++) {
        const alphabet = i === 17 ? CHECK_CHARS : '0123456789';
        for (const ch of alphabet) {
          if (ch === number[i]) continue;
          const changed = number.slice(0, i) + ch + number.slice(i + 1);
          if (kind === 'foreignPermanent2023' && i === 0) continue; // a changed leading 9 fails on shape, tested above
          expect(idNumberIssue(kind, changed), `${number} → ${changed}`).toBe('checkDigit');
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(30_000);
  });

  it('property: swapping two different adjacent body digits makes it invalid', () => {
    for (const [kind, number] of [...FIXTURES, ...seededNumbers(200)]) {
      for (let i = 0; i < 16; i++) {
        if (number[i] === number[i + 1]) continue;
        if (kind === 'foreignPermanent2023' && i === 0) continue;
        const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
        expect(validIdNumber(kind, swapped), `${number} → ${swapped}`).toBe(false);
      }
    }
  });
});

/** Random (seeded) valid numbers of the three 18-character kinds, check characters from the function under test. */
function seededNumbers(count: number): Array<[CardKind, string]> {
  let seed = 20240229;
  const digit = (): string => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return String(seed % 10);
  };
  const kinds: CardKind[] = ['resident', 'hkMacaoTaiwanResidence', 'foreignPermanent2023'];
  return Array.from({ length: count }, (_, n) => {
    const kind = kinds[n % 3] as CardKind;
    const body = (kind === 'foreignPermanent2023' ? '9' : digit()) + Array.from({ length: 16 }, digit).join('');
    return [kind, body + gb11643CheckDigit(body)];
  });
}
