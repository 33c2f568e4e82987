import { describe, expect, it } from 'vitest';
import { hasPrivateUse, isPrivateUse, PRIVATE_USE_PLACEHOLDER, privateUsePositions, replacePrivateUse, segmentPrivateUse } from './private-use';

describe('private-use rare characters', () => {
  it('knows the three private-use areas and their edges', () => {
    for (const cp of [0xe000, 0xe3c5, 0xf8ff, 0xf0000, 0xffffd, 0x100000, 0x10fffd]) expect(isPrivateUse(cp), cp.toString(16)).toBe(true);
    for (const cp of [0xdfff, 0xf900, 0x4e00, 0x20, 0xeffff, 0xffffe, 0x10fffe, 0x20000]) expect(isPrivateUse(cp), cp.toString(16)).toBe(false);
  });

  it('gives positions in characters, counting a character outside the BMP as one', () => {
    expect(privateUsePositions('\uE000王\u{20000}\uE001')).toEqual([0, 3]);
    expect(privateUsePositions('张三')).toEqual([]);
    expect(privateUsePositions('\u{F0001}李')).toEqual([0]);
    expect(hasPrivateUse('王\uE3C5华')).toBe(true);
    expect(hasPrivateUse('王华')).toBe(false);
  });

  it('segments text into ordinary runs and single private-use characters that join back to the text', () => {
    const text = '贵州省\uE001\uE002村12号';
    const segments = segmentPrivateUse(text);
    expect(segments).toEqual([
      { text: '贵州省', privateUse: false },
      { text: '\uE001', privateUse: true },
      { text: '\uE002', privateUse: true },
      { text: '村12号', privateUse: false },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segmentPrivateUse('')).toEqual([]);
  });

  it('replaces each private-use character with one placeholder, so widths stay as they were', () => {
    expect(replacePrivateUse('王\uE3C5华')).toBe(`王${PRIVATE_USE_PLACEHOLDER}华`);
    expect(replacePrivateUse('\u{10FFFD}x', '?')).toBe('?x');
    expect(Array.from(replacePrivateUse('王\uE3C5\uE3C6华'))).toHaveLength(4);
  });
});
