/**
 * What to do with a still frame (issue 17 §3): find the page on a grey copy, then either crop and deskew it
 * (a skew within ±`maxSkewDeg`, default 15°), crop it upright to its axis-aligned box (a page turned further:
 * the angle cannot be told from a quarter turn, so it is not guessed), or keep the whole frame (no page found).
 * `deskewDeg` is the rotation applied to straighten the page, clockwise positive: a page laid 6° clockwise
 * is turned back by −6°.
 */
import { detectPage, scaleRect, type PageDetectSettings, type PageRect } from './page-detect';
import type { DownscaledGrey } from './pixel-image';

export interface PagePlan {
  /** The source rectangle to warp upright, in full-frame pixels. */
  rect: PageRect;
  cropped: boolean;
  deskewDeg: number;
}

export interface PagePlanSettings extends PageDetectSettings {
  maxSkewDeg: number;
}

export function planPage(grey: DownscaledGrey, fullWidth: number, fullHeight: number, settings: Partial<PagePlanSettings> = {}): PagePlan {
  const maxSkewDeg = settings.maxSkewDeg ?? 15;
  const found = detectPage(grey, settings);
  if (found === null) return { rect: { cx: fullWidth / 2, cy: fullHeight / 2, width: fullWidth, height: fullHeight, angleDeg: 0 }, cropped: false, deskewDeg: 0 };
  const rect = scaleRect(found.rect, grey.scale);
  if (Math.abs(rect.angleDeg) <= maxSkewDeg) return { rect, cropped: true, deskewDeg: rect.angleDeg === 0 ? 0 : -rect.angleDeg };
  const t = (rect.angleDeg * Math.PI) / 180;
  const c = Math.abs(Math.cos(t));
  const s = Math.abs(Math.sin(t));
  return { rect: { cx: rect.cx, cy: rect.cy, width: rect.width * c + rect.height * s, height: rect.width * s + rect.height * c, angleDeg: 0 }, cropped: true, deskewDeg: 0 };
}
