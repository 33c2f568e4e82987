/**
 * The identity established for one citizen session (issue 14 §9; ARCHITECTURE.md §8.7). Session-only: the
 * card read (its photo, fingerprint and text) lives here, in host memory, until `wipe()` at the session's end.
 * What outlives the session is only `idHmac` (the HMAC of the ID number under the kiosk's key) and the
 * host's priority decision, copied onto the ticket.
 */
import type { IdentityCitizenView, VerificationMethod } from '../../../common/identity';
import type { PlatformCardFields } from '../../../common/platform-api';
import type { CardRead } from '../../../drivers/devices/id-card-types';

/** What a ticket may carry of the identity (§7): never the number, never the name. */
export interface BoundIdentity {
  idHmac: string;
  /** 绿色通道 by age, decided by the host from the card. */
  priority: boolean;
  /** 人工核验: staff check the citizen at the counter, and the ticket is a priority one (issue 14 §5). */
  staffCheck?: boolean;
}

export class HeldIdentity {
  private card: CardRead | null;
  private citizenView: IdentityCitizenView | null;
  private platform: PlatformCardFields | null;
  private method: VerificationMethod | null = null;
  private verification: string | null = null;

  constructor(
    readonly sessionId: string,
    card: CardRead,
    view: IdentityCitizenView,
    readonly bound: BoundIdentity,
    platformCard: PlatformCardFields,
  ) {
    this.card = card;
    this.citizenView = view;
    this.platform = platformCard;
  }

  /**
   * What the government platform is sent of the card (common/platform-api.ts): the full number, to the
   * platform only, over TLS in production; host services ask for it when they call the platform, never keep it.
   */
  get platformCard(): PlatformCardFields | null {
    return this.platform;
  }

  /** The display-class view for the citizen's own screen; null once wiped. */
  get view(): IdentityCitizenView | null {
    return this.citizenView;
  }

  /** How the card was proved the citizen's; null until then (no ticket is bound before). */
  get verifiedBy(): VerificationMethod | null {
    return this.card === null ? null : this.method;
  }

  /**
   * The platform's matched verification (its transactionId), when the platform itself compared the citizen
   * with the card (face, fingerprint): certificates and applications name the citizen by it (issue 17 §2).
   */
  get platformVerificationId(): string | null {
    return this.card === null ? null : this.verification;
  }

  verified(method: VerificationMethod, platformTransactionId?: string): void {
    this.method = method;
    if ((method === 'face' || method === 'fingerprint') && platformTransactionId !== undefined) this.verification = platformTransactionId;
    if (method === 'staff') this.bound.staffCheck = true;
  }

  get wiped(): boolean {
    return this.card === null;
  }

  /** Zeroes the card's buffers and drops every reference to its fields (§8.7). Idempotent. */
  wipe(): void {
    this.card?.wipe();
    this.card = null;
    this.citizenView = null;
    this.platform = null;
    this.verification = null;
  }
}
