/**
 * The body of `POST /sim/devices/document-camera/page` (issue 17 §3): `{ image, rotateDeg?, offsetX?, offsetY?,
 * scale?, handFrames? }`. `image`: base64 PNG or JPEG (a data-URL prefix is allowed); `rotateDeg`: clockwise on
 * the plate, −45…45 (default 0); `offsetX`/`offsetY`: the page centre's shift from the plate's centre, in
 * capture-size pixels (default 0); `scale`: capture pixels per image pixel (default: the page fits 80 % of the
 * plate); `handFrames`: frames with a hand still moving over the page after it is laid (default the camera's).
 */
import { SimActionError } from '../sim-device';
import { decodePicture, type RgbaPicture } from './page-image';

export interface PageRequest {
  picture: RgbaPicture;
  rotateDeg: number;
  offsetX: number;
  offsetY: number;
  scale: number | null;
  handFrames: number | null;
}

const FIELDS = ['image', 'rotateDeg', 'offsetX', 'offsetY', 'scale', 'handFrames'];

function numberField(body: Record<string, unknown>, key: string, min: number, max: number): number | null {
  const v = body[key];
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new SimActionError(`${key} must be a number from ${min} to ${max}`, true);
  return v;
}

export function parsePageRequest(body: unknown): PageRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SimActionError('send {"image": "<base64 PNG or JPEG>", "rotateDeg"?: n, …}', true);
  const record = body as Record<string, unknown>;
  const unknown = Object.keys(record).find((k) => !FIELDS.includes(k));
  if (unknown !== undefined) throw new SimActionError(`unknown field "${unknown}"; the page takes ${FIELDS.join(', ')}`, true);
  if (typeof record.image !== 'string' || record.image.length === 0) throw new SimActionError('image must be a base64 PNG or JPEG', true);
  const bytes = Buffer.from(record.image.replace(/^data:[^,]*,/u, ''), 'base64');
  const handFrames = numberField(record, 'handFrames', 0, 1000);
  return {
    picture: decodePicture(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)),
    rotateDeg: numberField(record, 'rotateDeg', -45, 45) ?? 0,
    offsetX: numberField(record, 'offsetX', -10_000, 10_000) ?? 0,
    offsetY: numberField(record, 'offsetY', -10_000, 10_000) ?? 0,
    scale: numberField(record, 'scale', 0.01, 10),
    handFrames: handFrames === null ? null : Math.round(handFrames),
  };
}
