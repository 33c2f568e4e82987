import { describe, expect, it } from 'vitest';
import { gb11643CheckDigit } from '../../../drivers/protocol/ga467/id-number';
import { checkCreditCode, checkIdNumber } from './check-characters';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter, validCreditCode } from '../../../common/credit-code';

// The example code widely published with GB 32100-2015 explanations (check character 3).
const CODE = '91350100M000100Y43';

describe('GB 32100-2015 credit code check character', () => {
  it('accepts a published code and computes its check character', () => {
    expect(creditCodeCheckCharacter(CODE.slice(0, 17))).toBe('3');
    expect(validCreditCode(CODE)).toBe(true);
  });

  it('writes 31 as 0: a body whose weighted sum is 0 mod 31', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    // Σ = 1·1 (first character 1, weight 1) → 31 − 1 = 30 → Y
    expect(creditCodeCheckCharacter('10000000000000000')).toBe('Y');
  });

  it('refuses characters outside the set (I O Z S V) and wrong lengths', () => {
    for (const bad of ['I', 'O', 'Z', 'S', 'V']) expect(creditCodeCheckCharacter(`9135010${bad}M000100Y4`)).toBeUndefined();
    expect(validCreditCode(CODE.slice(1))).toBe(false);
  });

  it('catches every single wrong character at every place', () => {
    for (let i = 0; i < 18; i++) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === CODE[i]) continue;
        expect(validCreditCode(CODE.slice(0, i) + c + CODE.slice(i + 1)), `${i}:${c}`).toBe(false);
      }
    }
  });

  it('undoes O→0, I→1, Z→2, S→5 only when the check then passes, and says so', () => {
    expect(checkCreditCode('913501OOM000100Y43')).toEqual({ value: CODE, checked: 'valid', corrected: { from: '913501OOM000100Y43' } });
    expect(checkCreditCode(CODE)).toEqual({ value: CODE, checked: 'valid' });
    // An O where the code has an M: undoing it to 0 does not pass, so it stays as read, invalid.
    expect(checkCreditCode('91350100O000100Y43')).toEqual({ value: '91350100O000100Y43', checked: 'invalid' });
    expect(checkCreditCode('91350100M000100Y44').checked).toBe('invalid');
  });
});

describe('GB 11643 ID number check character', () => {
  const body = '52011519830410270';
  const id = body + (gb11643CheckDigit(body) as string);

  it('takes a lower-case x as the X check character', () => {
    expect(id.endsWith('X')).toBe(true);
    expect(checkIdNumber(id.replace('X', 'x'))).toEqual({ value: id, checked: 'valid' });
  });

  it('catches every single wrong digit at every place', () => {
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === id[i] || (c === 'X' && i < 17)) continue;
        expect(checkIdNumber(id.slice(0, i) + c + id.slice(i + 1)).checked, `${i}:${c}`).toBe('invalid');
      }
    }
  });

  it('undoes letters read for digits when the check then passes', () => {
    const read = id.replace(/0/g, 'O').replace(/1/, 'l');
    expect(checkIdNumber(read)).toEqual({ value: id, checked: 'valid', corrected: { from: read } });
    expect(checkIdNumber('S2011519830410270X')).toEqual({ value: id, checked: 'valid', corrected: { from: 'S2011519830410270X' } });
    expect(checkIdNumber('B2011519830410270X')).toEqual({ value: 'B2011519830410270X', checked: 'invalid' });
  });
});
