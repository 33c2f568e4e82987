/**
 * What the simulated document camera sees (issue 17 §3; ARCHITECTURE.md §4): a dark plate, the tester's page
 * laid on it at an angle (bilinear, by inverse mapping), dimmer when the lamp is off, then per frame a little
 * sensor noise (so no two frames are equal) and, for the first frames after a page is laid, a hand and forearm
 * moving over it (so auto-capture must wait for stillness). The still part is rendered once per page, lamp and
 * size; a frame costs a copy, the noise and the hand.
 */
import type { SeededRandom } from '../seeded-random';
import type { RgbaPicture } from './page-image';

/** A page on the plate, in capture-size pixels: its centre, capture pixels per image pixel, clockwise turn. */
export interface PlacedPage {
  picture: RgbaPicture;
  cx: number;
  cy: number;
  scale: number;
  rotateDeg: number;
}

export const PLATE_RGB = [38, 40, 46] as const;
const HAND_RGB = [206, 158, 132] as const;
/** Lamp off: the whole scene this much darker. */
const UNLIT = 0.7;

/**
 * The still scene at `width`×`height`, a view of the capture-size plate `captureWidth` wide (preview frames
 * are smaller views of the same plate).
 */
export function renderStill(width: number, height: number, captureWidth: number, page: PlacedPage | null, lit: boolean): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  const f = width / captureWidth;
  const gain = lit ? 1 : UNLIT;
  const t = page ? (page.rotateDeg * Math.PI) / 180 : 0;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      // A faint vignette, as under a real lamp.
      const vx = (x + 0.5) / width - 0.5;
      const vy = (y + 0.5) / height - 0.5;
      const shade = gain * (1 - 0.25 * (vx * vx + vy * vy));
      let r: number = PLATE_RGB[0];
      let g: number = PLATE_RGB[1];
      let b: number = PLATE_RGB[2];
      if (page) {
        const dx = (x + 0.5) / f - page.cx;
        const dy = (y + 0.5) / f - page.cy;
        const iu = (dx * cos + dy * sin) / page.scale + page.picture.width / 2 - 0.5;
        const iv = (-dx * sin + dy * cos) / page.scale + page.picture.height / 2 - 0.5;
        if (iu >= -0.5 && iv >= -0.5 && iu < page.picture.width - 0.5 && iv < page.picture.height - 0.5) [r, g, b] = sample(page.picture, iu, iv);
      }
      out[o] = r * shade;
      out[o + 1] = g * shade;
      out[o + 2] = b * shade;
      out[o + 3] = 255;
    }
  }
  return out;
}

function sample(p: RgbaPicture, x: number, y: number): [number, number, number] {
  const x0 = Math.max(0, Math.min(p.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(p.height - 1, Math.floor(y)));
  const x1 = Math.min(p.width - 1, x0 + 1);
  const y1 = Math.min(p.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const d = p.data;
  const rgb: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const a = d[(y0 * p.width + x0) * 4 + k]!;
    const b = d[(y0 * p.width + x1) * 4 + k]!;
    const c = d[(y1 * p.width + x0) * 4 + k]!;
    const e = d[(y1 * p.width + x1) * 4 + k]!;
    rgb[k] = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + e * fx) * fy;
  }
  return rgb;
}

/** One frame: the still scene plus noise (± `noise`), and the hand at step `handStep` (null: no hand). */
export function renderFrame(still: Uint8Array, width: number, height: number, rng: SeededRandom, noise: number, handStep: number | null): Uint8Array {
  const out = new Uint8Array(still.length);
  for (let p = 0; p < width * height; p++) {
    const o = p * 4;
    const n = rng.int(-noise, noise);
    out[o] = clamp(still[o]! + n);
    out[o + 1] = clamp(still[o + 1]! + n);
    out[o + 2] = clamp(still[o + 2]! + n);
    out[o + 3] = 255;
  }
  if (handStep !== null) drawHand(out, width, height, handStep);
  return out;
}

const clamp = (v: number): number => (v < 0 ? 0 : v > 255 ? 255 : v);

/** A palm (ellipse) and a forearm reaching in from the bottom right, sliding left and up step by step. */
function drawHand(out: Uint8Array, width: number, height: number, step: number): void {
  const px = width * (0.78 - 0.07 * (step % 8));
  const py = height * (0.62 - 0.03 * (step % 8));
  const rx = width * 0.09;
  const ry = height * 0.11;
  const armHalf = width * 0.07;
  // The forearm: the band from the palm to the bottom-right corner.
  const ax = width * 1.05 - px;
  const ay = height * 1.1 - py;
  const alen = Math.hypot(ax, ay);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const ex = (x - px) / rx;
      const ey = (y - py) / ry;
      const inPalm = ex * ex + ey * ey <= 1;
      const along = ((x - px) * ax + (y - py) * ay) / alen;
      const across = Math.abs((x - px) * ay - (y - py) * ax) / alen;
      if (!inPalm && !(along > 0 && across < armHalf)) continue;
      const shade = 0.8 + 0.2 * Math.cos(Math.min(1, inPalm ? Math.hypot(ex, ey) : across / armHalf) * 1.4);
      const o = (y * width + x) * 4;
      out[o] = HAND_RGB[0] * shade;
      out[o + 1] = HAND_RGB[1] * shade;
      out[o + 2] = HAND_RGB[2] * shade;
    }
  }
}
