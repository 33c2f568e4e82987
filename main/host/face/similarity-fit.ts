/**
 * Least-squares 2D similarity transform (scale, rotation, translation) from one landmark set to another, and
 * what it leaves unexplained. A photo moved, rotated in the plane or brought nearer is rigid: its landmarks
 * follow such a transform almost exactly (residual ≈ detector jitter); a real head turn or blink changes the
 * face's geometry and leaves a residual. Closed form of Umeyama, Least-Squares Estimation of Transformation
 * Parameters Between Two Point Patterns, IEEE TPAMI 13(4), 1991, in two dimensions (complex-number form).
 */
import { centroid, interocular } from './face-geometry';
import type { Point } from './face-types';

export interface SimilarityFit {
  scale: number;
  /** Radians. */
  rotation: number;
  /** Translation of the centroid, in units of the source face's interocular distance. */
  shift: number;
  /** RMS distance between the transformed source and the target, in units of the target's interocular distance. */
  residual: number;
}

export function fitSimilarity(from: readonly Point[], to: readonly Point[]): SimilarityFit {
  if (from.length !== to.length || from.length < 2) throw new RangeError('two landmark sets of the same length (≥ 2) expected');
  const cf = centroid(from);
  const ct = centroid(to);
  // dst ≈ a·src with a = (sxx+syy) + i(sxy−syx) over the centred points, a complex number = scale·e^{iθ}.
  let re = 0;
  let im = 0;
  let norm = 0;
  for (let i = 0; i < from.length; i++) {
    const f = from[i] as Point;
    const t = to[i] as Point;
    const fx = f.x - cf.x;
    const fy = f.y - cf.y;
    const tx = t.x - ct.x;
    const ty = t.y - ct.y;
    re += fx * tx + fy * ty;
    im += fx * ty - fy * tx;
    norm += fx * fx + fy * fy;
  }
  if (norm === 0) throw new RangeError('the source landmarks are all one point');
  const a = re / norm;
  const b = im / norm;
  let sq = 0;
  for (let i = 0; i < from.length; i++) {
    const f = from[i] as Point;
    const t = to[i] as Point;
    const fx = f.x - cf.x;
    const fy = f.y - cf.y;
    const px = a * fx - b * fy + ct.x;
    const py = b * fx + a * fy + ct.y;
    sq += (px - t.x) ** 2 + (py - t.y) ** 2;
  }
  const unitFrom = interocular(from) || 1;
  const unitTo = interocular(to) || 1;
  return {
    scale: Math.hypot(a, b),
    rotation: Math.atan2(b, a),
    shift: Math.hypot(ct.x - cf.x, ct.y - cf.y) / unitFrom,
    residual: Math.sqrt(sq / from.length) / unitTo,
  };
}
