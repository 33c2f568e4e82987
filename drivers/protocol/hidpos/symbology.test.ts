import { describe, expect, it } from 'vitest';
import { AIM_OF, SYMBOLOGIES, isSymbology, looksLikeAim, symbologyOfAim } from './symbology';

describe('AIM symbology identifiers (ISO/IEC 15424)', () => {
  it.each([
    [']Q0', 'qr'],
    [']Q5', 'qr'],
    [']C0', 'code128'],
    [']C1', 'gs1-128'],
    [']E0', 'ean13'],
    [']E4', 'ean8'],
    [']d2', 'dataMatrix'],
    [']L0', 'pdf417'],
    [']z0', 'aztec'],
    [']h0', 'hanXin'],
    [']A7', 'code39'],
    [']I1', 'itf'],
    [']X0', 'unknown'],
    ['Q1', 'unknown'],
    ['[Q1', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s is %s', (aim, symbology) => {
    expect(symbologyOfAim(aim)).toBe(symbology);
  });

  it('every symbology has an AIM identifier that reads back as itself', () => {
    for (const s of SYMBOLOGIES) expect(symbologyOfAim(AIM_OF[s]), s).toBe(s);
    expect(isSymbology('qr')).toBe(true);
    expect(isSymbology('QR')).toBe(false);
  });

  it('looksLikeAim wants ] a letter and a letter or digit', () => {
    const b = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
    expect(looksLikeAim(b(']Q1abc'), 0)).toBe(true);
    expect(looksLikeAim(b(']11abc'), 0)).toBe(false);
    expect(looksLikeAim(b(']Q'), 0)).toBe(false);
    expect(looksLikeAim(b('x]zC'), 1)).toBe(true);
  });
});
