import { describe, expect, it } from 'vitest';
import { FINGERPRINT, hex, LATEST_ADDRESS, PHOTO, RESPONSES, SAM_ID, TEXT_BLOCK } from './fixtures';
import { encodeReadData, parseFixedData, parseReadData, responsePersonalRanges } from './response-layout';
import { toResponseFrame } from './response-decoder';

const dataOf = (frame: Uint8Array): Uint8Array => toResponseFrame(frame).data;

describe('read response layouts (protocols.md §1.4)', () => {
  it('30 01: text 256 then photo 1024, as views into the frame', () => {
    const frame = toResponseFrame(RESPONSES.readTextPhoto.slice());
    const parsed = parseReadData(frame.data, 'textPhoto');
    expect(parsed).toEqual({ ok: true, value: { text: TEXT_BLOCK, photo: PHOTO } });
    if (!parsed.ok) return;
    expect(parsed.value.text.byteOffset - frame.raw.byteOffset).toBe(14);
    expect(parsed.value.photo.byteOffset - frame.raw.byteOffset).toBe(270);
    frame.raw.fill(0);
    expect(parsed.value.text.every((b) => b === 0)).toBe(true);
  });

  it('30 10: text, photo and a 1024-byte fingerprint; length 0 means no fingerprint', () => {
    const parsed = parseReadData(dataOf(RESPONSES.readTextPhotoFingerprint), 'textPhotoFingerprint');
    expect(parsed).toEqual({ ok: true, value: { text: TEXT_BLOCK, photo: PHOTO, fingerprint: FINGERPRINT } });
    if (parsed.ok) expect(parsed.value.fingerprint!.byteOffset - RESPONSES.readTextPhotoFingerprint.byteOffset).toBe(1296);
    const none = parseReadData(dataOf(RESPONSES.readTextPhotoNoFingerprint), 'textPhotoFingerprint');
    expect(none).toEqual({ ok: true, value: { text: TEXT_BLOCK, photo: PHOTO } });
    expect(none.ok && 'fingerprint' in none.value).toBe(false);
  });

  it('refuses data that does not fit the command it answers', () => {
    expect(parseReadData(dataOf(RESPONSES.readTextPhoto), 'textPhotoFingerprint')).toMatchObject({ ok: false });
    expect(parseReadData(dataOf(RESPONSES.readTextPhotoFingerprint), 'textPhoto')).toMatchObject({ ok: false });
    expect(parseReadData(hex('01'), 'textPhoto')).toEqual({ ok: false, reason: 'read data of 1 bytes has no room for 2 length fields' });
    const short = dataOf(RESPONSES.readTextPhoto).subarray(0, 1283);
    expect(parseReadData(short, 'textPhoto')).toEqual({ ok: false, reason: 'length fields add up to 1284 bytes, the data has 1283' });
    const oddText = dataOf(RESPONSES.readTextPhoto).slice();
    oddText[1] = 0x01; // text length 257
    expect(parseReadData(oddText, 'textPhoto')).toEqual({ ok: false, reason: 'length field 1 is 257, §1.4 allows 256' });
    const oddPrint = dataOf(RESPONSES.readTextPhotoFingerprint).slice();
    oddPrint[4] = 0x02; // fingerprint length 0x0200
    expect(parseReadData(oddPrint, 'textPhotoFingerprint')).toEqual({ ok: false, reason: 'length field 3 is 512, §1.4 allows 1024 or 0' });
  });

  it('encodeReadData refuses parts of the wrong size', () => {
    expect(() => encodeReadData({ text: new Uint8Array(255), photo: PHOTO }, 'textPhoto')).toThrow(RangeError);
    expect(() => encodeReadData({ text: TEXT_BLOCK, photo: new Uint8Array(1000) }, 'textPhoto')).toThrow(RangeError);
    expect(() => encodeReadData({ text: TEXT_BLOCK, photo: PHOTO, fingerprint: new Uint8Array(512) }, 'textPhotoFingerprint')).toThrow(RangeError);
    expect(() => encodeReadData({ text: TEXT_BLOCK, photo: PHOTO, fingerprint: FINGERPRINT }, 'textPhoto')).toThrow(RangeError);
  });
});

describe('fixed-size answers (protocols.md §1.3, §1.4)', () => {
  it('find 4, select 8, SAM ID 16, latest address 70', () => {
    expect(parseFixedData(dataOf(RESPONSES.findOk), 'findCard')).toEqual({ ok: true, value: new Uint8Array(4) });
    expect(parseFixedData(dataOf(RESPONSES.selectOk), 'selectCard')).toEqual({ ok: true, value: new Uint8Array(8) });
    expect(parseFixedData(dataOf(RESPONSES.samId), 'readSamId')).toEqual({ ok: true, value: SAM_ID });
    expect(parseFixedData(dataOf(RESPONSES.latestAddress), 'readLatestAddress')).toEqual({ ok: true, value: LATEST_ADDRESS });
    expect(parseFixedData(dataOf(RESPONSES.findOk), 'selectCard')).toEqual({ ok: false, reason: 'selectCard answered 4 data bytes, §1 gives 8' });
  });
});

describe('personal ranges of a response (ARCHITECTURE.md §8.7)', () => {
  it('marks unknown data whole, and leaves find data, SAM ID data and empty data visible', () => {
    expect(responsePersonalRanges(0x90, new Uint8Array(0))).toEqual([]);
    expect(responsePersonalRanges(0x9f, new Uint8Array(4))).toEqual([]);
    expect(responsePersonalRanges(0x90, new Uint8Array(4))).toEqual([{ start: 10, end: 14 }]);
    expect(responsePersonalRanges(0x90, new Uint8Array(16))).toEqual([]);
    expect(responsePersonalRanges(0x91, new Uint8Array(16))).toEqual([{ start: 10, end: 26 }]);
    expect(responsePersonalRanges(0x90, new Uint8Array(8))).toEqual([{ start: 10, end: 18 }]);
    expect(responsePersonalRanges(0x33, new Uint8Array(3))).toEqual([{ start: 10, end: 13 }]);
  });

  it('a read layout with other sizes than §1.4 is masked whole, length fields included', () => {
    const data = encodeReadData({ text: TEXT_BLOCK, photo: PHOTO }, 'textPhoto');
    data[1] = 0xff; // text length 0x01FF: not §1.4's
    expect(responsePersonalRanges(0x90, data)).toEqual([{ start: 10, end: 10 + data.length }]);
  });
});
