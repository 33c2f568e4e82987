/**
 * The pure maths of a handwritten signature (issue 17 §5 "a handwritten signature on a touch canvas", §"Bad
 * input": a signature left empty): strokes in one fixed logical space, whatever size the pad is shown at, so
 * the emptiness rule and the exported PNG do not depend on the screen; ink length, bounding box, smoothing
 * (quadratic curves through the midpoints of successive points, no pressure) and a paint routine written
 * against the few CanvasRenderingContext2D calls it needs, so it runs on a browser canvas and in tests.
 */

export interface StrokePoint {
  readonly x: number;
  readonly y: number;
}

/** One touch, from finger down to finger up. */
export type Stroke = readonly StrokePoint[];

export interface SignatureSize {
  readonly width: number;
  readonly height: number;
}

/** The logical space strokes are kept in (5:2, the pad's shape); the PNG is exported at this size by default. */
export const SIGNATURE_SPACE: SignatureSize = { width: 1000, height: 400 };

/** Ink width in logical units (about 6 px on a pad 1000 px wide). */
export const SIGNATURE_LINE_WIDTH = 6;

/** A point closer than this to the last one of its stroke adds nothing but jitter. */
export const MIN_POINT_DISTANCE = 1.5;

export interface EmptinessRule {
  /** Total ink, in logical units, below which the pad counts as empty (a tap or a stray flick). */
  minInkLength: number;
  /** Fewer points than this in all strokes together is no signature. */
  minPoints: number;
  /** The ink's bounding box must be at least this wide or tall (a dot rubbed in place is not a name). */
  minExtent: number;
}

/**
 * A short Chinese name written small is well over 400 units of ink; a tap is 0, a flick under 100. The rule
 * needs all three, so neither a long thin scratch of few points nor many points rubbed on one spot passes.
 */
export const DEFAULT_EMPTINESS: EmptinessRule = { minInkLength: 120, minPoints: 12, minExtent: 40 };

const distance = (a: StrokePoint, b: StrokePoint): number => Math.hypot(b.x - a.x, b.y - a.y);

export function strokeLength(stroke: Stroke): number {
  let total = 0;
  for (let i = 1; i < stroke.length; i++) total += distance(stroke[i - 1] as StrokePoint, stroke[i] as StrokePoint);
  return total;
}

export function inkLength(strokes: readonly Stroke[]): number {
  return strokes.reduce((sum, stroke) => sum + strokeLength(stroke), 0);
}

export function pointCount(strokes: readonly Stroke[]): number {
  return strokes.reduce((sum, stroke) => sum + stroke.length, 0);
}

export interface BoundingBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  width: number;
  height: number;
}

/** The box around every point, or null when there are none. */
export function boundingBox(strokes: readonly Stroke[]): BoundingBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const stroke of strokes) {
    for (const p of stroke) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
  }
  if (minX === Infinity) return null;
  return { minX, minY, maxX, maxY, width: maxX - minX, height: maxY - minY };
}

/** True unless the strokes are long enough, have points enough and spread far enough to be a signature. */
export function isEmptySignature(strokes: readonly Stroke[], rule: EmptinessRule = DEFAULT_EMPTINESS): boolean {
  const box = boundingBox(strokes);
  if (box === null) return true;
  if (pointCount(strokes) < rule.minPoints) return true;
  if (inkLength(strokes) < rule.minInkLength) return true;
  return Math.max(box.width, box.height) < rule.minExtent;
}

/** A point kept inside the pad: a finger that slides off the edge draws along it, not beyond. */
export function clampPoint(point: StrokePoint, space: SignatureSize = SIGNATURE_SPACE): StrokePoint {
  return { x: Math.min(Math.max(point.x, 0), space.width), y: Math.min(Math.max(point.y, 0), space.height) };
}

/** Adds `point` to the stroke unless it is within `minDistance` of the stroke's last point (returns the same array then). */
export function appendPoint(stroke: Stroke, point: StrokePoint, minDistance = MIN_POINT_DISTANCE): Stroke {
  const last = stroke[stroke.length - 1];
  if (last !== undefined && distance(last, point) < minDistance) return stroke;
  return [...stroke, point];
}

/** Maps a position on the shown pad (CSS pixels from its top left) into the logical space. */
export function toLogical(offsetX: number, offsetY: number, shown: SignatureSize, space: SignatureSize = SIGNATURE_SPACE): StrokePoint | null {
  if (!(shown.width > 0) || !(shown.height > 0)) return null;
  return clampPoint({ x: (offsetX / shown.width) * space.width, y: (offsetY / shown.height) * space.height }, space);
}

export type PathSegment =
  | { kind: 'move'; x: number; y: number }
  | { kind: 'line'; x: number; y: number }
  | { kind: 'quad'; cx: number; cy: number; x: number; y: number }
  /** A stroke of one point: a round dot of the ink's width. */
  | { kind: 'dot'; x: number; y: number };

const mid = (a: StrokePoint, b: StrokePoint): StrokePoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * The smooth path of one stroke: a line to the first midpoint, then a quadratic curve through each inner
 * point (as control point) to the next midpoint, then a line to the last point. The curve passes through
 * every midpoint with a continuous tangent, so a fast stroke's corners round off without overshoot.
 */
export function smoothPath(stroke: Stroke): PathSegment[] {
  const first = stroke[0];
  if (first === undefined) return [];
  if (stroke.length === 1) return [{ kind: 'dot', x: first.x, y: first.y }];
  const out: PathSegment[] = [{ kind: 'move', x: first.x, y: first.y }];
  if (stroke.length === 2) {
    const last = stroke[1] as StrokePoint;
    out.push({ kind: 'line', x: last.x, y: last.y });
    return out;
  }
  const m0 = mid(first, stroke[1] as StrokePoint);
  out.push({ kind: 'line', x: m0.x, y: m0.y });
  for (let i = 1; i < stroke.length - 1; i++) {
    const control = stroke[i] as StrokePoint;
    const end = mid(control, stroke[i + 1] as StrokePoint);
    out.push({ kind: 'quad', cx: control.x, cy: control.y, x: end.x, y: end.y });
  }
  const last = stroke[stroke.length - 1] as StrokePoint;
  out.push({ kind: 'line', x: last.x, y: last.y });
  return out;
}

/** The calls of CanvasRenderingContext2D that painting a signature uses. */
export interface SignatureSurface {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): void;
  arc(x: number, y: number, radius: number, start: number, end: number): void;
  stroke(): void;
  fill(): void;
}

export interface PaintOptions {
  /** The surface's size in its own pixels (device pixels for a screen canvas, the PNG's size for export). */
  pixels: SignatureSize;
  ink: string;
  /** A white sheet for export; omitted on screen, where the pad's own background shows through. */
  background?: string;
  space?: SignatureSize;
  lineWidth?: number;
}

/** Paints the strokes scaled from the logical space onto the whole surface. */
export function paintSignature(surface: SignatureSurface, strokes: readonly Stroke[], options: PaintOptions): void {
  const space = options.space ?? SIGNATURE_SPACE;
  const { width, height } = options.pixels;
  surface.setTransform(1, 0, 0, 1, 0, 0);
  if (options.background !== undefined) {
    surface.fillStyle = options.background;
    surface.fillRect(0, 0, width, height);
  } else {
    surface.clearRect(0, 0, width, height);
  }
  surface.setTransform(width / space.width, 0, 0, height / space.height, 0, 0);
  const lineWidth = options.lineWidth ?? SIGNATURE_LINE_WIDTH;
  surface.strokeStyle = options.ink;
  surface.fillStyle = options.ink;
  surface.lineWidth = lineWidth;
  surface.lineCap = 'round';
  surface.lineJoin = 'round';
  for (const stroke of strokes) {
    const segments = smoothPath(stroke);
    surface.beginPath();
    for (const s of segments) {
      if (s.kind === 'move') surface.moveTo(s.x, s.y);
      else if (s.kind === 'line') surface.lineTo(s.x, s.y);
      else if (s.kind === 'quad') surface.quadraticCurveTo(s.cx, s.cy, s.x, s.y);
      else surface.arc(s.x, s.y, lineWidth / 2, 0, Math.PI * 2);
    }
    if (segments[0]?.kind === 'dot') surface.fill();
    else surface.stroke();
  }
}
