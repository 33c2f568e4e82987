/**
 * A document camera behind its vendor's local HTTP service (docs/document-camera.md; protocols.md §6; issue 17
 * §3). Lifecycle and status as every device (ARCHITECTURE.md §3): `GET /api/device/info` at open and every
 * `statusPollMs` while idle (no camera listed or nothing listening → `noDevice`; no answer → `offline`,
 * `silent`), `camera.streaming` while a capture or preview polls, `camera.documentPresent` from the preview
 * frames. The camera is opened (`POST /api/camera/open`) at the first capture or preview and closed when the
 * last one ends, so its lamp and sensor rest between citizens. One request at a time through the command queue,
 * each bounded on the injected clock; status polls share it.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta } from '../../../common/device';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { downscaleToGrey } from '../../../common/document-image/pixel-image';
import { detectPage } from '../../../common/document-image/page-detect';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import type { CaptureOptions, DocumentCamera, DocumentCapture, PreviewFrame, PreviewOptions, PreviewStream } from './document-camera-types';
import { LifecycleState } from '../lifecycle';
import { pause } from '../pause';
import { DeviceCounters, MemoryStatisticsStore, type StatisticsStore } from '../statistics';
import { PREVIEW_GREY_WIDTH, captureStillPage, type CaptureSource } from './capture-loop';
import { docCamModel, type DocCamModel } from './doccam-models';
import { decodeCameraJpeg } from './page-processing';
import { bilingual, VendorClient } from './vendor-client';
import { isVendorStatus, parseDeviceInfo, parseImageReply, vendorStatus } from './vendor-reply';

/** A full-size frame's request may take this many times `requestTimeoutMs`. */
const FULL_FRAME_FACTOR = 4;

export interface HttpDocumentCameraOptions {
  id: string;
  driver?: string;
  model: string;
  roles?: readonly DeviceRole[];
  /** The service's base URL, asked at every request (`http://127.0.0.1:<port>`). */
  endpoint: () => string;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** Each request's bound; default 3000 ms (a full-size frame is a few hundred kB on loopback). */
  requestTimeoutMs?: number;
  /** Idle status poll; default 5000 ms. */
  statusPollMs?: number;
  fetch?: typeof fetch;
}

export class HttpDocumentCamera implements DocumentCamera {
  readonly id: string;
  readonly driver: string;
  readonly model: string;
  readonly roles: readonly DeviceRole[];
  private readonly spec: DocCamModel;
  private readonly life = new LifecycleState();
  private readonly holder = new StatusHolder({ device: 'starting', camera: { streaming: false, documentPresent: false } });
  private readonly queue: CommandQueue;
  private readonly client: VendorClient;
  private readonly counters: DeviceCounters;
  private readonly log: Logger;
  private readonly requestTimeoutMs: number;
  private poll: TimerHandle | null = null;
  private streams = 0;
  private cameraOpen = false;
  private lastSilent = false;

  constructor(private readonly options: HttpDocumentCameraOptions) {
    this.id = options.id;
    this.driver = options.driver ?? 'doccam';
    this.model = options.model;
    this.roles = [...(options.roles ?? ['documentCamera'])];
    this.spec = docCamModel(options.model);
    this.queue = new CommandQueue(options.clock);
    this.client = new VendorClient({ endpoint: options.endpoint, ...(options.fetch && { fetch: options.fetch }) });
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    this.log = (options.log ?? SILENT_LOGGER).child(`device:${options.id}`);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 3000;
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  get silent(): boolean {
    return this.lastSilent;
  }

  /** Reads the service's device info; nothing listening is `noDevice` (resolved), no answer rejects `timeout`. */
  async open(options: CommandOptions = {}): Promise<void> {
    this.life.opened();
    this.poll ??= this.options.clock.every(this.options.statusPollMs ?? 5000, () => {
      if (this.streams === 0 && this.queue.length === 0) void this.refreshStatus({}).catch(() => undefined);
    });
    try {
      await this.refreshStatus(options);
    } catch (err) {
      if (!(err instanceof DeviceError) || err.code !== 'noDevice') throw err;
    }
  }

  async close(): Promise<void> {
    this.poll?.cancel();
    this.poll = null;
    if (this.cameraOpen) await this.closeCamera().catch(() => undefined);
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

  async capture(options: CaptureOptions): Promise<DocumentCapture> {
    this.assertOpen('capturing');
    this.streamStarted();
    try {
      const capture = await captureStillPage(this.source(), options);
      this.counters.add('captures');
      this.log.info('document captured', { width: capture.width, height: capture.height, cropped: capture.cropped, deskewDeg: Number(capture.deskewDeg.toFixed(2)) });
      return capture;
    } catch (err) {
      this.counters.add('captureErrors');
      throw err;
    } finally {
      this.streamEnded();
    }
  }

  preview(onFrame: (frame: PreviewFrame) => void, options: PreviewOptions = {}): PreviewStream {
    this.assertOpen('previewing');
    const stopper = new AbortController();
    const stop = (): void => stopper.abort();
    options.signal?.addEventListener('abort', stop, { once: true });
    const everyMs = Math.max(this.spec.pollMs, 1000 / (options.fps ?? 1000 / this.spec.pollMs));
    this.streamStarted();
    const source = this.source();
    const loop = async (signal: AbortSignal): Promise<void> => {
      await source.ensureOpen(signal);
      while (!signal.aborted) {
        const jpeg = await source.grab('preview', signal).catch((err: unknown) => {
          if (!signal.aborted) this.log.warn('preview frame failed', { code: DeviceError.from(err).code });
          return null;
        });
        if (jpeg !== null && !signal.aborted) {
          const frame = decodeCameraJpeg(jpeg);
          const documentPresent = detectPage(downscaleToGrey(frame, PREVIEW_GREY_WIDTH)) !== null;
          frame.data.fill(0);
          source.sawDocument(documentPresent);
          onFrame({ jpeg, width: frame.width, height: frame.height, documentPresent, capturedAt: this.options.clock.elapsedMs() });
        }
        await pause(this.options.clock, everyMs, signal);
      }
    };
    void loop(stopper.signal)
      .catch((err: unknown) => this.log.warn('preview stopped', { code: DeviceError.from(err).code }))
      .finally(() => this.streamEnded());
    return { stop };
  }

  async setLight(on: boolean, options: CommandOptions = {}): Promise<void> {
    this.assertOpen('switching the lamp');
    if (!this.spec.hasLight) throw new DeviceError('unsupported', `${this.spec.displayName} has no lamp`);
    const body = await this.request('light', (s) => this.client.post('/api/camera/light', { on }, s), options);
    const status = vendorStatus(body);
    if (status.state !== 'ok') throw new DeviceError('hardwareError', bilingual('补光灯切换失败', `light ${on ? 'on' : 'off'}: ${status.message}`));
  }

  async healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    if (level === 'internal') return { level, ok: true, findings: [`model ${this.spec.displayName}: capture ${this.spec.captureWidth}×${this.spec.captureHeight}, poll ${this.spec.pollMs} ms`] };
    try {
      const findings = [await this.refreshStatus(options)];
      if (level === 'interactive') {
        const source = this.source();
        this.streamStarted();
        try {
          const signal = options.signal ?? new AbortController().signal;
          await source.ensureOpen(signal);
          let jpeg: Uint8Array | null = null;
          for (let i = 0; i <= this.spec.warmUpPolls && jpeg === null; i++) {
            jpeg = await source.grab('preview', signal);
            if (jpeg === null) await pause(this.options.clock, this.spec.pollMs, signal);
          }
          if (jpeg === null) throw new DeviceError('hardwareError', bilingual('摄像头无图像', `no image after ${this.spec.warmUpPolls} polls`));
          const frame = decodeCameraJpeg(jpeg);
          findings.push(`a ${frame.width}×${frame.height} preview frame arrived; a document ${detectPage(downscaleToGrey(frame, PREVIEW_GREY_WIDTH)) ? 'lies' : 'does not lie'} on the plate`);
          frame.data.fill(0);
          jpeg.fill(0);
        } finally {
          this.streamEnded();
        }
      }
      return { level, ok: this.holder.status.device === 'online', findings };
    } catch (err) {
      const e = DeviceError.from(err);
      return { level, ok: false, findings: [e.message], error: e.info() };
    }
  }

  statistics(): Record<string, number> {
    return this.counters.snapshot();
  }

  /** One info round; returns a finding for health checks. */
  private async refreshStatus(options: CommandOptions): Promise<string> {
    const body = await this.request('device info', (s) => this.client.get('/api/device/info', s), options);
    const info = parseDeviceInfo(body);
    if (isVendorStatus(info)) {
      this.holder.update({ device: info.state === 'notInitialised' ? 'starting' : 'hardwareError' });
      return `the service answered state ${info.code ?? '?'} (${info.message})`;
    }
    const present = info.cameras.some((c) => c.index === this.spec.cameraIndex);
    this.holder.update({ device: present ? 'online' : 'noDevice' });
    if (!present) this.cameraOpen = false;
    return present ? `the service lists ${info.cameras.length} camera(s)${info.model ? ` (${info.model})` : ''}` : 'the service runs but lists no document camera (unplugged?)';
  }

  /** A queued request; its outcome also tells the common status (no answer, nothing listening). */
  private async request(name: string, body: (signal: AbortSignal) => Promise<unknown>, options: CommandOptions): Promise<unknown> {
    try {
      const reply = await this.queue.run(name, body, { timeoutMs: options.timeoutMs ?? this.requestTimeoutMs, ...(options.signal && { signal: options.signal }) });
      this.lastSilent = false;
      return reply;
    } catch (err) {
      const e = DeviceError.from(err);
      if (e.code === 'timeout') {
        this.lastSilent = true;
        this.holder.update({ device: 'offline' });
      } else if (e.code === 'noDevice') {
        this.cameraOpen = false;
        this.holder.update({ device: 'noDevice' });
      }
      throw e;
    }
  }

  private source(): CaptureSource {
    return {
      clock: this.options.clock,
      pollMs: this.spec.pollMs,
      ensureOpen: (signal) => this.openCamera(signal),
      grab: (kind, signal) => this.grab(kind, signal),
      sawDocument: (present) => void this.holder.update({ camera: { documentPresent: present } }),
    };
  }

  private async openCamera(signal: AbortSignal): Promise<void> {
    if (this.cameraOpen) return;
    const { cameraIndex: index, captureWidth: width, captureHeight: height } = this.spec;
    const status = vendorStatus(await this.request('open camera', (s) => this.client.post('/api/camera/open', { index, width, height }, s), { signal }));
    if (status.state === 'ok') {
      this.cameraOpen = true;
      this.holder.update({ device: 'online' });
      return;
    }
    if (status.state === 'noImage' || status.state === 'notOpen') {
      this.holder.update({ device: 'noDevice' });
      throw new DeviceError('noDevice', bilingual('高拍仪摄像头打不开（未连接？）', `the service could not open camera ${index} (state ${status.code}): unplugged?`));
    }
    throw new DeviceError(status.state === 'notInitialised' ? 'deviceNotReady' : 'hardwareError', bilingual('高拍仪摄像头打开失败', `open camera ${index}: ${status.message}`));
  }

  private async grab(kind: 'preview' | 'full', signal: AbortSignal): Promise<Uint8Array | null> {
    const path = kind === 'preview' ? '/api/camera/image?preview=1' : '/api/camera/image';
    // A full-size frame is ten times a preview's bytes, and the service encodes it on demand.
    const timeoutMs = kind === 'full' ? FULL_FRAME_FACTOR * this.requestTimeoutMs : this.requestTimeoutMs;
    const reply = parseImageReply(await this.request(`image (${kind})`, (s) => this.client.get(path, s), { signal, timeoutMs }));
    if (reply.state === 'ok') {
      this.holder.update({ device: 'online' });
      return reply.jpeg;
    }
    if (reply.state === 'noImage') return null; // warming up, or between exposures
    if (reply.state === 'notOpen' || reply.state === 'notInitialised') {
      this.cameraOpen = false; // the service restarted or dropped the camera: open again
      await this.openCamera(signal);
      return null;
    }
    throw new DeviceError('hardwareError', bilingual('高拍仪取图失败', `image: ${reply.message}`));
  }

  private assertOpen(what: string): void {
    if (this.life.value === 'closed') throw new DeviceError('deviceNotReady', `${this.id}: open it before ${what}`);
  }

  private streamStarted(): void {
    this.streams++;
    this.holder.update({ camera: { streaming: true } });
  }

  private streamEnded(): void {
    if (--this.streams > 0) return;
    this.holder.update({ camera: { streaming: false } });
    if (this.cameraOpen) void this.closeCamera().catch(() => undefined);
  }

  private async closeCamera(): Promise<void> {
    this.cameraOpen = false;
    await this.request('close camera', (s) => this.client.post('/api/camera/close', {}, s), {});
  }
}
