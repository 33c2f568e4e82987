/**
 * What the simulated citizen does over time (pure): after a prompt, a reaction time, then the movement out,
 * a hold and back to neutral, as a person does when asked to turn or blink; and the moved photo's path (held
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
}

/** Blinks last 100–400 ms (Soukupová & Čech 2016 §1); turns about a second. */
export const DEFAULT_MOTION: MotionTiming = { reactionMs: 300, turnOutMs: 400, turnHoldMs: 500, blinkOutMs: 100, blinkHoldMs: 250 };

/** Smooth 0 → 1 → 0 over out, hold, back (back as long as out). */
function envelope(t: number, out: number, hold: number): number {
  if (t <= 0 || t >= 2 * out + hold) return 0;
  const rise = (s: number): number => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, s));
  if (t < out) return rise(t / out);
  if (t < out + hold) return 1;
  return rise((2 * out + hold - t) / out);
}

export function livePose(prompt: SimPrompt, sincePromptMs: number, timing: MotionTiming = DEFAULT_MOTION): RenderPose {
  const t = sincePromptMs - timing.reactionMs;
  switch (prompt) {
    case 'neutral':
      return { turn: 0, closure: 0 };
    case 'turnLeft':
      return { turn: envelope(t, timing.turnOutMs, timing.turnHoldMs), closure: 0 };
    case 'turnRight':
      return { turn: -envelope(t, timing.turnOutMs, timing.turnHoldMs), closure: 0 };
    case 'blink':
      return { turn: 0, closure: envelope(t, timing.blinkOutMs, timing.blinkHoldMs) };
  }
}

/** Held still for `holdMs`, then moved: shifts up to 6% / 3%, turns up to ±11° in the plane, scales ±6%. */
export function movedPhotoPose(sinceSceneMs: number, holdMs = 1500): RenderPose {
  const t = Math.max(0, sinceSceneMs - holdMs) / 1000;
  const wave = (period: number): number => Math.sin((2 * Math.PI * t) / period);
  const similarity: Similarity = { dx: 0.06 * wave(2.4), dy: 0.03 * wave(3.1), rotation: 0.2 * wave(2.0), scale: 1 + 0.06 * wave(3.7) };
  return { turn: 0, closure: 0, similarity };
}
