/**
 * A presenter printer's ticket after its job confirmed (protocols.md §2.6): it waits in the mouth until the
 * citizen takes it, or the printer retracts it into its bin when FS P's time-out expires. No status bit says
 * which of the two emptied the mouth ("ticket present in output" just goes from 1 to 0), so the time decides:
 * gone before the time-out, less a slack for the two clocks and the poll, is taken; gone later is retracted.
 * Later than the slack a citizen's hand and the retract look the same, and the ticket is called retracted:
 * the side that makes staff look rather than wait for someone who has no ticket. "Taken" is the sensor going
 * from 1 to 0 (§2.6): an empty mouth is judged only once the ticket was seen in it; one never seen there
 * within `neverSeenMs` (a printer that confirms before the paper reaches the sensor, a hand faster than the
 * poll) is unknown.
 */
import type { Clock } from '../../../common/clock';
import type { TicketRemoval } from '../printer-types';

interface Presented {
  sinceMs: number;
  retractAfterMs: number;
  seen: boolean;
  done: (how: TicketRemoval) => void;
}

export class PresentationWatch {
  private current: Presented | null = null;

  constructor(
    private readonly clock: Clock,
    /** How close to the time-out a removal is no longer surely the citizen's (poll interval plus clock drift). */
    private readonly slackMs: number,
    /** How long an empty mouth may be read before the ticket was ever seen in it (then: unknown). */
    private readonly neverSeenMs: number,
  ) {}

  /** A ticket is in the mouth from now (its job just confirmed); an older one still watched is `unknown`. */
  presented(retractAfterMs: number, done: (how: TicketRemoval) => void): void {
    this.end('unknown');
    this.current = { sinceMs: this.clock.elapsedMs(), retractAfterMs, seen: false, done };
  }

  get watching(): boolean {
    return this.current !== null;
  }

  /** A status reading: `inMouth` false once the mouth is empty (undefined: this reply does not say). */
  observe(inMouth: boolean | undefined): void {
    const p = this.current;
    if (!p || inMouth === undefined) return;
    if (inMouth) {
      p.seen = true;
      return;
    }
    const heldMs = this.clock.elapsedMs() - p.sinceMs;
    if (!p.seen) {
      if (heldMs >= this.neverSeenMs) this.end('unknown');
      return;
    }
    this.end(heldMs < p.retractAfterMs - this.slackMs ? 'taken' : 'retracted');
  }

  /** The last reading showed the ticket in the mouth. */
  get inMouth(): boolean {
    return this.current?.seen === true;
  }

  /** The printer went away or was closed while a ticket was in the mouth: nobody can tell what became of it. */
  end(how: TicketRemoval): void {
    const p = this.current;
    if (!p) return;
    this.current = null;
    p.done(how);
  }
}
