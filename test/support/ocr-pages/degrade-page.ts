/**
 * What a document camera does to a page (issue 17 §4), applied to a rendered page, deterministically (seeded):
 * a small rotation, blur, sensor noise, uneven light (a gradient darkening one side) and JPEG at low quality.
 * Each returns a new canvas; `encodeDegraded` writes the final image as PNG or JPEG.
 */
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { gaussian, seededRandom } from './seeded-random';

export interface Degradation {
  /** Degrees, counter-clockwise positive; the corners uncovered are filled white. */
  rotateDeg?: number;
  /** Gaussian blur radius in pixels. */
  blurPx?: number;
  /** Standard deviation of the added noise, in 0–255 grey levels. */
  noiseSigma?: number;
  /** Light falling from full at one corner to `unevenLight` (0–1) of it at the other. */
  unevenLight?: number;
  /** Encode as JPEG at this quality (0–100) instead of PNG. */
  jpegQuality?: number;
  seed?: number;
}

function copy(source: Canvas, draw: (ctx: ReturnType<Canvas['getContext']>) => void): Canvas {
  const out = createCanvas(source.width, source.height);
  const ctx = out.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  draw(ctx);
  return out;
}

export function rotate(source: Canvas, degrees: number): Canvas {
  return copy(source, (ctx) => {
    ctx.translate(source.width / 2, source.height / 2);
    ctx.rotate((-degrees * Math.PI) / 180);
    ctx.drawImage(source, -source.width / 2, -source.height / 2);
  });
}

export function blur(source: Canvas, radiusPx: number): Canvas {
  return copy(source, (ctx) => {
    ctx.filter = `blur(${radiusPx}px)`;
    ctx.drawImage(source, 0, 0);
  });
}

export function unevenLight(source: Canvas, darkest: number): Canvas {
  return copy(source, (ctx) => {
    ctx.drawImage(source, 0, 0);
    const g = ctx.createLinearGradient(0, 0, source.width, source.height);
    const grey = Math.round(255 * darkest);
    g.addColorStop(0, '#ffffff');
    g.addColorStop(1, `rgb(${grey},${grey},${Math.round(grey * 0.92)})`);
    ctx.globalCompositeOperation = 'multiply';
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, source.width, source.height);
  });
}

export function addNoise(source: Canvas, sigma: number, seed: number): Canvas {
  const random = seededRandom(seed);
  return copy(source, (ctx) => {
    ctx.drawImage(source, 0, 0);
    const image = ctx.getImageData(0, 0, source.width, source.height);
    const d = image.data;
    for (let i = 0; i < d.length; i += 4) {
      const n = gaussian(random) * sigma;
      d[i] = Math.max(0, Math.min(255, (d[i] as number) + n));
      d[i + 1] = Math.max(0, Math.min(255, (d[i + 1] as number) + n));
      d[i + 2] = Math.max(0, Math.min(255, (d[i + 2] as number) + n));
    }
    ctx.putImageData(image, 0, 0);
  });
}

/** The degradations in camera order: the page tilts, the lens blurs, light falls unevenly, the sensor adds noise, the camera compresses. */
export function degrade(source: Canvas, d: Degradation): { image: Uint8Array; mime: 'image/png' | 'image/jpeg' } {
  let c = source;
  if (d.rotateDeg) c = rotate(c, d.rotateDeg);
  if (d.blurPx) c = blur(c, d.blurPx);
  if (d.unevenLight !== undefined) c = unevenLight(c, d.unevenLight);
  if (d.noiseSigma) c = addNoise(c, d.noiseSigma, d.seed ?? 1);
  if (d.jpegQuality !== undefined) return { image: new Uint8Array(c.encodeSync('jpeg', d.jpegQuality)), mime: 'image/jpeg' };
  return { image: new Uint8Array(c.encodeSync('png')), mime: 'image/png' };
}
