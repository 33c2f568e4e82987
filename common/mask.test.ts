import { describe, expect, it } from 'vitest';
import { CIRCULAR_PLACEHOLDER, DEPTH_LIMIT_PLACEHOLDER, maskForLog, maskIdLikeNumber, maskIdNumber, maskIdNumbersInText, maskName } from './mask';

const ID = '520102199001011234';
const MASKED = '5201**********1234';

describe('maskIdNumber (ARCHITECTURE.md §8.7)', () => {
  it('keeps the first and last four characters of an 18-character number', () => {
    expect(maskIdNumber('52010219900101123X')).toBe('5201**********123X');
  });
  it('masks short values entirely', () => {
    expect(maskIdNumber('1234')).toBe('****');
  });
});

describe('maskIdNumbersInText', () => {
  it('masks every ID-like number in free text, 18 and 15 digits', () => {
    const text = 'read 520102199001011234 then 52010219900101123x and old 520102900101123.';
    expect(maskIdNumbersInText(text)).toBe('read 5201**********1234 then 5201**********123x and old 5201*******1123.');
  });

  it('masks an ID glued to letters on either side, whatever they are', () => {
    expect(maskIdNumbersInText(`sfz${ID}`)).toBe(`sfz${MASKED}`);
    expect(maskIdNumbersInText(`${ID}abc`)).toBe(`${MASKED}abc`);
    expect(maskIdNumbersInText('id52010219900101123Xend')).toBe('id5201**********123Xend');
    expect(maskIdNumbersInText('old:520102900101123号')).toBe('old:5201*******1123号');
    expect(maskIdNumbersInText(`身份证号${ID}，`)).toBe(`身份证号${MASKED}，`);
    expect(maskIdNumbersInText(`{"id":${ID}}`)).toBe(`{"id":${MASKED}}`);
  });

  it('masks grouped and full-width forms', () => {
    expect(maskIdNumbersInText('证件 520102 19900101 1234 已读')).toBe(`证件 ${MASKED} 已读`);
    expect(maskIdNumbersInText('520102-19900101-123X')).toBe('5201**********123X');
    expect(maskIdNumbersInText('５２０１０２１９９００１０１１２３４')).toBe('５２０１**********１２３４');
  });

  it('masks longer digit runs too: an ID may be glued to other digits', () => {
    expect(maskIdNumbersInText(`${ID}01`)).toBe('5201************3401');
    expect(maskIdNumbersInText(`x12345678901234567890`)).toBe('x1234************7890');
  });

  it('leaves ordinary short numbers alone: ticket numbers, ports, counts, phones, ms timestamps', () => {
    const text = 'ticket A001 B123, port 8080, 42 waiting, phone 13800138000, at 1767225600000, code 12345678901234';
    expect(maskIdNumbersInText(text)).toBe(text);
  });
});

describe('maskIdLikeNumber', () => {
  it('masks integers of 15 digits and more, as numbers or bigints, and keeps the sign', () => {
    expect(maskIdLikeNumber(520102900101123)).toBe('5201*******1123');
    expect(maskIdLikeNumber(-520102900101123)).toBe('-5201*******1123');
    // An 18-digit ID kept as a number has lost its last digits to rounding: it is still masked.
    expect(maskIdLikeNumber(520102199001011234)).toMatch(/^5201\*{10}\d{4}$/);
    expect(maskIdLikeNumber(5.2e21)).toMatch(/^5200\*+0000$/);
    expect(maskIdLikeNumber(520102199001011234n)).toBe(MASKED);
  });
  it('leaves short numbers, fractions and non-finite values as they are', () => {
    for (const n of [0, 42, 8080, 13800138000, 1767225600000, 99_999_999_999_999, 1.5, Number.NaN, Infinity]) {
      expect(maskIdLikeNumber(n)).toBe(n);
    }
    expect(maskIdLikeNumber(12n)).toBe(12n);
  });
});

describe('maskForLog', () => {
  it('masks strings and keys at every depth, and never returns a deep object as it is', () => {
    let deep: Record<string, unknown> = { id: ID };
    for (let i = 0; i < 30; i++) deep = { nested: deep, [`k${i}`]: `${ID}` };
    const out = JSON.stringify(maskForLog(deep));
    expect(out).not.toContain('19900101');
    expect(out).toContain(DEPTH_LIMIT_PLACEHOLDER);
    expect(maskForLog({ a: { b: { c: { d: 1 } } } }, 2)).toEqual({ a: { b: DEPTH_LIMIT_PLACEHOLDER } });
    expect(maskForLog({ [ID]: 'holder' })).toEqual({ [MASKED]: 'holder' });
  });

  it('masks long integers, numbers and bigints, anywhere in the fields', () => {
    expect(maskForLog({ id: 520102900101123, big: 520102199001011234n, count: 3, small: 7n })).toEqual({
      id: '5201*******1123',
      big: MASKED,
      count: 3,
      small: '7',
    });
  });

  it('masks an Error: name, message, stack, cause, own fields and aggregated errors', () => {
    const cause = new Error(`card ${ID} unreadable`);
    const error = Object.assign(new TypeError(`bad holder ${ID}`, { cause }), { holderId: ID, code: 'E1' });
    const out = maskForLog({ error, all: new AggregateError([new Error(ID)], 'many') }) as Record<string, Record<string, unknown>>;
    expect(JSON.stringify(out)).not.toContain('19900101');
    expect(out.error).toMatchObject({ name: 'TypeError', message: `bad holder ${MASKED}`, holderId: MASKED, code: 'E1' });
    expect(String(out.error?.stack)).toContain(`bad holder ${MASKED}`);
    expect(out.error?.cause).toMatchObject({ message: `card ${MASKED} unreadable` });
    expect(out.all?.errors).toEqual([expect.objectContaining({ message: MASKED })]);
  });

  it('handles cycles, shared objects, bytes, dates, maps, sets and throwing getters', () => {
    const shared = { id: ID };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    const unreadable = Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(maskForLog(cyclic)).toEqual({ shared: { id: MASKED }, again: { id: MASKED }, self: CIRCULAR_PLACEHOLDER });
    expect(
      maskForLog({ bytes: new Uint8Array(3), at: new Date(0), m: new Map([[ID, ID]]), s: new Set([ID]), unreadable }),
    ).toEqual({ bytes: '<3 bytes>', at: '1970-01-01T00:00:00.000Z', m: [[MASKED, MASKED]], s: [MASKED], unreadable: { x: '[unreadable]' } });
  });
});

describe('maskName', () => {
  it('keeps the surname character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李');
  });
});
