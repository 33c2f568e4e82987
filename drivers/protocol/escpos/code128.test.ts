import { describe, it, expect } from 'vitest';
import { code128Text } from './code128';

describe('code128Text (protocols.md §2.1, GS k 73)', () => {
  it('resolves Epson-style code sets', () => {
    expect(code128Text('{BA001')).toBe('A001');
    expect(code128Text('{Ba{{b')).toBe('a{b');
    expect(code128Text(`{C${String.fromCharCode(12, 34, 5)}`)).toBe('123405');
    expect(code128Text(`{BNo.{C${String.fromCharCode(20, 25)}{B-A`)).toBe('No.2025-A');
    expect(code128Text('{A{1AB')).toBe('AB');
  });

  it('returns data without a code-set prefix as is (firmware that picks code sets, P5)', () => {
    expect(code128Text('A023456A')).toBe('A023456A');
    expect(code128Text('{x')).toBe('{x');
    expect(code128Text('')).toBe('');
  });
});
