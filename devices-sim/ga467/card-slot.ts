/**
 * The card on the antenna and what find / select / read may do with it (protocols.md §1.9): "Order required
 * by every client: find (`9F`) → select (`90`) → read", and "After a successful read the card must be taken
 * away from the antenna, or re-inserted, before the next find succeeds … Until then the reader answers find
 * with `80`." So after a read, find says "no card" whether or not the card still lies there: removal is
 * not visible to find (issue 14 §9). Only lifting it and placing it again (or placing another) re-arms find.
 *
 * Select after a read is NOT documented in §1. `RemovalProbe` (the drivers' model-table type and column,
 * drivers/protocol/ga467/reader-models.ts) names the two behaviours a model may have:
 * - `none` (default): select after a read fails (`81`) like find, card or no card; the wire shows nothing.
 * - `select`: select after a read still succeeds (`90`) while the card lies there and fails (`81`) once it is
 *   lifted, so a host can probe for the lift. Until a model is seen doing this, treat it as [C].
 */
import type { RemovalProbe } from '../../drivers/protocol/ga467/reader-models';
import type { SimCard } from './fixture-citizens';

export type { RemovalProbe };

/**
 * none: nothing on the antenna. placed: a card, not found yet. found: find answered `9F`. selected: select
 * answered `90`. read: a read succeeded; the card must be re-presented before find succeeds again.
 */
export type CardPhase = 'none' | 'placed' | 'found' | 'selected' | 'read';

export type ReadOutcome = { ok: true; card: SimCard } | { ok: false };

export class CardSlot {
  private card: SimCard | null = null;
  private phase: CardPhase = 'none';
  /** A select on a read card (probe model): reads again, but find still needs the card re-presented. */
  private reSelected = false;

  constructor(private readonly removalProbe: RemovalProbe) {}

  get present(): boolean {
    return this.card !== null;
  }

  get state(): CardPhase {
    return this.phase;
  }

  /** Places a card; one already there is lifted first (a new presentation re-arms find). */
  place(card: SimCard): void {
    this.card = card;
    this.phase = 'placed';
    this.reSelected = false;
  }

  lift(): void {
    this.card = null;
    this.phase = 'none';
    this.reSelected = false;
  }

  /** `20 01`: true for `9F`, false for `80` (no card, or a read card not re-presented). */
  find(): boolean {
    if (this.card === null || this.phase === 'read') return false;
    if (this.phase === 'placed') this.phase = 'found';
    return true;
  }

  /** `20 02`: true for `90`, false for `81` (§1.3). */
  select(): boolean {
    if (this.card === null) return false;
    if (this.phase === 'found' || this.phase === 'selected') {
      this.phase = 'selected';
      return true;
    }
    if (this.phase === 'read' && this.removalProbe === 'select') {
      this.reSelected = true;
      return true;
    }
    return false;
  }

  /** `30 01` / `30 10`: the card after a select, or a failure (`41`). A success needs re-presenting for find. */
  read(): ReadOutcome {
    const selected = this.phase === 'selected' || (this.phase === 'read' && this.reSelected);
    if (this.card === null || !selected) return { ok: false };
    this.phase = 'read';
    this.reSelected = false;
    return { ok: true, card: this.card };
  }

  /**
   * `30 03`: the card, once selected (clients send it after the base read: CIdReadHelper, A905Reader [V*]),
   * or undefined (`41`). It does not change the phase.
   */
  cardForAddress(): SimCard | undefined {
    return this.card !== null && (this.phase === 'selected' || this.phase === 'read') ? this.card : undefined;
  }
}
