/**
 * Per-frame quality checks before liveness (issue 14 item 5): one face, centred in the guide, large enough.
 * Stillness needs several frames and is judged by the engine (liveness.ts) with `isStillStep`.
 */
import type { LivenessConfig } from './liveness-config';
import type { FaceObservation, FrameAnalysis } from './face-types';

export type QualityVerdict = { ok: true; face: FaceObservation } | { ok: false; prompt: 'noFace' | 'oneFace' | 'centre' | 'closer' };

/** The face to judge: the widest scoring one; others much narrower are people further back, ignored. */
export function mainFace(analysis: FrameAnalysis, config: LivenessConfig): FaceObservation | 'none' | 'several' {
  const faces = analysis.faces.filter((f) => f.score >= config.minScore);
  if (faces.length === 0) return 'none';
  const widest = faces.reduce((a, b) => (b.box.width > a.box.width ? b : a));
  const near = faces.filter((f) => f.box.width >= widest.box.width * config.bystanderFraction);
  return near.length > 1 ? 'several' : widest;
}

export function checkQuality(analysis: FrameAnalysis, config: LivenessConfig): QualityVerdict {
  const face = mainFace(analysis, config);
  if (face === 'none') return { ok: false, prompt: 'noFace' };
  if (face === 'several') return { ok: false, prompt: 'oneFace' };
  const { box } = face;
  const dx = Math.abs(box.x + box.width / 2 - analysis.width / 2) / analysis.width;
  const dy = Math.abs(box.y + box.height / 2 - analysis.height / 2) / analysis.height;
  if (dx > config.guide.maxOffsetX || dy > config.guide.maxOffsetY) return { ok: false, prompt: 'centre' };
  if (box.width < config.minFaceFraction * analysis.width) return { ok: false, prompt: 'closer' };
  return { ok: true, face };
}

/** Whether the face held still from one frame to the next (centre shift and size change, relative to its width). */
export function isStillStep(previous: FaceObservation, current: FaceObservation, config: LivenessConfig): boolean {
  const w = previous.box.width;
  const shift = Math.hypot(current.box.x + current.box.width / 2 - (previous.box.x + w / 2), current.box.y + current.box.height / 2 - (previous.box.y + previous.box.height / 2));
  return shift <= config.maxStillShift * w && Math.abs(current.box.width - w) <= config.maxStillScale * w;
}
