import { describe, expect, it } from 'vitest';
import { FINGERPRINT, LATEST_ADDRESS, PHOTO, RESPONSES, SAM_ID, TEXT_BLOCK, TEXT_BLOCK_XOR } from './fixtures';
import { frameChecksum, isWellFormedFrame, xorChecksum } from './frame';
import { encodeRequest, encodeResponse } from './frame-encoder';
import { encodeReadData } from './response-layout';

describe('GA 467 frame encoder (protocols.md §1.1)', () => {
  it('Len counts CMD + PARA + DATA + CHK; CHK is the XOR of Len1 … last DATA byte', () => {
    expect(encodeRequest(0x61, 0xff, Uint8Array.of(0x50))).toEqual(Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x04, 0x61, 0xff, 0x50, 0xca));
    const frame = encodeRequest(0x30, 0x01);
    expect(frame[frame.length - 1]).toBe(0x00 ^ 0x03 ^ 0x30 ^ 0x01);
  });

  it('builds the §1.3 short responses byte for byte', () => {
    expect(encodeResponse(0x90)).toEqual(RESPONSES.statusOk);
    expect(encodeResponse(0x60)).toEqual(RESPONSES.samSelfTestFailed);
    expect(encodeResponse(0x9f, new Uint8Array(4))).toEqual(RESPONSES.findOk);
    expect(encodeResponse(0x80)).toEqual(RESPONSES.findFailed);
    expect(encodeResponse(0x90, new Uint8Array(8))).toEqual(RESPONSES.selectOk);
    expect(encodeResponse(0x81)).toEqual(RESPONSES.selectFailed);
    expect(encodeResponse(0x41)).toEqual(RESPONSES.readFailed);
    expect(encodeResponse(0x10)).toEqual(RESPONSES.checksumError);
    expect(encodeResponse(0x91)).toEqual(RESPONSES.latestAddressNone);
  });

  it('builds the hand-derived long responses (§1.4) byte for byte', () => {
    expect(encodeResponse(0x90, LATEST_ADDRESS)).toEqual(RESPONSES.latestAddress);
    expect(encodeResponse(0x90, SAM_ID)).toEqual(RESPONSES.samId);
    expect(encodeResponse(0x90, encodeReadData({ text: TEXT_BLOCK, photo: PHOTO }, 'textPhoto'))).toEqual(RESPONSES.readTextPhoto);
    expect(encodeResponse(0x90, encodeReadData({ text: TEXT_BLOCK, photo: PHOTO, fingerprint: FINGERPRINT }, 'textPhotoFingerprint'))).toEqual(
      RESPONSES.readTextPhotoFingerprint,
    );
    expect(encodeResponse(0x90, encodeReadData({ text: TEXT_BLOCK, photo: PHOTO }, 'textPhotoFingerprint'))).toEqual(RESPONSES.readTextPhotoNoFingerprint);
  });

  it('the fixtures hold the sizes and XORs their comments claim', () => {
    expect([TEXT_BLOCK.length, PHOTO.length, FINGERPRINT.length, LATEST_ADDRESS.length, SAM_ID.length]).toEqual([256, 1024, 1024, 70, 16]);
    expect(xorChecksum(TEXT_BLOCK, 0, 256)).toBe(TEXT_BLOCK_XOR);
    expect([xorChecksum(PHOTO, 0, 1024), xorChecksum(FINGERPRINT, 0, 1024)]).toEqual([0, 0]);
    expect([RESPONSES.readTextPhoto.length, RESPONSES.readTextPhotoFingerprint.length]).toEqual([1295, 2321]);
    for (const f of Object.values(RESPONSES)) expect(isWellFormedFrame(f)).toBe(true);
  });

  it('isWellFormedFrame checks length and checksum', () => {
    const f = RESPONSES.findOk.slice();
    expect(frameChecksum(f)).toBe(0x97);
    f[10] = 1;
    expect(isWellFormedFrame(f)).toBe(false);
    expect(isWellFormedFrame(RESPONSES.findOk.subarray(0, 14))).toBe(false);
    expect(isWellFormedFrame(RESPONSES.findOk.subarray(0, 7))).toBe(false);
  });
});
