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
