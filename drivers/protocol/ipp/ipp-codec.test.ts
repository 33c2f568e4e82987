import { describe, expect, it } from 'vitest';
import { GROUP_JOB, GROUP_OPERATION, GROUP_PRINTER, OPERATION, TAG } from './constants';
import { decodeIppMessage, IppDecodeError } from './ipp-decoder';
import { encodeIppMessage, IppEncodeError } from './ipp-encoder';
import { attribute, collection, findGroup, type IppMessage } from './ipp-message';
import { getPrinterAttributesRequest } from './ipp-requests';
import { readPrinterAttributes } from './ipp-responses';
import { GET_PRINTER_ATTRIBUTES_IPPTOOL, PRINTER_ATTRIBUTES_RESPONSE, hex } from './fixtures';

describe('IPP codec: golden bytes', () => {
  it('encodes a Get-Printer-Attributes request byte for byte as ipptool sent it', () => {
    const request = getPrinterAttributesRequest({ printerUri: 'ipp://127.0.0.1:42891/ipp/print', requestId: 1 }, ['printer-state', 'printer-state-reasons']);
    expect(Array.from(encodeIppMessage(request))).toEqual(Array.from(GET_PRINTER_ATTRIBUTES_IPPTOOL));
  });

  it('decodes the ipptool request: additional value with name-length 0 joins the attribute', () => {
    const m = decodeIppMessage(GET_PRINTER_ATTRIBUTES_IPPTOOL);
    expect(m.code).toBe(OPERATION.getPrinterAttributes);
    expect(m.requestId).toBe(1);
    const op = findGroup(m, GROUP_OPERATION)!;
    expect(op.attributes.map((a) => a.name)).toEqual(['attributes-charset', 'attributes-natural-language', 'printer-uri', 'requested-attributes']);
    expect(op.attributes[3]!.values.map((v) => v.value)).toEqual(['printer-state', 'printer-state-reasons']);
    expect(m.data.length).toBe(0);
  });

  it('decodes a hand-built response: enum, reasons, boolean, a collection and trailing data', () => {
    const m = decodeIppMessage(PRINTER_ATTRIBUTES_RESPONSE);
    expect(m.requestId).toBe(7);
    const p = readPrinterAttributes(m);
    expect(p).toMatchObject({ state: 5, reasons: ['media-empty-error', 'media-needed'], acceptingJobs: false });
    const col = findGroup(m, GROUP_PRINTER)!.attributes.find((a) => a.name === 'media-col-default')!;
    expect(col.values[0]).toEqual({ tag: TAG.begCollection, value: { members: [{ name: 'media-size-name', values: [{ tag: TAG.keyword, value: 'iso_a4_210x297mm' }] }] } });
    expect(Array.from(m.data)).toEqual([0xca, 0xfe]);
    expect(Array.from(encodeIppMessage(m))).toEqual(Array.from(PRINTER_ATTRIBUTES_RESPONSE));
  });
});

describe('IPP codec: malformed messages are refused with a clear error', () => {
  it('refuses every truncation of a valid message', () => {
    for (const golden of [GET_PRINTER_ATTRIBUTES_IPPTOOL, PRINTER_ATTRIBUTES_RESPONSE.subarray(0, PRINTER_ATTRIBUTES_RESPONSE.length - 2)]) {
      for (let cut = 0; cut < golden.length; cut++) {
        expect(() => decodeIppMessage(golden.subarray(0, cut)), `cut at ${cut}`).toThrow(IppDecodeError);
      }
    }
  });

  it.each([
    ['a value before any group', '02 00 00 0b 00 00 00 01 44 00 01 61 00 01 62 03', /before any group/],
    ['an additional value with no attribute', '02 00 00 0b 00 00 00 01 01 44 00 00 00 01 62 03', /no attribute before it/],
    ['an integer of 3 bytes', '02 00 00 0b 00 00 00 01 01 21 00 01 61 00 03 00 00 01 03', /must be 4 bytes/],
    ['a boolean of 2', '02 00 00 0b 00 00 00 01 01 22 00 01 61 00 01 02 03', /0 or 1/],
    ['a length past the end', '02 00 00 0b 00 00 00 01 01 44 00 01 61 00 09 62 03', /ends inside/],
    ['a collection never closed', '02 00 00 0b 00 00 00 01 01 34 00 01 61 00 00 4a 00 00 00 01 62 21 00 00 00 04 00 00 00 01 03', /group tag 0x3 inside a collection/],
    ['a member value without memberAttrName', '02 00 00 0b 00 00 00 01 01 34 00 01 61 00 00 21 00 00 00 04 00 00 00 01 37 00 00 00 00 03', /before any memberAttrName/],
    ['not IPP (an HTTP page)', '3c 68 74 6d 6c 3e 3c 2f 68 3e 03', /not 1.x or 2.x/],
    ['group tag 0x00', '02 00 00 0b 00 00 00 01 00 03', /not a group tag/],
    ['an extension tag', '02 00 00 0b 00 00 00 01 01 7f 00 01 61 00 00 03', /extended/],
  ])('%s', (_what, bytes, message) => {
    expect(() => decodeIppMessage(hex(bytes))).toThrow(message);
  });

  it('the encoder refuses values that do not fit their tag', () => {
    const base: IppMessage = { version: { major: 2, minor: 0 }, code: 0x0b, requestId: 1, groups: [], data: new Uint8Array(0) };
    expect(() => encodeIppMessage({ ...base, groups: [{ tag: GROUP_OPERATION, attributes: [attribute('x', TAG.integer, 'seven')] }] })).toThrow(IppEncodeError);
    expect(() => encodeIppMessage({ ...base, groups: [{ tag: GROUP_OPERATION, attributes: [attribute('x', TAG.integer, 2 ** 31)] }] })).toThrow(/32-bit/);
    expect(() => encodeIppMessage({ ...base, requestId: 0 })).toThrow(/request-id/);
    expect(() => encodeIppMessage({ ...base, groups: [{ tag: GROUP_OPERATION, attributes: [attribute('x', TAG.text, 'a'.repeat(40_000))] }] })).toThrow(/at most 32767/);
  });
});

/** A tiny seeded generator, so a failing round trip can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function randomMessage(next: () => number): IppMessage {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const word = (): string => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick([...'abcdefghij-证明打印'])).join('');
  const value = (depth: number): { tag: number; value: never } => {
    const kind = pick(depth > 2 ? ['int', 'bool', 'str', 'range', 'res', 'oob', 'lang', 'octets'] : ['int', 'bool', 'str', 'range', 'res', 'oob', 'lang', 'octets', 'col']);
    const v = (tag: number, value: unknown) => ({ tag, value }) as { tag: number; value: never };
    switch (kind) {
      case 'int': return v(pick([TAG.integer, TAG.enum]), Math.floor(next() * 2 ** 32) - 2 ** 31);
      case 'bool': return v(TAG.boolean, next() < 0.5);
      case 'str': return v(pick([TAG.text, TAG.name, TAG.keyword, TAG.uri, TAG.mimeMediaType]), word());
      case 'range': return v(TAG.rangeOfInteger, { lower: Math.floor(next() * 100), upper: Math.floor(next() * 1000) });
      case 'res': return v(TAG.resolution, { x: 600, y: Math.floor(next() * 1200), units: pick([3, 4]) });
      case 'oob': return v(pick([TAG.noValue, TAG.unknown, TAG.unsupported]), null);
      case 'lang': return v(pick([TAG.textWithLanguage, TAG.nameWithLanguage]), { language: 'zh-cn', text: word() });
      case 'octets': return v(TAG.octetString, Uint8Array.from({ length: Math.floor(next() * 8) }, () => Math.floor(next() * 256)));
      default: return v(TAG.begCollection, { members: Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({ name: word(), values: Array.from({ length: 1 + Math.floor(next() * 2) }, () => value(depth + 1)) })) });
    }
  };
  const groups = Array.from({ length: Math.floor(next() * 4) }, () => ({
    tag: pick([GROUP_OPERATION, GROUP_JOB, GROUP_PRINTER, 0x05]),
    attributes: Array.from({ length: Math.floor(next() * 5) }, () => ({ name: word(), values: Array.from({ length: 1 + Math.floor(next() * 3) }, () => value(0)) })),
  }));
  return { version: { major: 2, minor: pick([0, 1]) }, code: Math.floor(next() * 0x10000), requestId: 1 + Math.floor(next() * 0x7ffffffe), groups, data: Uint8Array.from({ length: Math.floor(next() * 20) }, () => Math.floor(next() * 256)) };
}

describe('IPP codec: round trips (property style, seeded)', () => {
  it('decode(encode(m)) equals m for 500 random messages, and every strict prefix is refused', () => {
    const next = rng(17);
    for (let i = 0; i < 500; i++) {
      const m = randomMessage(next);
      const bytes = encodeIppMessage(m);
      expect(decodeIppMessage(bytes), `message ${i}`).toEqual(m);
      const end = bytes.length - m.data.length;
      const cut = Math.floor(next() * end);
      expect(() => decodeIppMessage(bytes.subarray(0, cut)), `message ${i} cut at ${cut}`).toThrow(IppDecodeError);
    }
  });

  it('a collection inside a collection survives, as ippeveprinter sends media-col-database', () => {
    const m: IppMessage = {
      version: { major: 2, minor: 0 }, code: 0, requestId: 3, data: new Uint8Array(0),
      groups: [{ tag: GROUP_PRINTER, attributes: [collection('media-col-default', [collection('media-size', [attribute('x-dimension', TAG.integer, 21000), attribute('y-dimension', TAG.integer, 29700)]), attribute('media-type', TAG.keyword, 'stationery')])] }],
    };
    expect(decodeIppMessage(encodeIppMessage(m))).toEqual(m);
  });
});
