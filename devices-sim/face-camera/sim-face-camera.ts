/**
 * A simulated face camera (issue 14 item 5; ARCHITECTURE.md §4): frames rendered in the host from
 * @vladmandic/face-api's sample image (sample-face.ts, scene-render.ts), on demand, at the injected clock's time.
 * Scenes, set by `POST /sim/devices/:id/scene` `{"scene": …}` (scene-request.ts): `live` follows the prompt the
 * kiosk shows (head-motion.ts: turns by a face warp, blinks by painting the eyes shut), `photo` is that face
 * still with sensor noise, `movedPhoto` the same picture moved, turned and scaled in the plane, `none` an empty
 * wall. It is the frame source of the `sim` transport: structurally a FaceFrameSource
 * (drivers/devices/face-camera-types.ts), which devices-sim may not import (§2). Each frame is a fresh buffer
 * the caller owns and wipes.
 */
import type { Clock } from '../../common/clock';
import type { DeviceRole, DeviceStatus } from '../../common/device';
import { SeededRandom } from '../seeded-random';
import type { SimAction, SimDevice, SimOutput } from '../sim-device';
import { parseCameraFaults, type CameraFaults } from './camera-faults';
import { DEFAULT_MOTION, livePose, movedPhotoPose, type MotionTiming, type SimPrompt } from './head-motion';
import { loadSampleFace } from './sample-face';
import { renderEmpty, renderFace } from './scene-render';
import { parseSceneRequest, SCENES, type Scene } from './scene-request';

/** The frame shape of drivers/devices/face-camera-types.ts FaceFrame (kept in step by a type test). */
export interface SimFaceFrame {
  readonly width: number;
  readonly height: number;
  readonly format: 'rgb';
  readonly data: Uint8Array;
  readonly capturedAt: number;
}

export interface SimFaceCameraOptions {
  id: string;
  model: string;
  roles?: readonly DeviceRole[];
  clock: Clock;
  /** Frame size; default 320×240 (what the detector is tuned for, face-analyzer.ts). */
  width?: number;
  height?: number;
  scene?: Scene;
  /** Sensor noise, ± this much per byte (default 2). */
  noise?: number;
  seed?: number;
  motion?: Partial<MotionTiming>;
}

export class SimFaceCamera implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly width: number;
  readonly height: number;
  private base: Uint8Array | null = null;
  private scene: Scene;
  private sceneSince: number;
  private currentPrompt: SimPrompt = 'neutral';
  private promptSince: number;
  private faults: Required<CameraFaults> = { unplugged: false, frozen: false };
  private last: SimFaceFrame | null = null;
  private on = false;
  private noise: SeededRandom;
  private readonly motion: MotionTiming;
  private readonly listeners = new Set<(status: DeviceStatus) => void>();

  constructor(private readonly options: SimFaceCameraOptions) {
    this.id = options.id;
    this.model = options.model;
    this.roles = [...(options.roles ?? ['faceCamera'])];
    this.width = options.width ?? 320;
    this.height = options.height ?? 240;
    this.scene = options.scene ?? 'live';
    this.sceneSince = options.clock.elapsedMs();
    this.promptSince = this.sceneSince;
    this.noise = new SeededRandom(options.seed ?? 1);
    this.motion = { ...DEFAULT_MOTION, ...options.motion };
  }

  /**
   * Nothing to open: the sample image is decoded at the first frame (about 0.5 s, once per process), so a
   * kiosk whose citizens never reach the face step never pays for it at start-up.
   */
  async start(): Promise<void> {}

  async stop(): Promise<void> {
    this.setStreaming(false);
  }

  get streaming(): boolean {
    return this.on;
  }

  setStreaming(on: boolean): void {
    if (this.on === on) return;
    this.on = on;
    this.notify();
  }

  /** The frame the camera sees now; null when unplugged. A fresh buffer each time, the caller's to wipe. */
  grab(): SimFaceFrame | null {
    if (this.faults.unplugged) return null;
    if (this.faults.frozen && this.last) return { ...this.last, data: this.last.data.slice() };
    const now = this.options.clock.elapsedMs();
    const data = new Uint8Array(this.width * this.height * 3);
    const amp = this.options.noise ?? 2;
    if (this.scene === 'none') renderEmpty(data, this.width, this.height, this.noise, amp);
    else {
      this.base ??= loadSampleFace();
      const pose = this.scene === 'live' ? livePose(this.currentPrompt, now - this.promptSince, this.motion) : this.scene === 'movedPhoto' ? movedPhotoPose(now - this.sceneSince) : { turn: 0, closure: 0 };
      renderFace(this.base, data, this.width, this.height, pose, this.noise, amp);
    }
    const frame: SimFaceFrame = { width: this.width, height: this.height, format: 'rgb', data, capturedAt: now };
    if (this.faults.frozen) this.last = { ...frame, data: data.slice() };
    else this.wipeLast();
    return frame;
  }

  /** The kiosk's current prompt; only the `live` scene's citizen follows it. */
  prompt(prompt: SimPrompt): void {
    if (prompt === this.currentPrompt) return;
    this.currentPrompt = prompt;
    this.promptSince = this.options.clock.elapsedMs();
  }

  get currentScene(): Scene {
    return this.scene;
  }

  setScene(scene: Scene): void {
    this.scene = scene;
    this.sceneSince = this.options.clock.elapsedMs();
    this.wipeLast();
  }

  status(): DeviceStatus {
    return { device: this.faults.unplugged ? 'noDevice' : 'online', camera: { streaming: this.on && !this.faults.unplugged } };
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    const faults = parseCameraFaults(body);
    this.faults = { ...this.faults, ...faults };
    if (!this.faults.frozen) this.wipeLast();
    this.notify();
    return this.status();
  }

  clearFaults(): void {
    this.faults = { unplugged: false, frozen: false };
    this.wipeLast();
    this.notify();
  }

  /** A camera prints nothing; its frames are session data, never kept for inspection. */
  printed(): SimOutput[] {
    return [];
  }

  /** Live scene, neutral, not streaming, healthy, noise generator re-seeded. */
  reset(): void {
    this.scene = 'live';
    this.currentPrompt = 'neutral';
    this.sceneSince = this.promptSince = this.options.clock.elapsedMs();
    this.noise = new SeededRandom(this.options.seed ?? 1);
    this.on = false;
    this.clearFaults();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      scene: {
        description: `POST {"scene": ${SCENES.join(' | ')}} sets what stands before the camera: a citizen following the prompts, a photo, a photo moved in the plane, nobody`,
        start: (body) => {
          this.setScene(parseSceneRequest(body));
          return this.status();
        },
      },
    };
  }

  private wipeLast(): void {
    this.last?.data.fill(0);
    this.last = null;
  }

  private notify(): void {
    const status = this.status();
    for (const l of [...this.listeners]) l(status);
  }
}
