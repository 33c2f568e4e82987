import { describe, it, expect } from 'vitest';
import { EscPosCommandParser, TEXT_RUN_MAX_BYTES, type EscPosCommand, type EscPosParserOptions } from './command-parser';
import { EscPosEncoder } from './encoder';
import { COMMANDS, P5_STREAMS, chunkings, concatBytes, hex } from './fixtures';
import { encodeGb18030 } from './gb18030';

function parseAll(chunks: Uint8Array[], options?: EscPosParserOptions): EscPosCommand[] {
  const parser = new EscPosCommandParser(options);
  const out = chunks.flatMap((c) => parser.push(c));
  return [...out, ...parser.flush()];
}

/** Without raw, for readable expectations; raw is checked separately by concatenation. */
const shapes = (commands: EscPosCommand[]): unknown[] => commands.map(({ raw: _raw, ...rest }) => rest);

function expectSplitInvariant(stream: Uint8Array, options?: EscPosParserOptions): EscPosCommand[] {
  const whole = parseAll([stream], options);
  for (const chunks of chunkings(stream)) expect(parseAll(chunks, options)).toEqual(whole);
  return whole;
}

describe('EscPosCommandParser on the P5 manual streams (protocols.md §2.1, §2.2)', () => {
  it.each(Object.entries(P5_STREAMS))('%s: same commands at every split, raw bytes cover the stream', (_name, stream) => {
    const commands = expectSplitInvariant(stream);
    expect(concatBytes(...commands.map((c) => c.raw))).toEqual(stream);
  });

  it('FS & text is GB18030, FS . text is one byte per character', () => {
    expect(shapes(parseAll([P5_STREAMS.chineseMode]))).toEqual([
      { type: 'initialize' },
      { type: 'chineseMode', on: true },
      { type: 'text', text: '爱上自己', chineseMode: true },
      { type: 'carriageReturn' },
      { type: 'lineFeed' },
      { type: 'chineseMode', on: false },
      { type: 'text', text: '\u00b0\u00ae\u00c9\u00cf\u00d7\u00d4\u00bc\u00ba', chineseMode: false },
      { type: 'carriageReturn' },
      { type: 'lineFeed' },
    ]);
  });

  it('QR functions, with fn 52 as unknown', () => {
    const commands = parseAll([P5_STREAMS.qr]);
    expect(shapes(commands)).toEqual([
      { type: 'initialize' },
      { type: 'qrModuleSize', size: 3 },
      { type: 'qrErrorCorrection', level: 'L' },
      { type: 'qrStore', data: hex('41 42 43') },
      { type: 'align', align: 'center' },
      { type: 'unknown', reason: 'unmodelled' },
      { type: 'qrPrint' },
    ]);
    expect(commands[5]!.raw).toEqual(hex('1D 28 6B 03 00 31 52 30'));
  });

  it('form B barcodes, CODE128 without a code-set prefix', () => {
    expect(shapes(parseAll([P5_STREAMS.barcodes]))).toEqual([
      { type: 'initialize' },
      { type: 'barcodeHriPosition', position: 'below' },
      { type: 'barcode', system: 65, data: '123456789012', text: '123456789012' },
      { type: 'barcode', system: 73, data: 'A023456A', text: 'A023456A' },
    ]);
  });

  it('cuts', () => {
    expect(shapes(parseAll([P5_STREAMS.cuts])).filter((c) => (c as { type: string }).type === 'cut')).toEqual([
      { type: 'cut', partial: false },
      { type: 'cut', partial: true },
      { type: 'cut', partial: true, feedDots: 0 },
    ]);
  });
});

describe('round trip: what the encoder builds, the parser reads back', () => {
  const image = { widthDots: 16, heightDots: 3, bits: hex('FF 00 81 81 00 FF') };
  const qrData = 'https://zwfw.example.gov.cn/q?t=A001&n=张';
  const ticket = new EscPosEncoder()
    .initialize().chineseMode(true).align('center').size(2, 2).bold(true).line('政务服务中心')
    .size(1, 1).bold(false).align('left').text('姓名：').line('张三', { personal: true }).line('取号 A001 😀')
    .qr(qrData, { moduleSize: 5, ecLevel: 'Q' }).code128('A{001', { hri: 'above' }).raster(image, 1)
    .feedLines(3).cut('partial').processIdRequest('T001').transmitPaperStatus()
    .build().bytes;

  it('reads every command at every split', () => {
    const commands = expectSplitInvariant(ticket);
    expect(concatBytes(...commands.map((c) => c.raw))).toEqual(ticket);
    expect(shapes(commands)).toEqual([
      { type: 'initialize' },
      { type: 'chineseMode', on: true },
      { type: 'align', align: 'center' },
      { type: 'size', width: 2, height: 2 },
      { type: 'bold', on: true },
      { type: 'text', text: '政务服务中心', chineseMode: true },
      { type: 'lineFeed' },
      { type: 'size', width: 1, height: 1 },
      { type: 'bold', on: false },
      { type: 'align', align: 'left' },
      { type: 'text', text: '姓名：张三', chineseMode: true },
      { type: 'lineFeed' },
      { type: 'text', text: '取号 A001 😀', chineseMode: true },
      { type: 'lineFeed' },
      { type: 'qrModel', model: 2 },
      { type: 'qrModuleSize', size: 5 },
      { type: 'qrErrorCorrection', level: 'Q' },
      { type: 'qrStore', data: new TextEncoder().encode(qrData) },
      { type: 'qrPrint' },
      { type: 'barcodeHeight', dots: 80 },
      { type: 'barcodeWidth', module: 2 },
      { type: 'barcodeHriPosition', position: 'above' },
      { type: 'barcode', system: 73, data: '{BA{{001', text: 'A{001' },
      { type: 'raster', mode: 1, widthBytes: 2, heightDots: 3, data: image.bits },
      { type: 'feedLines', lines: 3 },
      { type: 'cut', partial: true },
      { type: 'processId', id: 'T001' },
      { type: 'transmitStatus', n: 1 },
    ]);
  });

  it('reads the golden raster and CODE128 fixtures', () => {
    expect(shapes(parseAll([COMMANDS.raster8x2, COMMANDS.code128A001]))).toEqual([
      { type: 'raster', mode: 0, widthBytes: 1, heightDots: 2, data: hex('FF 81') },
      { type: 'barcodeHeight', dots: 80 },
      { type: 'barcodeWidth', module: 2 },
      { type: 'barcodeHriPosition', position: 'below' },
      { type: 'barcode', system: 73, data: '{BA001', text: 'A001' },
    ]);
  });
});

describe('EscPosCommandParser command coverage', () => {
  it('status, recovery, ASB, sensors, panel, process ID (§2.1, §2.4, §2.5, §2.7)', () => {
    const stream = concatBytes(
      COMMANDS.dleEot1, hex('10 04 14'), COMMANDS.dleEnqClear, COMMANDS.asbEnableAll, COMMANDS.transmitPaperStatus,
      hex('1D 49 01 1B 63 33 0C 1B 63 34 0C 1B 63 35 01'), COMMANDS.processIdT001,
    );
    expect(shapes(expectSplitInvariant(stream))).toEqual([
      { type: 'realtimeStatus', n: 1 },
      { type: 'realtimeStatus', n: 20 },
      { type: 'realtimeRecovery', n: 2 },
      { type: 'asbEnable', mask: 255 },
      { type: 'transmitStatus', n: 1 },
      { type: 'printerId', n: 1 },
      { type: 'paperSensorsSignal', mask: 12 },
      { type: 'paperSensorsStop', mask: 12 },
      { type: 'panelButtons', disabled: true },
      { type: 'processId', id: 'T001' },
    ]);
  });

  it('character and barcode settings, in both n forms', () => {
    const stream = hex('1B 2D 32 1B 21 B9 1D 42 01 1B 32 1B 33 18 1B 4A 10 1B 74 00 1B 52 0F 1D 68 50 1D 77 03 1D 48 33 1D 66 01 1B 61 32 09');
    expect(shapes(expectSplitInvariant(stream))).toEqual([
      { type: 'underline', dots: 2 },
      { type: 'printMode', n: 0xb9, fontB: true, bold: true, doubleHeight: true, doubleWidth: true, underline: true },
      { type: 'reverse', on: true },
      { type: 'lineSpacing' },
      { type: 'lineSpacing', dots: 24 },
      { type: 'feedDots', dots: 16 },
      { type: 'codePage', n: 0 },
      { type: 'intlCharset', n: 15 },
      { type: 'barcodeHeight', dots: 80 },
      { type: 'barcodeWidth', module: 3 },
      { type: 'barcodeHriPosition', position: 'both' },
      { type: 'barcodeHriFont', n: 1 },
      { type: 'align', align: 'right' },
      { type: 'horizontalTab' },
    ]);
  });

  it('every cut form, with the model meaning of ESC i / ESC m', () => {
    const stream = hex('1D 56 00 1D 56 01 1D 56 30 1D 56 31 1D 56 41 05 1D 56 42 00 1B 69 1B 6D');
    const cuts = (options?: EscPosParserOptions): unknown[] => shapes(expectSplitInvariant(stream, options));
    const gsV = [
      { type: 'cut', partial: false }, { type: 'cut', partial: true }, { type: 'cut', partial: false }, { type: 'cut', partial: true },
      { type: 'cut', partial: false, feedDots: 5 }, { type: 'cut', partial: true, feedDots: 0 },
    ];
    expect(cuts()).toEqual([...gsV, { type: 'cut', partial: true }, { type: 'cut', partial: false }]);
    expect(cuts({ legacyCut: { escI: 'full', escM: 'partial' } })).toEqual([...gsV, { type: 'cut', partial: false }, { type: 'cut', partial: true }]);
  });

  it('form A barcodes end at NUL; a missing NUL within 255 bytes is malformed', () => {
    expect(shapes(expectSplitInvariant(hex('1D 6B 04 41 42 43 00 0A')))).toEqual([
      { type: 'barcode', system: 4, data: 'ABC', text: 'ABC' },
      { type: 'lineFeed' },
    ]);
    const runaway = concatBytes(hex('1D 6B 04'), new Uint8Array(256).fill(0x41), hex('0A'));
    expect(shapes(parseAll([runaway]))).toEqual([
      { type: 'unknown', reason: 'malformed' },
      { type: 'text', text: 'A'.repeat(256), chineseMode: true },
      { type: 'lineFeed' },
    ]);
  });
});

describe('EscPosCommandParser: what published encoders send (issue 13 §1)', () => {
  it('fonts, spacing, positions, print area and the Chinese font settings, at every split; no parameter byte prints', () => {
    // ESC M 1, ESC SP 2, ESC { 1, FS ( A 02 00 30 01, FS S 01 02, FS - 1, GS L 20 00, GS W 00 02, ESC $ 41 00, ESC \ F6 FF, "x"
    const stream = hex('1B 4D 01 1B 20 02 1B 7B 01 1C 28 41 02 00 30 01 1C 53 01 02 1C 2D 01 1D 4C 20 00 1D 57 00 02 1B 24 41 00 1B 5C F6 FF 78');
    const commands = expectSplitInvariant(stream);
    expect(shapes(commands)).toEqual([
      { type: 'font', font: 'B' },
      { type: 'rightSpacing', dots: 2 },
      { type: 'upsideDown', on: true },
      { type: 'chineseFont', n: 1 },
      { type: 'chineseSpacing', left: 1, right: 2 },
      { type: 'chineseUnderline', dots: 1 },
      { type: 'leftMargin', dots: 32 },
      { type: 'printAreaWidth', dots: 512 },
      { type: 'absolutePosition', dots: 0x41 },
      { type: 'relativePosition', dots: -10 },
      { type: 'text', text: 'x', chineseMode: true },
    ]);
  });

  it('graphics: ESC * columns, GS ( L and GS 8 L store-and-print, at every split', () => {
    const star = hex('1B 2A 21 02 00 FF FF FF 00 00 00'); // 24-dot double density, 2 columns
    const store = hex('1D 28 4C 0C 00 30 70 30 01 01 31 08 00 02 00 AA 55'); // 8 × 2 dots
    const print = hex('1D 28 4C 02 00 30 32');
    const eight = hex('1D 38 4C 0C 00 00 00 30 70 30 01 01 31 08 00 02 00 AA 55');
    const commands = expectSplitInvariant(concatBytes(star, store, print, eight));
    expect(shapes(commands)).toEqual([
      { type: 'columnImage', widthDots: 2, heightDots: 24 },
      { type: 'graphicsStore', widthDots: 8, heightDots: 2 },
      { type: 'graphicsPrint' },
      { type: 'graphicsStore', widthDots: 8, heightDots: 2 },
    ]);
  });
});

describe('EscPosCommandParser: presenter commands (protocols.md §2.6)', () => {
  it('FS P and every GS e form, at every split; none of their bytes prints', () => {
    // FS P 6 steps, blink, retract after 60 s; FS P hold; GS e 02 retract, 03 FF present, 05 eject, 20 06 1E
    const stream = hex('1C 50 06 01 52 3C 1C 50 02 00 00 0A 1D 65 02 1D 65 03 FF 1D 65 05 1D 65 20 06 1E 78');
    expect(shapes(expectSplitInvariant(stream))).toEqual([
      { type: 'present', steps: 6, blink: true, onTimeout: 'retract', timeoutS: 60 },
      { type: 'present', steps: 2, blink: false, onTimeout: 'hold', timeoutS: 10 },
      { type: 'ejector', n: 2 },
      { type: 'ejector', n: 3, steps: 0xff },
      { type: 'ejector', n: 5 },
      { type: 'ejector', n: 0x20, steps: 6, timeoutS: 30 },
      { type: 'text', text: 'x', chineseMode: true },
    ]);
  });

  it('reads back what the encoder sends to present a ticket', () => {
    const bytes = new EscPosEncoder().present({ steps: 6, blink: true, onTimeout: 'eject', timeoutS: 45 }).build().bytes;
    expect(Buffer.from(bytes).toString('hex')).toBe('1c500601452d');
    expect(shapes(expectSplitInvariant(bytes))).toEqual([{ type: 'present', steps: 6, blink: true, onTimeout: 'eject', timeoutS: 45 }]);
  });
});

describe('EscPosCommandParser robustness', () => {
  it('reports unrecognised and unmodelled sequences and keeps going', () => {
    const stream = hex('1B 70 00 19 FA 41 1B FF 42 07 1D 28 6B 04 00 30 41 00 00 1D 28 6B 02 00 31 41 1B 61 05 1D 76 31 1D 21 88 1C 70 01 00 43');
    const commands = expectSplitInvariant(stream);
    expect(commands.map((c) => [c.type, c.type === 'unknown' ? c.reason : c.type === 'text' ? c.text : '', Array.from(c.raw)])).toEqual([
      ['unknown', 'unmodelled', [0x1b, 0x70, 0x00, 0x19, 0xfa]],
      ['text', 'A', [0x41]],
      ['unknown', 'unrecognised', [0x1b, 0xff]],
      ['text', 'B', [0x42]],
      ['unknown', 'unrecognised', [0x07]],
      ['unknown', 'unmodelled', [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x30, 0x41, 0x00, 0x00]],
      ['unknown', 'malformed', [0x1d, 0x28, 0x6b, 0x02, 0x00, 0x31, 0x41]],
      ['unknown', 'malformed', [0x1b, 0x61, 0x05]],
      ['unknown', 'unrecognised', [0x1d, 0x76]],
      ['text', '1', [0x31]],
      ['unknown', 'malformed', [0x1d, 0x21, 0x88]],
      ['unknown', 'unmodelled', [0x1c, 0x70, 0x01, 0x00]],
      ['text', 'C', [0x43]],
    ]);
  });

  it('skips a command declared longer than the cap, without buffering it', () => {
    const payload = new Uint8Array(128).fill(0x1b);
    const stream = concatBytes(hex('1D 76 30 00 10 00 08 00'), payload, COMMANDS.init);
    const commands = expectSplitInvariant(stream, { maxCommandBytes: 64 });
    expect(commands).toEqual([
      { type: 'unknown', reason: 'tooLong', skippedBytes: 128, raw: hex('1D 76 30 00 10 00 08 00') },
      { type: 'initialize', raw: COMMANDS.init },
    ]);
    const parser = new EscPosCommandParser();
    expect(parser.push(hex('1D 76 30 00 FF FF FF FF'))).toMatchObject([{ type: 'unknown', reason: 'tooLong', skippedBytes: 0xffff * 0xffff }]);
    for (let i = 0; i < 16; i++) expect(parser.push(new Uint8Array(4096).fill(0x0a))).toEqual([]);
    expect(parser.pendingBytes).toBe(0);
  });

  it('buffers a raster under the cap until it is complete', () => {
    const parser = new EscPosCommandParser();
    const header = hex('1D 76 30 00 48 00 E8 03'); // 72 bytes × 1000 dots
    expect(parser.push(header)).toEqual([]);
    for (let i = 0; i < 999; i++) expect(parser.push(new Uint8Array(72).fill(i & 0xff))).toEqual([]);
    expect(parser.pendingBytes).toBe(8 + 999 * 72);
    const [raster] = parser.push(new Uint8Array(72).fill(0xee));
    expect(raster).toMatchObject({ type: 'raster', widthBytes: 72, heightDots: 1000 });
    expect(raster?.type === 'raster' && raster.data[999 * 72]).toBe(0xee);
    expect(parser.pendingBytes).toBe(0);
  });

  it('keeps GB18030 characters whole across any split, four-byte ones too', () => {
    const stream = concatBytes(COMMANDS.chineseOn, encodeGb18030('😀张三€'), hex('0A'));
    expect(shapes(expectSplitInvariant(stream))).toEqual([
      { type: 'chineseMode', on: true },
      { type: 'text', text: '😀张三€', chineseMode: true },
      { type: 'lineFeed' },
    ]);
  });

  it('a lead byte before a control byte stands alone; flush() ends an open run', () => {
    const parser = new EscPosCommandParser();
    expect(shapes(parser.push(hex('D5 0A D5 C5 D5')))).toEqual([
      { type: 'text', text: '\ufffd', chineseMode: true },
      { type: 'lineFeed' },
    ]);
    const [last] = parser.flush();
    expect(last).toMatchObject({ type: 'text', chineseMode: true, raw: hex('D5 C5 D5') });
    expect(last?.type === 'text' && last.text.startsWith('张')).toBe(true);
    expect(parser.flush()).toEqual([]);
  });

  it('splits long text runs at a fixed size, whatever the chunking', () => {
    const stream = concatBytes(new Uint8Array(5000).fill(0x41), hex('0A'));
    const commands = parseAll([stream]);
    expect(commands.map((c) => c.raw.length)).toEqual([TEXT_RUN_MAX_BYTES, 5000 - TEXT_RUN_MAX_BYTES, 1]);
    expect(parseAll(chunkings(stream).at(-1)!)).toEqual(commands);
  });

  it('starts in the configured Chinese mode', () => {
    const parser = new EscPosCommandParser({ chineseMode: false });
    expect(parser.inChineseMode).toBe(false);
    expect(shapes([...parser.push(concatBytes(hex('D5 C5'), COMMANDS.chineseOn, hex('D5 C5 0A')))]))
      .toEqual([
        { type: 'text', text: '\u00d5\u00c5', chineseMode: false },
        { type: 'chineseMode', on: true },
        { type: 'text', text: '张', chineseMode: true },
        { type: 'lineFeed' },
      ]);
    expect(parser.inChineseMode).toBe(true);
  });
});
