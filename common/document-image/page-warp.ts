/**
 * Crops and deskews in one pass (issue 17 §3): each output pixel of the upright page is sampled, bilinearly,
 * from the rotated page rectangle in the source frame. Rows are written in ranges so a caller can split the
 * work of a full-resolution frame into chunks and yield between them (the host driver does; 64 rows of an A4
 * scan at 300 dpi take a few milliseconds), and the output is RGBA, what JPEG encoders and canvases take.
 */
import type { PageRect } from './page-detect';
import type { PixelImage } from './pixel-image';

export interface WarpTarget {
  width: number;
  height: number;
  /** width × height × 4 (RGBA). */
  data: Uint8Array | Uint8ClampedArray;
}

/** The upright page's size in whole pixels, at the source's resolution. */
export function warpSize(rect: PageRect): { width: number; height: number } {
  return { width: Math.max(1, Math.round(rect.width)), height: Math.max(1, Math.round(rect.height)) };
}

export function createWarpTarget(rect: PageRect): WarpTarget {
  const { width, height } = warpSize(rect);
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/** Writes output rows [y0, y1) of the page `rect` of `src` into `out`; source pixels outside are edge-clamped. */
export function warpRows(src: PixelImage, rect: PageRect, out: WarpTarget, y0: number, y1: number): void {
  const t = (rect.angleDeg * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  const sx = rect.width / out.width;
  const sy = rect.height / out.height;
  const { width: W, height: H, channels: ch, data: d } = src;
  const o = out.data;
  for (let v = y0; v < Math.min(y1, out.height); v++) {
    const dy = (v + 0.5 - out.height / 2) * sy;
    for (let u = 0; u < out.width; u++) {
      const dx = (u + 0.5 - out.width / 2) * sx;
      // Source coordinates with pixel centres at integers.
      const x = rect.cx + dx * cos - dy * sin - 0.5;
      const y = rect.cy + dx * sin + dy * cos - 0.5;
      let x0 = Math.floor(x);
      let y0i = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0i;
      let x1 = x0 + 1;
      let y1i = y0i + 1;
      x0 = x0 < 0 ? 0 : x0 >= W ? W - 1 : x0;
      x1 = x1 < 0 ? 0 : x1 >= W ? W - 1 : x1;
      y0i = y0i < 0 ? 0 : y0i >= H ? H - 1 : y0i;
      y1i = y1i < 0 ? 0 : y1i >= H ? H - 1 : y1i;
      const a = (y0i * W + x0) * ch;
      const b = (y0i * W + x1) * ch;
      const c = (y1i * W + x0) * ch;
      const e = (y1i * W + x1) * ch;
      const w00 = (1 - fx) * (1 - fy);
      const w10 = fx * (1 - fy);
      const w01 = (1 - fx) * fy;
      const w11 = fx * fy;
      const p = (v * out.width + u) * 4;
      for (let k = 0; k < 3; k++) o[p + k] = w00 * (d[a + k] as number) + w10 * (d[b + k] as number) + w01 * (d[c + k] as number) + w11 * (d[e + k] as number) + 0.5;
      o[p + 3] = 255;
    }
  }
}
