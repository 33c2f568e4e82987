// The document camera's pure image work (issue 17 §3) on synthetic frames: a light page with dark text lines
// and a dark corner mark, laid at an angle on a darker, noisy plate.
import { describe, expect, it } from 'vitest';
import { detectPage, minAreaRect, normaliseRect } from './page-detect';
import { planPage } from './page-plan';
import { createWarpTarget, warpRows } from './page-warp';
import { downscaleToGrey, type PixelImage } from './pixel-image';
import { StillnessTracker, changedFraction } from './stillness';

function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Scene {
  width: number;
  height: number;
  page?: { cx: number; cy: number; width: number; height: number; angleDeg: number };
  blob?: { cx: number; cy: number; r: number };
  seed?: number;
}

/** RGBA frame: plate ≈ 45, page ≈ 225 with text lines ≈ 60 and a 10 % corner mark at its top-left. */
function render(scene: Scene): PixelImage {
  const { width: w, height: h } = scene;
  const data = new Uint8Array(w * h * 4);
  const rnd = noise(scene.seed ?? 7);
  const p = scene.page;
  const t = p ? (p.angleDeg * Math.PI) / 180 : 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 45;
      if (p) {
        const dx = x + 0.5 - p.cx;
        const dy = y + 0.5 - p.cy;
        const u = dx * Math.cos(t) + dy * Math.sin(t) + p.width / 2;
        const q = -dx * Math.sin(t) + dy * Math.cos(t) + p.height / 2;
        if (u >= 0 && u < p.width && q >= 0 && q < p.height) {
          v = 225;
          const line = Math.floor(q / (p.height / 30));
          if (line % 2 === 1 && line > 3 && line < 27 && u > p.width * 0.1 && u < p.width * 0.9) v = 60;
          if (u < p.width * 0.1 && q < p.height * 0.1) v = 20;
        }
      }
      if (scene.blob && (x - scene.blob.cx) ** 2 + (y - scene.blob.cy) ** 2 < scene.blob.r ** 2) v = 170;
      v += Math.round((rnd() - 0.5) * 8);
      const o = (y * w + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = Math.max(0, Math.min(255, v));
      data[o + 3] = 255;
    }
  }
  return { width: w, height: h, channels: 4, data };
}

describe('downscaleToGrey', () => {
  it('averages whole blocks into a frame at most maxWidth wide', () => {
    const img = render({ width: 640, height: 480 });
    const grey = downscaleToGrey(img, 160);
    expect([grey.width, grey.height, grey.scale]).toEqual([160, 120, 4]);
    const mean = grey.data.reduce((a, b) => a + b, 0) / grey.data.length;
    expect(Math.abs(mean - 45)).toBeLessThan(1.5);
  });
});

describe('StillnessTracker', () => {
  it('calls noisy frames of a page still after stillMs, and restarts the count when a hand moves', () => {
    const page = { cx: 80, cy: 60, width: 70, height: 99, angleDeg: 5 };
    const tracker = new StillnessTracker({ stillMs: 600 });
    const grey = (seed: number, blobX?: number) => downscaleToGrey(render({ width: 160, height: 120, page, seed, ...(blobX !== undefined && { blob: { cx: blobX, cy: 60, r: 18 } }) }), 160);
    const readings = [0, 1, 2, 3].map((i) => tracker.push(grey(i, 20 + i * 25), i * 200));
    expect(readings.slice(1).every((r) => r.motion > 0.01 && !r.still)).toBe(true);
    const calm = [4, 5, 6, 7].map((i) => tracker.push(grey(i), i * 200));
    expect(calm.map((r) => r.still)).toEqual([false, false, false, true]);
    expect(calm[3]!.stillForMs).toBe(600);
    expect(tracker.push(grey(9, 90), 1600).still).toBe(false);
  });

  it('sees sensor noise as no change, and frames of another size as all change', () => {
    const a = downscaleToGrey(render({ width: 160, height: 120, seed: 1 }), 160);
    const b = downscaleToGrey(render({ width: 160, height: 120, seed: 2 }), 160);
    expect(changedFraction(a, b, 24)).toBe(0);
    expect(changedFraction(a, downscaleToGrey(render({ width: 80, height: 60 }), 80), 24)).toBe(1);
  });
});

describe('detectPage', () => {
  for (const angleDeg of [0, 6, -6, 12, -14.5]) {
    it(`finds a page laid at ${angleDeg}° with its size, centre and skew`, () => {
      const page = { cx: 330, cy: 250, width: 260, height: 368, angleDeg };
      const found = detectPage(downscaleToGrey(render({ width: 640, height: 520, page }), 640));
      expect(found).not.toBeNull();
      const r = found!.rect;
      expect(Math.abs(r.angleDeg - angleDeg)).toBeLessThan(0.5);
      expect(Math.abs(r.width / page.width - 1)).toBeLessThan(0.02);
      expect(Math.abs(r.height / page.height - 1)).toBeLessThan(0.02);
      expect(Math.hypot(r.cx - page.cx, r.cy - page.cy)).toBeLessThan(1.5);
      expect(found!.touchesEdge).toBe(false);
    });
  }

  it('finds nothing on an empty plate, and no page in a round blob (a hand)', () => {
    expect(detectPage(downscaleToGrey(render({ width: 320, height: 240 }), 320))).toBeNull();
    expect(detectPage(downscaleToGrey(render({ width: 320, height: 240, blob: { cx: 160, cy: 120, r: 70 } }), 320))).toBeNull();
  });
});

describe('minAreaRect', () => {
  it('folds the angle into (−45°, 45°] and swaps the sides with it', () => {
    expect(normaliseRect({ cx: 0, cy: 0, width: 10, height: 20, angleDeg: 96 })).toMatchObject({ width: 20, height: 10, angleDeg: 6 });
    expect(normaliseRect({ cx: 0, cy: 0, width: 10, height: 20, angleDeg: -174 })).toMatchObject({ width: 10, height: 20, angleDeg: 6 });
    const square = minAreaRect([
      [0, 0],
      [10, 0],
      [10, 5],
      [0, 5],
    ]);
    expect(square).toMatchObject({ cx: 5, cy: 2.5, width: 10, height: 5 });
    expect(Math.abs(square.angleDeg)).toBe(0);
  });
});

describe('planPage and warpRows', () => {
  it('crop and deskew a page at 6° of a full frame from a detection on a quarter-size copy', () => {
    const page = { cx: 640, cy: 500, width: 560, height: 792, angleDeg: 6 };
    const full = render({ width: 1280, height: 1000, page });
    const plan = planPage(downscaleToGrey(full, 320), full.width, full.height);
    expect(plan.cropped).toBe(true);
    expect(Math.abs(plan.deskewDeg + 6)).toBeLessThan(0.6);
    const out = createWarpTarget(plan.rect);
    expect(Math.abs(out.width / page.width - 1)).toBeLessThan(0.03);
    expect(Math.abs(out.height / page.height - 1)).toBeLessThan(0.03);
    for (let y = 0; y < out.height; y += 64) warpRows(full, plan.rect, out, y, y + 64);
    const at = (fx: number, fy: number): number => out.data[(Math.floor(fy * out.height) * out.width + Math.floor(fx * out.width)) * 4]!;
    expect(at(0.05, 0.05)).toBeLessThan(60); // the corner mark sits top-left: upright, not turned a half
    expect(at(0.95, 0.05)).toBeGreaterThan(180);
    expect(at(0.05, 0.95)).toBeGreaterThan(180);
    // No plate at the edges: the crop stays on the page.
    let dark = 0;
    for (let x = 0; x < out.width; x++) if (out.data[((out.height - 2) * out.width + x) * 4]! < 120) dark++;
    expect(dark / out.width).toBeLessThan(0.03);
  });

  it('crops a page turned beyond ±15° to its upright box without deskewing, and keeps a frame with no page whole', () => {
    const full = render({ width: 640, height: 520, page: { cx: 320, cy: 260, width: 200, height: 280, angleDeg: 25 } });
    const plan = planPage(downscaleToGrey(full, 320), 640, 520);
    expect(plan).toMatchObject({ cropped: true, deskewDeg: 0 });
    expect(plan.rect.angleDeg).toBe(0);
    expect(plan.rect.width).toBeGreaterThan(200);
    const empty = planPage(downscaleToGrey(render({ width: 640, height: 520 }), 320), 640, 520);
    expect(empty).toEqual({ rect: { cx: 320, cy: 260, width: 640, height: 520, angleDeg: 0 }, cropped: false, deskewDeg: 0 });
  });
});
