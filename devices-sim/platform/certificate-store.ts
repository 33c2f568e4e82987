/**
 * The certificates the simulated platform issued (issue 17 §2): one per issuance id (the Idempotency-Key),
 * so asking again returns the same certificate with the same verification code; the kiosk's report of the
 * outcome (issued or voided) is recorded once, and a voided certificate verifies as void. In memory only.
 */
import type { CertificateKind } from '../../common/certificate-document';
import { isoWithOffset } from '../../common/local-time';
import { maskIdNumber, maskName } from '../../common/mask';
import type { CertificateOutcome, CertificateOutcomeResult, PlatformCertificate } from '../../common/platform-api';
import type { SeededRandom } from '../seeded-random';
import { IdempotencyConflict } from './appointment-book';
import type { CertificateContent } from './certificate-content';
import type { CertificateSigner } from './certificate-signing';

export type CertificateStatus = 'fetched' | CertificateOutcome;

export interface StoredCertificate {
  certificate: PlatformCertificate;
  issuanceId: string;
  kioskId: string;
  status: CertificateStatus;
  recordedAtMs?: number;
}

/** The control API's view (docs/platform-api.md): the holder masked. */
export interface CertificateListing {
  certificateId: string;
  kind: CertificateKind;
  title: string;
  issuedOn: string;
  holderMaskedName: string;
  holderMaskedIdNumber: string;
  verificationCode: string;
  verificationUrl: string;
  status: CertificateStatus;
  issuanceId: string;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const MAX_KEPT = 5000;

export class CertificateStore {
  private readonly byIssuance = new Map<string, StoredCertificate>();
  private readonly byId = new Map<string, StoredCertificate>();
  private seq = 0;

  constructor(
    private readonly signer: CertificateSigner,
    private readonly rng: SeededRandom,
    private readonly baseUrl: () => string,
  ) {}

  /** The certificate issued under `issuanceId` before; IdempotencyConflict when that was another kiosk's or kind. */
  replay(issuanceId: string, kioskId: string, kind: CertificateKind): PlatformCertificate | undefined {
    const stored = this.byIssuance.get(issuanceId);
    if (!stored) return undefined;
    if (stored.kioskId !== kioskId || stored.certificate.kind !== kind) throw new IdempotencyConflict();
    return stored.certificate;
  }

  issue(issuanceId: string, kioskId: string, content: CertificateContent): PlatformCertificate {
    const certificateId = `C${content.issuedOn.replaceAll('-', '')}${String(++this.seq).padStart(6, '0')}`;
    const code = [0, 1, 2].map(() => Array.from({ length: 4 }, () => CODE_ALPHABET[this.rng.int(0, CODE_ALPHABET.length - 1)]).join('')).join('-');
    const certificate: PlatformCertificate = { ...content, certificateId, verification: { code, url: this.signer.url(this.baseUrl(), certificateId, code) } };
    const stored: StoredCertificate = { certificate, issuanceId, kioskId, status: 'fetched' };
    this.byIssuance.set(issuanceId, stored);
    this.byId.set(certificateId, stored);
    if (this.byId.size > MAX_KEPT) {
      const oldest = this.byId.values().next().value!;
      this.byId.delete(oldest.certificate.certificateId);
      this.byIssuance.delete(oldest.issuanceId);
    }
    return certificate;
  }

  report(certificateId: string, issuanceId: string, outcome: CertificateOutcome, nowMs: number, timeZone: string): CertificateOutcomeResult {
    const stored = this.byId.get(certificateId);
    if (!stored || stored.issuanceId !== issuanceId) return { outcome: 'unknown' };
    if (stored.status === 'voided' && outcome === 'issued') return { outcome: 'alreadyVoided', certificateId };
    if (stored.status !== outcome) {
      stored.status = outcome;
      stored.recordedAtMs = nowMs;
    }
    return { outcome: 'recorded', certificateId, status: outcome, recordedAt: isoWithOffset(stored.recordedAtMs!, timeZone) };
  }

  /** The certificate a verification URL names, when its signature and code are right. */
  genuine(certificateId: string, code: string, signature: string): StoredCertificate | undefined {
    if (!this.signer.verifies(certificateId, code, signature)) return undefined;
    const stored = this.byId.get(certificateId);
    return stored && stored.certificate.verification.code === code ? stored : undefined;
  }

  list(): CertificateListing[] {
    return [...this.byId.values()].map(({ certificate: c, status, issuanceId }) => ({
      certificateId: c.certificateId,
      kind: c.kind,
      title: c.title,
      issuedOn: c.issuedOn,
      holderMaskedName: maskName(c.holder.name),
      holderMaskedIdNumber: maskIdNumber(c.holder.idNumber),
      verificationCode: c.verification.code,
      verificationUrl: c.verification.url,
      status,
      issuanceId,
    }));
  }

  size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byIssuance.clear();
    this.byId.clear();
    this.seq = 0;
  }
}
