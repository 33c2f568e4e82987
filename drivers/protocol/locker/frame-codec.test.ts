import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REFUSED, REPLIES, REQUESTS, bytes, chunkings, hexOf, wire } from './fixtures';
import { bcc, bitmap, encodeFrame, encodeReply, encodeRequest, parseReply, parseRequest, unbitmap } from './frame-codec';
import { LockerFrameDecoder } from './frame-decoder';
import type { DecodedFrame, RawFrame } from './frames';

const decodeAll = (chunks: Uint8Array[]): DecodedFrame[] => {
  const d = new LockerFrameDecoder();
  return chunks.flatMap((c) => d.push(c));
};
const rawOf = (hex: string): RawFrame => {
  const out = new LockerFrameDecoder().push(bytes(hex));
  if (out.length !== 1 || out[0]!.type !== 'frame') throw new Error(`not one frame: ${hex}`);
  return out[0]!.frame;
};

describe('HLB/1 frames (docs/locker-protocol.md §2, §3)', () => {
  it('encodes the golden requests and replies byte for byte', () => {
    for (const g of REQUESTS) expect(hexOf(encodeRequest(g.address, g.request))).toBe(g.hex);
    for (const g of REPLIES) expect(hexOf(encodeReply(g.address, g.reply))).toBe(g.hex);
  });

  it('reads the golden frames back', () => {
    for (const g of REQUESTS) {
      const raw = rawOf(g.hex);
      expect(raw).toMatchObject({ direction: 'request', address: g.address });
      expect(parseRequest(raw)).toEqual({ ok: true, request: g.request });
    }
    for (const g of REPLIES) {
      const raw = rawOf(g.hex);
      expect(raw).toMatchObject({ direction: 'reply', address: g.address });
      expect(parseReply(raw)).toEqual(g.reply);
    }
  });

  it('refuses the requests a board refuses, with its error', () => {
    for (const g of REFUSED) expect(parseRequest(rawOf(g.hex))).toEqual({ ok: false, error: g.error });
  });

  it('every golden frame is printed in the protocol document', () => {
    const doc = readFileSync(new URL('../../../docs/locker-protocol.md', import.meta.url), 'utf8');
    for (const g of [...REQUESTS, ...REPLIES, ...REFUSED]) expect(doc).toContain(g.hex);
  });

  it('BCC is the XOR of every byte before it', () => {
    expect(bcc(Uint8Array.of(0x8a, 0x01, 0x30, 0x00, 0x00))).toBe(0xbb);
    expect(bcc(new Uint8Array(0))).toBe(0);
  });

  it('bitmaps put lock 1 in the low bit of the first byte', () => {
    expect(Array.from(bitmap(12, [1, 8, 9, 12]))).toEqual([0x81, 0x09]);
    expect(unbitmap(Uint8Array.of(0x81, 0x09), 12)).toEqual([1, 8, 9, 12]);
    expect(unbitmap(Uint8Array.of(0xff, 0xff), 12)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(Array.from(bitmap(24, [24]))).toEqual([0, 0, 0x80]);
  });

  it('refuses to encode what the protocol cannot carry', () => {
    expect(() => encodeRequest(0, { cmd: 'status' })).toThrow(RangeError);
    expect(() => encodeRequest(0x20, { cmd: 'status' })).toThrow(RangeError);
    expect(() => encodeRequest(1, { cmd: 'open', lock: 0 })).toThrow(RangeError);
    expect(() => encodeRequest(1, { cmd: 'open', lock: 25 })).toThrow(RangeError);
    expect(() => encodeReply(1, { cmd: 'status', locks: 12, doorsOpen: [13], occupied: [], faults: [] })).toThrow(RangeError);
    expect(() => encodeReply(1, { cmd: 'version', protocol: 1, locks: 12, firmware: '1.0', model: '柜' })).toThrow(RangeError);
    expect(() => encodeFrame({ direction: 'reply', address: 1, command: 0x30, lock: 0, data: new Uint8Array(33) })).toThrow(RangeError);
  });

  it('reads malformed replies as null, never as a reply', () => {
    const bad = [
      { command: 0x30, lock: 0, data: [12, 0, 0, 0, 0, 0] }, // one byte short
      { command: 0x30, lock: 0, data: [0] }, // no locks
      { command: 0x30, lock: 1, data: [12, 0, 0, 0, 0, 0, 0] }, // status of a lock
      { command: 0x31, lock: 5, data: [3, 1] }, // unknown result
      { command: 0x31, lock: 5, data: [0, 2] }, // door neither 0 nor 1
      { command: 0x32, lock: 5, data: [1, 1] },
      { command: 0x33, lock: 5, data: [1] },
      { command: 0x34, lock: 0, data: [1, 12, 1, 0, 0x07] },
      { command: 0xb1, lock: 5, data: [] },
      { command: 0x40, lock: 0, data: [] },
    ];
    for (const b of bad) expect(parseReply({ direction: 'reply', address: 1, ...b, data: Uint8Array.from(b.data) })).toBeNull();
    expect(parseReply({ direction: 'reply', address: 1, command: 0xb1, lock: 5, data: Uint8Array.of(9) })).toMatchObject({ cmd: 'error', error: 'unknown', code: 9 });
  });
});

describe('LockerFrameDecoder (§2.5)', () => {
  const all = [...REQUESTS.map((g) => g.hex), ...REPLIES.map((g) => g.hex)];
  const stream = wire(all);
  const expected = all.map((hex) => ({ type: 'frame', frame: rawOf(hex) }));

  it('gives the golden frames from the stream whole, split at every offset, and byte by byte', () => {
    for (const chunks of chunkings(stream)) expect(decodeAll(chunks)).toEqual(expected);
  });

  it('drops noise before a frame as one run, and finds the frame', () => {
    const noisy = wire(['00 FF 8A 00 13', REPLIES[4]!.hex]);
    for (const chunks of chunkings(noisy)) {
      expect(decodeAll(chunks)).toEqual([
        { type: 'garbage', reason: 'noHeader', length: 5 },
        { type: 'frame', frame: rawOf(REPLIES[4]!.hex) },
      ]);
    }
  });

  it('a bad BCC drops the header alone, so a frame behind a broken one is still found', () => {
    // A reply cut short (its last 3 bytes lost), then a whole one: the broken header claims bytes of the next.
    const broken = wire(['8B 01 30 00 07 0C 10 00 12', REPLIES[4]!.hex]);
    for (const chunks of chunkings(broken)) {
      const out = decodeAll(chunks);
      expect(out[0]).toEqual({ type: 'garbage', reason: 'bcc', length: 1 });
      expect(out.at(-1)).toEqual({ type: 'frame', frame: rawOf(REPLIES[4]!.hex) });
      expect(out.filter((f) => f.type === 'frame')).toHaveLength(1);
    }
  });

  it('a length over 32 is not a frame', () => {
    expect(decodeAll([bytes('8B 01 30 00 21'), bytes(REPLIES[9]!.hex)])).toEqual([
      { type: 'garbage', reason: 'tooLong', length: 1 },
      { type: 'garbage', reason: 'noHeader', length: 4 },
      { type: 'frame', frame: rawOf(REPLIES[9]!.hex) },
    ]);
  });

  it('holds a half frame until its end, and forgets it on reset', () => {
    const d = new LockerFrameDecoder();
    expect(d.push(bytes('8B 01 31 05'))).toEqual([]);
    expect(d.pendingBytes).toBe(4);
    d.reset();
    expect(d.pendingBytes).toBe(0);
    expect(d.push(bytes(REPLIES[4]!.hex))).toEqual([{ type: 'frame', frame: rawOf(REPLIES[4]!.hex) }]);
  });
});
