import { describe, expect, it } from 'vitest';
import { decodeScanText } from './scan-text';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('decodeScanText', () => {
  it('reads ASCII the same in every charset', () => {
    for (const c of ['utf-8', 'gb18030', 'auto'] as const) expect(decodeScanText(utf8('A0042'), c)).toEqual({ kind: 'text', text: 'A0042', charset: c === 'gb18030' ? 'gb18030' : 'utf-8' });
  });

  it('auto: UTF-8 Chinese is UTF-8; GB18030 that is also valid UTF-8 (预约 = D4A4 D4BC, "ԤԼ" in UTF-8) is GB18030', () => {
    expect(decodeScanText(utf8('电子证照'), 'auto')).toMatchObject({ text: '电子证照', charset: 'utf-8' });
    expect(decodeScanText(bytes(0xd4, 0xa4, 0xd4, 0xbc), 'auto')).toMatchObject({ text: '预约', charset: 'gb18030' });
    expect(decodeScanText(bytes(0xd4, 0xa4, 0xd4, 0xbc), 'utf-8')).toMatchObject({ text: 'ԤԼ', charset: 'utf-8' });
    expect(decodeScanText(utf8('¥12.00 € — №3'), 'auto')).toMatchObject({ text: '¥12.00 € — №3', charset: 'utf-8' });
    expect(decodeScanText(bytes(0x95, 0x32, 0x82, 0x36), 'auto')).toMatchObject({ text: '𠀀', charset: 'gb18030' });
  });

  it('takes off one CR, LF or CR LF suffix and a UTF-8 byte-order mark, keeps inner line breaks, GS and tabs', () => {
    expect(decodeScanText(utf8('a\r\n'), 'auto')).toMatchObject({ text: 'a' });
    expect(decodeScanText(utf8('a\n\n'), 'auto')).toMatchObject({ text: 'a\n' });
    expect(decodeScanText(utf8('\uFEFFa\r'), 'auto')).toMatchObject({ text: 'a' });
    expect(decodeScanText(utf8('01\x1d21\tx\r\ny'), 'auto')).toMatchObject({ text: '01\x1d21\tx\r\ny' });
  });

  it('refuses invalid bytes, stray control characters and an empty label, naming the rule and counts only', () => {
    expect(decodeScanText(bytes(0x41, 0xff, 0x42), 'auto')).toEqual({ kind: 'problem', reason: 'encoding', message: "3 bytes that are not valid UTF-8 or GB18030 text: the scanner's output charset does not match the model's (auto)" });
    expect(decodeScanText(bytes(0xba, 0xc5), 'utf-8')).toMatchObject({ reason: 'encoding', message: expect.stringContaining('not valid UTF-8 text') });
    expect(decodeScanText(utf8('A\x00B\x1bC\x7f'), 'auto')).toMatchObject({ reason: 'controlCharacters', message: '3 control character(s) in 6 characters: not a label' });
    expect(decodeScanText(utf8('\r\n'), 'auto')).toMatchObject({ reason: 'empty' });
  });
});
