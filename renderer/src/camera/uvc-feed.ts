/**
 * The renderer's half of the `uvc` face camera (issue 14 item 5; common/face-feed.ts): while the host asks for
 * frames, the camera is opened with getUserMedia (640×480 asked for), each frame drawn downscaled to 320×240,
 * read as RGBA and sent on `face:frame` at up to 10 a second, one in flight at a time (a frame is skipped while
 * the last call is unanswered). Pixels are zeroed once sent (the base64 text itself is a JS string, which
 * cannot be zeroed: it is dropped at once). Every track is stopped when the host stops streaming or the feed is
 * disposed. A camera that cannot be opened is reported on `face:camera` (denied / notFound / failed), and a
 * camera plugged in afterwards as `present`, so the host's face method follows.
 */
import { FACE_FEED_HEIGHT, FACE_FEED_MAX_FPS, FACE_FEED_WIDTH, type FaceCameraState } from '../../../common/face-feed';
import type { KioskApi } from '../../../common/kiosk-api';

export type FaceCameraProblem = Exclude<FaceCameraState, 'present'>;

/** What the screen shows: the live stream for the preview, or why there is none. */
export interface UvcFeedState {
  stream: MediaStream | null;
  problem: FaceCameraProblem | null;
}

export const IDLE_UVC_FEED: UvcFeedState = Object.freeze({ stream: null, problem: null });

/** Pixels of the video's current frame at the feed's size, or null before the first frame. */
export interface FrameGrabber {
  grab(): ImageData | null;
  /** Drops the video and clears the canvas. */
  dispose(): void;
}

export interface UvcFeedDeps {
  api: Pick<KioskApi, 'call'>;
  mediaDevices: Pick<MediaDevices, 'getUserMedia' | 'enumerateDevices' | 'addEventListener' | 'removeEventListener'>;
  makeGrabber(stream: MediaStream, width: number, height: number): FrameGrabber;
  /** A repeating timer; returns its cancel. */
  every(ms: number, fn: () => void): () => void;
  onState(state: UvcFeedState): void;
  /** Base64 of the pixels (default: `Uint8Array.prototype.toBase64` where the browser has it, else btoa). */
  toBase64?: (bytes: Uint8Array) => string;
}

/** getUserMedia's error names (Media Capture and Streams §9.2), as the host's words. */
export function cameraProblemOf(err: unknown): FaceCameraProblem {
  const name = err instanceof Error || (typeof err === 'object' && err !== null && 'name' in err) ? String((err as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'notFound';
  return 'failed';
}

export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export class UvcFeed {
  private generation = 0;
  private stream: MediaStream | null = null;
  private grabber: FrameGrabber | null = null;
  private cancelTimer: (() => void) | null = null;
  private inFlight = false;
  private reported: FaceCameraState = 'present';
  private watching = false;
  private disposed = false;
  private readonly onDeviceChange = (): void => void this.recheck();

  constructor(private readonly deps: UvcFeedDeps) {}

  /** Opens the camera (the one whose label contains `deviceLabel`, if given) and sends frames until stop(). */
  start(deviceLabel?: string): void {
    if (this.disposed || this.stream !== null) return;
    const mine = ++this.generation;
    this.deps.onState(IDLE_UVC_FEED);
    void this.open(deviceLabel).then(
      (stream) => {
        if (mine !== this.generation) return stopTracks(stream);
        this.stream = stream;
        this.report('present');
        this.grabber = this.deps.makeGrabber(stream, FACE_FEED_WIDTH, FACE_FEED_HEIGHT);
        for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => mine === this.generation && this.fail('notFound'));
        this.cancelTimer = this.deps.every(1000 / FACE_FEED_MAX_FPS, () => this.send());
        this.deps.onState({ stream, problem: null });
      },
      (err: unknown) => {
        if (mine === this.generation) this.fail(cameraProblemOf(err));
      },
    );
  }

  /** Stops every track and the timer and clears the pixels; the camera's light goes off. */
  stop(): void {
    this.generation++;
    this.release();
    this.deps.onState(IDLE_UVC_FEED);
  }

  dispose(): void {
    this.stop();
    this.disposed = true;
    this.unwatch();
  }

  private async open(deviceLabel?: string): Promise<MediaStream> {
    const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
    if (deviceLabel !== undefined) {
      const cameras = (await this.deps.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
      const match = cameras.find((d) => d.label.includes(deviceLabel));
      // Labels are known once the origin may use the camera (both shells grant it); unknown labels: the default one.
      if (match) video.deviceId = { exact: match.deviceId };
      else if (cameras.every((d) => d.label !== '')) throw Object.assign(new Error(`no camera labelled "${deviceLabel}"`), { name: 'NotFoundError' });
    }
    return this.deps.mediaDevices.getUserMedia({ video, audio: false });
  }

  private send(): void {
    if (this.inFlight || this.grabber === null) return; // back-pressure: the host has not answered the last one
    const image = this.grabber.grab();
    if (image === null) return;
    const pixels = new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
    let dataBase64: string;
    try {
      dataBase64 = (this.deps.toBase64 ?? bytesToBase64)(pixels);
    } finally {
      pixels.fill(0);
    }
    this.inFlight = true;
    const mine = this.generation;
    this.deps.api.call('face:frame', { width: image.width, height: image.height, format: 'rgba', dataBase64 }).then(
      () => {
        if (mine === this.generation) this.inFlight = false;
      },
      () => {
        if (mine === this.generation) this.inFlight = false; // a lost frame; the next tick sends another
      },
    );
  }

  private fail(problem: FaceCameraProblem): void {
    this.release();
    this.report(problem);
    this.deps.onState({ stream: null, problem });
    if (problem !== 'denied') this.watch(); // a camera plugged in later is told to the host
  }

  private release(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.grabber?.dispose();
    this.grabber = null;
    if (this.stream) stopTracks(this.stream);
    this.stream = null;
    this.inFlight = false;
  }

  private report(state: FaceCameraState): void {
    if (state === this.reported) return;
    this.reported = state;
    if (state === 'present') this.unwatch();
    this.deps.api.call('face:camera', { state }).catch(() => undefined);
  }

  private watch(): void {
    if (this.watching || this.disposed) return;
    this.watching = true;
    this.deps.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
  }

  private unwatch(): void {
    if (!this.watching) return;
    this.watching = false;
    this.deps.mediaDevices.removeEventListener('devicechange', this.onDeviceChange);
  }

  private async recheck(): Promise<void> {
    const devices = await this.deps.mediaDevices.enumerateDevices().catch(() => []);
    if (devices.some((d) => d.kind === 'videoinput')) this.report('present');
  }
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
