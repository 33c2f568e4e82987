/**
 * Document cameras (高拍仪; ARCHITECTURE.md §3, issue 17 §3, protocols.md §6). One role, two mechanisms: the
 * vendor's local HTTP service (`HttpDocumentCamera`, docs/document-camera.md) in the host, and a plain UVC
 * camera opened by the renderer with getUserMedia (renderer/src/services/document-scan/uvc-capture.ts). Both
 * wait for the page to lie still, then crop to it and deskew it (common/document-image/). Scans are
 * session-only personal data (§8.7): memory only, wiped by the caller once used (`wipeCapture`), never logged.
 * Status: the common `camera: { streaming, documentPresent }` block (common/device.ts).
 */
import type { StillnessSettings } from '../../../common/document-image/stillness';
import type { CommandOptions, Device } from '../device-types';

/** Where a capture is, for the UI's prompt (请将材料平放在拍摄区 … 请勿移动 …). */
export type CaptureStage = 'opening' | 'warmingUp' | 'waitingForDocument' | 'waitingForStillness' | 'capturing' | 'processing';

export interface CaptureProgress {
  stage: CaptureStage;
  /** How long the frames have been still so far (waitingForStillness). */
  stillForMs?: number;
  /** The last frame's changed fraction, 0–1. */
  motion?: number;
}

export interface CaptureOptions extends CommandOptions {
  /** The whole capture, waiting for the page included. */
  timeoutMs: number;
  onProgress?: (progress: CaptureProgress) => void;
  /** Default: common/document-image/stillness.ts DEFAULT_STILLNESS. */
  stillness?: Partial<StillnessSettings>;
  /** Capture without waiting for a page to be found (a page the detector cannot see): default false. */
  acceptNoPage?: boolean;
}

export interface DocumentCapture {
  /** The page, upright and cropped (or the whole frame when `cropped` is false), as a JPEG. */
  jpeg: Uint8Array;
  width: number;
  height: number;
  cropped: boolean;
  /** The rotation applied to straighten the page, degrees, clockwise positive (a page laid at +6° gives −6). */
  deskewDeg: number;
  /** How long the page had lain still when it was taken. */
  stillForMs: number;
}

/** A small frame for the screen; the listener's to wipe. */
export interface PreviewFrame {
  jpeg: Uint8Array;
  width: number;
  height: number;
  documentPresent: boolean;
  /** Monotonic clock time it arrived (Clock.elapsedMs()). */
  capturedAt: number;
}

export interface PreviewOptions {
  signal?: AbortSignal;
  /** At most this many frames a second; default the model's poll rate (5). */
  fps?: number;
}

export interface PreviewStream {
  stop(): void;
}

export interface DocumentCamera extends Device {
  /** Waits for a still page, takes it at full resolution, crops and deskews it. Sets `camera.streaming`. */
  capture(options: CaptureOptions): Promise<DocumentCapture>;
  /** Preview frames until stopped; sets `camera.streaming` and `camera.documentPresent` as it goes. */
  preview(onFrame: (frame: PreviewFrame) => void, options?: PreviewOptions): PreviewStream;
  /** The plate's lamp, on models that have one (`unsupported` otherwise). */
  setLight(on: boolean, options?: CommandOptions): Promise<void>;
}

/** Zeroes a scan's bytes (§8.7). */
export function wipeCapture(capture: Pick<DocumentCapture, 'jpeg'>): void {
  capture.jpeg.fill(0);
}
