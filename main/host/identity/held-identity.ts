/**
 * The identity established for one citizen session (issue 14 §9; ARCHITECTURE.md §8.7). Session-only: the
 * card read (its photo, fingerprint and text) lives here, in host memory, until `wipe()` at the session's end.
 * What outlives the session is only `idHmac` (the HMAC of the ID number under the kiosk's key) and the
 * host's priority decision, copied onto the ticket.
 */
import type { IdentityCitizenView } from '../../../common/identity';
import type { CardRead } from '../../../drivers/devices/id-card-types';

/** What a ticket may carry of the identity (§7): never the number, never the name. */
export interface BoundIdentity {
  idHmac: string;
  /** 绿色通道 by age, decided by the host from the card. */
  priority: boolean;
}

export class HeldIdentity {
  private card: CardRead | null;
  private citizenView: IdentityCitizenView | null;

  constructor(
    readonly sessionId: string,
    card: CardRead,
    view: IdentityCitizenView,
    readonly bound: BoundIdentity,
  ) {
    this.card = card;
    this.citizenView = view;
  }

  /** The display-class view for the citizen's own screen; null once wiped. */
  get view(): IdentityCitizenView | null {
    return this.citizenView;
  }

  get wiped(): boolean {
    return this.card === null;
  }

  /** Zeroes the card's buffers and drops every reference to its fields (§8.7). Idempotent. */
  wipe(): void {
    this.card?.wipe();
    this.card = null;
    this.citizenView = null;
  }
}
