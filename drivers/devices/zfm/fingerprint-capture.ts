/**
 * A template from UpChar (protocols.md §3.2) turned into a FingerprintCapture: the stream's buffer is owned
 * by the capture and zeroed by `wipe()` at session end (ARCHITECTURE.md §8.7). Never serialised whole.
 */
import type { CaptureQuality, FingerprintCapture } from '../fingerprint-types';

class WipeableCapture implements FingerprintCapture {
  private isWiped = false;

  constructor(
    readonly template: Uint8Array,
    readonly quality: CaptureQuality,
    readonly capturedAt: number,
  ) {}

  get wiped(): boolean {
    return this.isWiped;
  }

  wipe(): void {
    this.template.fill(0);
    this.isWiped = true;
  }

  /** Logs and JSON show only the size and the quality, never a template byte. */
  toJSON(): { templateBytes: number; quality: CaptureQuality; wiped: boolean } {
    return { templateBytes: this.template.length, quality: this.quality, wiped: this.isWiped };
  }
}

/** Takes ownership of `template` (the data stream's own buffer, no copy left behind). */
export function fingerprintCapture(template: Uint8Array, quality: CaptureQuality, capturedAt: number): FingerprintCapture {
  return new WipeableCapture(template, quality, capturedAt);
}
