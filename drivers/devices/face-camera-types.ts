/**
 * Face cameras (ARCHITECTURE.md §3, issue 14 item 5). Two implementations behind one role: `sim`, frames rendered
 * in the host by the simulator (devices-sim/face-camera), and `uvc`, frames the renderer's getUserMedia sends
 * down. Frames are session-only personal data (§8.7): memory only, zeroed with `wipe()` once used, never
 * written to disk or logs. Status: the common `camera: { streaming }` block (common/device.ts).
 */
import type { CommandOptions, Device } from './device-types';

/** A frame's pixel layout: 8-bit RGB or RGBA, rows top to bottom, no padding. */
export type FaceFrameFormat = 'rgb' | 'rgba';

/** One camera frame. Not mirrored: the citizen's left is the image's right. */
export interface FaceFrame {
  readonly width: number;
  readonly height: number;
  readonly format: FaceFrameFormat;
  /** width × height × (3 | 4) bytes, owning its whole ArrayBuffer (so it can be transferred to a worker). */
  readonly data: Uint8Array;
  /** Monotonic clock time it was taken (Clock.elapsedMs()). */
  readonly capturedAt: number;
}

/** What the UI asks the citizen to do now; a simulated camera follows it, a real one ignores it. */
export type FacePrompt = 'neutral' | 'turnLeft' | 'turnRight' | 'blink';

/**
 * Where frames come from: the simulator's renderer or the renderer process's feed. The simulator satisfies it
 * structurally (devices-sim may not import drivers/devices, §2); composition.ts checks the assignment.
 */
export interface FaceFrameSource {
  /** The newest frame, a fresh buffer the caller owns (and must wipe); null when none is available. */
  grab(): FaceFrame | null;
  /** What the citizen is asked to do now. */
  prompt(prompt: FacePrompt): void;
  /** Frames flow (the camera is on). */
  readonly streaming: boolean;
  setStreaming(on: boolean): void;
  /**
   * Whether the camera is there, for a source that knows it apart from its frames (the uvc feed, whose frames
   * arrive at the renderer's pace: no new frame yet is not a missing camera). Absent: a null `grab()` says so.
   */
  readonly available?: boolean;
  /** Told when `available` changes, so the device's status follows at once (not only at the next grab). */
  onAvailabilityChanged?(listener: (available: boolean) => void): () => void;
}

export interface FaceStream {
  stop(): void;
}

export interface FaceStreamOptions extends CommandOptions {
  /** Frames per second to deliver, at most (a busy consumer drops frames, it never queues them). */
  fps: number;
}

export interface FaceCamera extends Device {
  /** One frame now (bounded like every command); the caller wipes it. */
  grab(options?: CommandOptions): Promise<FaceFrame>;
  /** Frames at up to `fps` until stopped; each one the listener's to wipe. Sets `camera.streaming`. */
  stream(onFrame: (frame: FaceFrame) => void, options: FaceStreamOptions): FaceStream;
  /** Passes the current prompt to the source (the simulator follows it). */
  prompt(prompt: FacePrompt): void;
}

/** Zeroes a frame's pixels (§8.7); a buffer already transferred to a worker is empty and stays so. */
export function wipeFrame(frame: FaceFrame): void {
  frame.data.fill(0);
}
