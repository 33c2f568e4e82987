/**
 * The page a tester lays on the simulated plate (issue 17 §3: `POST /sim/devices/document-camera/page`), sent as
 * base64 PNG or JPEG and decoded to RGBA here: JPEG with jpeg-js, PNG with the small decoder below (8-bit grey,
 * grey+alpha, RGB or RGBA, not interlaced: what canvases and Chromium screenshots write; PNG spec §11, §9).
 * Alpha is flattened onto white, as paper.
 */
import { inflateSync } from 'node:zlib';
import { decode as decodeJpeg } from 'jpeg-js';
import { SimActionError } from '../sim-device';

export interface RgbaPicture {
  width: number;
  height: number;
  data: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per colour type (PNG §11.2.2) for the 8-bit types this decoder takes. */
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };
/** Largest picture taken, in pixels (an A4 page at 300 dpi is 8.7 M). */
export const MAX_PAGE_PIXELS = 12_000_000;

export function decodePicture(bytes: Uint8Array): RgbaPicture {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    try {
      const img = decodeJpeg(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PAGE_PIXELS / 1e6 });
      return { width: img.width, height: img.height, data: img.data };
    } catch (err) {
      throw new SimActionError(`the JPEG cannot be decoded: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  }
  throw new SimActionError('the image must be a PNG or a JPEG', true);
}

function decodePng(bytes: Uint8Array): RgbaPicture {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  while (at + 8 <= bytes.length) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = PNG_CHANNELS[colour as number] ?? 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new SimActionError('only 8-bit, non-interlaced grey, RGB or RGBA PNGs are taken', true);
      if (width * height > MAX_PAGE_PIXELS || width === 0 || height === 0) throw new SimActionError(`the picture must have 1 to ${MAX_PAGE_PIXELS} pixels`, true);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    at += 12 + len;
  }
  if (channels === 0 || idat.length === 0) throw new SimActionError('the PNG has no IHDR or no IDAT', true);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new SimActionError('the PNG data is short', true);
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? px[row + i - channels]! : 0;
      const b = y > 0 ? px[row - stride + i]! : 0;
      const c = y > 0 && i >= channels ? px[row - stride + i - channels]! : 0;
      const x = line[i]!;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else throw new SimActionError(`bad PNG filter ${filter}`, true);
      px[row + i] = v & 0xff;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels <= 2;
    const alpha = channels === 2 ? px[s + 1]! : channels === 4 ? px[s + 3]! : 255;
    for (let k = 0; k < 3; k++) {
      const v = grey ? px[s]! : px[s + k]!;
      data[p * 4 + k] = Math.round((v * alpha + 255 * (255 - alpha)) / 255);
    }
    data[p * 4 + 3] = 255;
  }
  return { width, height, data };
}
