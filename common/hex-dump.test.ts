import { describe, expect, it } from 'vitest';
import { maskedHex } from './hex-dump';

describe('maskedHex', () => {
  it('masks the marked personal ranges and nothing else', () => {
    const bytes = Uint8Array.from([0x1b, 0x40, 0xd5, 0xc5, 0xc8, 0xfd, 0x0a]);
    expect(maskedHex(bytes, [{ start: 2, end: 6 }])).toBe('1B 40 ** ** ** ** 0A');
  });
  it('truncates long frames and says by how much', () => {
    expect(maskedHex(new Uint8Array(10), [], 4)).toBe('00 00 00 00 …(+6 bytes)');
  });
});

describe('maskedHex without marked ranges (defence in depth)', () => {
  const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

  it('hides ID-like ASCII digit runs nobody marked, glued to letters or not', () => {
    const dump = maskedHex(ascii('sfz52010219900101123Xok'));
    expect(dump).toBe(`73 66 7A ${Array(18).fill('**').join(' ')} 6F 6B`);
    expect(maskedHex(ascii('520102900101123'))).toBe(Array(15).fill('**').join(' '));
  });

  it('leaves short digit runs (ticket numbers, counts) readable', () => {
    expect(maskedHex(ascii('A001 42'))).toBe('41 30 30 31 20 34 32');
    expect(maskedHex(ascii('12345678901234'))).not.toContain('**');
  });
});
