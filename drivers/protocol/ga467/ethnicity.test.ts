import { describe, expect, it } from 'vitest';
import { ETHNICITY_NAMES, ethnicityFromCode, GENDER_CODES, genderFromCode } from './ethnicity';

describe('ethnicity table (GB/T 3304, protocols.md §1.5)', () => {
  it('holds the 56 groups 01–56, plus 97 其他 and 98 外国血统, and nothing else', () => {
    const codes = Object.keys(ETHNICITY_NAMES).sort();
    const expected = [...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98'];
    expect(codes).toEqual(expected);
    expect(new Set(Object.values(ETHNICITY_NAMES)).size).toBe(58);
    expect(ethnicityFromCode('97')).toEqual({ code: '97', name: '其他' });
    expect(ethnicityFromCode('98')).toEqual({ code: '98', name: '外国血统' });
  });

  it('spells the groups as §1.5 does, with the current names for 36 and 46', () => {
    expect(ETHNICITY_NAMES).toMatchObject({ '01': '汉', '02': '蒙古', '05': '维吾尔', '10': '朝鲜', '29': '柯尔克孜', '36': '毛南', '46': '德昂', '56': '基诺' });
  });

  it('knows no other code', () => {
    for (const code of ['00', '57', '99', '1', '001', ' 1', 'toString', '__proto__', '']) expect(ethnicityFromCode(code), code).toBeUndefined();
  });
});

describe('gender codes (GB/T 2261.1)', () => {
  it('maps 0, 1, 2, 9 and nothing else', () => {
    expect(GENDER_CODES).toEqual({ '0': 'unknown', '1': 'male', '2': 'female', '9': 'notStated' });
    for (const code of ['3', '8', 'M', 'F', '', 'constructor']) expect(genderFromCode(code), code).toBeUndefined();
  });
});
