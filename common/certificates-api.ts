/**
 * The citizen's certificate channels (issue 17 §2): after identification the host lists what the platform can
 * issue to this citizen, prepares one (fetches it, renders the A4 PDF, shows a preview) and prints it exactly
 * once. The prepared document is session-only personal data: held in host memory and wiped at the session's
 * end (ARCHITECTURE.md §8.7); the renderer only ever gets preview images and words.
 */
import type { CertificateKind } from './certificate-document';
import type { ErrorCode } from './errors';

export interface CertificateChoice {
  kind: CertificateKind;
  /** 个人参保证明, as the platform names it (Chinese: certificates are issued in Chinese). */
  title: string;
  issuer: string;
}

export type CertificateListResult =
  | { outcome: 'listed'; choices: CertificateChoice[] }
  /** Not identified, or the platform's verification ran out: identify again. */
  | { outcome: 'identify' }
  | { outcome: 'unavailable'; code: ErrorCode };

export interface CertificatePrepareRequest {
  kind: CertificateKind;
  /** The renderer's id for this choice: a repeat gets the same prepared certificate. */
  requestId: string;
}

export interface CertificatePreview {
  preparedId: string;
  kind: CertificateKind;
  title: string;
  issuer: string;
  pages: number;
  /** Page images for the preview screen, `data:image/png;base64,…`, at a screen's resolution. */
  pageImages: string[];
  verificationCode: string;
}

export type CertificatePrepareResult =
  | { outcome: 'ready'; preview: CertificatePreview }
  | { outcome: 'identify' }
  /** The platform has no such record for this citizen. */
  | { outcome: 'notAvailable' }
  /** The platform or the renderer failed: `code` says which, the citizen may retry or go to a window. */
  | { outcome: 'failed'; code: ErrorCode };

export interface CertificatePrintRequest {
  preparedId: string;
  requestId: string;
}

export type CertificatePrintResult =
  /** The printer completed the job: the citizen takes it from the tray. */
  | { outcome: 'issued'; issuanceId: string; pages: number }
  /** Not printed (`partial`: some sheets came out and staff are told); the citizen may try again or go to a window. */
  | { outcome: 'voided'; code: ErrorCode; partial: boolean }
  /** The printer stopped answering: staff check it; the citizen is told honestly. */
  | { outcome: 'uncertain'; issuanceId: string };
