/**
 * What the simulated citizen does over time (pure): after a prompt, a reaction time, then the movement out,
 * a hold and back to neutral, as a person does when asked to turn or blink; while the screen still asks, a
 * pause and the same movement again, as a person does whose first blink went unseen (a loaded kiosk analyses
 * a frame every 500 ms or more, and a 450 ms blink can fall between two); and the moved photo's path (held
 * still first, as one is held up to the camera, then moved, turned and tilted in the plane). Times in ms.
 */
import type { RenderPose, Similarity } from './scene-render';

export type SimPrompt = 'neutral' | 'turnLeft' | 'turnRight' | 'blink';

export interface MotionTiming {
  reactionMs: number;
  turnOutMs: number;
  turnHoldMs: number;
  blinkOutMs: number;
  blinkHoldMs: number;
  /** Still asked after the movement, the citizen waits the next of these pauses (in turn) and does it again:
   *  unevenly, as people do, so no steady frame rate keeps missing the movement. */
  repeatPausesMs: readonly number[];
}

/** Blinks last 100–400 ms (Soukupová & Čech 2016 §1); turns about a second. */
export const DEFAULT_MOTION: MotionTiming = { reactionMs: 300, turnOutMs: 400, turnHoldMs: 500, blinkOutMs: 100, blinkHoldMs: 250, repeatPausesMs: [900, 650, 1150, 800, 1000] };

/** Smooth 0 → 1 → 0 over out, hold, back (back as long as out), again after each pause in turn. */
function envelope(since: number, out: number, hold: number, pauses: readonly number[]): number {
  if (since <= 0) return 0;
  const move = 2 * out + hold;
  let t = since;
  for (let cycle = 0; pauses.length > 0; cycle++) {
    const period = move + (pauses[cycle % pauses.length] ?? 0);
    if (t < period) break;
    t -= period;
  }
  if (t >= move) return 0;
  const rise = (s: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, s));
  if (t < out) return rise(t / out);
  if (t < out + hold) return 1;
  return rise((move - t) / out);
}

export function livePose(prompt: SimPrompt, sincePromptMs: number, timing: MotionTiming = DEFAULT_MOTION): RenderPose {
  const t = sincePromptMs - timing.reactionMs;
  switch (prompt) {
    case 'neutral':
      return { turn: 0, closure: 0 };
    case 'turnLeft':
      return { turn: envelope(t, timing.turnOutMs, timing.turnHoldMs, timing.repeatPausesMs), closure: 0 };
    case 'turnRight':
      return { turn: -envelope(t, timing.turnOutMs, timing.turnHoldMs, timing.repeatPausesMs), closure: 0 };
    case 'blink':
      return { turn: 0, closure: envelope(t, timing.blinkOutMs, timing.blinkHoldMs, timing.repeatPausesMs) };
  }
}

/** Held still for `holdMs`, then moved: shifts up to 6% / 3%, turns up to ±11° in the plane, scales ±6%. */
export function movedPhotoPose(sinceSceneMs: number, holdMs = 1500): RenderPose {
  const t = Math.max(0, sinceSceneMs - holdMs) / 1000;
  const wave = (period: number): number => Math.sin((2 * Math.PI * t) / period);
  const similarity: Similarity = { dx: 0.06 * wave(2.4), dy: 0.03 * wave(3.1), rotation: 0.2 * wave(2.0), scale: 1 + 0.06 * wave(3.7) };
  return { turn: 0, closure: 0, similarity };
}
