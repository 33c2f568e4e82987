/**
 * The active liveness check (issue 14 item 5), pure: frame analyses in (face-types.ts), the state the UI shows
 * out. No tfjs, no pixels, no clock: time is each frame's `atMs` (or `tick`), so tests feed synthetic landmarks.
 *
 * 1. Positioning: one face, centred, large enough (frame-quality.ts), then still for `stillFrames` frames; those
 *    frames' mean yaw, eye openness and landmarks are the neutral baseline.
 * 2. Each challenge in the order given (challenge-order.ts): its signal must go from neutral past the threshold
 *    and back below `returnFraction` of it within `challengeTimeoutMs`. Turns read the roll-corrected yaw
 *    (face-geometry.ts) and count only when a similarity fit from the neutral landmarks leaves a residual
 *    (similarity-fit.ts): a flat photo moved in the plane keeps its geometry. Blinks read eye openness: the lower
 *    of EAR and eye contrast, each relative to the baseline (Soukupová & Čech 2016 for EAR; contrast because
 *    face-api's lids barely move, face-types.ts).
 * 3. A challenge not done in time fails with `rigidMotion` when the face meanwhile moved only rigidly (a photo
 *    held and moved), else `timeout`; no face for `faceLostMs` fails with `faceLost`.
 */
import { checkQuality, isStillStep } from './frame-quality';
import { headPose, meanEar } from './face-geometry';
import type { LivenessConfig } from './liveness-config';
import type { Challenge, FaceObservation, FrameAnalysis, LivenessFailure, LivenessState, Point } from './face-types';
import { fitSimilarity } from './similarity-fit';

interface Baseline {
  yaw: number;
  ear: number;
  contrast?: number;
  landmarks: Point[];
}

interface Active {
  index: number;
  startedAt: number;
  phase: 'out' | 'back';
  rigidFrames: number;
  lastFaceAt: number;
}

interface Candidate {
  frameId: number;
  score: number;
  width: number;
}

const meanContrast = (f: FaceObservation): number | undefined => (f.eyeContrast ? (f.eyeContrast[0] + f.eyeContrast[1]) / 2 : undefined);

function averageLandmarks(faces: readonly FaceObservation[]): Point[] {
  const first = faces[0] as FaceObservation;
  return first.landmarks.map((_, i) => {
    let x = 0;
    let y = 0;
    for (const f of faces) {
      x += (f.landmarks[i] as Point).x;
      y += (f.landmarks[i] as Point).y;
    }
    return { x: x / faces.length, y: y / faces.length };
  });
}

export class LivenessCheck {
  private still: Array<{ frameId: number; face: FaceObservation }> = [];
  private baseline: Baseline | null = null;
  private active: Active | null = null;
  private best: Candidate | null = null;
  private state: LivenessState = { prompt: 'noFace', done: false };

  constructor(
    private readonly order: readonly Challenge[],
    private readonly config: LivenessConfig,
  ) {
    if (order.length === 0) throw new RangeError('at least one challenge');
  }

  get current(): LivenessState {
    return this.state;
  }

  /** One analysed frame; returns the new state. Frames after the end change nothing. */
  push(analysis: FrameAnalysis): LivenessState {
    if (this.state.done) return this.state;
    if (this.baseline === null) return this.position(analysis);
    return this.challenge(analysis, this.baseline);
  }

  /** Time passing without frames (a stalled camera): applies the time limits. */
  tick(atMs: number): LivenessState {
    if (this.state.done || this.active === null) return this.state;
    return this.limits(atMs, this.active) ?? this.state;
  }

  private position(analysis: FrameAnalysis): LivenessState {
    const q = checkQuality(analysis, this.config);
    if (!q.ok) {
      this.still = [];
      return this.set({ prompt: q.prompt, done: false });
    }
    const last = this.still[this.still.length - 1];
    if (last !== undefined && !isStillStep(last.face, q.face, this.config)) this.still = [];
    this.still.push({ frameId: analysis.frameId, face: q.face });
    if (this.still.length < this.config.stillFrames) return this.set({ prompt: 'holdStill', done: false });
    const faces = this.still.map((s) => s.face);
    const pose = faces.map((f) => headPose(f.landmarks).yaw);
    const contrasts = faces.map(meanContrast);
    this.baseline = {
      yaw: pose.reduce((a, b) => a + b, 0) / faces.length,
      ear: faces.map((f) => meanEar(f.landmarks)).reduce((a, b) => a + b, 0) / faces.length,
      ...(contrasts.every((c) => c !== undefined) ? { contrast: (contrasts as number[]).reduce((a, b) => a + b, 0) / faces.length } : {}),
      landmarks: averageLandmarks(faces),
    };
    for (const s of this.still) this.consider(s.frameId, s.face);
    this.still = [];
    return this.begin(0, analysis.atMs);
  }

  private begin(index: number, atMs: number): LivenessState {
    if (index >= this.order.length) {
      this.active = null;
      return this.set({ prompt: 'passed', done: true });
    }
    this.active = { index, startedAt: atMs, phase: 'out', rigidFrames: 0, lastFaceAt: atMs };
    return this.set(this.challengeState(index, this.order[index] as Challenge));
  }

  private challenge(analysis: FrameAnalysis, baseline: Baseline): LivenessState {
    const active = this.active as Active;
    const limited = this.limits(analysis.atMs, active);
    if (limited) return limited;
    const q = checkQuality(analysis, this.config);
    // Turning moves the box off centre: only a missing or doubled face interrupts a challenge.
    const face = q.ok ? q.face : q.prompt === 'centre' || q.prompt === 'closer' ? this.anyFace(analysis) : null;
    const challenge = this.order[active.index] as Challenge;
    if (face === null) return this.set({ ...this.challengeState(active.index, challenge), prompt: q.ok ? 'noFace' : q.prompt });
    active.lastFaceAt = analysis.atMs;
    const fit = fitSimilarity(baseline.landmarks, face.landmarks);
    const moved = fit.shift >= this.config.rigidMinShift || Math.abs(fit.rotation) >= this.config.rigidMinRotation || Math.abs(fit.scale - 1) >= this.config.rigidMinScale;
    if (moved && fit.residual <= this.config.maxRigidResidual) active.rigidFrames++;
    const yaw = headPose(face.landmarks).yaw - baseline.yaw;
    const closing = 1 - this.openness(face, baseline);
    if (Math.abs(yaw) < this.config.yawThreshold * this.config.returnFraction && closing < this.config.blinkThreshold * this.config.returnFraction && q.ok) this.consider(analysis.frameId, face);
    const signal = challenge === 'turnLeft' ? yaw : challenge === 'turnRight' ? -yaw : closing;
    const threshold = challenge === 'blink' ? this.config.blinkThreshold : this.config.yawThreshold;
    if (active.phase === 'out') {
      const geometryChanged = challenge === 'blink' || fit.residual >= this.config.minNonRigidResidual;
      if (signal >= threshold && geometryChanged) active.phase = 'back';
    } else if (signal < threshold * this.config.returnFraction) {
      return this.begin(active.index + 1, analysis.atMs);
    }
    return this.set(this.challengeState(active.index, challenge));
  }

  /** A face off the guide during a turn still counts, if it is the only one near enough. */
  private anyFace(analysis: FrameAnalysis): FaceObservation | null {
    const faces = analysis.faces.filter((f) => f.score >= this.config.minScore);
    return faces.length === 1 ? (faces[0] as FaceObservation) : null;
  }

  /** The lower of EAR and eye contrast, each over its baseline: 1 open as at the start, towards 0 closed. */
  private openness(face: FaceObservation, baseline: Baseline): number {
    const ear = baseline.ear > 0 ? meanEar(face.landmarks) / baseline.ear : 1;
    const contrast = meanContrast(face);
    if (contrast === undefined || baseline.contrast === undefined || baseline.contrast <= 0) return ear;
    return Math.min(ear, contrast / baseline.contrast);
  }

  private limits(atMs: number, active: Active): LivenessState | null {
    if (atMs - active.lastFaceAt > this.config.faceLostMs) return this.fail('faceLost');
    if (atMs - active.startedAt > this.config.challengeTimeoutMs) return this.fail(active.rigidFrames >= this.config.rigidFramesForPhoto ? 'rigidMotion' : 'timeout');
    return null;
  }

  private fail(failure: LivenessFailure): LivenessState {
    const step = this.state.step;
    this.active = null;
    return this.set({ prompt: 'failed', failure, done: true, ...(step ? { step } : {}) });
  }

  private challengeState(index: number, challenge: Challenge): LivenessState {
    return { prompt: challenge, step: { index, total: this.order.length, challenge }, done: false };
  }

  /** A neutral frame: kept when its detector score (then its size) beats the best so far. */
  private consider(frameId: number, face: FaceObservation): void {
    const b = this.best;
    if (b === null || face.score > b.score || (face.score === b.score && face.box.width > b.width)) this.best = { frameId, score: face.score, width: face.box.width };
  }

  private set(state: LivenessState): LivenessState {
    this.state = this.best ? { ...state, bestFrameId: this.best.frameId } : state;
    return this.state;
  }
}
