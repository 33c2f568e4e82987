/**
 * Renders one simulated camera frame from the base image (sample-face.ts), pure and synchronous (~3 ms at
 * 320×240). Output pixel → base pixel through, in order:
 * - an in-plane similarity (the moved photo): rotation, scale and shift about the frame centre;
 * - a head turn: inside the face region, a horizontal shift that is largest at the face's middle and zero at its
 *   edges (x_src = x − d·(1 − u²)(1 − v⁴), u, v the offsets from the face centre over its half-sizes). The nose
 *   and eyes move across the face while the jaw outline stays, one cheek narrows and the other widens: the 2D
 *   landmark geometry changes as under a real yaw (verified with face-api in the integration test);
 * then bilinear sampling. A blink paints each eye's opening over with the skin above and below it, blended
 * column by column, and a darker lash line across its middle, weighted by `closure`.
 */
import type { SeededRandom } from '../seeded-random';
import { BASE_HEIGHT, BASE_WIDTH, EYES, FACE } from './sample-face';

export interface Similarity {
  /** Shift as fractions of the frame width / height. */
  dx: number;
  dy: number;
  /** Radians, clockwise on screen. */
  rotation: number;
  scale: number;
}

export interface RenderPose {
  /** −1..1: a full turn to the image's −x (the citizen's right) … +x (the citizen's left). */
  turn: number;
  /** 0 open … 1 closed. */
  closure: number;
  similarity?: Similarity;
}

/** The nose's shift at a full turn, as a fraction of the face region's half-width (≈ 0.25 face widths). */
export const TURN_SHIFT = 0.6;

/** Pixel values of a blank wall: what `none` shows. */
export function renderEmpty(out: Uint8Array, width: number, height: number, noise: SeededRandom | null, noiseAmp: number): void {
  for (let y = 0; y < height; y++) {
    const shade = 30 * (y / height);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      out[o] = 200 - shade;
      out[o + 1] = 188 - shade;
      out[o + 2] = 168 - shade;
    }
  }
  if (noise) addNoise(out, noise, noiseAmp);
}

export function renderFace(base: Uint8Array, out: Uint8Array, width: number, height: number, pose: RenderPose, noise: SeededRandom | null, noiseAmp: number): void {
  const sx = BASE_WIDTH / width;
  const sy = BASE_HEIGHT / height;
  const fcx = FACE.cx * BASE_WIDTH;
  const fcy = FACE.cy * BASE_HEIGHT;
  const a = FACE.halfWidth * BASE_WIDTH;
  const b = FACE.halfHeight * BASE_HEIGHT;
  const d = pose.turn * TURN_SHIFT * a;
  const sim = pose.similarity;
  const cos = sim ? Math.cos(-sim.rotation) / sim.scale : 1;
  const sin = sim ? Math.sin(-sim.rotation) / sim.scale : 0;
  const ccx = BASE_WIDTH / 2;
  const ccy = BASE_HEIGHT / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let X = (x + 0.5) * sx;
      let Y = (y + 0.5) * sy;
      if (sim) {
        const px = X - ccx - sim.dx * BASE_WIDTH;
        const py = Y - ccy - sim.dy * BASE_HEIGHT;
        X = ccx + cos * px - sin * py;
        Y = ccy + sin * px + cos * py;
      }
      if (d !== 0) {
        const u = (X - fcx) / a;
        const v = (Y - fcy) / b;
        if (u > -1 && u < 1 && v > -1 && v < 1) X -= d * (1 - u * u) * (1 - v * v * v * v);
      }
      sample(base, X, Y, out, (y * width + x) * 3);
    }
  }
  if (pose.closure > 0) for (const eye of EYES) closeEye(out, width, height, eye, pose.closure, d / BASE_WIDTH);
  if (noise) addNoise(out, noise, noiseAmp);
}

function sample(base: Uint8Array, X: number, Y: number, out: Uint8Array, o: number): void {
  const x = Math.min(BASE_WIDTH - 1.001, Math.max(0, X - 0.5));
  const y = Math.min(BASE_HEIGHT - 1.001, Math.max(0, Y - 0.5));
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const ax = x - ix;
  const ay = y - iy;
  const i00 = (iy * BASE_WIDTH + ix) * 3;
  const i10 = i00 + 3;
  const i01 = i00 + BASE_WIDTH * 3;
  const i11 = i01 + 3;
  for (let c = 0; c < 3; c++) {
    const top = (base[i00 + c] as number) * (1 - ax) + (base[i10 + c] as number) * ax;
    const bottom = (base[i01 + c] as number) * (1 - ax) + (base[i11 + c] as number) * ax;
    out[o + c] = top * (1 - ay) + bottom * ay;
  }
}

/** Paints one eye shut: skin interpolated from the rows above and below, a lash line, blended by `closure`. */
function closeEye(out: Uint8Array, width: number, height: number, eye: { x0: number; x1: number; y0: number; y1: number }, closure: number, shift: number): void {
  const x0 = Math.max(0, Math.round((eye.x0 + shift) * width));
  const x1 = Math.min(width - 1, Math.round((eye.x1 + shift) * width));
  const y0 = Math.max(0, Math.round(eye.y0 * height));
  const y1 = Math.min(height - 1, Math.round(eye.y1 * height));
  const lash = Math.round((y0 + y1) / 2 + height / 240);
  const lashHalf = Math.max(0, Math.round(height / 480));
  for (let x = x0; x <= x1; x++) {
    const across = (x - x0) / Math.max(1, x1 - x0);
    const weight = closure * Math.min(1, 3 * Math.sin(Math.PI * across));
    const top = (y0 * width + x) * 3;
    const bottom = (y1 * width + x) * 3;
    for (let y = y0 + 1; y < y1; y++) {
      const t = (y - y0) / (y1 - y0);
      const o = (y * width + x) * 3;
      const dark = Math.abs(y - lash) <= lashHalf ? 0.75 : 1;
      for (let c = 0; c < 3; c++) {
        const skin = ((out[top + c] as number) * (1 - t) + (out[bottom + c] as number) * t) * dark;
        out[o + c] = (out[o + c] as number) * (1 - weight) + skin * weight;
      }
    }
  }
}

/** Sensor noise: each byte moved by up to ±amp. */
function addNoise(out: Uint8Array, noise: SeededRandom, amp: number): void {
  if (amp <= 0) return;
  const span = 2 * amp + 1;
  for (let i = 0; i < out.length; i++) {
    const v = (out[i] as number) + (noise.nextUint32() % span) - amp;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}
