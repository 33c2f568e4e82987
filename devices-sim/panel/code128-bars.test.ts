import { describe, expect, it } from 'vitest';
import { CODE128_PATTERNS, code128Bars } from './code128-bars';

const sum = (s: string): number => [...s].reduce((n, c) => n + Number(c), 0);
const bars = (s: string): number => [...s].filter((_, i) => i % 2 === 0).reduce((n, c) => n + Number(c), 0);

describe('CODE128 bars (ISO/IEC 15417, GS k 73 data of protocols.md §2.1)', () => {
  it('has 106 distinct symbols of 11 modules, bars even, and the 13-module stop', () => {
    expect(CODE128_PATTERNS).toHaveLength(107);
    const symbols = CODE128_PATTERNS.slice(0, 106);
    for (const p of symbols) {
      expect(p).toMatch(/^[1-4]{6}$/);
      expect(sum(p), p).toBe(11);
      expect(bars(p) % 2, p).toBe(0);
    }
    expect(new Set(symbols).size).toBe(106);
    expect(CODE128_PATTERNS[106]).toBe('2331112');
  });

  it('encodes Epson-style "{BA001" with start B and the mod-103 check character', () => {
    const symbol = code128Bars('{BA001')!;
    // 104 + 33·1 + 16·2 + 16·3 + 17·4 = 285 ≡ 79 (mod 103)
    expect(symbol.values).toEqual([104, 33, 16, 16, 17, 79]);
    expect(symbol.modules).toBe(6 * 11 + 13);
    expect(symbol.bars[0]).toEqual({ x: 0, width: 2 }); // start B 211214
    expect(symbol.bars.at(-1)).toEqual({ x: symbol.modules - 2, width: 2 }); // stop ends with a 2-module bar
  });

  it('reads code set C bytes as values, code-set switches, shift and "{{"', () => {
    expect(code128Bars('{C\x0c\x22')!.values).toEqual([105, 12, 34, (105 + 12 + 34 * 2) % 103]);
    expect(code128Bars('{BA{C\x0c')!.values.slice(0, 4)).toEqual([104, 33, 99, 12]);
    expect(code128Bars('{Ba{S\x01')!.values.slice(0, 4)).toEqual([104, 65, 98, 65]);
    expect(code128Bars('{B{{')!.values.slice(0, 2)).toEqual([104, 91]);
    expect(code128Bars('{B{1A')!.values.slice(0, 3)).toEqual([104, 102, 33]);
  });

  it('picks a code set itself for plain data (Cashino KP-628E, P5)', () => {
    expect(code128Bars('1234')!.values.slice(0, 3)).toEqual([105, 12, 34]);
    expect(code128Bars('A023456A')!.values[0]).toBe(104);
    expect(code128Bars('\x01A')!.values.slice(0, 3)).toEqual([103, 65, 33]);
  });

  it('refuses data no CODE128 symbol can hold', () => {
    expect(code128Bars('')).toBeUndefined();
    expect(code128Bars('{Aa')).toBeUndefined(); // lower case is not in code set A
    expect(code128Bars('{C\x64')).toBeUndefined(); // 100 is no code set C value
    expect(code128Bars('\xff')).toBeUndefined();
  });
});
