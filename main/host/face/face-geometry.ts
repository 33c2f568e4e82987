/**
 * Measures taken from the 68 landmarks (face-types.ts): head roll and yaw, eye aspect ratio. Pure arithmetic.
 *
 * - Roll: the angle of the line through the two eye centres.
 * - Yaw: in the roll-corrected face frame, how far the nose tip (30) sits from the midpoint of the jaw ends
 *   (0, 16), as a fraction of the jaw width. The nose stands out of the face plane, the jaw line is at its back,
 *   so turning the head moves the nose across the face while a flat photo shifted or rotated in the plane keeps the
 *   ratio (it is invariant under a 2D similarity transform). The same idea as the "nose vs face contour"
 *   asymmetry used for coarse pose from 2D landmarks (Murphy-Chutorian & Trivedi, Head Pose Estimation in
 *   Computer Vision: A Survey, IEEE TPAMI 2009, §geometric methods).
 * - EAR: Soukupová & Čech, Real-Time Eye Blink Detection using Facial Landmarks, CVWW 2016, eq. 1:
 *   EAR = (|p2 − p6| + |p3 − p5|) / (2 |p1 − p4|), p1..p6 the six eye points (36–41, 42–47).
 */
import type { Point } from './face-types';

export const LANDMARK_COUNT = 68;
const LEFT_EYE = 36; // image-left (the citizen's right) eye, points 36–41
const RIGHT_EYE = 42;

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

function at(points: readonly Point[], i: number): Point {
  const p = points[i];
  if (p === undefined) throw new RangeError(`landmark ${i} missing: ${LANDMARK_COUNT} points expected`);
  return p;
}

export function centroid(points: readonly Point[]): Point {
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}

function eyeCentre(points: readonly Point[], first: number): Point {
  return centroid(points.slice(first, first + 6));
}

/** Distance between the eye centres, the face's own unit of length. */
export function interocular(points: readonly Point[]): number {
  return dist(eyeCentre(points, LEFT_EYE), eyeCentre(points, RIGHT_EYE));
}

/** Eye aspect ratio of one eye (first point 36 or 42), Soukupová & Čech 2016 eq. 1. */
export function eyeAspectRatio(points: readonly Point[], first: number): number {
  const p = (k: number): Point => at(points, first + k);
  const width = dist(p(0), p(3));
  return width === 0 ? 0 : (dist(p(1), p(5)) + dist(p(2), p(4))) / (2 * width);
}

/** Both eyes' EAR averaged: a blink closes both at once. */
export function meanEar(points: readonly Point[]): number {
  return (eyeAspectRatio(points, LEFT_EYE) + eyeAspectRatio(points, RIGHT_EYE)) / 2;
}

export interface HeadPose {
  /** Radians, positive when the eye line falls towards image +x/+y (clockwise on screen). */
  roll: number;
  /** Nose offset from the jaw midpoint / jaw width, roll removed; ≈ 0 frontal, > 0 nose towards image +x. */
  yaw: number;
}

export function headPose(points: readonly Point[]): HeadPose {
  if (points.length < LANDMARK_COUNT) throw new RangeError(`${LANDMARK_COUNT} landmarks expected, got ${points.length}`);
  const l = eyeCentre(points, LEFT_EYE);
  const r = eyeCentre(points, RIGHT_EYE);
  const roll = Math.atan2(r.y - l.y, r.x - l.x);
  const cos = Math.cos(-roll);
  const sin = Math.sin(-roll);
  // Only x after de-rotation is needed: x' = x cos − y sin (about the origin; ratios do not depend on it).
  const xr = (p: Point): number => p.x * cos - p.y * sin;
  const jaw0 = xr(at(points, 0));
  const jaw16 = xr(at(points, 16));
  const width = jaw16 - jaw0;
  const yaw = width === 0 ? 0 : (xr(at(points, 30)) - (jaw0 + jaw16) / 2) / width;
  return { roll, yaw };
}
