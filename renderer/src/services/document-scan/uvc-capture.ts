/**
 * The UVC document camera (issue 17 §3; protocols.md §6 "as a plain webcam"): most 高拍仪 enumerate as a USB
 * video device, which the renderer opens itself with getUserMedia (the camera whose label contains
 * `deviceLabel`, or `deviceId`), asking for `width`×`height`. Frames are drawn to a small canvas every `pollMs`
 * and judged with the same pure code as the host's driver (common/document-image/: page found, frames still
 * for `stillMs`); the still frame is then drawn at full size, cropped and deskewed in chunks of rows (a turn of
 * the event loop between them, so the screen keeps moving), and returned as a JPEG blob. Every track is
 * stopped and every pixel buffer zeroed before it returns (ARCHITECTURE.md §8.7: scans are session-only).
 */
import { detectPage } from '../../../../common/document-image/page-detect';
import { planPage } from '../../../../common/document-image/page-plan';
import { warpRows, warpSize } from '../../../../common/document-image/page-warp';
import { downscaleToGrey, type PixelImage } from '../../../../common/document-image/pixel-image';
import { StillnessTracker, type StillnessSettings } from '../../../../common/document-image/stillness';

export type UvcCaptureStage = 'opening' | 'waitingForDocument' | 'waitingForStillness' | 'processing';

export interface UvcCaptureProgress {
  stage: UvcCaptureStage;
  stillForMs?: number;
  motion?: number;
}

export interface UvcCaptureOptions {
  deviceLabel?: string;
  deviceId?: string;
  /** Asked for as ideal constraints; default 1920×1080. */
  width?: number;
  height?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Default 200 ms, as the vendor services are polled. */
  pollMs?: number;
  stillness?: Partial<StillnessSettings>;
  /** JPEG quality 0–1; default 0.9. */
  quality?: number;
  onProgress?: (progress: UvcCaptureProgress) => void;
}

export interface UvcCaptureResult {
  jpeg: Blob;
  width: number;
  height: number;
  cropped: boolean;
  /** Clockwise positive: a page laid at +6° gives −6. */
  deskewDeg: number;
  stillForMs: number;
}

/** What the capture needs of the browser, injected so time and the camera can be faked. */
export interface UvcCaptureDeps {
  mediaDevices: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices'>;
  createCanvas(width: number, height: number): HTMLCanvasElement;
  createVideo(): HTMLVideoElement;
  /** Monotonic milliseconds. */
  now(): number;
  /** Resolves after `ms` (0: the next turn of the event loop). */
  sleep(ms: number): Promise<void>;
}

/** Why a capture failed, in the host's error words. */
export class UvcCaptureError extends Error {
  override readonly name = 'UvcCaptureError';
  constructor(
    readonly code: 'noDevice' | 'forbidden' | 'timeout' | 'canceled' | 'hardwareError',
    message: string,
  ) {
    super(message);
  }
}

const DETECT_WIDTH = 200;
const ROWS_PER_CHUNK = 64;

export async function captureFromUvc(deps: UvcCaptureDeps, options: UvcCaptureOptions): Promise<UvcCaptureResult> {
  const started = deps.now();
  const check = (stage: string): void => {
    if (options.signal?.aborted) throw new UvcCaptureError('canceled', 'capture canceled');
    if (deps.now() - started > options.timeoutMs) throw new UvcCaptureError('timeout', `no capture within ${options.timeoutMs} ms: still ${stage}`);
  };
  options.onProgress?.({ stage: 'opening' });
  const stream = await openCamera(deps, options);
  const video = deps.createVideo();
  try {
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play();
    while (video.videoWidth === 0) {
      check('opening the camera');
      await deps.sleep(20);
    }
    const small = deps.createCanvas(DETECT_WIDTH, Math.max(1, Math.round((DETECT_WIDTH * video.videoHeight) / video.videoWidth)));
    const tracker = new StillnessTracker(options.stillness);
    for (;;) {
      check('waiting for a still page');
      const grey = downscaleToGrey(pixelsOf(small, video), DETECT_WIDTH);
      const present = detectPage(grey) !== null;
      const reading = tracker.push(grey, deps.now());
      if (present && reading.still) return await takeStill(deps, video, reading.stillForMs, options);
      options.onProgress?.(present ? { stage: 'waitingForStillness', stillForMs: reading.stillForMs, motion: reading.motion } : { stage: 'waitingForDocument', motion: reading.motion });
      await deps.sleep(options.pollMs ?? 200);
    }
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}

async function openCamera(deps: UvcCaptureDeps, options: UvcCaptureOptions): Promise<MediaStream> {
  const video: MediaTrackConstraints = { width: { ideal: options.width ?? 1920 }, height: { ideal: options.height ?? 1080 } };
  try {
    if (options.deviceId !== undefined) video.deviceId = { exact: options.deviceId };
    else if (options.deviceLabel !== undefined) {
      const cameras = (await deps.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      const match = cameras.find((d) => d.label.includes(options.deviceLabel as string));
      if (match) video.deviceId = { exact: match.deviceId };
      else if (cameras.every((d) => d.label !== '')) throw new UvcCaptureError('noDevice', `no camera labelled "${options.deviceLabel}"`);
    }
    return await deps.mediaDevices.getUserMedia({ video, audio: false });
  } catch (err) {
    if (err instanceof UvcCaptureError) throw err;
    const name = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') throw new UvcCaptureError('forbidden', '摄像头未获授权 / the camera is not allowed for this page');
    if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new UvcCaptureError('noDevice', '未找到高拍仪 / no document camera found');
    throw new UvcCaptureError('hardwareError', `高拍仪无法打开 / the document camera did not open (${name || String(err)})`);
  }
}

/** The video's current frame drawn into `canvas` (scaled to its size), as RGBA. */
function pixelsOf(canvas: HTMLCanvasElement, video: HTMLVideoElement): PixelImage {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (ctx === null) throw new UvcCaptureError('hardwareError', 'no 2D canvas');
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: image.width, height: image.height, channels: 4, data: image.data };
}

async function takeStill(deps: UvcCaptureDeps, video: HTMLVideoElement, stillForMs: number, options: UvcCaptureOptions): Promise<UvcCaptureResult> {
  options.onProgress?.({ stage: 'processing', stillForMs });
  const fullCanvas = deps.createCanvas(video.videoWidth, video.videoHeight);
  const full = pixelsOf(fullCanvas, video);
  fullCanvas.getContext('2d')?.clearRect(0, 0, fullCanvas.width, fullCanvas.height);
  try {
    const plan = planPage(downscaleToGrey(full, 800), full.width, full.height);
    const size = warpSize(plan.rect);
    const outCanvas = deps.createCanvas(size.width, size.height);
    const ctx = outCanvas.getContext('2d');
    if (ctx === null) throw new UvcCaptureError('hardwareError', 'no 2D canvas');
    const out = ctx.createImageData(size.width, size.height);
    const target = { width: size.width, height: size.height, data: out.data };
    for (let y = 0; y < size.height; y += ROWS_PER_CHUNK) {
      if (options.signal?.aborted) throw new UvcCaptureError('canceled', 'capture canceled');
      warpRows(full, plan.rect, target, y, y + ROWS_PER_CHUNK);
      await deps.sleep(0);
    }
    ctx.putImageData(out, 0, 0);
    out.data.fill(0);
    const jpeg = await new Promise<Blob>((resolve, reject) => outCanvas.toBlob((b) => (b ? resolve(b) : reject(new UvcCaptureError('hardwareError', 'JPEG encoding failed'))), 'image/jpeg', options.quality ?? 0.9));
    ctx.clearRect(0, 0, size.width, size.height);
    return { jpeg, width: size.width, height: size.height, cropped: plan.cropped, deskewDeg: plan.deskewDeg, stillForMs };
  } finally {
    full.data.fill(0);
  }
}

/** The real browser's camera, canvases and time, for the screen that calls captureFromUvc. */
export function browserUvcDeps(): UvcCaptureDeps {
  return {
    mediaDevices: navigator.mediaDevices,
    createCanvas: (width, height) => Object.assign(document.createElement('canvas'), { width, height }),
    createVideo: () => document.createElement('video'),
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => window.setTimeout(resolve, ms)),
  };
}
