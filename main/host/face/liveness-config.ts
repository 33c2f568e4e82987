/**
 * Thresholds of the liveness engine (liveness.ts). The defaults were set against face-api 1.7.15's
 * tinyFaceDetector + faceLandmark68Net on 320×240 frames of the simulator's scenes (devices-sim/face-camera):
 * neutral yaw jitter < 0.01, a simulated head turn moves yaw by 0.12–0.2, a rendered blink halves the eye
 * contrast while EAR drops only ~8% (face-api.js issue #176); rigid moves leave a residual < 0.03 interocular.
 * The kiosk's liveness is a first gate; the platform decides (issue 14 item 5).
 */
export interface GuideBox {
  /** Largest offset of the face box centre from the frame centre, as a fraction of the frame width / height. */
  maxOffsetX: number;
  maxOffsetY: number;
}

export interface LivenessConfig {
  guide: GuideBox;
  /** Face box width as a fraction of the frame width, at least. */
  minFaceFraction: number;
  /** Faces narrower than this fraction of the main face's width are bystanders, ignored. */
  bystanderFraction: number;
  /** Detector score, at least. */
  minScore: number;
  /** Consecutive still frames needed before the challenges start (and averaged as the neutral baseline). */
  stillFrames: number;
  /** Still: the face centre moves less than this fraction of the face width between frames, */
  maxStillShift: number;
  /** and its width changes by less than this fraction. */
  maxStillScale: number;
  /** A turn: roll-corrected yaw moves from the baseline by at least this much, */
  yawThreshold: number;
  /** A blink: the eye openness (openness ratio, liveness.ts) falls by at least this fraction of the baseline. */
  blinkThreshold: number;
  /** Back to neutral: the signal falls below this fraction of its threshold. */
  returnFraction: number;
  /** A turn counts only when the landmarks' geometry changed: a similarity fit leaves at least this residual. */
  minNonRigidResidual: number;
  /** Below this residual, and with the face moved (next three), a frame counts as rigid (a photo moved). */
  maxRigidResidual: number;
  rigidMinShift: number;
  rigidMinRotation: number;
  rigidMinScale: number;
  /** Rigid frames during a failed challenge, at least, to call it a photo (`rigidMotion`). */
  rigidFramesForPhoto: number;
  /** Time limit of each challenge. */
  challengeTimeoutMs: number;
  /** No usable face for this long during the challenges fails the check (`faceLost`). */
  faceLostMs: number;
}

export const DEFAULT_LIVENESS_CONFIG: LivenessConfig = {
  guide: { maxOffsetX: 0.15, maxOffsetY: 0.2 },
  minFaceFraction: 0.25,
  bystanderFraction: 0.5,
  minScore: 0.5,
  stillFrames: 4,
  maxStillShift: 0.04,
  maxStillScale: 0.05,
  yawThreshold: 0.07,
  blinkThreshold: 0.25,
  returnFraction: 0.45,
  minNonRigidResidual: 0.03,
  maxRigidResidual: 0.025,
  rigidMinShift: 0.1,
  rigidMinRotation: (3 * Math.PI) / 180,
  rigidMinScale: 0.04,
  rigidFramesForPhoto: 3,
  challengeTimeoutMs: 6000,
  faceLostMs: 2500,
};
