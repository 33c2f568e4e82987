/**
 * What the face worker reports per frame and what the liveness engine shows the UI (issue 14 item 5).
 * Landmarks use the 68-point iBUG 300-W layout that face-api's faceLandmark68Net returns (0-based: jaw 0–16,
 * brows 17–26, nose 27–35, eyes 36–41 and 42–47, mouth 48–67; Sagonas et al., 300 Faces in-the-Wild, 2013).
 * Coordinates are pixels of the frame as the camera delivered it (not mirrored).
 */
export interface Point {
  x: number;
  y: number;
}

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One detected face: the detector's box and score, the 68 landmarks, and each eye's appearance (eye-contrast.ts). */
export interface FaceObservation {
  box: FaceBox;
  /** Detector confidence, 0..1. */
  score: number;
  landmarks: Point[];
  /**
   * Luminance standard deviation inside each eye's landmark box, [image-left eye, image-right eye]. An open eye
   * (iris, sclera, lashes) is high-contrast, a closed lid is skin; face-api's 68-point net barely moves the lid
   * points on a closed eye (face-api.js issues #176, #660), so blinks are also read from pixels.
   */
  eyeContrast?: [number, number];
}

/** The worker's answer for one frame. */
export interface FrameAnalysis {
  /** The caller's frame number, echoed (the liveness engine names its best frame by it). */
  frameId: number;
  /** Monotonic clock time the frame was taken (Clock.elapsedMs()). */
  atMs: number;
  width: number;
  height: number;
  faces: FaceObservation[];
}

export const CHALLENGES = ['turnLeft', 'turnRight', 'blink'] as const;
/** turnLeft / turnRight: the citizen's own left / right (their nose moves to the image's +x / −x). */
export type Challenge = (typeof CHALLENGES)[number];

/** What the UI shows; one message id each (§8.12). */
export type LivenessPrompt =
  | 'noFace'
  | 'oneFace'
  | 'centre'
  | 'closer'
  | 'holdStill'
  | Challenge
  | 'passed'
  | 'failed';

/**
 * timeout: a challenge was not done within its time limit; rigidMotion: meanwhile the face only moved as a flat
 * picture moves (shifted, turned in the plane, brought nearer), i.e. a photo; faceLost: no usable face for too long.
 */
export type LivenessFailure = 'timeout' | 'rigidMotion' | 'faceLost';

export interface LivenessState {
  prompt: LivenessPrompt;
  /** Present from the first challenge on: which one of how many (0-based). */
  step?: { index: number; total: number; challenge: Challenge };
  failure?: LivenessFailure;
  /** The frame to send the platform: the best neutral (frontal, still, eyes open) one seen so far. */
  bestFrameId?: number;
  done: boolean;
}
