/**
 * The online entry's QR code for the guide page (issue 16 §5), drawn in the host with qr-image (the renderer
 * has no encoder and loads nothing from outside): error correction M, a one-module quiet zone the page's own
 * white margin completes. Cached per URL; a catalogue has a few hundred.
 */
import { createRequire } from 'node:module';
import type { QrSvg } from '../../../common/guides-api';

interface QrImage {
  svgObject(text: string, options: { ec_level: 'L' | 'M' | 'Q' | 'H'; margin: number }): { size: number; path: string };
}

const qrImage = createRequire(import.meta.url)('qr-image') as QrImage;
const cache = new Map<string, QrSvg>();
const CACHED = 1000;

export function qrSvg(text: string): QrSvg {
  const known = cache.get(text);
  if (known) return known;
  const { size, path } = qrImage.svgObject(text, { ec_level: 'M', margin: 1 });
  const qr = { size, path };
  if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(text, qr);
  return qr;
}
