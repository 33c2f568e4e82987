/**
 * The FaceCamera device (drivers/devices/face-camera-types.ts) over any FaceFrameSource: the simulator for the
 * `sim` transport, the renderer's getUserMedia feed for `uvc`. Lifecycle and status as every device
 * (ARCHITECTURE.md §3): `camera.streaming` while a stream runs; a source that yields no frame is `noDevice`.
 * Streams tick on the injected clock and never queue: a frame is taken only when its turn comes.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { FaceCamera, FaceFrame, FaceFrameSource, FacePrompt, FaceStream, FaceStreamOptions } from '../face-camera-types';
import { LifecycleState } from '../lifecycle';

export interface FrameSourceCameraOptions {
  id: string;
  driver: string;
  model: string;
  roles?: readonly DeviceRole[];
  source: FaceFrameSource;
  clock: Clock;
}

export class FrameSourceFaceCamera implements FaceCamera {
  readonly id: string;
  readonly driver: string;
  readonly model: string;
  readonly roles: readonly DeviceRole[];
  private readonly life = new LifecycleState();
  private readonly holder = new StatusHolder({ device: 'starting', camera: { streaming: false } });
  private readonly streams = new Set<TimerHandle>();
  private frames = 0;
  private missed = 0;
  private unwatch: (() => void) | null = null;

  constructor(private readonly options: FrameSourceCameraOptions) {
    this.id = options.id;
    this.driver = options.driver;
    this.model = options.model;
    this.roles = [...(options.roles ?? ['faceCamera'])];
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  async open(): Promise<void> {
    this.life.opened();
    this.holder.update({ device: this.options.source.available === false ? 'noDevice' : 'online' });
    this.unwatch ??= this.options.source.onAvailabilityChanged?.((available) => this.holder.update({ device: available ? 'online' : 'noDevice' })) ?? null;
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.cancel();
    this.streams.clear();
    this.setStreaming();
    this.unwatch?.();
    this.unwatch = null;
    this.life.closed();
  }

  claim(owner: string): void {
    this.life.claim(this.id, owner);
  }

  release(owner: string): void {
    this.life.release(owner);
  }

  async enable(): Promise<void> {
    this.life.enable(this.id);
  }

  async disable(): Promise<void> {
    this.life.disable();
  }

  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    return this.holder.onChanged(listener);
  }

  async grab(options: CommandOptions = {}): Promise<FaceFrame> {
    if (this.life.value === 'closed') throw new DeviceError('deviceNotReady', `${this.id}: open it before taking frames`);
    if (options.signal?.aborted) throw new DeviceError('canceled', 'canceled');
    const frame = this.take();
    if (frame === null) throw new DeviceError('noDevice', `${this.id}: no frame from the camera`);
    return frame;
  }

  stream(onFrame: (frame: FaceFrame) => void, options: FaceStreamOptions): FaceStream {
    if (this.life.value === 'closed') throw new DeviceError('deviceNotReady', `${this.id}: open it before streaming`);
    if (!(options.fps > 0 && options.fps <= 60)) throw new RangeError('fps must be in (0, 60]');
    const timer = this.options.clock.every(1000 / options.fps, () => {
      const frame = this.take();
      if (frame) onFrame(frame);
    });
    this.streams.add(timer);
    this.setStreaming();
    const stop = (): void => {
      timer.cancel();
      this.streams.delete(timer);
      this.setStreaming();
    };
    options.signal?.addEventListener('abort', stop, { once: true });
    return { stop };
  }

  prompt(prompt: FacePrompt): void {
    this.options.source.prompt(prompt);
  }

  /** internal and external: a frame of the expected size arrives (and is wiped at once); interactive: the same. */
  async healthCheck(level: HealthLevel): Promise<HealthReport> {
    const frame = this.life.value === 'closed' ? null : this.take();
    if (frame === null) return { level, ok: false, findings: ['no frame from the camera'], error: new DeviceError('noDevice', `${this.id}: no frame`).info() };
    const finding = `a ${frame.width}×${frame.height} ${frame.format} frame arrived`;
    frame.data.fill(0);
    return { level, ok: true, findings: [finding] };
  }

  statistics(): Record<string, number> {
    return { frames: this.frames, missedFrames: this.missed };
  }

  private take(): FaceFrame | null {
    const frame = this.options.source.grab();
    if (frame === null) {
      this.missed++;
      // A source that tells its camera's presence apart (the uvc feed): between its frames the camera stays online.
      this.holder.update({ device: this.options.source.available === true ? 'online' : 'noDevice' });
      return null;
    }
    this.frames++;
    this.holder.update({ device: 'online' });
    return frame;
  }

  private setStreaming(): void {
    const on = this.streams.size > 0;
    this.options.source.setStreaming(on);
    this.holder.update({ camera: { streaming: on } });
  }
}
