import { describe, expect, it } from 'vitest';
import { maskedHex } from '../../../common/hex-dump';
import { MAX_RESPONSE_LEN } from './constants';
import { chunkings, concatBytes, FINGERPRINT, hex, LATEST_ADDRESS, PHOTO, RESPONSES, SAM_ID, TEXT_BLOCK } from './fixtures';
import { frameChecksum } from './frame';
import { Ga467ResponseDecoder, type Ga467ResponseEvent } from './response-decoder';
import { collect } from './test-support';

const decode = (chunks: Uint8Array[], abandonAtEnd = false): Ga467ResponseEvent[] => collect(new Ga467ResponseDecoder(), chunks, abandonAtEnd);
const frames = (events: Ga467ResponseEvent[]) => events.flatMap((e) => (e.type === 'response' ? [e.frame] : []));
const one = (bytes: Uint8Array) => {
  const events = decode([bytes]);
  expect(events.map((e) => e.type)).toEqual(['response']);
  return frames(events)[0]!;
};
const garbage = (bytes: Uint8Array): Ga467ResponseEvent => ({ type: 'garbage', bytes, personal: [{ start: 0, end: bytes.length }] });
/** Type and raw bytes of each event, for comparing long streams quickly. */
const shape = (events: Ga467ResponseEvent[]): string[] =>
  events.map((e) => (e.type === 'response' ? `response ${Buffer.from(e.frame.raw).toString('hex')}` : e.type === 'garbage' ? `garbage ${Buffer.from(e.bytes).toString('hex')}` : JSON.stringify(e)));

const GOLDEN = Object.values(RESPONSES);
const GOLDEN_STREAM = concatBytes(...GOLDEN);

describe('Ga467ResponseDecoder on the golden responses (protocols.md §1.1, §1.3, §1.4)', () => {
  it('reads SW1–SW3 and the data of every short response', () => {
    expect(one(RESPONSES.statusOk)).toMatchObject({ len: 4, sw1: 0, sw2: 0, sw3: 0x90, data: new Uint8Array(0), personal: [] });
    expect(one(RESPONSES.samSelfTestFailed)).toMatchObject({ sw3: 0x60 });
    expect(one(RESPONSES.findOk)).toMatchObject({ len: 8, sw3: 0x9f, data: hex('00 00 00 00'), personal: [] });
    expect(one(RESPONSES.findFailed)).toMatchObject({ sw3: 0x80 });
    expect(one(RESPONSES.selectFailed)).toMatchObject({ sw3: 0x81 });
    expect(one(RESPONSES.readFailed)).toMatchObject({ sw3: 0x41 });
    expect(one(RESPONSES.latestAddressNone)).toMatchObject({ sw3: 0x91, data: new Uint8Array(0) });
    expect(one(RESPONSES.samId)).toMatchObject({ len: 20, sw3: 0x90, data: SAM_ID, personal: [] });
  });

  it('marks the card serial of select and the latest address personal (§1.3, §1.4)', () => {
    expect(one(RESPONSES.selectOk)).toMatchObject({ len: 12, sw3: 0x90, data: new Uint8Array(8), personal: [{ start: 10, end: 18 }] });
    const address = one(RESPONSES.latestAddress);
    expect(address).toMatchObject({ len: 74, data: LATEST_ADDRESS, personal: [{ start: 10, end: 80 }] });
    expect(maskedHex(address.raw, address.personal)).toBe(`AA AA AA 96 69 00 4A 00 00 90 ${Array(70).fill('**').join(' ')} 20`);
  });

  it('read text + photo: 1295 bytes, text at 14, photo at 270, length fields visible (§1.4)', () => {
    const read = one(RESPONSES.readTextPhoto);
    expect(read.raw.length).toBe(1295);
    expect(read).toMatchObject({ len: 1288, sw3: 0x90 });
    expect(read.raw.subarray(14, 270)).toEqual(TEXT_BLOCK);
    expect(read.raw.subarray(270, 1294)).toEqual(PHOTO);
    expect(read.personal).toEqual([{ start: 14, end: 270 }, { start: 270, end: 1294 }]);
    const dump = maskedHex(read.raw, read.personal, 1 << 16).split(' ');
    expect(dump.slice(0, 14).join(' ')).toBe('AA AA AA 96 69 05 08 00 00 90 01 00 04 00');
    expect(dump.slice(14, 1294).every((b) => b === '**')).toBe(true);
    expect(dump[1294]).toBe('A0');
  });

  it('read with fingerprint: 2321 bytes, text at 16, photo at 272, fingerprint at 1296 (§1.4)', () => {
    const read = one(RESPONSES.readTextPhotoFingerprint);
    expect(read.raw.length).toBe(2321);
    expect(read.len).toBe(2314);
    expect(read.raw.subarray(1296, 2320)).toEqual(FINGERPRINT);
    expect(read.personal).toEqual([{ start: 16, end: 272 }, { start: 272, end: 1296 }, { start: 1296, end: 2320 }]);
    expect(one(RESPONSES.readTextPhotoNoFingerprint).personal).toEqual([{ start: 16, end: 272 }, { start: 272, end: 1296 }]);
  });

  it('checks the fixtures against the §1.1 checksum rule', () => {
    for (const f of GOLDEN) expect(f[f.length - 1]).toBe(frameChecksum(f));
  });

  it('gives the same events for the golden stream split at every offset and byte by byte', () => {
    const whole = decode([GOLDEN_STREAM]);
    expect(frames(whole).map((f) => f.raw)).toEqual(GOLDEN);
    expect(whole.every((e) => e.type === 'response')).toBe(true);
    for (const chunks of chunkings(GOLDEN_STREAM)) expect(shape(decode(chunks))).toEqual(shape(whole));
  });

  it('every short frame split at every pair of offsets', () => {
    const stream = concatBytes(RESPONSES.findOk, RESPONSES.selectOk, RESPONSES.statusOk);
    const expected = decode([stream]);
    for (let i = 1; i < stream.length; i++) {
      for (let j = i + 1; j < stream.length; j++) expect(decode([stream.subarray(0, i), stream.subarray(i, j), stream.subarray(j)])).toEqual(expected);
    }
  });

  it('holds a half frame until the rest arrives, then leaves the buffer empty', () => {
    const decoder = new Ga467ResponseDecoder();
    expect(decoder.push(RESPONSES.readTextPhoto.subarray(0, 600))).toEqual([]);
    expect(decoder.midFrame).toBe(true);
    expect(decoder.buffered).toBe(600);
    expect(frames(decoder.push(RESPONSES.readTextPhoto.subarray(600)))[0]!.raw).toEqual(RESPONSES.readTextPhoto);
    expect(decoder.midFrame).toBe(false);
    expect(decoder.buffered).toBe(0);
  });
});

describe('Ga467ResponseDecoder on damaged input', () => {
  it('reports garbage before and between frames and resynchronises on the next preamble', () => {
    const noise1 = hex('00 FF 12 AA 96 69');
    const noise2 = hex('AA AA 96 AA AA AA 96');
    const stream = concatBytes(noise1, RESPONSES.findOk, noise2, RESPONSES.selectOk, hex('AA'), RESPONSES.statusOk);
    const expected = [
      garbage(noise1),
      { type: 'response', frame: one(RESPONSES.findOk) },
      garbage(noise2),
      { type: 'response', frame: one(RESPONSES.selectOk) },
      garbage(hex('AA')),
      { type: 'response', frame: one(RESPONSES.statusOk) },
    ];
    for (const chunks of chunkings(stream)) expect(decode(chunks)).toEqual(expected);
  });

  it('reports a wrong checksum as an event, then finds the next frame', () => {
    const bad = hex('AA AA AA 96 69 00 04 00 00 90 95');
    const stream = concatBytes(bad, RESPONSES.statusOk);
    const expected = [
      { type: 'badChecksum', head: bad.subarray(0, 10), len: 4, expected: 0x94, received: 0x95 },
      garbage(hex('00 04 00 00 90 95')),
      { type: 'response', frame: one(RESPONSES.statusOk) },
    ];
    for (const chunks of chunkings(stream)) expect(decode(chunks)).toEqual(expected);
  });

  it('a bad read response reports no data in its event, and its remains are masked whole', () => {
    const bad = RESPONSES.readTextPhoto.slice();
    bad[500] ^= 0x01;
    const events = decode([bad]);
    expect(events[0]).toEqual({ type: 'badChecksum', head: hex('AA AA AA 96 69 05 08 00 00 90'), len: 1288, expected: 0xa1, received: 0xa0 });
    expect(events[1]).toMatchObject({ type: 'garbage', personal: [{ start: 0, end: 1290 }] });
    expect(events).toHaveLength(2);
  });

  it('finds a frame that starts inside a truncated one (its bytes are read again)', () => {
    const cut = RESPONSES.readTextPhoto.subarray(0, 40);
    const stream = concatBytes(cut, RESPONSES.selectFailed, RESPONSES.readTextPhoto);
    const events = decode([stream]);
    expect(events.map((e) => e.type)).toEqual(['badChecksum', 'garbage', 'response', 'response']);
    expect(frames(events).map((f) => f.raw)).toEqual([RESPONSES.selectFailed, RESPONSES.readTextPhoto]);
    for (const chunks of chunkings(stream).filter((_, i) => i % 37 === 0)) expect(shape(decode(chunks))).toEqual(shape(events));
  });

  it('abandonPartial() reports a cut-off frame and any preamble start, and empties the buffer', () => {
    const decoder = new Ga467ResponseDecoder();
    expect(decoder.push(concatBytes(RESPONSES.findOk.subarray(0, 12)))).toEqual([]);
    expect(decoder.abandonPartial()).toEqual([
      { type: 'truncated', head: RESPONSES.findOk.subarray(0, 10), len: 8, received: 12 },
      garbage(RESPONSES.findOk.subarray(5, 12)),
    ]);
    expect(decoder.buffered).toBe(0);
    decoder.push(hex('AA AA AA 96'));
    expect(decoder.abandonPartial()).toEqual([garbage(hex('AA AA AA 96'))]);
    expect(decoder.abandonPartial()).toEqual([]);
    expect(decode([RESPONSES.statusOk.subarray(0, 6)], true)).toEqual([garbage(RESPONSES.statusOk.subarray(0, 6))]);
  });

  it('refuses an oversized Len at once, holding nothing for it', () => {
    const decoder = new Ga467ResponseDecoder();
    const header = hex('AA AA AA 96 69 10 01'); // 4097 > MAX_RESPONSE_LEN
    expect(MAX_RESPONSE_LEN).toBe(4096);
    const events = collect(decoder, [concatBytes(header, new Uint8Array(10_000).fill(0x55), RESPONSES.statusOk)]);
    expect(events).toEqual([
      { type: 'badLength', len: 0x1001, reason: 'tooLong' },
      garbage(concatBytes(hex('10 01'), new Uint8Array(10_000).fill(0x55))),
      { type: 'response', frame: one(RESPONSES.statusOk) },
    ]);
    expect(decoder.buffered).toBe(0);
    expect(decoder.capacity).toBe(7 + 4096);
  });

  it('accepts a Len at the cap, and a smaller cap from the options', () => {
    const max = new Ga467ResponseDecoder();
    expect(max.push(concatBytes(hex('AA AA AA 96 69 10 00'), new Uint8Array(4096 - 1)))).toEqual([]);
    expect(max.buffered).toBe(max.capacity - 1);
    expect(max.push(hex('10'))[0]).toMatchObject({ type: 'response', frame: { len: 4096, sw3: 0 } });
    const small = new Ga467ResponseDecoder({ maxLen: 1288 });
    const events = collect(small, [RESPONSES.readTextPhotoFingerprint, RESPONSES.readTextPhoto]);
    expect(events.map((e) => e.type)).toEqual(['badLength', 'garbage', 'response']);
    expect(events[0]).toEqual({ type: 'badLength', len: 2314, reason: 'tooLong' });
    expect(frames(events)[0]!.raw).toEqual(RESPONSES.readTextPhoto);
  });

  it('refuses a Len too short for SW1–SW3 and CHK', () => {
    for (const len of [0, 1, 2, 3]) {
      const events = decode([concatBytes(hex(`AA AA AA 96 69 00 0${len}`), RESPONSES.statusOk)]);
      expect(events[0]).toEqual({ type: 'badLength', len, reason: 'tooShort' });
      expect(events.at(-1)).toEqual({ type: 'response', frame: one(RESPONSES.statusOk) });
    }
  });

  it('passes unknown status codes and odd SW1/SW2 through for status.ts to judge', () => {
    const odd = hex('AA AA AA 96 69 00 04 01 02 EE E9'); // 04 ⊕ 01 ⊕ 02 ⊕ EE = E9
    expect(one(odd)).toMatchObject({ sw1: 1, sw2: 2, sw3: 0xee, personal: [] });
    expect(one(hex('AA AA AA 96 69 00 04 00 00 02 06'))).toMatchObject({ sw3: 0x02 });
  });

  it('reset() drops a half frame and zeroes what it held', () => {
    const decoder = new Ga467ResponseDecoder();
    decoder.push(RESPONSES.readTextPhoto.subarray(0, 1000));
    decoder.reset();
    expect(decoder.buffered).toBe(0);
    expect(decoder.push(RESPONSES.statusOk)).toEqual([{ type: 'response', frame: one(RESPONSES.statusOk) }]);
    const held = (decoder as unknown as { scanner: { buf: Uint8Array } }).scanner.buf;
    expect(held.every((b) => b === 0)).toBe(true);
  });

  it('keeps no copy of a read response it handed out', () => {
    const decoder = new Ga467ResponseDecoder();
    decoder.push(concatBytes(RESPONSES.readTextPhotoFingerprint, RESPONSES.statusOk.subarray(0, 3)));
    const held = (decoder as unknown as { scanner: { buf: Uint8Array } }).scanner.buf;
    expect(held.subarray(3).every((b) => b === 0)).toBe(true);
  });
});
