/**
 * The citizen's certificates at the kiosk (issue 17 §2), the host's side of `certificates:list`, `:prepare`
 * and `:print`: what the platform can issue to the identified citizen; one prepared (fetched under a fresh
 * issuance id as its idempotency key, rendered to A4 in the PDF worker, previewed); printed exactly once by
 * the issuer (certificate-issuer.ts). The citizen is named to the platform only by the platform's own matched
 * verification of this session (face or fingerprint); without one the answer is `identify`.
 *
 * Session-only (ARCHITECTURE.md §8.7): prepared documents live in host memory, keyed by session, and are
 * zeroed and dropped when the session ends; only the journal's row (HMAC, kind, ids) outlives it.
 */
import type { CertificateDocument, CertificateKind } from '../../../common/certificate-document';
import type { CertificateListResult, CertificatePrepareRequest, CertificatePrepareResult, CertificatePreview, CertificatePrintRequest, CertificatePrintResult } from '../../../common/certificates-api';
import { isErrorCode, type ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import type { CertificateIssuer, PreparedCertificate } from './certificate-issuer';
import { newIssuanceId } from './issuance-journal';

/** The platform's answers, as the desk needs them (adapted from platform-client.ts). */
export interface CertificatePlatform {
  list(verificationId: string): Promise<{ outcome: 'listed'; offers: Array<{ kind: CertificateKind; title: string; issuer: string }> } | { outcome: 'verificationInvalid' }>;
  issue(
    verificationId: string,
    kind: CertificateKind,
    issuanceId: string,
  ): Promise<{ outcome: 'issued'; certificate: Omit<CertificateDocument, 'issuanceId'> & { certificateId: string } } | { outcome: 'verificationInvalid' } | { outcome: 'notAvailable' }>;
}

/** Platform failures reach the desk as errors carrying a kiosk code (platformUnavailable, platformTimeout …). */
const codeOf = (err: unknown, fallback: ErrorCode): ErrorCode => {
  const code = (err as { info?: { code?: unknown }; code?: unknown } | null)?.info?.code ?? (err as { code?: unknown } | null)?.code;
  return isErrorCode(code) ? code : fallback;
};

export interface CertificateDeskDeps {
  session: { current(): string; onEnded(listener: (sessionId: string) => void): () => void };
  identity: { platformVerification(sessionId: string): { verificationId: string; idHmac: string } | null };
  platform: CertificatePlatform;
  render(doc: CertificateDocument): Promise<{ ok: true; pdf: Uint8Array; pages: number } | { ok: false; message: string }>;
  /** Page images of a rendered PDF for the preview screen (data: URLs). */
  preview(pdf: Uint8Array, pages: number): Promise<string[]>;
  issuer: CertificateIssuer;
  /** The citizen is about to choose: the PDF worker starts now, so its fonts are read by the time they have. */
  warmUp?: () => void;
  /** A certificate printed: the 好差评 offer (evaluation-desk.ts). */
  onIssued?: (issuanceId: string, title: string) => void;
  log: Logger;
}

interface Held {
  sessionId: string;
  requestId: string;
  prepared: PreparedCertificate;
  preview: CertificatePreview;
}

export class CertificateDesk {
  private readonly held = new Map<string, Held>();
  private readonly preparing = new Map<string, Promise<CertificatePrepareResult>>();
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: CertificateDeskDeps) {
    this.unsubscribe = deps.session.onEnded((sessionId) => this.wipe(sessionId));
  }

  async list(): Promise<CertificateListResult> {
    const verification = this.deps.identity.platformVerification(this.deps.session.current());
    if (!verification) return { outcome: 'identify' };
    this.deps.warmUp?.();
    try {
      const listed = await this.deps.platform.list(verification.verificationId);
      if (listed.outcome === 'verificationInvalid') return { outcome: 'identify' };
      return { outcome: 'listed', choices: listed.offers.map((o) => ({ kind: o.kind, title: o.title, issuer: o.issuer })) };
    } catch (err) {
      return { outcome: 'unavailable', code: codeOf(err, 'platformUnavailable') };
    }
  }

  prepare(request: CertificatePrepareRequest): Promise<CertificatePrepareResult> {
    const sessionId = this.deps.session.current();
    const key = `${sessionId}\u0000${request.requestId}`;
    const known = [...this.held.values()].find((h) => h.sessionId === sessionId && h.requestId === request.requestId);
    if (known) return Promise.resolve({ outcome: 'ready', preview: known.preview });
    const running = this.preparing.get(key);
    if (running) return running;
    const work = this.doPrepare(sessionId, request).finally(() => this.preparing.delete(key));
    this.preparing.set(key, work);
    return work;
  }

  async print(request: CertificatePrintRequest): Promise<CertificatePrintResult> {
    const sessionId = this.deps.session.current();
    const held = this.held.get(request.preparedId);
    if (!held || held.sessionId !== sessionId) return { outcome: 'voided', code: 'badRequest', partial: false };
    const result = await this.deps.issuer.issue({ requestId: `${sessionId}:${request.requestId}`, sessionId, prepared: held.prepared });
    switch (result.outcome) {
      case 'issued':
        this.deps.onIssued?.(result.issuance.id, held.preview.title);
        return { outcome: 'issued', issuanceId: result.issuance.id, pages: result.issuance.pages };
      case 'voided': {
        const partial = (result.issuance.pagesCompleted ?? 0) > 0;
        // A retry is a new job under a new issuance id (a fresh preparation): this one stays voided.
        this.held.delete(request.preparedId);
        return { outcome: 'voided', code: isErrorCode(result.errorCode) ? result.errorCode : 'printIncomplete', partial };
      }
      case 'uncertain':
        return { outcome: 'uncertain', issuanceId: result.issuance.id };
    }
  }

  dispose(): void {
    this.unsubscribe();
    for (const sessionId of new Set([...this.held.values()].map((h) => h.sessionId))) this.wipe(sessionId);
  }

  private async doPrepare(sessionId: string, request: CertificatePrepareRequest): Promise<CertificatePrepareResult> {
    const verification = this.deps.identity.platformVerification(sessionId);
    if (!verification) return { outcome: 'identify' };
    const issuanceId = newIssuanceId();
    let issued: Awaited<ReturnType<CertificatePlatform['issue']>>;
    try {
      issued = await this.deps.platform.issue(verification.verificationId, request.kind, issuanceId);
    } catch (err) {
      return { outcome: 'failed', code: codeOf(err, 'platformUnavailable') };
    }
    if (issued.outcome === 'verificationInvalid') return { outcome: 'identify' };
    if (issued.outcome === 'notAvailable') return { outcome: 'notAvailable' };
    const { certificateId, ...content } = issued.certificate;
    const rendered = await this.deps.render({ ...content, issuanceId });
    if (!rendered.ok) {
      this.deps.log.error('certificate not rendered', { kind: request.kind, issuanceId, reason: rendered.message });
      return { outcome: 'failed', code: 'internal' };
    }
    let pageImages: string[];
    try {
      pageImages = await this.deps.preview(rendered.pdf, rendered.pages);
    } catch (err) {
      this.deps.log.error('certificate preview failed', { kind: request.kind, issuanceId, error: err });
      rendered.pdf.fill(0);
      return { outcome: 'failed', code: 'internal' };
    }
    // The session may have ended while the platform and the worker were busy: nothing is kept for it then.
    if (this.deps.session.current() !== sessionId) {
      rendered.pdf.fill(0);
      return { outcome: 'identify' };
    }
    const preview: CertificatePreview = {
      preparedId: issuanceId,
      kind: request.kind,
      title: content.title,
      issuer: content.issuer,
      pages: rendered.pages,
      pageImages,
      verificationCode: content.verification.code,
    };
    const prepared: PreparedCertificate = { issuanceId, kind: request.kind, certificateId, idHmac: verification.idHmac, pdf: rendered.pdf, pages: rendered.pages };
    this.held.set(issuanceId, { sessionId, requestId: request.requestId, prepared, preview });
    return { outcome: 'ready', preview };
  }

  private wipe(sessionId: string): void {
    for (const [id, h] of this.held) {
      if (h.sessionId !== sessionId) continue;
      h.prepared.pdf.fill(0);
      h.preview.pageImages.length = 0;
      this.held.delete(id);
    }
  }
}
