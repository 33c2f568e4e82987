/**
 * Messages between the host (face-analyzer.ts) and its face worker (face-worker.ts). Pixels travel as
 * transferred ArrayBuffers (moved, not copied: the sender's view becomes empty) and the worker zeroes them after
 * use (ARCHITECTURE.md §8.7). Results carry no pixels, only geometry.
 */
import type { FaceObservation } from './face-types';

export interface DetectorSettings {
  /** tinyFaceDetector input size, a multiple of 32 (face-api TinyFaceDetectorOptions; 224 measured ≥ 5 fps here). */
  inputSize: number;
  scoreThreshold: number;
}

export interface WorkerData {
  detector: DetectorSettings;
}

export type ToWorker =
  | { type: 'analyse'; id: number; width: number; height: number; channels: 3 | 4; pixels: ArrayBuffer }
  | { type: 'encodeJpeg'; id: number; width: number; height: number; channels: 3 | 4; pixels: ArrayBuffer; quality: number };

export type FromWorker =
  | { type: 'ready'; backend: string }
  | { type: 'result'; id: number; faces: FaceObservation[]; ms: number }
  | { type: 'jpeg'; id: number; jpeg: ArrayBuffer }
  | { type: 'error'; id: number; message: string };
