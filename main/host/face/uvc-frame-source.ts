/**
 * The `uvc` face camera's frame source (issue 14 item 5): a real camera that the renderer opens with
 * getUserMedia (renderer/src/camera/use-uvc-feed.ts) and whose downscaled RGBA frames it sends on `face:frame`.
 * While the device streams (`setStreaming`), the host pushes `face:streaming` { on: true } and takes frames;
 * otherwise it refuses them. Only the newest frame is kept: the one it replaces is zeroed, `grab()` hands it
 * over (the caller wipes it), and a frame older than `maxFrameAgeMs` is zeroed rather than handed out. Frames
 * are session-only (ARCHITECTURE.md §8.7): memory only, never logged. `prompt()` does nothing: a real citizen
 * follows the screen. The renderer's `face:camera` reports say whether a camera is there (`available`).
 */
import { Buffer } from 'node:buffer';
import type { Clock } from '../../../common/clock';
import type { FaceCameraState, FaceFrameRequest, FaceFrameResult, FaceStreamingView } from '../../../common/face-feed';
import type { Logger } from '../../../common/logger';
import { wipeFrame, type FaceFrame, type FaceFrameSource, type FacePrompt } from '../../../drivers/devices/face-camera-types';

export interface UvcFrameSourceOptions {
  clock: Clock;
  log: Logger;
  /** The configuration's `transport.deviceLabel`, passed on to the renderer. */
  deviceLabel?: string;
  /** A frame waiting longer than this is stale: zeroed, not handed out (default 1 s). */
  maxFrameAgeMs?: number;
}

/** The part the KioskApi service calls (kiosk-api-service.ts). */
export interface FaceFeedPort {
  view(): FaceStreamingView;
  accept(frame: FaceFrameRequest): FaceFrameResult;
  reportCamera(state: FaceCameraState): void;
  onChanged(listener: (view: FaceStreamingView) => void): () => void;
}

export class UvcFrameSource implements FaceFrameSource, FaceFeedPort {
  private latest: FaceFrame | null = null;
  private on = false;
  private camera: FaceCameraState = 'present';
  private readonly viewListeners = new Set<(view: FaceStreamingView) => void>();
  private readonly availabilityListeners = new Set<(available: boolean) => void>();
  private accepted = 0;

  constructor(private readonly options: UvcFrameSourceOptions) {}

  get streaming(): boolean {
    return this.on;
  }

  /** False after the renderer reported no camera, until it reports one again or a frame arrives. */
  get available(): boolean {
    return this.camera === 'present';
  }

  /** Frames accepted since start (a count only, for tests and statistics). */
  get framesAccepted(): number {
    return this.accepted;
  }

  view(): FaceStreamingView {
    const label = this.options.deviceLabel;
    return { on: this.on, ...(label !== undefined && { deviceLabel: label }) };
  }

  setStreaming(on: boolean): void {
    if (this.on === on) return;
    this.on = on;
    if (!on) this.drop();
    const view = this.view();
    for (const l of [...this.viewListeners]) l(view);
  }

  /** One frame from the renderer (already shape-checked by common/face-feed.ts); refused while not streaming. */
  accept(frame: FaceFrameRequest): FaceFrameResult {
    if (!this.on) return { accepted: false };
    const bytes = frame.width * frame.height * 4;
    const data = new Uint8Array(bytes);
    // Decoded straight into the frame's own buffer: no intermediate copy of the pixels is left to zero.
    const written = Buffer.from(data.buffer, data.byteOffset, data.byteLength).write(frame.dataBase64, 'base64');
    if (written !== bytes) {
      data.fill(0);
      return { accepted: false };
    }
    this.drop();
    this.latest = { width: frame.width, height: frame.height, format: 'rgba', data, capturedAt: this.options.clock.elapsedMs() };
    this.accepted++;
    if (this.camera !== 'present') this.setCamera('present');
    return { accepted: true };
  }

  /** The renderer's word on its camera: denied, notFound or failed make the device `noDevice` until it is back. */
  reportCamera(state: FaceCameraState): void {
    if (state === this.camera) return;
    if (state === 'present') this.options.log.info('face camera available in the renderer again');
    else this.options.log.warn('face camera unavailable in the renderer', { state });
    this.setCamera(state);
  }

  grab(): FaceFrame | null {
    const frame = this.latest;
    this.latest = null;
    if (frame === null) return null;
    const maxAge = this.options.maxFrameAgeMs ?? 1_000;
    if (this.options.clock.elapsedMs() - frame.capturedAt > maxAge) {
      wipeFrame(frame);
      return null;
    }
    return frame;
  }

  /** A real camera's citizen follows the prompts on the screen. */
  prompt(_prompt: FacePrompt): void {}

  onChanged(listener: (view: FaceStreamingView) => void): () => void {
    this.viewListeners.add(listener);
    return () => this.viewListeners.delete(listener);
  }

  onAvailabilityChanged(listener: (available: boolean) => void): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  private setCamera(state: FaceCameraState): void {
    const was = this.available;
    this.camera = state;
    if (this.available === was) return;
    for (const l of [...this.availabilityListeners]) l(this.available);
  }

  private drop(): void {
    if (this.latest) wipeFrame(this.latest);
    this.latest = null;
  }
}
