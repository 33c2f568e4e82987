/**
 * Writes a YUV4MPEG2 (.y4m) file from RGB frames, for Chromium's `--use-fake-device-for-media-stream
 * --use-file-for-fake-video-capture=<file>.y4m` (the uvc face camera's e2e test). Format: the stream header
 * `YUV4MPEG2 W<w> H<h> F<num>:<den> Ip A1:1 C420jpeg\n`, then per frame `FRAME\n` and the planes Y (w×h), Cb and
 * Cr (each ⌈w/2⌉×⌈h/2⌉), 4:2:0 with chroma averaged over each 2×2 block (mjpegtools yuv4mpeg(5); the
 * "C420jpeg" siting is what ffmpeg writes for 4:2:0). Full-range BT.601 (JFIF) conversion:
 * Y = 0.299R + 0.587G + 0.114B, Cb = 128 − 0.168736R − 0.331264G + 0.5B, Cr = 128 + 0.5R − 0.418688G − 0.081312B.
 */
import { writeFileSync } from 'node:fs';

export interface RgbFrame {
  width: number;
  height: number;
  /** RGB (3 bytes a pixel) or RGBA (4), rows top to bottom. */
  data: Uint8Array;
  channels?: 3 | 4;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

export function y4mHeader(width: number, height: number, fps: number): string {
  return `YUV4MPEG2 W${width} H${height} F${Math.round(fps * 1000)}:1000 Ip A1:1 C420jpeg\n`;
}

/** One frame's payload: the `FRAME\n` marker, then the Y, Cb and Cr planes. */
export function y4mFrame(frame: RgbFrame): Uint8Array {
  const { width: w, height: h, data } = frame;
  const ch = frame.channels ?? (data.length === w * h * 4 ? 4 : 3);
  if (data.length !== w * h * ch) throw new RangeError(`frame data is ${data.length} bytes, expected ${w * h * ch}`);
  const cw = Math.ceil(w / 2);
  const chh = Math.ceil(h / 2);
  const marker = new TextEncoder().encode('FRAME\n');
  const out = new Uint8Array(marker.length + w * h + 2 * cw * chh);
  out.set(marker, 0);
  const y0 = marker.length;
  const cb0 = y0 + w * h;
  const cr0 = cb0 + cw * chh;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * ch;
      out[y0 + y * w + x] = clamp(0.299 * (data[o] as number) + 0.587 * (data[o + 1] as number) + 0.114 * (data[o + 2] as number));
    }
  }
  for (let cy = 0; cy < chh; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let dy = 0; dy < 2; dy++) {
        for (let dx = 0; dx < 2; dx++) {
          const x = 2 * cx + dx;
          const y = 2 * cy + dy;
          if (x >= w || y >= h) continue;
          const o = (y * w + x) * ch;
          r += data[o] as number;
          g += data[o + 1] as number;
          b += data[o + 2] as number;
          n++;
        }
      }
      r /= n;
      g /= n;
      b /= n;
      out[cb0 + cy * cw + cx] = clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
      out[cr0 + cy * cw + cx] = clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
    }
  }
  return out;
}

/** The whole file's bytes; every frame must have the first one's size. */
export function encodeY4m(frames: readonly RgbFrame[], fps: number): Uint8Array {
  const first = frames[0];
  if (first === undefined) throw new RangeError('at least one frame');
  const parts: Uint8Array[] = [new TextEncoder().encode(y4mHeader(first.width, first.height, fps))];
  for (const f of frames) {
    if (f.width !== first.width || f.height !== first.height) throw new RangeError('all frames must have one size');
    parts.push(y4mFrame(f));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function writeY4m(path: string, frames: readonly RgbFrame[], fps: number): void {
  writeFileSync(path, encodeY4m(frames, fps));
}
