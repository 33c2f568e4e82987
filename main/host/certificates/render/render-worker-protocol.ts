/**
 * Messages between the host's certificate renderer (certificate-renderer.ts) and its worker (render-worker.ts).
 * The document goes in as structured-clone data; the PDF comes back as a transferred ArrayBuffer. `fontLoads`
 * counts how often this worker has read its font files (once, unless they were missing at first).
 */
import type { CertificateDocument } from '../../../../common/certificate-document';
import type { CertificateFontPaths } from './certificate-fonts';
import type { CertificateRenderErrorCode } from './certificate-render-error';
import type { QrPlacement } from './draw-qr';

export interface RenderWorkerData {
  fonts: CertificateFontPaths;
  training: boolean;
  /** Render a small built-in certificate once at start, so the first citizen's render runs warm. */
  warmUp: boolean;
}

export type ToRenderWorker = { type: 'render'; id: number; document: CertificateDocument };

export type FromRenderWorker =
  | { type: 'ready'; fontLoads: number; fontError?: string; warmUpMs?: number }
  | { type: 'rendered'; id: number; pdf: ArrayBuffer; pages: number; qr: QrPlacement; ms: number; fontLoads: number }
  | { type: 'failed'; id: number; code: CertificateRenderErrorCode; message: string; field?: string; fontLoads: number };
