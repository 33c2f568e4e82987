/**
 * The `uvc` face camera's feed over the KioskApi (issue 14 item 5; ARCHITECTURE.md §8.10, §8.16): while the host
 * streams it pushes `face:streaming` { on: true } and the renderer's getUserMedia sends downscaled RGBA frames
 * on `face:frame`; a camera the renderer cannot open is reported on `face:camera`. Frames are session-only
 * personal data (§8.7): never logged, never echoed in a `detail`, zeroed on both sides once used.
 */
import { exactKeys, isPlainObject, type Validator } from './api-validate';

/** What the host asks of the renderer's camera (the push, and the snapshot's `faceStreaming`). */
export interface FaceStreamingView {
  /** Send frames now. */
  on: boolean;
  /** Open the camera whose label contains this text (the configuration's `transport.deviceLabel`). */
  deviceLabel?: string;
}

/** The size the renderer sends: what the face worker's detector is tuned for (main/host/face/face-analyzer.ts). */
export const FACE_FEED_WIDTH = 320;
export const FACE_FEED_HEIGHT = 240;
/** At most this many frames a second; the host's face step takes 10 (identity/face-verification.ts). */
export const FACE_FEED_MAX_FPS = 10;
/** The largest frame the host accepts (issue 14 item 5: ≤ 640×480). */
export const MAX_FACE_FRAME_WIDTH = 640;
export const MAX_FACE_FRAME_HEIGHT = 480;

/** One frame: width × height × 4 bytes (RGBA, rows top to bottom, not mirrored), standard base64. */
export interface FaceFrameRequest {
  width: number;
  height: number;
  format: 'rgba';
  dataBase64: string;
}

/** `accepted: false`: the host was not streaming (any more); the renderer stops sending. */
export interface FaceFrameResult {
  accepted: boolean;
}

/** Why the renderer has no camera: permission refused, no camera there, or it would not start. `present`: it is back. */
export const FACE_CAMERA_STATES = ['present', 'denied', 'notFound', 'failed'] as const;
export type FaceCameraState = (typeof FACE_CAMERA_STATES)[number];

export interface FaceCameraRequest {
  state: FaceCameraState;
}

/** Characters of the base64 text of `bytes` bytes, with padding. */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

/** An upper bound of a `face:frame` request's wire size (the browser shell's WebSocket frame limit follows it). */
export const MAX_FACE_FRAME_MESSAGE_CHARS = base64Length(MAX_FACE_FRAME_WIDTH * MAX_FACE_FRAME_HEIGHT * 4) + 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function dimension(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;
}

/**
 * Strict (the pixels are never shown in a detail): integer sizes within 640×480, format `rgba`, and base64 of
 * exactly width × height × 4 bytes (its length and padding both checked, so the decoded size is exact).
 */
export const validateFaceFrameRequest: Validator<FaceFrameRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['width', 'height', 'format', 'dataBase64']);
  if (extra) return { ok: false, detail: extra };
  const { width, height, format, dataBase64 } = value;
  if (!dimension(width, MAX_FACE_FRAME_WIDTH)) return { ok: false, detail: `width must be an integer from 1 to ${MAX_FACE_FRAME_WIDTH}` };
  if (!dimension(height, MAX_FACE_FRAME_HEIGHT)) return { ok: false, detail: `height must be an integer from 1 to ${MAX_FACE_FRAME_HEIGHT}` };
  if (format !== 'rgba') return { ok: false, detail: 'format must be "rgba"' };
  if (typeof dataBase64 !== 'string') return { ok: false, detail: 'dataBase64 must be a string' };
  const bytes = width * height * 4;
  const padding = (3 - (bytes % 3)) % 3;
  const padded = dataBase64.endsWith('==') ? 2 : dataBase64.endsWith('=') ? 1 : 0;
  if (dataBase64.length !== base64Length(bytes) || padded !== padding || !BASE64.test(dataBase64)) {
    return { ok: false, detail: `dataBase64 must be the base64 of width × height × 4 = ${bytes} bytes` };
  }
  return { ok: true, value: { width, height, format, dataBase64 } };
};

export const validateFaceCameraRequest: Validator<FaceCameraRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['state']);
  if (extra) return { ok: false, detail: extra };
  if (!(FACE_CAMERA_STATES as readonly unknown[]).includes(value.state)) {
    return { ok: false, detail: `state must be one of ${FACE_CAMERA_STATES.map((s) => `"${s}"`).join(', ')}` };
  }
  return { ok: true, value: { state: value.state as FaceCameraState } };
};
