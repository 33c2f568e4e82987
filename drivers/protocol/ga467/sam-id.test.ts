import { describe, expect, it } from 'vitest';
import { formatSamId } from './sam-id';

const le = (n: number): number[] => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

describe('formatSamId (protocols.md §1.4)', () => {
  it('writes the example shape 05.01-20101011-0012345678-1234567890', () => {
    const data = Uint8Array.from([0x05, 0x00, 0x01, 0x00, ...le(20101011), ...le(12345678), ...le(1234567890)]);
    expect(formatSamId(data)).toBe('05.01-20101011-0012345678-1234567890');
  });

  it('reads the top byte of a uint32 without a sign (values above 2^31)', () => {
    const data = Uint8Array.from([0xff, 0, 0xfe, 0, ...le(0xffffffff), ...le(0), ...le(0x80000000)]);
    expect(formatSamId(data)).toBe('ff.fe-4294967295-0000000000-2147483648');
  });

  it('is null for anything but 16 bytes', () => {
    expect(formatSamId(new Uint8Array(15))).toBeNull();
    expect(formatSamId(new Uint8Array(17))).toBeNull();
  });
});
