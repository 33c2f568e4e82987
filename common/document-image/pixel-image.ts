/**
 * Pixel buffers for the document camera's image work (issue 17 §3; protocols.md §6): 8-bit RGB or RGBA frames
 * as JPEG decoders and canvases give them, and the small greyscale frames that stillness and page detection
 * run on. Pure code (no node, no DOM), shared by the host's driver and the renderer's UVC path
 * (ARCHITECTURE.md §2: the renderer may import common/ only).
 */

/** 8-bit colour pixels, rows top to bottom, no padding (jpeg-js and canvas ImageData are RGBA). */
export interface PixelImage {
  readonly width: number;
  readonly height: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** 8-bit luma, one byte a pixel. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A grey image made from a bigger one: `scale` source pixels per grey pixel along each axis. */
export interface DownscaledGrey extends GreyImage {
  readonly scale: number;
}

/**
 * Box-filtered greyscale at most `maxWidth` wide (BT.601 luma, integer weights 77/150/29): the integer factor
 * f = ⌈width / maxWidth⌉, each grey pixel the mean of an f×f block. Cheap enough for every preview frame.
 */
export function downscaleToGrey(src: PixelImage, maxWidth: number): DownscaledGrey {
  const f = Math.max(1, Math.ceil(src.width / maxWidth));
  const w = Math.max(1, Math.floor(src.width / f));
  const h = Math.max(1, Math.floor(src.height / f));
  const out = new Uint8Array(w * h);
  const ch = src.channels;
  const d = src.data;
  const n = f * f * 256;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        let o = ((y * f + dy) * src.width + x * f) * ch;
        for (let dx = 0; dx < f; dx++, o += ch) sum += 77 * (d[o] as number) + 150 * (d[o + 1] as number) + 29 * (d[o + 2] as number);
      }
      out[y * w + x] = Math.round(sum / n);
    }
  }
  return { width: w, height: h, data: out, scale: f };
}
