import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import {
  appendPoint,
  boundingBox,
  clampPoint,
  DEFAULT_EMPTINESS,
  inkLength,
  isEmptySignature,
  paintSignature,
  pointCount,
  SIGNATURE_SPACE,
  smoothPath,
  toLogical,
  type Stroke,
  type StrokePoint,
} from './signature-strokes';

/** A stroke from (x0, y0) to (x1, y1) in `n` evenly spaced points. */
function line(x0: number, y0: number, x1: number, y1: number, n: number): Stroke {
  return Array.from({ length: n }, (_, i) => ({ x: x0 + ((x1 - x0) * i) / (n - 1), y: y0 + ((y1 - y0) * i) / (n - 1) }));
}

/** Something like 王五 written with a finger: eight strokes, a few hundred units wide. */
const NAME: Stroke[] = [
  line(100, 120, 260, 120, 12),
  line(120, 200, 240, 200, 10),
  line(90, 290, 270, 290, 14),
  line(180, 120, 180, 290, 14),
  line(380, 110, 520, 110, 10),
  line(450, 110, 420, 290, 12),
  line(400, 200, 510, 200, 9),
  line(360, 290, 540, 290, 14),
];

describe('ink length, points and bounding box', () => {
  it('measures the ink along every stroke, not between strokes', () => {
    expect(inkLength([line(0, 0, 30, 40, 2)])).toBe(50);
    expect(inkLength([line(0, 0, 30, 40, 2), line(500, 0, 500, 10, 6)])).toBeCloseTo(60);
    expect(inkLength([[{ x: 5, y: 5 }]])).toBe(0);
    expect(inkLength([])).toBe(0);
    expect(pointCount(NAME)).toBe(95);
  });

  it('boxes every point, and has no box without points', () => {
    expect(boundingBox(NAME)).toEqual({ minX: 90, minY: 110, maxX: 540, maxY: 290, width: 450, height: 180 });
    expect(boundingBox([])).toBeNull();
    expect(boundingBox([[]])).toBeNull();
  });
});

describe('an empty signature', () => {
  it('is nothing, a tap, a flick, or a finger rubbed on one spot; a written name is not empty', () => {
    expect(isEmptySignature([])).toBe(true);
    expect(isEmptySignature([[{ x: 300, y: 200 }]]), 'a tap').toBe(true);
    expect(isEmptySignature([line(300, 200, 302, 201, 3)]), 'a tap that slid').toBe(true);
    expect(isEmptySignature([line(300, 200, 380, 200, 20)]), 'a short flick').toBe(true);
    expect(isEmptySignature([line(100, 200, 900, 200, 4)]), 'a long scratch of few points').toBe(true);
    const rubbed = Array.from({ length: 60 }, (_, i) => ({ x: 300 + (i % 2) * 20, y: 200 + (i % 3) * 10 }));
    expect(inkLength([rubbed])).toBeGreaterThan(DEFAULT_EMPTINESS.minInkLength);
    expect(isEmptySignature([rubbed]), 'rubbed on one spot').toBe(true);
    expect(isEmptySignature(NAME)).toBe(false);
    expect(isEmptySignature([line(100, 200, 400, 200, 30)]), 'one long stroke (一)').toBe(false);
  });

  it('follows the rule it is given', () => {
    const dash = [line(300, 200, 380, 200, 20)];
    expect(isEmptySignature(dash, { minInkLength: 50, minPoints: 10, minExtent: 40 })).toBe(false);
    expect(isEmptySignature(dash, { minInkLength: 50, minPoints: 30, minExtent: 40 })).toBe(true);
  });
});

describe('points', () => {
  it('maps a position on the shown pad into the logical space, clamped to the pad', () => {
    expect(toLogical(250, 100, { width: 500, height: 200 })).toEqual({ x: 500, y: 200 });
    expect(toLogical(-20, 250, { width: 500, height: 200 })).toEqual({ x: 0, y: 400 });
    expect(toLogical(10, 10, { width: 0, height: 0 }), 'a pad not laid out').toBeNull();
    expect(clampPoint({ x: 2000, y: -5 })).toEqual({ x: SIGNATURE_SPACE.width, y: 0 });
  });

  it('drops a point within the jitter distance of the last one', () => {
    const one: Stroke = [{ x: 10, y: 10 }];
    expect(appendPoint(one, { x: 10.5, y: 10.5 })).toBe(one);
    expect(appendPoint(one, { x: 14, y: 10 })).toEqual([{ x: 10, y: 10 }, { x: 14, y: 10 }]);
    expect(appendPoint([], { x: 1, y: 1 })).toEqual([{ x: 1, y: 1 }]);
  });
});

describe('smoothing', () => {
  it('draws a dot for one point and a line for two', () => {
    expect(smoothPath([])).toEqual([]);
    expect(smoothPath([{ x: 3, y: 4 }])).toEqual([{ kind: 'dot', x: 3, y: 4 }]);
    expect(smoothPath(line(0, 0, 10, 0, 2))).toEqual([{ kind: 'move', x: 0, y: 0 }, { kind: 'line', x: 10, y: 0 }]);
  });

  it('curves through the midpoints, each inner point the control of its curve, and ends on the last point', () => {
    const points: StrokePoint[] = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }];
    expect(smoothPath(points)).toEqual([
      { kind: 'move', x: 0, y: 0 },
      { kind: 'line', x: 5, y: 0 },
      { kind: 'quad', cx: 10, cy: 0, x: 10, y: 5 },
      { kind: 'quad', cx: 10, cy: 10, x: 5, y: 10 },
      { kind: 'line', x: 0, y: 10 },
    ]);
  });

  it('never overshoots: along every curve, y stays within the zigzag it smooths, and x only moves forward', () => {
    const zigzag: Stroke = Array.from({ length: 12 }, (_, i) => ({ x: i * 20, y: i % 2 === 0 ? 0 : 60 }));
    let from: StrokePoint = { x: 0, y: 0 };
    let lastX = 0;
    let curves = 0;
    for (const s of smoothPath(zigzag)) {
      if (s.kind === 'quad') {
        curves++;
        for (let t = 0; t <= 1.0001; t += 0.125) {
          const x = (1 - t) ** 2 * from.x + 2 * (1 - t) * t * s.cx + t ** 2 * s.x;
          const y = (1 - t) ** 2 * from.y + 2 * (1 - t) * t * s.cy + t ** 2 * s.y;
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(60);
          expect(x).toBeGreaterThanOrEqual(lastX - 1e-9);
          lastX = x;
        }
      }
      if (s.kind !== 'dot') from = { x: s.x, y: s.y };
    }
    expect(curves).toBe(10);
  });
});

describe('painting', () => {
  it('paints black ink on a white sheet at the size asked, scaled from the logical space', async () => {
    const size = { width: 500, height: 200 };
    const canvas = createCanvas(size.width, size.height);
    paintSignature(canvas.getContext('2d'), NAME, { pixels: size, ink: '#000000', background: '#ffffff' });
    const image = await loadImage(await canvas.encode('png'));
    expect([image.width, image.height]).toEqual([500, 200]);
    const check = createCanvas(size.width, size.height);
    const ctx = check.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixel = (x: number, y: number) => [...ctx.getImageData(x, y, 1, 1).data];
    expect(pixel(0, 0), 'corner').toEqual([255, 255, 255, 255]);
    expect(pixel(480, 20), 'outside the ink').toEqual([255, 255, 255, 255]);
    // (180, 200) in the logical space is the vertical stroke of 王: (90, 100) at half size.
    expect(pixel(90, 100)[0], 'on the ink').toBeLessThan(64);
    expect(pixel(90, 100)[3]).toBe(255);
    const dark = [...ctx.getImageData(0, 0, size.width, size.height).data].filter((v, i) => i % 4 === 0 && v < 128).length;
    expect(dark).toBeGreaterThan(500);
  });

  it('without a background it clears the surface instead, and a one-point stroke is a dot', () => {
    const canvas = createCanvas(100, 40);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(0, 0, 100, 40);
    paintSignature(ctx, [[{ x: 500, y: 200 }]], { pixels: { width: 100, height: 40 }, ink: '#000000', lineWidth: 40 });
    expect([...ctx.getImageData(0, 0, 1, 1).data]).toEqual([0, 0, 0, 0]);
    expect(ctx.getImageData(50, 20, 1, 1).data[3]).toBe(255);
  });
});
