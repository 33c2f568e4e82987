import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { REPLACEMENT_CHARACTER, charsetCharLength, decodeForCharset, encodeForCharset, type PrinterCharset } from './charsets';

describe('printer character sets (protocols.md §2.1, §2.6)', () => {
  it('GB18030 holds everything, the four-byte plane included', () => {
    expect(encodeForCharset('政务 𠀀 €', 'gb18030')).toMatchObject({ replaced: [] });
    expect(decodeForCharset(encodeForCharset('政务 𠀀', 'gb18030').bytes, 'gb18030')).toBe('政务 𠀀');
  });

  it('GBK and BIG5 print what they cannot hold as a visible □ and say which, never other characters', () => {
    expect(encodeForCharset('张𠀀三', 'gbk')).toMatchObject({ replaced: ['𠀀'] });
    expect(decodeForCharset(encodeForCharset('张𠀀三', 'gbk').bytes, 'gbk')).toBe(`张${REPLACEMENT_CHARACTER}三`);
    const big5 = encodeForCharset('我们們', 'big5');
    expect(big5.replaced).toEqual(['们']); // simplified 们 is not in BIG5; traditional 們 is
    expect(decodeForCharset(big5.bytes, 'big5')).toBe(`我${REPLACEMENT_CHARACTER}們`);
    // HKSCS-only codes are not plain BIG5: a BIG5 font would print some other glyph for them.
    expect(encodeForCharset('嘅着', 'big5').replaced).toEqual(['嘅', '着']);
    expect(encodeForCharset('a?b', 'gbk')).toEqual({ bytes: Uint8Array.of(0x61, 0x3f, 0x62), replaced: [] }); // a real "?" stays
  });

  it.each<[PrinterCharset, string]>([
    ['gb18030', '政务𠀀A'],
    ['gbk', '政务A'],
    ['big5', '政務A'],
  ])('%s character lengths are the same whatever the bytes seen so far (a stream split at any byte)', (charset, text) => {
    const bytes = encodeForCharset(text, charset).bytes;
    const walk = (end: number): number[] => {
      const lengths: number[] = [];
      for (let at = 0; at < end; ) {
        const n = charsetCharLength(bytes, at, end, charset);
        if (n === undefined) break;
        lengths.push(n);
        at += n;
      }
      return lengths;
    };
    const whole = walk(bytes.length);
    expect(whole.length).toBe([...text].length);
    for (let end = 1; end < bytes.length; end++) {
      const seen = walk(end);
      const complete = seen.filter((_, i) => seen.slice(0, i + 1).reduce((a, b) => a + b, 0) <= end);
      expect(whole.slice(0, complete.length), `${charset} split at ${end}`).toEqual(complete);
    }
  });

  it.each<PrinterCharset>(['gb18030', 'gbk', 'big5'])('%s by table gives iconv-lite’s bytes for every character it holds', (charset) => {
    let text = '';
    for (let cp = 0x20; cp < 0xd800; cp += cp < 0x3000 ? 13 : 7) text += String.fromCharCode(cp);
    const ours = encodeForCharset(text, charset);
    let expected = text;
    for (const ch of ours.replaced) expected = expected.replace(ch, REPLACEMENT_CHARACTER);
    const iconvName = charset === 'big5' ? 'cp950' : charset; // iconv-lite's "big5" is Big5-HKSCS
    expect(Buffer.from(ours.bytes).equals(iconv.encode(expected, iconvName)), charset).toBe(true);
    if (charset === 'gb18030') expect(ours.replaced).toEqual([]);
  });
});
