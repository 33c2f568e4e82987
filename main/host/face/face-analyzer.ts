/**
 * The host's handle on the face worker (ARCHITECTURE.md §8.9; issue 14 item 5): starts it, sends frames as
 * transferred buffers and answers their analyses, one frame in flight at most. Back-pressure: a frame offered
 * while the worker is busy, starting or restarting is dropped (and wiped) at once, never queued. A reply later
 * than `timeoutMs` (injected clock) or a worker that dies rejects the frame in flight and starts a new worker;
 * after `maxRestarts` failures in a row without one good answer it gives up (`unavailable`). `dispose()` ends it.
 */
import { Worker } from 'node:worker_threads';
import type { Clock, TimerHandle } from '../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { wipeFrame, type FaceFrame } from '../../../drivers/devices/face-camera-types';
import type { FromWorker, ToWorker, DetectorSettings, WorkerData } from './face-worker-protocol';
import type { FrameAnalysis } from './face-types';
import { faceWorkerSpec, type WorkerSpec } from './worker-spec';

export const DEFAULT_DETECTOR: DetectorSettings = { inputSize: 224, scoreThreshold: 0.5 };

export interface FaceAnalyzerOptions {
  clock: Clock;
  log?: Logger;
  /** Longest wait for one answer (default 3000 ms). */
  timeoutMs?: number;
  /** Longest wait for a worker to load its models (default 30000 ms). */
  startTimeoutMs?: number;
  maxRestarts?: number;
  detector?: DetectorSettings;
  /** Default: face-worker.ts / .mjs next to this module (worker-spec.ts). Tests give a fake. */
  worker?: WorkerSpec;
}

export type FaceAnalyzerErrorCode = 'timeout' | 'crashed' | 'failed' | 'unavailable' | 'disposed';

export class FaceAnalyzerError extends Error {
  override readonly name = 'FaceAnalyzerError';
  constructor(
    readonly code: FaceAnalyzerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface FaceAnalyzerStats {
  analysed: number;
  dropped: number;
  restarts: number;
  /** Mean time the worker spent per analysed frame, ms (its own measure, for the benchmark). */
  meanWorkerMs: number;
  backend: string | null;
}

interface InFlight {
  id: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  timer: TimerHandle;
  map(msg: FromWorker): unknown;
}

const channelsOf = (frame: FaceFrame): 3 | 4 => (frame.format === 'rgba' ? 4 : 3);

/** The frame's pixels in a buffer of their own, to transfer; the frame's view is emptied (moved) or wiped (copied). */
function takePixels(frame: FaceFrame): ArrayBuffer {
  const { data } = frame;
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) return data.buffer;
  const copy = data.slice();
  wipeFrame(frame);
  return copy.buffer;
}

export class FaceAnalyzer {
  private worker: Worker | null = null;
  private ready = false;
  private starting: Promise<void> | null = null;
  private inFlight: InFlight | null = null;
  private nextId = 1;
  private failures = 0;
  private disposed = false;
  private gaveUp = false;
  private readonly counters = { analysed: 0, dropped: 0, restarts: 0, workerMs: 0 };
  private backend: string | null = null;
  private readonly log: Logger;

  constructor(private readonly options: FaceAnalyzerOptions) {
    this.log = options.log ?? SILENT_LOGGER;
  }

  /** Starts the worker and resolves once its models are loaded. */
  start(): Promise<void> {
    if (this.disposed) return Promise.reject(new FaceAnalyzerError('disposed', 'the face analyzer was disposed'));
    this.starting ??= this.spawn();
    return this.starting;
  }

  /** True while a frame is in the worker or the worker is not ready: a frame offered now is dropped. */
  get busy(): boolean {
    return !this.ready || this.inFlight !== null;
  }

  /**
   * Analyses one frame, or drops it (null) when busy. The frame's pixels are moved to the worker either way
   * (or zeroed here when dropped): the caller keeps a copy if it needs one.
   */
  analyse(frame: FaceFrame, frameId: number): Promise<FrameAnalysis | null> {
    if (this.disposed || this.gaveUp) {
      wipeFrame(frame);
      return Promise.reject(new FaceAnalyzerError(this.disposed ? 'disposed' : 'unavailable', 'the face worker is not available'));
    }
    if (this.busy) {
      wipeFrame(frame);
      this.counters.dropped++;
      return Promise.resolve(null);
    }
    const { width, height, capturedAt } = frame;
    return this.request<FrameAnalysis>(
      (id) => ({ type: 'analyse', id, width, height, channels: channelsOf(frame), pixels: takePixels(frame) }),
      (msg) => {
        if (msg.type !== 'result') throw new FaceAnalyzerError('failed', 'unexpected answer');
        this.counters.analysed++;
        this.counters.workerMs += msg.ms;
        return { frameId, atMs: capturedAt, width, height, faces: msg.faces };
      },
    );
  }

  /** JPEG of a frame (jpeg-js, in the worker); waits for a busy worker's answer first. The frame is consumed. */
  async encodeJpeg(frame: FaceFrame, quality = 90): Promise<Uint8Array> {
    while (this.inFlight !== null || !this.ready) {
      if (this.disposed || this.gaveUp) break;
      await (this.inFlight ? this.settled() : this.start());
    }
    if (this.disposed || this.gaveUp) {
      wipeFrame(frame);
      throw new FaceAnalyzerError(this.disposed ? 'disposed' : 'unavailable', 'the face worker is not available');
    }
    const { width, height } = frame;
    return this.request<Uint8Array>(
      (id) => ({ type: 'encodeJpeg', id, width, height, channels: channelsOf(frame), pixels: takePixels(frame), quality }),
      (msg) => {
        if (msg.type !== 'jpeg') throw new FaceAnalyzerError('failed', 'unexpected answer');
        return new Uint8Array(msg.jpeg);
      },
    );
  }

  stats(): FaceAnalyzerStats {
    const { analysed, dropped, restarts, workerMs } = this.counters;
    return { analysed, dropped, restarts, meanWorkerMs: analysed ? workerMs / analysed : 0, backend: this.backend };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.rejectInFlight(new FaceAnalyzerError('disposed', 'the face analyzer was disposed'));
    const w = this.worker;
    this.worker = null;
    this.ready = false;
    if (w) await w.terminate();
  }

  private settled(): Promise<void> {
    const pending = this.inFlight;
    return new Promise((resolve) => {
      if (!pending) return resolve();
      const { resolve: res, reject: rej } = pending;
      pending.resolve = (v) => {
        res(v);
        resolve();
      };
      pending.reject = (e) => {
        rej(e);
        resolve();
      };
    });
  }

  private request<T>(build: (id: number) => ToWorker, map: (msg: FromWorker) => T): Promise<T> {
    const worker = this.worker as Worker;
    const id = this.nextId++;
    const message = build(id);
    return new Promise<T>((resolve, reject) => {
      const timer = this.options.clock.setTimer(this.options.timeoutMs ?? 3000, () => this.fault('timeout', `no answer from the face worker in ${this.options.timeoutMs ?? 3000} ms`));
      this.inFlight = { id, resolve: resolve as (v: unknown) => void, reject, timer, map };
      worker.postMessage(message, [message.pixels]);
    });
  }

  private spawn(): Promise<void> {
    const spec = this.options.worker ?? faceWorkerSpec();
    const data: WorkerData = { detector: this.options.detector ?? DEFAULT_DETECTOR };
    const worker = new Worker(spec.entry, { eval: spec.eval, workerData: data });
    this.worker = worker;
    this.ready = false;
    return new Promise<void>((resolve, reject) => {
      const timer = this.options.clock.setTimer(this.options.startTimeoutMs ?? 30_000, () => {
        onStartFailure(new FaceAnalyzerError('timeout', 'the face worker did not load its models in time'));
      });
      let startSettled = false;
      const onStartFailure = (err: Error): void => {
        if (startSettled) return;
        startSettled = true;
        timer.cancel();
        reject(err);
        this.fault(err instanceof FaceAnalyzerError ? err.code : 'crashed', err.message);
      };
      worker.on('message', (msg: FromWorker) => {
        if (worker !== this.worker) return;
        if (msg.type === 'ready') {
          startSettled = true;
          timer.cancel();
          this.ready = true;
          this.backend = msg.backend;
          this.log.info('face worker ready', { backend: msg.backend });
          resolve();
          return;
        }
        this.answer(msg);
      });
      worker.on('error', (err) => {
        if (worker !== this.worker) return;
        if (!startSettled) onStartFailure(err);
        else this.fault('crashed', err.message);
      });
      worker.on('exit', (code) => {
        if (worker !== this.worker) return;
        if (!startSettled) onStartFailure(new FaceAnalyzerError('crashed', `the face worker exited (${code}) while starting`));
        else this.fault('crashed', `the face worker exited (${code})`);
      });
    });
  }

  private answer(msg: FromWorker): void {
    const pending = this.inFlight;
    if (pending === null || msg.type === 'ready' || msg.id !== pending.id) return;
    this.inFlight = null;
    pending.timer.cancel();
    if (msg.type === 'error') {
      pending.reject(new FaceAnalyzerError('failed', msg.message));
      return;
    }
    this.failures = 0;
    try {
      pending.resolve(pending.map(msg));
    } catch (err) {
      pending.reject(err as Error);
    }
  }

  /** A timed-out or dead worker: fail the frame in flight, end the worker, start another (or give up). */
  private fault(code: FaceAnalyzerErrorCode, message: string): void {
    if (this.disposed) return;
    this.log.warn('face worker fault', { code, message });
    this.rejectInFlight(new FaceAnalyzerError(code, message));
    const old = this.worker;
    this.worker = null;
    this.ready = false;
    this.starting = null;
    if (old) void old.terminate();
    this.failures++;
    if (this.failures > (this.options.maxRestarts ?? 3)) {
      this.gaveUp = true;
      this.log.error('face worker gave up', { failures: this.failures });
      return;
    }
    this.counters.restarts++;
    this.start().catch(() => undefined);
  }

  private rejectInFlight(err: Error): void {
    const pending = this.inFlight;
    if (!pending) return;
    this.inFlight = null;
    pending.timer.cancel();
    pending.reject(err);
  }
}
