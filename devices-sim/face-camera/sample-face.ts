/**
 * The face the simulated camera shows: a crop of @vladmandic/face-api's demo/sample6.jpg (the second person
 * from the left, near-frontal, MIT-licensed with the package), decoded with jpeg-js into a 640×480 RGB base
 * image, the size the scenes are rendered from. The geometry below was measured once on that crop with
 * face-api's tinyFaceDetector + faceLandmark68Net (320×240 frame, face-api 1.7.15) and is kept as fractions of
 * the frame, so any output size can use it; the integration test re-measures what the scenes do to it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const BASE_WIDTH = 640;
export const BASE_HEIGHT = 480;

/** The crop in the 1920×1537 sample: centre and width (4:3). */
const CROP = { cx: 1275, cy: 440, width: 520 };

/** An eye's region as fractions of the frame: corners' x range and lids' y range, with a small margin. */
export interface EyeRegion {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Face centre and half-sizes (fractions of the frame width / height): the region a head turn warps. */
export const FACE = { cx: 157.6 / 320, cy: 151.9 / 240, halfWidth: 74.5 / 320, halfHeight: 75.1 / 240 };

/** Landmarks 36–41 and 42–47 measured at 320×240: x 120–143 / 179–202, y 109–118 / 109–117; ±3 px, ±4 px margins. */
export const EYES: readonly EyeRegion[] = [
  { x0: 117 / 320, x1: 146 / 320, y0: 105 / 240, y1: 122 / 240 },
  { x0: 176 / 320, x1: 205 / 320, y0: 105 / 240, y1: 121 / 240 },
];

interface Decoded {
  width: number;
  height: number;
  data: Uint8Array;
}

const require = createRequire(import.meta.url);

let cached: Uint8Array | null = null;

/**
 * The base image, RGB, BASE_WIDTH × BASE_HEIGHT (bilinear from the sample). Decoded once per process (~0.5 s)
 * and shared read-only: a public sample picture, not anyone's data. Renderers never write to it.
 */
export function loadSampleFace(): Uint8Array {
  cached ??= decodeSample();
  return cached;
}

function decodeSample(): Uint8Array {
  const jpeg = require('jpeg-js') as { decode(data: Uint8Array, opts: { useTArray: true; formatAsRGBA: false }): Decoded };
  const file = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample6.jpg');
  const img = jpeg.decode(readFileSync(file), { useTArray: true, formatAsRGBA: false });
  const out = new Uint8Array(BASE_WIDTH * BASE_HEIGHT * 3);
  const scale = CROP.width / BASE_WIDTH;
  const x0 = CROP.cx - CROP.width / 2;
  const y0 = CROP.cy - (CROP.width * 3) / 8;
  for (let y = 0; y < BASE_HEIGHT; y++) {
    for (let x = 0; x < BASE_WIDTH; x++) {
      const sx = Math.min(img.width - 2, Math.max(0, x0 + x * scale));
      const sy = Math.min(img.height - 2, Math.max(0, y0 + y * scale));
      const ix = Math.floor(sx);
      const iy = Math.floor(sy);
      const ax = sx - ix;
      const ay = sy - iy;
      for (let c = 0; c < 3; c++) {
        const p = (dx: number, dy: number): number => img.data[((iy + dy) * img.width + ix + dx) * 3 + c] as number;
        out[(y * BASE_WIDTH + x) * 3 + c] = (p(0, 0) * (1 - ax) + p(1, 0) * ax) * (1 - ay) + (p(0, 1) * (1 - ax) + p(1, 1) * ax) * ay;
      }
    }
  }
  return out;
}
