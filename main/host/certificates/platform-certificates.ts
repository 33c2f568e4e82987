/**
 * The certificate desk's platform (certificate-desk.ts CertificatePlatform) on the typed platform client
 * (issue 17 §2; docs/platform-api.md): a failed call (unreachable, timed out, refused) is thrown with its
 * kiosk error code, so the desk tells the citizen which; an answer is passed on as the platform gave it.
 */
import { KioskApiError } from '../../../common/kiosk-api';
import type { CertificateOutcome } from '../../../common/platform-api';
import type { PlatformClient, PlatformReply } from '../platform/platform-client';
import type { CertificatePlatform } from './certificate-desk';

const valueOf = <T>(reply: PlatformReply<T>): T => {
  if (!reply.ok) throw new KioskApiError(reply.error);
  return reply.value;
};

export function platformCertificates(client: () => PlatformClient | null): CertificatePlatform {
  const platform = (): PlatformClient => {
    const c = client();
    if (!c) throw new KioskApiError({ code: 'platformUnavailable', actor: 'technician', detail: 'no platform is configured' });
    return c;
  };
  return {
    list: async (verificationId) => valueOf(await platform().listCertificates(verificationId)),
    issue: async (verificationId, kind, issuanceId) => valueOf(await platform().issueCertificate({ verificationId, kind }, { idempotencyKey: issuanceId })),
  };
}

/** The journal's final word, for the platform (sent through the outbox: it must arrive, once). */
export interface CertificateOutcomeReport {
  certificateId: string;
  issuanceId: string;
  outcome: CertificateOutcome;
}
