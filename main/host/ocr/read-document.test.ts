import { describe, expect, it } from 'vitest';
import { linesFromText, NO_FIELDS_FOUND, NOTHING_READ, readDocument } from './read-document';
import type { OcrLine } from './ocr-types';

const LICENCE = `营业执照
统一社会信用代码  91350100M000100Y43
名  称  福州青禾科技有限公司
类  型  有限责任公司（自然人投资或控股）
法定代表人  陈建国
经营范围  科技领域内的技术开发
住  所  福建省福州市鼓楼区五四路88号`;

const REGISTER = `常住人口登记卡
姓名  王秀英  户主或与户主关系  户主
曾用名    性别  女
出生地  贵州省贵阳市  民族  汉
籍贯  贵州省贵阳市  出生日其  1990年1月1日
文化程度  大学本科  公民身份号码  “|11010119900101100X
职业  职员  兵役状况`;

describe('business licence fields', () => {
  it('reads the credit code (check passed), name, legal representative, type and address', () => {
    const r = readDocument('businessLicence', linesFromText(LICENCE));
    expect(r.kind).toBe('businessLicence');
    if (r.kind !== 'businessLicence') return;
    expect(r.fields.creditCode).toMatchObject({ value: '91350100M000100Y43', checked: 'valid', needsConfirmation: false });
    expect(r.fields.name).toMatchObject({ value: '福州青禾科技有限公司', checked: 'notApplicable', needsConfirmation: false });
    expect(r.fields.legalRepresentative?.value).toBe('陈建国');
    expect(r.fields.type?.value).toBe('有限责任公司(自然人投资或控股)');
    expect(r.fields.address?.value).toBe('福建省福州市鼓楼区五四路88号');
    expect(r.fields.creditCode?.sourceLine).toBe('统一社会信用代码 91350100M000100Y43');
    expect(r.needsConfirmation).toEqual([]);
    expect(r.message).toBeUndefined();
  });

  it('flags a credit code whose check character fails, keeping what was read', () => {
    const r = readDocument('businessLicence', linesFromText(LICENCE.replace('M000100Y43', 'M000700Y43')));
    if (r.kind !== 'businessLicence') throw new Error('kind');
    expect(r.fields.creditCode).toMatchObject({ value: '91350100M000700Y43', checked: 'invalid', needsConfirmation: true });
    expect(r.needsConfirmation).toEqual(['creditCode']);
  });

  it('undoes an O read for 0 and marks the field corrected', () => {
    const r = readDocument('businessLicence', linesFromText(LICENCE.replace('91350100M', '913501O0M')));
    if (r.kind !== 'businessLicence') throw new Error('kind');
    expect(r.fields.creditCode).toMatchObject({ value: '91350100M000100Y43', checked: 'valid', corrected: { from: '913501O0M000100Y43' } });
  });

  it('finds a code whose label was misread beyond recognition by its check character', () => {
    const r = readDocument('businessLicence', linesFromText(LICENCE.replace('统一社会信用代码', '统二社全信用化吗')));
    if (r.kind !== 'businessLicence') throw new Error('kind');
    expect(r.fields.creditCode).toMatchObject({ value: '91350100M000100Y43', checked: 'valid' });
  });

  it('flags a field whose characters were read with low confidence', () => {
    const lines = linesFromText(LICENCE, 0.95).map((l) => (l.text.startsWith('法定代表人') ? { ...l, words: l.words.map((w, i) => (i === 1 ? { ...w, confidence: 0.4 } : w)) } : l));
    const r = readDocument('businessLicence', lines);
    if (r.kind !== 'businessLicence') throw new Error('kind');
    expect(r.fields.legalRepresentative).toMatchObject({ value: '陈建国', weakest: 0.4, needsConfirmation: true });
    expect(r.fields.name?.needsConfirmation).toBe(false);
    expect(r.needsConfirmation).toEqual(['legalRepresentative']);
  });
});

describe('household register fields', () => {
  it('reads name and ID number (stray table-rule marks dropped, check passed), sex, ethnicity and birth date', () => {
    const r = readDocument('householdRegister', linesFromText(REGISTER));
    if (r.kind !== 'householdRegister') throw new Error('kind');
    expect(r.fields.name).toMatchObject({ value: '王秀英', needsConfirmation: false });
    expect(r.fields.idNumber).toMatchObject({ value: '11010119900101100X', checked: 'valid', needsConfirmation: false });
    expect(r.fields.sex?.value).toBe('女');
    expect(r.fields.ethnicity?.value).toBe('汉');
    // 出生日其: one character of the label misread
    expect(r.fields.birthDate?.value).toBe('1990年1月1日');
  });

  it('catches a deliberately corrupted ID number', () => {
    for (const corrupt of ['11010119900101109X', '11010119900110100X', '1101011990010110X']) {
      const r = readDocument('householdRegister', linesFromText(REGISTER.replace('11010119900101100X', corrupt)));
      if (r.kind !== 'householdRegister') throw new Error('kind');
      expect(r.fields.idNumber).toMatchObject({ value: corrupt, checked: 'invalid', needsConfirmation: true });
      expect(r.needsConfirmation).toContain('idNumber');
    }
  });

  it('reads the older label 公民身份证件编号 and a lower-case x', () => {
    const r = readDocument('householdRegister', linesFromText(REGISTER.replace('公民身份号码  “|11010119900101100X', '公民身份证件编号  11010119900101100x')));
    if (r.kind !== 'householdRegister') throw new Error('kind');
    expect(r.fields.idNumber).toMatchObject({ value: '11010119900101100X', checked: 'valid' });
  });

  it('drops a near-zero-confidence speck at a value edge and asks the citizen to confirm the rest', () => {
    const lines: OcrLine[] = linesFromText(REGISTER, 0.9).map((l) =>
      l.text.startsWith('姓名') ? { ...l, words: l.words.flatMap((w, i) => (i === 1 ? [{ ...w, text: '和', confidence: 0.03 }, { ...w, text: w.text }] : [w])) } : l,
    );
    const r = readDocument('householdRegister', lines);
    if (r.kind !== 'householdRegister') throw new Error('kind');
    expect(r.fields.name).toMatchObject({ value: '王秀英', needsConfirmation: true });
  });
});

describe('pages with nothing to read', () => {
  it('an empty page gives no fields and a bilingual message, not an error', () => {
    const r = readDocument('householdRegister', []);
    expect(r.fields).toEqual({});
    expect(r.message).toBe(NOTHING_READ);
    expect(r.message).toMatch(/^未能识别出文字.* \/ No text could be read/);
  });

  it('a page of other text gives no fields and says which paper was looked for', () => {
    const r = readDocument('businessLicence', linesFromText('欢迎光临\n请取号'));
    expect(r.fields).toEqual({});
    expect(r.message).toBe(NO_FIELDS_FOUND.businessLicence);
  });
});
