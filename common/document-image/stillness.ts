/**
 * Auto-capture waits for the document to lie still (issue 17 §3; protocols.md §6 "capture once the page is
 * still"): frame differencing on small greyscale frames. A pixel "changed" when its luma moved more than
 * `pixelDelta` (sensor noise and JPEG ringing stay well under it); a frame is still when the changed fraction,
 * against the previous frame and against the first frame of the still run (so a slow slide is caught too), is
 * at most `maxChangedFraction`. The page counts as still once that has held for `stillMs`.
 */
import type { GreyImage } from './pixel-image';

export interface StillnessSettings {
  /** Luma change (0–255) above which a pixel counts as changed; default 24. */
  pixelDelta: number;
  /** Largest fraction of changed pixels in a still frame; default 0.004 (0.4 %). */
  maxChangedFraction: number;
  /** How long the frames must stay still; default 800 ms (four polls at 200 ms). */
  stillMs: number;
}

export const DEFAULT_STILLNESS: StillnessSettings = Object.freeze({ pixelDelta: 24, maxChangedFraction: 0.004, stillMs: 800 });

export interface StillnessReading {
  /** The changed fraction of this frame (the larger of the two comparisons); 1 for the first frame. */
  motion: number;
  /** Time the frames have been still, ending at this frame. */
  stillForMs: number;
  still: boolean;
}

/** The fraction of pixels whose luma moved by more than `pixelDelta`; 1 when the sizes differ. */
export function changedFraction(a: GreyImage, b: GreyImage, pixelDelta: number): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  const n = a.data.length;
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const d = (a.data[i] as number) - (b.data[i] as number);
    if (d > pixelDelta || d < -pixelDelta) changed++;
  }
  return n === 0 ? 1 : changed / n;
}

export class StillnessTracker {
  private readonly settings: StillnessSettings;
  private previous: GreyImage | null = null;
  private anchor: GreyImage | null = null;
  private stillSince = 0;

  constructor(settings: Partial<StillnessSettings> = {}) {
    this.settings = { ...DEFAULT_STILLNESS, ...settings };
  }

  /** Takes the next frame (its own copy is not needed: frames are only read) taken at `atMs`. */
  push(frame: GreyImage, atMs: number): StillnessReading {
    const { pixelDelta, maxChangedFraction, stillMs } = this.settings;
    const motion = this.previous === null || this.anchor === null ? 1 : Math.max(changedFraction(frame, this.previous, pixelDelta), changedFraction(frame, this.anchor, pixelDelta));
    this.previous = frame;
    if (motion > maxChangedFraction) {
      this.anchor = frame;
      this.stillSince = atMs;
    }
    const stillForMs = atMs - this.stillSince;
    return { motion, stillForMs, still: motion <= maxChangedFraction && stillForMs >= stillMs };
  }

  reset(): void {
    this.previous = null;
    this.anchor = null;
  }
}
