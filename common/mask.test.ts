import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskIdNumbersInText, maskName } from './mask';

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
  it('leaves shorter numbers, ticket numbers and longer digit runs alone', () => {
    const text = 'ticket A001, phone 13800138000, serial 12345678901234567890';
    expect(maskIdNumbersInText(text)).toBe(text);
  });
});

describe('maskName', () => {
  it('keeps the surname character only', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李');
  });
});
