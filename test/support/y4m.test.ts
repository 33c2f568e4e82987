import { describe, expect, it } from 'vitest';
import { encodeY4m, y4mHeader } from './y4m';

const solid = (w: number, h: number, rgb: [number, number, number], channels: 3 | 4 = 3): Uint8Array => {
  const d = new Uint8Array(w * h * channels);
  for (let i = 0; i < w * h; i++) d.set(channels === 4 ? [...rgb, 255] : rgb, i * channels);
  return d;
};

describe('y4m', () => {
  it('writes the YUV4MPEG2 header, then FRAME and Y, Cb, Cr planes of w×h and ⌈w/2⌉×⌈h/2⌉ per frame', () => {
    const w = 5;
    const h = 3;
    const bytes = encodeY4m([{ width: w, height: h, data: solid(w, h, [255, 255, 255]) }, { width: w, height: h, data: solid(w, h, [0, 0, 0], 4), channels: 4 }], 15);
    const header = 'YUV4MPEG2 W5 H3 F15000:1000 Ip A1:1 C420jpeg\n';
    expect(y4mHeader(w, h, 15)).toBe(header);
    const text = new TextDecoder('latin1').decode(bytes);
    expect(text.startsWith(header)).toBe(true);
    const frameLen = 'FRAME\n'.length + w * h + 2 * 3 * 2;
    expect(bytes.length).toBe(header.length + 2 * frameLen);
    expect(text.slice(header.length, header.length + 6)).toBe('FRAME\n');
    expect(text.slice(header.length + frameLen, header.length + frameLen + 6)).toBe('FRAME\n');
    const first = bytes.subarray(header.length + 6, header.length + frameLen);
    expect([...first.subarray(0, w * h)].every((v) => v === 255)).toBe(true); // white: Y 255
    expect([...first.subarray(w * h)].every((v) => v === 128)).toBe(true); // neutral chroma
    const second = bytes.subarray(header.length + frameLen + 6);
    expect([...second.subarray(0, w * h)].every((v) => v === 0)).toBe(true);
  });

  it('converts colour with full-range BT.601: pure red has Cr 255 and Y 76', () => {
    const bytes = encodeY4m([{ width: 2, height: 2, data: solid(2, 2, [255, 0, 0]) }], 30);
    const payload = bytes.subarray(bytes.length - 6);
    expect([...payload]).toEqual([76, 76, 76, 76, 85, 255]);
  });

  it('refuses frames of different sizes or wrong lengths', () => {
    expect(() => encodeY4m([{ width: 2, height: 2, data: solid(2, 2, [1, 2, 3]) }, { width: 4, height: 2, data: solid(4, 2, [1, 2, 3]) }], 30)).toThrow(/one size/);
    expect(() => encodeY4m([{ width: 2, height: 2, data: new Uint8Array(5) }], 30)).toThrow(RangeError);
    expect(() => encodeY4m([], 30)).toThrow(RangeError);
  });
});
