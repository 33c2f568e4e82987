// The `face:frame` and `face:camera` validators (issue 14 item 5): strict sizes, format and exact base64 length.
import { describe, expect, it } from 'vitest';
import { validateRequest } from './kiosk-api-channels';
import { base64Length, validateFaceCameraRequest, validateFaceFrameRequest } from './face-feed';

const b64 = (bytes: number): string => 'A'.repeat(base64Length(bytes) - ((3 - (bytes % 3)) % 3)) + '='.repeat((3 - (bytes % 3)) % 3);
const frame = (width: number, height: number, extra: Record<string, unknown> = {}) => ({ width, height, format: 'rgba', dataBase64: b64(width * height * 4), ...extra });

describe('validateFaceFrameRequest', () => {
  it('accepts width × height × 4 bytes of base64 up to 640×480, padding included', () => {
    expect(validateFaceFrameRequest(frame(320, 240)).ok).toBe(true);
    expect(validateFaceFrameRequest(frame(640, 480)).ok).toBe(true);
    expect(validateFaceFrameRequest(frame(1, 1)).ok, '4 bytes: two padding characters').toBe(true);
    expect(validateFaceFrameRequest(frame(1, 2)).ok, '8 bytes: one padding character').toBe(true);
    expect(validateRequest('face:frame', frame(320, 240)).ok, 'the channel table names it').toBe(true);
  });

  it('refuses other sizes, formats, lengths, characters and fields, never echoing the pixels', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /object/],
      [frame(641, 480), /width/],
      [frame(640, 481), /height/],
      [frame(0, 240), /width/],
      [frame(320.5, 240), /width/],
      [{ ...frame(320, 240), format: 'rgb' }, /format/],
      [{ ...frame(320, 240), dataBase64: b64(320 * 240 * 4 - 3) }, /320 × 240|307200/],
      [{ ...frame(320, 240), dataBase64: b64(320 * 240 * 3) }, /307200/],
      [{ ...frame(320, 240), dataBase64: `${b64(320 * 240 * 4).slice(1)}!` }, /307200/],
      [{ ...frame(1, 1), dataBase64: 'AAA=' }, /4 bytes/],
      [{ ...frame(320, 240), dataBase64: 42 }, /string/],
      [frame(320, 240, { capturedAt: 1 }), /unexpected field "capturedAt"/],
    ];
    for (const [value, detail] of cases) {
      const checked = validateFaceFrameRequest(value);
      expect(checked.ok, JSON.stringify(value)?.slice(0, 80)).toBe(false);
      if (!checked.ok) {
        expect(checked.detail).toMatch(detail);
        expect(checked.detail.length).toBeLessThan(120);
      }
    }
  });

  it('checks a 320×240 frame in a few milliseconds (the validator runs on every frame)', () => {
    const value = frame(320, 240);
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) validateFaceFrameRequest(value);
    const ms = (performance.now() - t0) / 20;
    process.stdout.write(`face:frame validation of a 320×240 frame: ${ms.toFixed(2)} ms\n`);
    expect(ms).toBeLessThan(20);
  });
});

describe('validateFaceCameraRequest', () => {
  it('takes one of the camera states only', () => {
    for (const state of ['present', 'denied', 'notFound', 'failed']) expect(validateFaceCameraRequest({ state })).toEqual({ ok: true, value: { state } });
    expect(validateFaceCameraRequest({ state: 'broken' }).ok).toBe(false);
    expect(validateFaceCameraRequest({ state: 'denied', why: 'x' }).ok).toBe(false);
    expect(validateFaceCameraRequest(undefined).ok).toBe(false);
  });
});
