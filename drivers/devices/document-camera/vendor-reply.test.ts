// Reading the vendor service's replies (docs/document-camera.md §2; protocols.md §6): codes as numbers or
// strings, the V2 variant's 200, images bare, data-URL-prefixed, wrapped or URL-safe, and the state codes.
import { describe, expect, it } from 'vitest';
import { decodeImageText, parseDeviceInfo, parseImageReply, vendorStatus } from './vendor-reply';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xfb, 0xff, 0xfe]);
const B64 = Buffer.from(JPEG).toString('base64');

describe('vendorStatus', () => {
  it.each([
    [{ code: 0 }, 'ok'],
    [{ code: '0' }, 'ok'],
    [{ code: 200, data: B64 }, 'ok'],
    [{ State: ' -1 ' }, 'notOpen'],
    [{ state: -2 }, 'noImage'],
    [{ errCode: '-3', errMsg: '未初始化' }, 'notInitialised'],
    [{ code: 7, msg: 'busy' }, 'error'],
    [{ Image: B64 }, 'ok'],
    [{ message: 'x' }, 'error'],
    ['not an object', 'error'],
  ])('%j → %s', (body, state) => {
    expect(vendorStatus(body).state).toBe(state);
  });
});

describe('parseImageReply', () => {
  it('takes the image bare, with a data-URL prefix, with line breaks, URL-safe, or nested under data', () => {
    const urlSafe = B64.replace(/\+/gu, '-').replace(/\//gu, '_');
    for (const body of [
      { code: 0, data: B64, width: 640, height: '480' },
      { code: '0', data: `data:image/jpeg;base64,${B64}`, width: 640, height: 480 },
      { code: 200, data: { image: `${B64.slice(0, 4)}\r\n${B64.slice(4)}`, width: 640, height: 480 } },
      { State: 0, Image: urlSafe, width: 640, height: 480 },
    ]) {
      const reply = parseImageReply(body);
      expect(reply).toMatchObject({ state: 'ok', width: 640, height: 480 });
      expect(reply.state === 'ok' && [...reply.jpeg]).toEqual([...JPEG]);
    }
  });

  it('tells warming up, not open, and garbage apart', () => {
    expect(parseImageReply({ code: -2, message: 'no image' })).toMatchObject({ state: 'noImage', code: -2 });
    expect(parseImageReply({ code: 0 })).toMatchObject({ state: 'noImage' });
    expect(parseImageReply({ code: '-1' })).toMatchObject({ state: 'notOpen', code: -1 });
    expect(parseImageReply({ code: 0, data: Buffer.from('GIF89a…').toString('base64') })).toMatchObject({ state: 'error', message: expect.stringMatching(/not a base64 JPEG/u) });
    expect(parseImageReply({ code: 0, data: 'not base64!' })).toMatchObject({ state: 'error' });
  });

  it('decodes nothing that is not base64', () => {
    expect(decodeImageText('')).toBeNull();
    expect(decodeImageText('data:image/jpeg;base64,')).toBeNull();
    expect(decodeImageText('ab$cd')).toBeNull();
  });
});

describe('parseDeviceInfo', () => {
  it('reads cameras as a list or a count, and passes a state code through', () => {
    expect(parseDeviceInfo({ code: 0, data: { model: 'X', cameras: [{ index: 0, name: 'Doc' }, { index: '1', name: 'Face' }], light: true } })).toEqual({
      model: 'X',
      cameras: [
        { index: 0, name: 'Doc' },
        { index: 1, name: 'Face' },
      ],
      light: true,
    });
    expect(parseDeviceInfo({ code: '0', cameraCount: 2 })).toMatchObject({ cameras: [{ index: 0 }, { index: 1 }], light: null });
    expect(parseDeviceInfo({ code: -3 })).toMatchObject({ state: 'notInitialised' });
  });
});
