/**
 * Where the card is, as far as the wire can tell (protocols.md §1.3, §1.9), and which command the next poll
 * sends. `searching`: find `20 01` until `9F`. `read`: a read succeeded; find answers `80` "until" the card is
 * "taken away from the antenna, or re-inserted" (§1.9), so find cannot see the card leave:
 * - `removalProbe: 'select'`: the next polls send select `20 02`; `90` keeps the card, `81` / `80` says it left;
 * - `removalProbe: 'none'`: find goes on; its `9F` means a card was put down (again) and is read, and no
 *   removal is ever claimed. The `cardPresent` field is then not reported at all: after a read it cannot be known.
 */
import type { KioskErrorInfo } from '../../../common/errors';
import type { RemovalProbe } from '../../protocol/ga467/reader-models';
import type { CardRead } from '../id-card-types';

export interface PresenceEvents {
  presented(): void;
  read(card: CardRead): void;
  failed(error: KioskErrorInfo): void;
  removed(): void;
  /** `cardPresent` for the status block; called only on models that can tell. */
  present(value: boolean): void;
}

export class CardPresence {
  private phase: 'searching' | 'read' = 'searching';

  constructor(
    private readonly probe: RemovalProbe,
    private readonly events: PresenceEvents,
  ) {}

  /** The command the next poll sends. */
  get next(): 'find' | 'selectProbe' {
    return this.phase === 'read' && this.probe === 'select' ? 'selectProbe' : 'find';
  }

  get tracksPresence(): boolean {
    return this.probe === 'select';
  }

  /** Find answered `80`. While searching that is no card; after a read (`none` models) it says nothing. */
  noCard(): void {
    if (this.phase === 'searching' && this.tracksPresence) this.events.present(false);
  }

  /** Find answered `9F`: a card lies on the antenna and has not been read since it was put down. */
  found(): void {
    this.phase = 'searching';
    if (this.tracksPresence) this.events.present(true);
    this.events.presented();
  }

  readDone(card: CardRead): void {
    this.phase = 'read';
    this.events.read(card);
  }

  /**
   * Select or read failed after a find. Find will answer `9F` again while the card lies there unread. `41`
   * ("card removed during the read", §1.3) is taken as removal only where the model tracks presence.
   */
  readFailed(error: KioskErrorInfo): void {
    this.phase = 'searching';
    this.events.failed(error);
    if (error.code === 'cardRemoved' && this.tracksPresence) this.leave();
  }

  /** The removal probe's answer: select `90` (still there) or `81`/`80` (gone). */
  probed(stillThere: boolean): void {
    if (!stillThere) {
      this.phase = 'searching';
      this.leave();
    }
  }

  /** The link went away or was closed: start from a search, claiming nothing. */
  reset(): void {
    this.phase = 'searching';
  }

  private leave(): void {
    this.events.present(false);
    this.events.removed();
  }
}
