import { describe, expect, it } from 'vitest';
import { type CardText, displayName, isTextBlockProblem, type TextBlockProblem } from './card-text';
import { cardValidity } from './card-dates';
import { privateUsePositions, segmentPrivateUse } from './private-use';
import { cardKindOf, parseTextBlock, TEXT_BLOCK_LAYOUTS } from './text-block';
import {
  buildBlock,
  DOC_LAYOUTS,
  foreign2017Block,
  foreign2023Block,
  PEOPLE,
  permitBlock,
  putUcs2,
  RARE,
  residentBlock,
} from './text-block.test-support';

function card(bytes: Uint8Array): CardText {
  const parsed = parseTextBlock(bytes);
  if (isTextBlockProblem(parsed)) throw new Error(`expected a card, got ${parsed.message}`);
  return parsed;
}

function problem(bytes: Uint8Array): TextBlockProblem {
  const parsed = parseTextBlock(bytes);
  if (!isTextBlockProblem(parsed)) throw new Error(`expected a problem, got a ${parsed.kind} card`);
  return parsed;
}

describe('layouts (protocols.md §1.5, §1.6)', () => {
  it('use the spans of the reference tables, field for field', () => {
    for (const [kind, fields] of Object.entries(DOC_LAYOUTS)) {
      const parser = TEXT_BLOCK_LAYOUTS[kind as keyof typeof TEXT_BLOCK_LAYOUTS] as Record<string, { offset: number; length: number }>;
      const spans = Object.fromEntries(Object.entries(parser).map(([f, s]) => [f, [s.offset, s.length]]));
      expect(spans, kind).toEqual(fields);
    }
  });

  it('reads UCS-2 little-endian: 张三 is 20 5F 09 4E, the marker I is 49 00', () => {
    const block = residentBlock();
    block.set([0x20, 0x5f, 0x09, 0x4e, 0x20, 0x00], 0);
    expect(card(block)).toMatchObject({ kind: 'resident', name: '张三' });
    block.set([0x49, 0x00], 248);
    expect(cardKindOf(block)).toBe('foreignPermanent2017');
  });
});

describe('resident ID card', () => {
  it('reads every field; 长期 is a validity with no end', () => {
    expect(card(residentBlock())).toEqual({
      kind: 'resident',
      name: '李建国',
      gender: 'male',
      ethnicity: { code: '01', name: '汉' },
      birthDate: '1952-07-08',
      address: '贵州省贵阳市南明区花果园大街1号附2号',
      idNumber: '52010219520708003X',
      issuingAuthority: '贵阳市公安局南明分局',
      validFrom: '2008-03-15',
      validUntil: 'longTerm',
    });
  });

  it('keeps a private-use rare character in the name and says where it is', () => {
    const c = card(residentBlock({}, PEOPLE.residentRare));
    expect(c).toMatchObject({ name: `王${RARE}华`, gender: 'female', ethnicity: { code: '06', name: '苗' }, validUntil: '2036-05-20' });
    expect(displayName(c)).toBe(`王${RARE}华`);
    expect(privateUsePositions(displayName(c))).toEqual([1]);
    expect(segmentPrivateUse(displayName(c))).toEqual([
      { text: '王', privateUse: false },
      { text: RARE, privateUse: true },
      { text: '华', privateUse: false },
    ]);
  });

  it('parses an expired card (refusing it is cardValidity’s job)', () => {
    const c = card(residentBlock({}, PEOPLE.residentExpired));
    expect(c).toMatchObject({ validFrom: '2005-02-01', validUntil: '2015-02-01' });
    expect(cardValidity(c, '2025-06-01')).toBe('expired');
  });

  it('fills fields to their full width (15-character name, 35-character address, 15-character authority)', () => {
    const full = { name: '一二三四五六七八九十一二三四五', address: '住'.repeat(35), issuingAuthority: '签'.repeat(15) };
    expect(card(residentBlock(full))).toMatchObject(full);
  });

  it('reads a resident card whose reserved area is zero-filled (marker NUL) as resident', () => {
    const card = parseTextBlock(buildBlock('resident', PEOPLE.residentLongTerm, '\0'));
    expect(card).toMatchObject({ kind: 'resident' });
  });

  it('trims right padding only (spaces, and NUL some writers use); inner and leading spaces stay', () => {
    const block = residentBlock({ address: ' 贵州省 贵阳市' });
    block.fill(0, 52 + 2 * 8, 52 + 70); // NUL padding after the 8 address characters
    expect(card(block)).toMatchObject({ address: ' 贵州省 贵阳市' });
  });

  it('keeps a character outside the BMP written as a UTF-16 surrogate pair as one character', () => {
    expect(card(residentBlock({ name: '李\u{20000}' }))).toMatchObject({ name: '李\u{20000}' });
  });

  it('reads every gender code of GB/T 2261.1', () => {
    const genders = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'notStated' };
    for (const [code, gender] of Object.entries(genders)) expect(card(residentBlock({ gender: code }))).toMatchObject({ gender });
  });

  it('reads 97 其他 and 98 外国血统', () => {
    expect(card(residentBlock({ ethnicity: '97' }))).toMatchObject({ ethnicity: { code: '97', name: '其他' } });
    expect(card(residentBlock({ ethnicity: '98' }))).toMatchObject({ ethnicity: { code: '98', name: '外国血统' } });
  });

  it('ignores the reserved area (220–247, 250–255)', () => {
    const block = residentBlock();
    putUcs2(block, 220, 28, 'RESERVED-AREA');
    putUcs2(block, 250, 6, 'abc');
    expect(card(block)).toEqual(card(residentBlock()));
  });
});

describe('J: Hong Kong / Macau / Taiwan residence permit', () => {
  it('reads every field, the pass number and issue count included; a blank ethnicity is absent', () => {
    expect(card(permitBlock())).toEqual({
      kind: 'hkMacaoTaiwanResidence',
      name: '陈志明',
      gender: 'male',
      birthDate: '1990-06-12',
      address: '广东省深圳市福田区福华三路88号',
      idNumber: '810000199006120030',
      issuingAuthority: '深圳市公安局',
      validFrom: '2023-08-01',
      validUntil: '2028-08-01',
      passNumber: 'H12345678',
      issueCount: 1,
    });
  });

  it('reads an ethnicity when one is written, and leaves blank pass number and issue count out', () => {
    const c = card(permitBlock({ ethnicity: '01', passNumber: '', issueCount: '' }));
    expect(c).toMatchObject({ ethnicity: { code: '01', name: '汉' } });
    expect(c).not.toHaveProperty('passNumber');
    expect(c).not.toHaveProperty('issueCount');
  });

  it('checks the permit number with GB 11643 and the other fields as on the resident card', () => {
    expect(problem(permitBlock({ idNumber: '810000199006120031' }))).toMatchObject({ field: 'idNumber', reason: 'checkDigit' });
    expect(problem(permitBlock({ ethnicity: '57' }))).toMatchObject({ field: 'ethnicity', reason: 'unknownCode' });
    expect(problem(permitBlock({ issueCount: '0A' }))).toMatchObject({ field: 'issueCount', reason: 'invalidFormat' });
  });
});

describe('I: foreign permanent-resident card, 2017', () => {
  it('reads every field', () => {
    expect(card(foreign2017Block())).toEqual({
      kind: 'foreignPermanent2017',
      englishName: 'SMITH, JOHN WILLIAM',
      chineseName: '史密斯',
      gender: 'male',
      birthDate: '1979-04-05',
      idNumber: 'USA110790405123',
      nationality: 'USA',
      validFrom: '2017-09-01',
      validUntil: '2027-09-01',
      cardVersion: '01',
      authorityCode: '1100',
    });
  });

  it('takes a 60-character English name; a holder without a Chinese name is greeted by the English one', () => {
    const englishName = 'A'.repeat(29) + ' ' + 'B'.repeat(30);
    const c = card(foreign2017Block({ englishName, chineseName: '', cardVersion: '', authorityCode: '' }));
    expect(c).toMatchObject({ englishName });
    expect(c).not.toHaveProperty('chineseName');
    expect(c).not.toHaveProperty('cardVersion');
    expect(c).not.toHaveProperty('authorityCode');
    expect(displayName(c)).toBe(englishName);
  });

  it('checks the 15-character number by its layout: 3 letters and 12 digits', () => {
    for (const idNumber of ['usa110790405123', 'US1110790405123', 'USA11079040512X', 'USA11079040512', '123110790405123', 'USA 10790405123']) {
      expect(problem(foreign2017Block({ idNumber })), idNumber).toMatchObject({ field: 'idNumber', reason: 'invalidFormat' });
    }
  });
});

describe('Y: foreign permanent-resident card, 2023', () => {
  it('reads every field and joins the English name from its two spans', () => {
    expect(card(foreign2023Block())).toEqual({
      kind: 'foreignPermanent2023',
      chineseName: '马丽亚',
      englishName: 'MARIA FERNANDA GONZALEZ RODRIGUEZ DE LA CRUZ',
      gender: 'female',
      renewalCount: 1,
      birthDate: '1985-09-18',
      idNumber: '911724198509180026',
      validFrom: '2023-06-01',
      validUntil: '2033-06-01',
      nationality: 'ESP',
      previousCardLink: '101',
    });
  });

  it('keeps a space that falls on character 35, at the join', () => {
    const c = card(foreign2023Block({ englishName: 'A'.repeat(34) + ' ', englishNameRest: 'BCDEFGHIJKL' }));
    expect(c).toMatchObject({ englishName: `${'A'.repeat(34)} BCDEFGHIJKL` });
  });

  it('reads a short English name that leaves characters 36–46 blank, and leaves blank optional fields out', () => {
    const c = card(foreign2023Block({ englishName: 'LI NA', englishNameRest: '', chineseName: '', renewalCount: '', previousCardLink: '' }));
    expect(c).toMatchObject({ englishName: 'LI NA' });
    for (const field of ['chineseName', 'renewalCount', 'previousCardLink']) expect(c).not.toHaveProperty(field);
  });

  it('wants an 18-character number starting with 9 and a good check character', () => {
    expect(problem(foreign2023Block({ idNumber: '811724198509180026' }))).toMatchObject({ field: 'idNumber', reason: 'invalidFormat' });
    expect(problem(foreign2023Block({ idNumber: '911724198509180027' }))).toMatchObject({ field: 'idNumber', reason: 'checkDigit' });
    expect(problem(foreign2023Block({ renewalCount: ' 1' }))).toMatchObject({ field: 'renewalCount', reason: 'invalidFormat' });
  });
});

describe('malformed blocks give a problem naming the field, never a throw, never the value', () => {
  const cases: Array<[string, Uint8Array, TextBlockProblem['field'], TextBlockProblem['reason'], string?]> = [
    ['empty', new Uint8Array(0), 'textBlock', 'length'],
    ['255 bytes', residentBlock().subarray(0, 255), 'textBlock', 'length'],
    ['257 bytes', new Uint8Array(257).fill(0x20), 'textBlock', 'length'],
    ['a whole 1295-byte frame', new Uint8Array(1295), 'textBlock', 'length'],
    ['marker A', buildBlock('resident', PEOPLE.residentLongTerm, 'A'), 'cardType', 'unknownMarker'],
    ['marker lower-case j', buildBlock('hkMacaoTaiwanResidence', PEOPLE.permitJ, 'j'), 'cardType', 'unknownMarker'],
    ['marker U+0149 (49 01)', buildBlock('foreignPermanent2017', PEOPLE.foreign2017, '\u0149'), 'cardType', 'unknownMarker'],
    ['all zero (a resident marker, nothing else)', new Uint8Array(256), 'name', 'blank'],
    ['blank name', residentBlock({ name: '' }), 'name', 'blank'],
    ['control character in the name', residentBlock({ name: '李\u0001国' }), 'name', 'invalidText', '李'],
    ['NUL inside the name', residentBlock({ name: '李\u0000国' }), 'name', 'invalidText', '李'],
    ['C1 control in the address', residentBlock({ address: '贵州省\u0085贵阳市' }), 'address', 'invalidText', '贵州'],
    ['unpaired high surrogate', residentBlock({ address: '贵州省\uD840' }), 'address', 'invalidText', '贵州'],
    ['unpaired low surrogate', residentBlock({ name: '\uDC00李' }), 'name', 'invalidText', '李'],
    ['non-character U+FFFF', residentBlock({ issuingAuthority: '贵阳\uFFFF' }), 'issuingAuthority', 'invalidText', '贵阳'],
    ['gender 3', residentBlock({ gender: '3' }), 'gender', 'unknownCode'],
    ['gender M', residentBlock({ gender: 'M' }), 'gender', 'unknownCode'],
    ['blank gender', residentBlock({ gender: '' }), 'gender', 'blank'],
    ['ethnicity 57', residentBlock({ ethnicity: '57' }), 'ethnicity', 'unknownCode'],
    ['ethnicity 00', residentBlock({ ethnicity: '00' }), 'ethnicity', 'unknownCode'],
    ['ethnicity 1 (one digit)', residentBlock({ ethnicity: '1' }), 'ethnicity', 'unknownCode'],
    ['blank ethnicity on a resident card', residentBlock({ ethnicity: '' }), 'ethnicity', 'blank'],
    ['birth 20230230', residentBlock({ birthDate: '20230230' }), 'birthDate', 'invalidDate', '20230230'],
    ['birth 19000229 (not a leap year)', residentBlock({ birthDate: '19000229' }), 'birthDate', 'invalidDate', '19000229'],
    ['birth month 13', residentBlock({ birthDate: '19901301' }), 'birthDate', 'invalidDate', '19901301'],
    ['birth day 00', residentBlock({ birthDate: '19900100' }), 'birthDate', 'invalidDate', '19900100'],
    ['birth year 0001', residentBlock({ birthDate: '00010101' }), 'birthDate', 'invalidDate', '00010101'],
    ['birth with a letter O', residentBlock({ birthDate: '1990O101' }), 'birthDate', 'invalidFormat', '1990O101'],
    ['birth in full-width digits', residentBlock({ birthDate: '１９９００１０１' }), 'birthDate', 'invalidFormat', '１９９０'],
    ['birth written 1990-1-1', residentBlock({ birthDate: '1990-1-1' }), 'birthDate', 'invalidFormat', '1990-1-1'],
    ['blank birth date', residentBlock({ birthDate: '' }), 'birthDate', 'blank'],
    ['blank address', residentBlock({ address: '' }), 'address', 'blank'],
    ['bad check character', residentBlock({ idNumber: '520102195207080031' }), 'idNumber', 'checkDigit', '520102195207080031'],
    ['lower-case x check', residentBlock({ idNumber: '52010219520708003x' }), 'idNumber', 'invalidFormat', '52010219520708003'],
    ['old 15-digit number', residentBlock({ idNumber: '520102520708003' }), 'idNumber', 'invalidFormat', '520102520708003'],
    ['X inside the number', residentBlock({ idNumber: '5201021952070800X0' }), 'idNumber', 'invalidFormat', '5201021952070800'],
    ['blank number', residentBlock({ idNumber: '' }), 'idNumber', 'blank'],
    ['blank issuing authority', residentBlock({ issuingAuthority: '' }), 'issuingAuthority', 'blank'],
    ['valid from 20230230', residentBlock({ validFrom: '20230230' }), 'validFrom', 'invalidDate', '20230230'],
    ['valid until 2036O520', residentBlock({ validUntil: '2036O520' }), 'validUntil', 'invalidFormat', '2036O520'],
    ['valid until 长久', residentBlock({ validUntil: '长久' }), 'validUntil', 'invalidFormat', '长久'],
    ['valid until before valid from', residentBlock({ validFrom: '20200101', validUntil: '20191231' }), 'validUntil', 'dateOrder', '2019'],
    ['blank valid until', residentBlock({ validUntil: '' }), 'validUntil', 'blank'],
    ['I: blank English name', foreign2017Block({ englishName: '' }), 'englishName', 'blank'],
    ['I: nationality in lower case', foreign2017Block({ nationality: 'usa' }), 'nationality', 'invalidFormat', 'usa'],
    ['I: two-letter nationality', foreign2017Block({ nationality: 'US' }), 'nationality', 'invalidFormat'],
    ['I: birth 20230230', foreign2017Block({ birthDate: '20230230' }), 'birthDate', 'invalidDate', '20230230'],
    ['Y: blank English name in both spans', foreign2023Block({ englishName: '', englishNameRest: '' }), 'englishName', 'blank'],
    ['Y: blank nationality', foreign2023Block({ nationality: '' }), 'nationality', 'blank'],
    ['Y: gender 5', foreign2023Block({ gender: '5' }), 'gender', 'unknownCode'],
  ];

  it.each(cases)('%s', (_name, bytes, field, reason, value) => {
    const p = problem(bytes);
    expect(p).toEqual({ kind: 'problem', field, reason, message: expect.stringContaining(field) });
    expect(p.message).toMatch(/^ID card text block: /);
    if (value !== undefined) expect(p.message).not.toContain(value);
    // Nothing of the holder: no name, number, address or date of the fixtures.
    for (const person of Object.values(PEOPLE)) {
      for (const v of Object.values(person)) if (v.length > 2) expect(p.message).not.toContain(v);
    }
  });

  it('survives random bytes under every marker (seeded), returning a card or a problem', () => {
    let seed = 0x2f6b1a3d;
    const next = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    };
    const markers = [0x20, 0x49, 0x4a, 0x59];
    for (let i = 0; i < 4000; i++) {
      const bytes = i % 2 === 0 ? Uint8Array.from({ length: 256 }, next) : residentBlock();
      if (i % 2 === 1) for (let k = 0; k < 8; k++) bytes[next()] = next(); // a few corrupted bytes in a good block
      bytes[248] = markers[i % 4] as number;
      bytes[249] = 0;
      const parsed = parseTextBlock(bytes);
      expect(['problem', 'resident', 'hkMacaoTaiwanResidence', 'foreignPermanent2017', 'foreignPermanent2023']).toContain(parsed.kind);
    }
  });
});
