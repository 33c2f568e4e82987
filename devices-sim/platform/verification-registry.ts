/**
 * The verifications the simulated platform matched (issue 17 §2): a certificate, a progress query or an
 * application names its citizen by the `transactionId` of a matched identity verification, never by an ID
 * number, so a kiosk cannot ask for someone else's records. A verification serves the kiosk that made it,
 * for VERIFICATION_VALID_MS (applications from the outbox may come later: `find` with `anyAge`).
 * In memory only, like everything the simulator knows about its citizens.
 */
import { VERIFICATION_VALID_MS, type PlatformCardFields } from '../../common/platform-api';

export interface MatchedVerification {
  transactionId: string;
  card: PlatformCardFields;
  /** X-Kiosk-Id of the kiosk that asked; an empty string when it sent none. */
  kioskId: string;
  atMs: number;
}

const MAX_KEPT = 2000;

export class VerificationRegistry {
  private readonly byId = new Map<string, MatchedVerification>();

  remember(v: MatchedVerification): void {
    this.byId.set(v.transactionId, v);
    if (this.byId.size > MAX_KEPT) this.byId.delete(this.byId.keys().next().value!);
  }

  /** The verification if it is this kiosk's and (unless `anyAge`) still fresh at `nowMs`. */
  find(transactionId: string, kioskId: string, nowMs: number, anyAge = false): MatchedVerification | undefined {
    const v = this.byId.get(transactionId);
    if (!v || v.kioskId !== kioskId) return undefined;
    if (!anyAge && (nowMs < v.atMs || nowMs - v.atMs > VERIFICATION_VALID_MS)) return undefined;
    return v;
  }

  size(): number {
    return this.byId.size;
  }

  clear(): void {
    this.byId.clear();
  }
}
