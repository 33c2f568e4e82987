/**
 * The platform's certificate as the kiosk prints it (issue 17 §2; common/certificate-document.ts): the
 * platform decides the content and signs the verification URL, the kiosk adds only its issuance id.
 */
import type { CertificateDocument } from '../../../common/certificate-document';
import type { PlatformCertificate } from '../../../common/platform-api';

export function certificateDocument(certificate: PlatformCertificate, issuanceId: string): CertificateDocument {
  const document: CertificateDocument = {
    issuanceId,
    kind: certificate.kind,
    title: certificate.title,
    issuer: certificate.issuer,
    issuedOn: certificate.issuedOn,
    holder: { ...certificate.holder },
    fields: certificate.fields.map((f) => ({ ...f })),
    tables: certificate.tables.map((t) => ({ ...t, columns: [...t.columns], rows: t.rows.map((r) => [...r]) })),
    notes: [...certificate.notes],
    verification: { ...certificate.verification },
  };
  if (certificate.seal !== undefined) document.seal = certificate.seal;
  return document;
}
