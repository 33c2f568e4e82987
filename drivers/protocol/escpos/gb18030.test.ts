import { describe, it, expect } from 'vitest';
import { GB_AI_SHANG_ZI_JI, hex } from './fixtures';
import { decodeGb18030, encodeGb18030, gb18030CharLength } from './gb18030';

describe('GB18030 text (protocols.md §2.1)', () => {
  it('encodes and decodes the P5 example as plain Uint8Array', () => {
    const bytes = encodeGb18030('爱上自己');
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(bytes).toEqual(GB_AI_SHANG_ZI_JI);
    expect(decodeGb18030(GB_AI_SHANG_ZI_JI)).toBe('爱上自己');
  });

  it('covers ASCII, GBK and four-byte GB18030 characters', () => {
    expect(encodeGb18030('张三 A1')).toEqual(hex('D5 C5 C8 FD 20 41 31'));
    expect(encodeGb18030('😀')).toEqual(hex('94 39 FC 36'));
    expect(decodeGb18030(hex('94 39 FC 36 D5 C5'))).toBe('😀张');
  });

  it('measures characters and waits when it cannot tell yet', () => {
    const b = hex('41 D5 C5 94 39 FC 36 D5 0A 94 39 41');
    expect(gb18030CharLength(b, 0, b.length)).toBe(1);
    expect(gb18030CharLength(b, 1, b.length)).toBe(2);
    expect(gb18030CharLength(b, 3, b.length)).toBe(4);
    expect(gb18030CharLength(b, 7, b.length)).toBe(1); // D5 before LF stands alone
    expect(gb18030CharLength(b, 9, b.length)).toBe(1); // 94 39 then not a lead byte
    expect(gb18030CharLength(b, 1, 2)).toBeUndefined();
    expect(gb18030CharLength(b, 3, 5)).toBeUndefined();
    expect(gb18030CharLength(b, 3, 6)).toBeUndefined();
    expect(gb18030CharLength(hex('80'), 0, 1)).toBe(1);
    expect(gb18030CharLength(hex('FF'), 0, 1)).toBe(1);
  });
});
