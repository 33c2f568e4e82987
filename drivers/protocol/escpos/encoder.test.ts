import { describe, it, expect } from 'vitest';
import { EscPosEncodeError, EscPosEncoder, realtimeRecovery, realtimeStatusRequest } from './encoder';
import { findRealtimeSequence } from './realtime-sequences';
import { COMMANDS, GB_AI_SHANG_ZI_JI, concatBytes, hex } from './fixtures';
import { decodeGb18030 } from './gb18030';

const bytesOf = (build: (e: EscPosEncoder) => EscPosEncoder): Uint8Array => build(new EscPosEncoder()).build().bytes;

describe('EscPosEncoder golden bytes (protocols.md §2)', () => {
  it.each([
    ['initialize', (e: EscPosEncoder) => e.initialize(), COMMANDS.init],
    ['chinese mode on', (e: EscPosEncoder) => e.chineseMode(true), COMMANDS.chineseOn],
    ['chinese mode off', (e: EscPosEncoder) => e.chineseMode(false), COMMANDS.chineseOff],
    ['align center', (e: EscPosEncoder) => e.align('center'), COMMANDS.alignCenter],
    ['bold on', (e: EscPosEncoder) => e.bold(true), COMMANDS.boldOn],
    ['double size', (e: EscPosEncoder) => e.size(2, 2), COMMANDS.sizeDoubleBoth],
    ['feed 3 lines', (e: EscPosEncoder) => e.feedLines(3), COMMANDS.feed3Lines],
    ['full cut', (e: EscPosEncoder) => e.cut('full'), COMMANDS.cutFull],
    ['partial cut', (e: EscPosEncoder) => e.cut('partial'), COMMANDS.cutPartial],
    ['CODE128', (e: EscPosEncoder) => e.code128('A001'), COMMANDS.code128A001],
    ['raster', (e: EscPosEncoder) => e.raster({ widthDots: 8, heightDots: 2, bits: hex('FF 81') }), COMMANDS.raster8x2],
    ['ASB all', (e: EscPosEncoder) => e.enableAsb(0xff), COMMANDS.asbEnableAll],
    ['process ID', (e: EscPosEncoder) => e.processIdRequest('T001'), COMMANDS.processIdT001],
    ['GS r 1', (e: EscPosEncoder) => e.transmitPaperStatus(), COMMANDS.transmitPaperStatus],
  ])('%s', (_name, build, golden) => {
    expect(bytesOf(build)).toEqual(golden);
  });

  it('QR: model, module size, error correction, store, print (§2.2)', () => {
    const golden = concatBytes(COMMANDS.qrModel2, COMMANDS.qrModuleSize6, COMMANDS.qrEcM, COMMANDS.qrStoreA001, COMMANDS.qrPrint);
    expect(bytesOf((e) => e.qr('A001', { model: 2, moduleSize: 6, ecLevel: 'M' }))).toEqual(golden);
    expect(bytesOf((e) => e.qr('A001'))).toEqual(golden);
  });

  it('QR options and UTF-8 payload length in pL/pH', () => {
    const bytes = bytesOf((e) => e.qr('证', { model: 1, moduleSize: 16, ecLevel: 'H' }));
    expect(bytes.subarray(0, 9)).toEqual(hex('1D 28 6B 04 00 31 41 31 00'));
    expect(bytes.subarray(9, 17)).toEqual(hex('1D 28 6B 03 00 31 43 10'));
    expect(bytes.subarray(17, 25)).toEqual(hex('1D 28 6B 03 00 31 45 33'));
    expect(bytes.subarray(25, 36)).toEqual(hex('1D 28 6B 06 00 31 50 30 E8 AF 81'));
    const long = bytesOf((e) => e.qr('x'.repeat(300)));
    expect(Array.from(long.subarray(25, 30))).toEqual([0x1d, 0x28, 0x6b, (303 & 0xff), 303 >> 8]);
  });

  it('Chinese text is GB18030 (P5 example)', () => {
    expect(bytesOf((e) => e.text('爱上自己'))).toEqual(GB_AI_SHANG_ZI_JI);
    expect(bytesOf((e) => e.line('爱上自己'))).toEqual(concatBytes(GB_AI_SHANG_ZI_JI, hex('0A')));
  });

  it('realtime helpers (§2.4, §2.1)', () => {
    expect(realtimeStatusRequest(1)).toEqual(COMMANDS.dleEot1);
    expect(realtimeStatusRequest(4)).toEqual(COMMANDS.dleEot4);
    expect(realtimeRecovery(2)).toEqual(COMMANDS.dleEnqClear);
    expect(realtimeRecovery(1)).toEqual(hex('10 05 01'));
  });

  it('size nibbles, alignment and raster modes', () => {
    expect(bytesOf((e) => e.size(8, 1).size(1, 8).size(3, 2))).toEqual(hex('1D 21 70 1D 21 07 1D 21 21'));
    expect(bytesOf((e) => e.align('left').align('right').bold(false))).toEqual(hex('1B 61 00 1B 61 02 1B 45 00'));
    const wide = bytesOf((e) => e.raster({ widthDots: 576, heightDots: 300, bits: new Uint8Array(72 * 300) }, 3));
    expect(wide.subarray(0, 8)).toEqual(hex('1D 76 30 03 48 00 2C 01'));
    expect(wide.length).toBe(8 + 72 * 300);
  });

  it('CODE128 escapes "{" and honours options', () => {
    expect(bytesOf((e) => e.code128('a{b', { heightDots: 100, moduleWidth: 3, hri: 'none' }))).toEqual(
      hex('1D 68 64 1D 77 03 1D 48 00 1D 6B 49 06 7B 42 61 7B 7B 62'),
    );
    expect(bytesOf((e) => e.code128('A023456A', { codeSetPrefix: false, hri: 'both' }))).toEqual(
      hex('1D 68 50 1D 77 02 1D 48 03 1D 6B 49 08 41 30 32 33 34 35 36 41'),
    );
  });

  it('records personal byte ranges in build order', () => {
    const built = new EscPosEncoder().initialize().chineseMode(true).text('姓名：').text('张三', { personal: true }).newline()
      .text('A').line('5201', { personal: true }).build();
    expect(built.personalRanges).toHaveLength(2);
    const [name, id] = built.personalRanges;
    expect(decodeGb18030(built.bytes.subarray(name!.start, name!.end))).toBe('张三');
    expect(name).toEqual({ start: 10, end: 14 });
    expect(decodeGb18030(built.bytes.subarray(id!.start, id!.end))).toBe('5201');
    expect(built.bytes[id!.end]).toBe(0x0a);
    expect(new EscPosEncoder().text('张三').text('', { personal: true }).build().personalRanges).toEqual([]);
  });

  it('build() can be called again and returns copies', () => {
    const source = hex('FF 81');
    const enc = new EscPosEncoder().raster({ widthDots: 8, heightDots: 2, bits: source });
    source[0] = 0;
    const first = enc.build();
    first.bytes[0] = 0;
    first.personalRanges.push({ start: 0, end: 1 });
    first.replaced.codePoints.push('U+0000');
    expect(enc.build()).toEqual({ bytes: COMMANDS.raster8x2, personalRanges: [], replaced: { codePoints: [], inPersonalText: 0 } });
    expect(bytesOf((e) => e.raw([0x1b, 0x40]).raw(hex('0A')))).toEqual(hex('1B 40 0A'));
  });
});

describe('EscPosEncoder rejects bad arguments', () => {
  const bad: Array<[string, (e: EscPosEncoder) => unknown, RegExp]> = [
    ['size 0', (e) => e.size(0, 1), /size width/u],
    ['size 9', (e) => e.size(1, 9), /size height/u],
    ['size 1.5', (e) => e.size(1.5, 1), /integer/u],
    ['align', (e) => e.align('middle' as never), /align must be one of/u],
    ['text ESC', (e) => e.text('A\u001bi'), /control characters/u],
    ['text newline', (e) => e.line('A\nB'), /control characters/u],
    ['text lone surrogate', (e) => e.text('\ud800x'), /surrogate/u],
    ['qr empty', (e) => e.qr(''), /empty/u],
    ['qr model', (e) => e.qr('x', { model: 3 as never }), /model/u],
    ['qr module 0', (e) => e.qr('x', { moduleSize: 0 }), /moduleSize/u],
    ['qr module 17', (e) => e.qr('x', { moduleSize: 17 }), /moduleSize/u],
    ['qr ec', (e) => e.qr('x', { ecLevel: 'X' as never }), /ecLevel/u],
    ['qr too long at level M', (e) => e.qr('9'.repeat(2332)), /2332 bytes; a QR code at level M holds at most 2331 in byte mode/u],
    ['qr too long at level H', (e) => e.qr('9'.repeat(1274), { ecLevel: 'H' }), /level H holds at most 1273/u],
    ['qr too long in UTF-8', (e) => e.qr('证'.repeat(778)), /2334 bytes/u],
    ['qr too long for the store command (model 1)', (e) => e.qr('9'.repeat(7090), { model: 1 }), /7089/u],
    ['code128 empty', (e) => e.code128(''), /empty/u],
    ['code128 Chinese', (e) => e.code128('证1'), /printable ASCII/u],
    ['code128 control', (e) => e.code128('A\u0000'), /printable ASCII/u],
    ['code128 too long', (e) => e.code128('1'.repeat(254)), /255/u],
    ['code128 escaped too long', (e) => e.code128('{'.repeat(127)), /255/u],
    ['code128 width', (e) => e.code128('1', { moduleWidth: 1 }), /moduleWidth/u],
    ['code128 height', (e) => e.code128('1', { heightDots: 0 }), /heightDots/u],
    ['code128 hri', (e) => e.code128('1', { hri: 'left' as never }), /hri/u],
    ['raster width', (e) => e.raster({ widthDots: 12, heightDots: 1, bits: new Uint8Array(2) }), /multiple of 8/u],
    ['raster zero', (e) => e.raster({ widthDots: 0, heightDots: 1, bits: new Uint8Array(0) }), /widthDots/u],
    ['raster bits', (e) => e.raster({ widthDots: 16, heightDots: 2, bits: new Uint8Array(3) }), /must be 4 bytes/u],
    ['raster mode', (e) => e.raster({ widthDots: 8, heightDots: 1, bits: new Uint8Array(1) }, 4 as never), /mode/u],
    ['feed 256', (e) => e.feedLines(256), /feedLines/u],
    ['cut', (e) => e.cut('half' as never), /cut/u],
    ['asb', (e) => e.enableAsb(-1), /ASB mask/u],
    ['process id short', (e) => e.processIdRequest('ABC'), /exactly 4/u],
    ['process id long', (e) => e.processIdRequest('ABCDE'), /exactly 4/u],
    ['process id control', (e) => e.processIdRequest('AB\u0001D'), /printable/u],
    ['process id non-ASCII', (e) => e.processIdRequest('ÄBCD'), /printable/u],
    ['raw byte', (e) => e.raw([0x100]), /raw byte/u],
  ];

  it.each(bad)('%s', (_name, call, message) => {
    const enc = new EscPosEncoder();
    expect(() => call(enc)).toThrow(EscPosEncodeError);
    expect(() => call(new EscPosEncoder())).toThrow(message);
  });

  it('a rejected call leaves the job unchanged', () => {
    const enc = new EscPosEncoder().initialize();
    expect(() => enc.qr('x', { moduleSize: 99 })).toThrow(EscPosEncodeError);
    expect(enc.build().bytes).toEqual(COMMANDS.init);
  });

  it('realtime helpers reject other n', () => {
    expect(() => realtimeStatusRequest(5 as never)).toThrow(EscPosEncodeError);
    expect(() => realtimeRecovery(3 as never)).toThrow(EscPosEncodeError);
  });
});

describe('EscPosEncoder keeps real-time sequences out of data (protocols.md §2.7)', () => {
  it('an image holding 10 04 01, 10 05 02 and 10 14 08 prints with one white dot each, and the caller’s bits are untouched', () => {
    const bits = hex('10 04 01 10 05 02 10 14 08 FF');
    const enc = new EscPosEncoder().raster({ widthDots: 16, heightDots: 5, bits });
    const bytes = enc.build().bytes;
    expect(bytes.subarray(8)).toEqual(hex('00 04 01 00 05 02 00 14 08 FF'));
    expect(findRealtimeSequence(bytes)).toBe(-1);
    expect(enc.flippedDots).toBe(3);
    expect(bits).toEqual(hex('10 04 01 10 05 02 10 14 08 FF'));
  });

  it('a model that ignores them inside data gets the image as it is', () => {
    const bits = hex('10 04');
    expect(new EscPosEncoder({ realtimeInData: 'ignored' }).raster({ widthDots: 8, heightDots: 2, bits }).build().bytes.subarray(8)).toEqual(hex('10 04'));
  });

  it('a tall image goes in bands of 1024 rows, so yL yH never read 10 04 (1040 rows)', () => {
    const bytes = new EscPosEncoder().raster({ widthDots: 8, heightDots: 1040, bits: new Uint8Array(1040) }).build().bytes;
    expect(bytes.subarray(0, 8)).toEqual(hex('1D 76 30 00 01 00 00 04'));
    expect(bytes.subarray(8 + 1024, 8 + 1024 + 8)).toEqual(hex('1D 76 30 00 01 00 10 00'));
    expect(bytes.length).toBe(16 + 1040);
    expect(findRealtimeSequence(bytes)).toBe(-1);
  });

  it('refuses a QR payload that holds one, or whose length bytes would form one, naming the bytes', () => {
    expect(() => new EscPosEncoder().qr('A\u0010\u0004B')).toThrow(/qr data would hold the real-time sequence 10 04/u);
    // 1037 bytes: pL pH = 10 04 (1040 = 1037 + 3).
    expect(() => new EscPosEncoder().qr('x'.repeat(1037))).toThrow(/10 04 \(byte 3 of the command\)/u);
    expect(() => new EscPosEncoder().qr('x'.repeat(1036))).not.toThrow();
    expect(() => new EscPosEncoder({ realtimeInData: 'ignored' }).qr('A\u0010\u0004B')).not.toThrow();
  });
});

describe('EscPosEncoder character sets (models.ts charset)', () => {
  it('names replaced characters from plain text, and only counts those in personal text', () => {
    const built = new EscPosEncoder({ charset: 'gbk' }).line('窗口𠀀').line('王𠀀明', { personal: true }).build();
    expect(built.replaced).toEqual({ codePoints: ['U+20000'], inPersonalText: 1 });
    expect(built.bytes).toContainEqual(0xa1); // □ is A1 F5 in GBK
  });
});
