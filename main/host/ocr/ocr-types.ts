/**
 * What the OCR engine gives the host (issue 17 §4): the text of a page, its lines with confidence and position,
 * and the words inside them. Confidences are 0–1 (Tesseract's 0–100 divided by 100). Page text and scans are
 * session-only personal data (ARCHITECTURE.md §8.7): never logged, never written to disk.
 */

/** Pixels in the image as given, x to the right, y down. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: OcrBox;
}

export interface OcrLine {
  text: string;
  confidence: number;
  bbox: OcrBox;
  words: OcrWord[];
}

export interface OcrResult {
  text: string;
  lines: OcrLine[];
  /** Tesseract's mean word confidence over the page, 0–1 (0 when nothing was read). */
  confidence: number;
  /** Time this page took, from its turn in the queue to its result (worker start-up included when cold). */
  ms: number;
}

/** Tesseract's progress report: `status` such as `loading language traineddata`, `recognizing text`; 0–1. */
export interface OcrProgress {
  status: string;
  progress: number;
}

export interface OcrRecognizeOptions {
  onProgress?: (progress: OcrProgress) => void;
  /** Aborting cancels a page still queued at once; a page being read stops its worker (a new one starts). */
  signal?: AbortSignal;
}

export interface OcrEngine {
  /** `image`: PNG or JPEG bytes. Pages are read one at a time, in the order asked. */
  recognize(image: Uint8Array, options?: OcrRecognizeOptions): Promise<OcrResult>;
  close(): Promise<void>;
}
