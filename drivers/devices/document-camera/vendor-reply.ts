/**
 * Reading the vendor local service's replies (docs/document-camera.md §2, after protocols.md §6), tolerant of
 * what such services are seen to send: the state code as a number or a string ("0"), under `code`, `state`,
 * `State` or `errCode`; the V2 variant's HTTP-style `200` for success; the image under `data`, `image`,
 * `Image` or `data.image`, as bare base64, with a `data:image/jpeg;base64,` prefix, with line breaks, or in the
 * URL-safe alphabet. State codes [C]: 0 ok, −1 camera not open, −2 open failed or no image yet (also while it
 * warms up), −3 service not initialised.
 */

/** The state codes of protocols.md §6, by meaning. */
export const VENDOR_CODES = { ok: 0, okV2: 200, notOpen: -1, noImage: -2, notInitialised: -3 } as const;

export type VendorState = 'ok' | 'notOpen' | 'noImage' | 'notInitialised' | 'error';

export interface VendorStatus {
  state: VendorState;
  /** The code as sent, made a number; null when absent or not numeric. */
  code: number | null;
  message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numeric(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+\s*$/u.test(v)) return Number(v);
  return null;
}

/** The state of any reply; a reply with no code but with an image counts as ok (some V1 services). */
export function vendorStatus(body: unknown): VendorStatus {
  if (!isObject(body)) return { state: 'error', code: null, message: 'the reply is not a JSON object' };
  const raw = body.code ?? body.state ?? body.State ?? body.errCode;
  const code = numeric(raw);
  const text = body.message ?? body.msg ?? body.Message ?? body.errMsg;
  const message = typeof text === 'string' ? text : '';
  if (code === null) return raw === undefined && imageText(body) !== null ? { state: 'ok', code, message } : { state: 'error', code, message: message || `no state code in the reply` };
  if (code === VENDOR_CODES.ok || code === VENDOR_CODES.okV2) return { state: 'ok', code, message };
  if (code === VENDOR_CODES.notOpen) return { state: 'notOpen', code, message };
  if (code === VENDOR_CODES.noImage) return { state: 'noImage', code, message };
  if (code === VENDOR_CODES.notInitialised) return { state: 'notInitialised', code, message };
  return { state: 'error', code, message: message || `state code ${code}` };
}

function imageText(body: Record<string, unknown>): string | null {
  for (const v of [body.data, body.image, body.Image, isObject(body.data) ? body.data.image : undefined, isObject(body.data) ? body.data.Image : undefined]) {
    if (typeof v === 'string' && v.length > 0) return v;
  }
  return null;
}

const DATA_URL = /^\s*data:[^,;]*(;[^,]*)?,/iu;

/** Base64 (plain or URL-safe, with or without a data-URL prefix and line breaks) to bytes; null if it is not base64. */
export function decodeImageText(text: string): Uint8Array | null {
  const bare = text.replace(DATA_URL, '').replace(/\s+/gu, '').replace(/-/gu, '+').replace(/_/gu, '/');
  if (bare.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/u.test(bare)) return null;
  return new Uint8Array(Buffer.from(bare, 'base64'));
}

const isJpeg = (b: Uint8Array): boolean => b.length > 4 && b[0] === 0xff && b[1] === 0xd8;

export type ImageReply = { state: 'ok'; jpeg: Uint8Array; width: number | null; height: number | null } | (VendorStatus & { state: Exclude<VendorState, 'ok'> });

/** An image reply: the JPEG and the size the service says it has, or why there is none. */
export function parseImageReply(body: unknown): ImageReply {
  const status = vendorStatus(body);
  if (status.state !== 'ok') return status as ImageReply;
  const record = body as Record<string, unknown>;
  const text = imageText(record);
  if (text === null) return { state: 'noImage', code: status.code, message: 'ok without an image' };
  const jpeg = decodeImageText(text);
  if (jpeg === null || !isJpeg(jpeg)) return { state: 'error', code: status.code, message: 'the image is not a base64 JPEG' };
  const size = isObject(record.data) ? record.data : record;
  return { state: 'ok', jpeg, width: numeric(size.width), height: numeric(size.height) };
}

export interface VendorCameraInfo {
  index: number;
  name: string;
}

export interface VendorDeviceInfo {
  model: string;
  cameras: VendorCameraInfo[];
  light: boolean | null;
}

/** `GET /api/device/info`; cameras may be listed as objects or only counted (`cameraCount`). */
export function parseDeviceInfo(body: unknown): VendorDeviceInfo | VendorStatus {
  const status = vendorStatus(body);
  if (status.state !== 'ok') return status;
  const data = isObject((body as Record<string, unknown>).data) ? ((body as Record<string, unknown>).data as Record<string, unknown>) : (body as Record<string, unknown>);
  const list = Array.isArray(data.cameras) ? data.cameras : Array.from({ length: numeric(data.cameraCount) ?? 0 }, (_, index) => ({ index }));
  const cameras = list.filter(isObject).map((c, i) => ({ index: numeric(c.index) ?? i, name: typeof c.name === 'string' ? c.name : `camera ${i}` }));
  return { model: typeof data.model === 'string' ? data.model : '', cameras, light: typeof data.light === 'boolean' ? data.light : null };
}

export const isVendorStatus = (v: VendorDeviceInfo | VendorStatus): v is VendorStatus => 'state' in v;
