/**
 * One liveness attempt end to end (issue 14 item 5): frames from a face camera source at up to `fps`, each sent
 * to the face worker (face-analyzer.ts; dropped at the source while the worker is busy), its analysis fed to the
 * engine (liveness.ts), the engine's prompt passed back to the source (the simulator follows it) and to `onState`
 * for the UI. The best neutral frame is kept, as a copy, until the end, then encoded to JPEG in the worker for the
 * platform. The check may name a frame of its still phase as the best only when that phase completes, so copies
 * of the last `stillFrames` analysed frames are held until then; every other copy is zeroed at once, and
 * `wipe()` zeroes what is left (the session's end, §8.7).
 * Time only through the injected Clock.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { wipeFrame, type FaceFrame, type FacePrompt } from '../../../drivers/devices/face-camera-types';
import type { FaceAnalyzer } from './face-analyzer';
import { challengeOrder } from './challenge-order';
import type { Challenge, LivenessFailure, LivenessPrompt, LivenessState } from './face-types';
import { LivenessCheck } from './liveness';
import { DEFAULT_LIVENESS_CONFIG, type LivenessConfig } from './liveness-config';

/** The part of a face camera a run needs: the simulator and the uvc feed both give it. */
export interface LivenessCamera {
  grab(): FaceFrame | null;
  prompt(prompt: FacePrompt): void;
}

export interface FaceLivenessOptions {
  camera: LivenessCamera;
  analyzer: FaceAnalyzer;
  clock: Clock;
  /** Numbers in [0, 1) for the challenge order. */
  random: () => number;
  config?: Partial<LivenessConfig>;
  /** Frames offered per second (default 10); the worker's pace decides how many are analysed. */
  fps?: number;
  challenges?: readonly Challenge[];
  onState?: (state: LivenessState) => void;
}

export type LivenessOutcome =
  | { outcome: 'passed'; jpeg: Uint8Array; width: number; height: number }
  | { outcome: 'failed'; failure: LivenessFailure }
  | { outcome: 'canceled' }
  /** The worker could not encode the frame (it crashed or gave up). */
  | { outcome: 'error'; message: string };

const CAMERA_PROMPT: Partial<Record<LivenessPrompt, FacePrompt>> = { turnLeft: 'turnLeft', turnRight: 'turnRight', blink: 'blink' };

const copyFrame = (f: FaceFrame): FaceFrame => ({ width: f.width, height: f.height, format: f.format, capturedAt: f.capturedAt, data: f.data.slice() });

export class FaceLivenessRun {
  private readonly check: LivenessCheck;
  private timer: TimerHandle | null = null;
  private frameId = 0;
  private best: { frameId: number; frame: FaceFrame } | null = null;
  /** Copies of the latest analysed frames the check may still choose as its best, oldest first. */
  private readonly recent = new Map<number, FaceFrame>();
  private readonly recentLimit: number;
  private finish: ((o: LivenessOutcome) => void) | null = null;
  private ended = false;
  private lastPrompt: LivenessPrompt | null = null;

  constructor(private readonly options: FaceLivenessOptions) {
    const config = { ...DEFAULT_LIVENESS_CONFIG, ...options.config };
    this.check = new LivenessCheck(challengeOrder(options.random, options.challenges), config);
    this.recentLimit = Math.max(1, config.stillFrames);
  }

  get state(): LivenessState {
    return this.check.current;
  }

  /** Runs until the check passes or fails, or `cancel()`. */
  run(): Promise<LivenessOutcome> {
    if (this.finish || this.ended) return Promise.reject(new Error('a liveness run runs once'));
    return new Promise((resolve) => {
      this.finish = resolve;
      this.timer = this.options.clock.every(1000 / (this.options.fps ?? 10), () => this.tick());
      this.tick();
    });
  }

  cancel(): void {
    this.end({ outcome: 'canceled' });
  }

  /** Zeroes the kept frame (the session's end). */
  wipe(): void {
    if (this.best) wipeFrame(this.best.frame);
    this.best = null;
    for (const frame of this.recent.values()) wipeFrame(frame);
    this.recent.clear();
  }

  private tick(): void {
    if (this.ended) return;
    const state = this.check.tick(this.options.clock.elapsedMs());
    if (state.done) return void this.settle(state);
    if (this.options.analyzer.busy) return; // back-pressure at the source: no frame is even taken
    const frame = this.options.camera.grab();
    if (frame === null) return;
    const id = this.frameId++;
    const keep = copyFrame(frame);
    this.options.analyzer.analyse(frame, id).then(
      (analysis) => {
        if (analysis === null || this.ended) return wipeFrame(keep);
        this.recent.set(id, keep);
        const next = this.check.push(analysis);
        this.keepBest(next.bestFrameId);
        this.publish(next);
        if (next.done) this.settle(next);
      },
      () => wipeFrame(keep), // a timed-out or crashed worker: the analyzer restarts it; this frame is lost
    );
  }

  /** Moves the check's best frame out of `recent` (zeroing the one it replaces); zeroes frames too old to be chosen. */
  private keepBest(bestFrameId: number | undefined): void {
    const chosen = bestFrameId === undefined ? undefined : this.recent.get(bestFrameId);
    if (chosen !== undefined && bestFrameId !== undefined) {
      if (this.best) wipeFrame(this.best.frame);
      this.best = { frameId: bestFrameId, frame: chosen };
      this.recent.delete(bestFrameId);
    }
    for (const [frameId, frame] of this.recent) {
      if (this.recent.size <= this.recentLimit) break;
      wipeFrame(frame);
      this.recent.delete(frameId);
    }
  }

  private publish(state: LivenessState): void {
    if (state.prompt !== this.lastPrompt) {
      this.lastPrompt = state.prompt;
      this.options.camera.prompt(CAMERA_PROMPT[state.prompt] ?? 'neutral');
    }
    this.options.onState?.(state);
  }

  private settle(state: LivenessState): void {
    if (this.ended) return;
    this.publish(state);
    if (state.prompt !== 'passed') return this.end({ outcome: 'failed', failure: state.failure ?? 'timeout' });
    const best = this.best;
    this.best = null;
    this.stopTimer();
    if (best === null) return this.end({ outcome: 'failed', failure: 'faceLost' });
    const { width, height } = best.frame;
    this.options.analyzer.encodeJpeg(best.frame).then(
      (jpeg) => this.end({ outcome: 'passed', jpeg, width, height }),
      (err: unknown) => this.end({ outcome: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }

  private stopTimer(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private end(outcome: LivenessOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.stopTimer();
    this.wipe();
    this.options.camera.prompt('neutral');
    this.finish?.(outcome);
  }
}
