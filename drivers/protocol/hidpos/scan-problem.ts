/**
 * Why a scanner's reports gave no scan. The message names the rule and the byte counts, never the data: a
 * scanned code may be personal (ARCHITECTURE.md §8.7), and garbage is not worth keeping either.
 */
export type ScanProblemReason =
  /** Shorter than the model's report layout (scanner-models.ts). */
  | 'shortReport'
  /** The length byte is 0 or more than the report can carry. */
  | 'badLength'
  /** The joined reports pass MAX_SCAN_BYTES: a "continued" flag that never clears. */
  | 'tooLong'
  /** A label whose last report never came (the driver gives it up after a quiet period). */
  | 'incomplete'
  /** Bytes that are no text in the model's charset (scan-text.ts). */
  | 'encoding'
  /** Control characters no label carries (anything below 0x20 but TAB, LF, CR, EOT, GS, RS; or DEL). */
  | 'controlCharacters'
  /** Nothing left once the suffix is taken off. */
  | 'empty';

export interface ScanProblem {
  kind: 'problem';
  reason: ScanProblemReason;
  message: string;
}

export const scanProblem = (reason: ScanProblemReason, message: string): ScanProblem => ({ kind: 'problem', reason, message });
