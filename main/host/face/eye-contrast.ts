/**
 * The eyes' appearance from pixels (face-types.ts `eyeContrast`): the luminance standard deviation in a box
 * over each eye, placed by the landmarks (width between the corners minus 10% each side, height 40% of that
 * width around the eye's centre). An open eye holds dark iris and pupil against sclera and lashes; a closed lid
 * is a band of skin with one lash line. Luminance per ITU-R BT.601 (0.299 R + 0.587 G + 0.114 B). Pure.
 */
import type { Point } from './face-types';

export function eyeContrast(data: Uint8Array, width: number, height: number, channels: 3 | 4, landmarks: readonly Point[]): [number, number] {
  return [eyeBoxStd(data, width, height, channels, landmarks, 36), eyeBoxStd(data, width, height, channels, landmarks, 42)];
}

function eyeBoxStd(data: Uint8Array, width: number, height: number, channels: 3 | 4, landmarks: readonly Point[], first: number): number {
  const pts = landmarks.slice(first, first + 6);
  if (pts.length < 6) return 0;
  const xs = pts.map((p) => p.x);
  const cy = pts.reduce((s, p) => s + p.y, 0) / 6;
  const w = Math.max(...xs) - Math.min(...xs);
  const clampX = (v: number): number => Math.min(width - 1, Math.max(0, Math.round(v)));
  const clampY = (v: number): number => Math.min(height - 1, Math.max(0, Math.round(v)));
  const x0 = clampX(Math.min(...xs) + 0.1 * w);
  const x1 = clampX(Math.max(...xs) - 0.1 * w);
  const half = Math.max(2, 0.2 * w);
  const y0 = clampY(cy - half);
  const y1 = clampY(cy + half);
  let n = 0;
  let sum = 0;
  let sq = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const o = (y * width + x) * channels;
      const l = 0.299 * (data[o] as number) + 0.587 * (data[o + 1] as number) + 0.114 * (data[o + 2] as number);
      n++;
      sum += l;
      sq += l * l;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sq / n - mean * mean));
}
