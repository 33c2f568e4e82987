/**
 * Fingerprint readers (ARCHITECTURE.md §3; protocols.md §3). The module captures a finger and extracts its
 * features; it cannot decode the card's fingerprint data (§1.7), so matching against the card is the
 * platform's. Templates are session-only personal data (§8.7): memory only, wiped at session end with
 * `FingerprintCapture.wipe()`, never logged.
 */
import type { CommandOptions, Device } from './device-types';

export interface CaptureQuality {
  /** Presses merged into the template: 1, or 2 with `presses: 2` (Match, then RegModel, §3.2). */
  presses: 1 | 2;
  /** The Match score of the two presses (§3.2 Match ack: score (2)); only with two presses. */
  matchScore?: number;
  /** Images the sensor failed to take (§3.3 `03`) before the one used. */
  imagingRetries: number;
}

/** One finger captured: its template as the module's UpChar sent it (§3.2, §3.4). */
export interface FingerprintCapture {
  /** The character file, `templateBytes` long; zeroed by `wipe()`. */
  readonly template: Uint8Array;
  readonly quality: CaptureQuality;
  /** Wall time of the capture (the injected clock). */
  readonly capturedAt: number;
  readonly wiped: boolean;
  /** Zeroes the template (§8.7). Idempotent. */
  wipe(): void;
}

/** Progress of a capture (ARCHITECTURE.md §3: an events object per long command), turned into prompts by the UI. */
export interface CaptureEvents {
  /** Waiting for a finger: prompt 请按压手指. */
  onPlaceFinger?: () => void;
  /** A finger is on the sensor and its image is taken: prompt 请勿移动. */
  onFingerDetected?: () => void;
  /** Lift the finger (before a second press, or once done): prompt 请抬起手指. */
  onLiftFinger?: () => void;
}

export interface CaptureOptions extends CommandOptions<CaptureEvents> {
  /** 2: the citizen presses twice, the presses are matched and merged (steadier templates). Default 1. */
  presses?: 1 | 2;
}

/** The finger on the sensor against a template the host holds (DownChar, then Match, §3.2). */
export interface FingerprintComparison {
  matched: boolean;
  /** The Match score; 0 when the module answered no match (§3.3 `08`). */
  score: number;
}

export interface FingerprintReader extends Device {
  /** Bytes of a template on this model (§3.4). */
  readonly templateBytes: number;
  /**
   * Waits, bounded by its time-out and signal, for a finger and captures it. No finger in time:
   * `fingerNotPresented`; an image too poor to use: `fingerPoorQuality` (the citizen may try again, after
   * lifting the finger); a sensor that fails: `hardwareError`. A finger captured once must be lifted before
   * it is captured again.
   */
  captureTemplate(options?: CaptureOptions): Promise<FingerprintCapture>;
  /** Captures a finger and compares it with `reference` (a template of this model, e.g. from earlier in the session). */
  compareWithTemplate(reference: Uint8Array, options?: CaptureOptions): Promise<FingerprintComparison>;
}
