import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from '../../../common/mask';
import { maskAddress, maskBirthDate, maskCardText } from './card-mask';
import { type CardText, isTextBlockProblem } from './card-text';
import { parseTextBlock } from './text-block';
import { foreign2017Block, foreign2023Block, PEOPLE, permitBlock, RARE, residentBlock } from './text-block.test-support';

function card(bytes: Uint8Array): CardText {
  const parsed = parseTextBlock(bytes);
  if (isTextBlockProblem(parsed)) throw new Error(parsed.message);
  return parsed;
}

describe('maskCardText (ARCHITECTURE.md §8.7)', () => {
  it('masks a resident card as common/mask.ts does: 5201**********003X, 李**', () => {
    expect(maskCardText(card(residentBlock()))).toEqual({
      kind: 'resident',
      name: '李**',
      gender: 'male',
      ethnicity: { code: '01', name: '汉' },
      birthDate: '1952-**-**',
      address: '贵州省' + '*'.repeat(Array.from(PEOPLE.residentLongTerm.address).length - 3),
      idNumber: '5201**********003X',
      issuingAuthority: '贵阳市公安局南明分局',
      validFrom: '2008-03-15',
      validUntil: 'longTerm',
    });
    expect(maskIdNumber('52010219520708003X')).toBe('5201**********003X');
    expect(maskName('李建国')).toBe('李**');
  });

  it('masks a name whose rare character is private-use without splitting it', () => {
    expect(maskCardText(card(residentBlock({ name: `${RARE}明` })))).toMatchObject({ name: `${RARE}*` });
    expect(maskCardText(card(residentBlock({}, PEOPLE.residentRare)))).toMatchObject({ name: '王**' });
  });

  it('masks the permit number and the pass number of a J permit', () => {
    expect(maskCardText(card(permitBlock()))).toMatchObject({ name: '陈**', idNumber: '8100**********0030', passNumber: 'H********', issueCount: 1 });
  });

  it('masks English and Chinese names and the numbers of foreign cards', () => {
    expect(maskCardText(card(foreign2017Block()))).toMatchObject({
      englishName: 'S' + '*'.repeat(PEOPLE.foreign2017.englishName.length - 1),
      chineseName: '史**',
      idNumber: 'USA1*******5123',
      nationality: 'USA',
      birthDate: '1979-**-**',
    });
    expect(maskCardText(card(foreign2023Block()))).toMatchObject({ chineseName: '马**', idNumber: '9117**********0026', previousCardLink: '***' });
    expect(maskCardText(card(foreign2017Block({ chineseName: '' })))).not.toHaveProperty('chineseName');
  });

  it('leaves none of the identifying values in the masked card', () => {
    for (const bytes of [residentBlock(), residentBlock({}, PEOPLE.residentRare), permitBlock(), foreign2017Block(), foreign2023Block()]) {
      const original = card(bytes);
      const masked = JSON.stringify(maskCardText(original));
      const o = original as unknown as Record<string, string>;
      for (const field of ['idNumber', 'address', 'passNumber']) if (o[field]) expect(masked).not.toContain(o[field]);
      for (const field of ['name', 'chineseName', 'englishName']) if (o[field]) expect(masked).not.toContain(Array.from(o[field]).slice(1).join(''));
      expect(masked).not.toContain(original.birthDate);
    }
  });

  it('masks dates and addresses on their own', () => {
    expect(maskBirthDate('1990-03-07')).toBe('1990-**-**');
    expect(maskAddress('贵州省贵阳市')).toBe('贵州省***');
    expect(maskAddress('北京')).toBe('北京');
  });
});
