import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../devices-sim/seeded-random';
import { challengeOrder } from './challenge-order';
import { headPose } from './face-geometry';
import type { Challenge, FaceObservation, LivenessState } from './face-types';
import { LivenessCheck } from './liveness';
import { DEFAULT_LIVENESS_CONFIG as CONFIG } from './liveness-config';
import { faceAt, frame, type Pose } from './test-support/synthetic-face';

const FRAME_MS = 100;
const TURN = 0.35; // ≈ 20°

/** Feeds poses one per FRAME_MS; returns every state. */
class Feeder {
  private id = 0;
  readonly states: LivenessState[] = [];
  constructor(readonly check: LivenessCheck) {}
  get atMs(): number {
    return this.id * FRAME_MS;
  }
  push(faces: FaceObservation[]): LivenessState {
    const s = this.check.push(frame(this.id, this.atMs, faces));
    this.id++;
    this.states.push(s);
    return s;
  }
  poses(poses: Pose[]): LivenessState {
    let s = this.check.current;
    for (const p of poses) s = this.push([faceAt(p)]);
    return s;
  }
}

const repeat = (n: number, pose: Pose): Pose[] => Array.from({ length: n }, () => ({ ...pose }));
/** A real person doing the challenge: out over 4 frames, hold 2, back over 4. */
function perform(challenge: Challenge, base: Pose = {}): Pose[] {
  const amount = [0.25, 0.5, 0.75, 1, 1, 1, 0.75, 0.5, 0.25, 0];
  return amount.map((a) =>
    challenge === 'blink' ? { ...base, open: 1 - 0.9 * a } : { ...base, yaw: (base.yaw ?? 0) + (challenge === 'turnLeft' ? TURN : -TURN) * a },
  );
}

function livePass(order: Challenge[], base: Pose = {}): Feeder {
  const f = new Feeder(new LivenessCheck(order, CONFIG));
  f.poses(repeat(CONFIG.stillFrames, base));
  for (const c of order) f.poses(perform(c, base));
  return f;
}

describe('LivenessCheck quality prompts', () => {
  it('asks for a face, one face, the centre, closer, then to hold still', () => {
    const f = new Feeder(new LivenessCheck(['blink'], CONFIG));
    expect(f.push([]).prompt).toBe('noFace');
    expect(f.push([faceAt(), faceAt({ cx: 60 })]).prompt).toBe('oneFace');
    expect(f.push([faceAt({ cx: 260 })]).prompt).toBe('centre');
    expect(f.push([faceAt({ cy: 200 })]).prompt).toBe('centre');
    expect(f.push([faceAt({ scale: 25 })]).prompt).toBe('closer');
    expect(f.push([faceAt()]).prompt).toBe('holdStill');
  });

  it('ignores a small face further back', () => {
    const f = new Feeder(new LivenessCheck(['blink'], CONFIG));
    expect(f.poses([{}]).prompt).toBe('holdStill');
    expect(f.push([faceAt(), faceAt({ cx: 40, cy: 40, scale: 20 })]).prompt).toBe('holdStill');
  });

  it('starts the challenges only after stillFrames still frames, restarting the count when the face moves', () => {
    const f = new Feeder(new LivenessCheck(['blink'], CONFIG));
    f.poses(repeat(CONFIG.stillFrames - 1, {}));
    expect(f.poses([{ cx: 175 }]).prompt).toBe('holdStill');
    expect(f.poses(repeat(CONFIG.stillFrames - 2, { cx: 175 })).prompt).toBe('holdStill');
    expect(f.poses([{ cx: 175 }]).prompt).toBe('blink');
  });
});

describe('LivenessCheck challenges', () => {
  it('passes a live sequence in the given order and names a neutral best frame', () => {
    const order: Challenge[] = ['turnRight', 'blink', 'turnLeft'];
    const f = livePass(order);
    const last = f.states[f.states.length - 1] as LivenessState;
    expect(last).toMatchObject({ prompt: 'passed', done: true });
    const prompts = f.states.map((s) => s.prompt).filter((p, i, all) => p !== all[i - 1]);
    expect(prompts).toEqual(['holdStill', 'turnRight', 'blink', 'turnLeft', 'passed']);
    expect(last.bestFrameId).toBeTypeOf('number');
    expect(last.bestFrameId as number).toBeLessThan(CONFIG.stillFrames);
  });

  it('passes a live sequence with the head tilted and off to one side (yaw is read with the roll removed)', () => {
    const f = livePass(['turnLeft', 'turnRight', 'blink'], { roll: 0.35, cx: 150, cy: 115, scale: 70 });
    expect(f.check.current.prompt).toBe('passed');
  });

  it('does not take a turn the wrong way, nor a turn that does not come back', () => {
    const f = new Feeder(new LivenessCheck(['turnLeft', 'blink'], CONFIG));
    f.poses(repeat(CONFIG.stillFrames, {}));
    expect(f.poses(perform('turnRight')).prompt).toBe('turnLeft');
    expect(f.poses(repeat(5, { yaw: TURN })).prompt).toBe('turnLeft');
  });

  it('fails a still photo with timeout after the challenge time limit, and not before', () => {
    const f = new Feeder(new LivenessCheck(['turnLeft', 'blink', 'turnRight'], CONFIG));
    const frames = CONFIG.stillFrames + CONFIG.challengeTimeoutMs / FRAME_MS;
    let s = f.poses(repeat(frames, {}));
    expect(s.prompt).toBe('turnLeft');
    s = f.poses(repeat(2, {}));
    expect(s).toMatchObject({ prompt: 'failed', failure: 'timeout', done: true, step: { index: 0, challenge: 'turnLeft' } });
  });

  it('fails a photo moved, rotated and brought nearer in the plane with rigidMotion, though its raw yaw swings', () => {
    const f = new Feeder(new LivenessCheck(['turnLeft', 'turnRight', 'blink'], CONFIG));
    f.poses(repeat(CONFIG.stillFrames, {}));
    const moves: Pose[] = Array.from({ length: CONFIG.challengeTimeoutMs / FRAME_MS + 2 }, (_, i) => ({
      cx: 160 + 25 * Math.sin(i / 3),
      cy: 120 + 10 * Math.cos(i / 4),
      roll: 0.4 * Math.sin(i / 2),
      scale: 60 * (1 + 0.1 * Math.sin(i / 5)),
    }));
    // The in-plane rotation alone would fool a yaw read in image coordinates.
    const naive = moves.map((p) => {
      const pts = faceAt(p).landmarks;
      return (pts[30]!.x - (pts[0]!.x + pts[16]!.x) / 2) / (pts[16]!.x - pts[0]!.x);
    });
    expect(Math.max(...naive.map(Math.abs))).toBeGreaterThan(CONFIG.yawThreshold);
    expect(Math.max(...moves.map((p) => Math.abs(headPose(faceAt(p).landmarks).yaw)))).toBeLessThan(0.01);
    const s = f.poses(moves);
    expect(s).toMatchObject({ prompt: 'failed', failure: 'rigidMotion' });
  });

  it('fails a real person who does nothing with timeout, not rigidMotion', () => {
    const f = new Feeder(new LivenessCheck(['blink'], CONFIG));
    f.poses(repeat(CONFIG.stillFrames, {}));
    const s = f.poses(repeat(CONFIG.challengeTimeoutMs / FRAME_MS + 2, { yaw: 0.02 }));
    expect(s.failure).toBe('timeout');
  });

  it('fails with faceLost when the face is gone too long, and applies limits on tick without frames', () => {
    const f = new Feeder(new LivenessCheck(['blink'], CONFIG));
    f.poses(repeat(CONFIG.stillFrames, {}));
    expect(f.push([]).prompt).toBe('noFace');
    const start = f.atMs;
    for (let i = 0; i < CONFIG.faceLostMs / FRAME_MS - 2; i++) f.push([]);
    expect(f.check.current.done).toBe(false);
    expect(f.check.tick(start + CONFIG.faceLostMs + 1)).toMatchObject({ prompt: 'failed', failure: 'faceLost' });
  });

  it('ignores frames after it ended', () => {
    const f = livePass(['blink']);
    expect(f.push([]).prompt).toBe('passed');
  });
});

describe('challengeOrder', () => {
  it('is a permutation decided by the injected RNG: same seed same order, every order reachable', () => {
    const orderOf = (seed: number): string => {
      const r = new SeededRandom(seed);
      return challengeOrder(() => r.nextUint32() / 2 ** 32).join(',');
    };
    expect(orderOf(7)).toBe(orderOf(7));
    const seen = new Set(Array.from({ length: 60 }, (_, i) => orderOf(i + 1)));
    expect(seen.size).toBe(6);
    for (const o of seen) expect(o.split(',').sort()).toEqual(['blink', 'turnLeft', 'turnRight']);
  });
});
