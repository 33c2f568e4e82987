/**
 * A presenter printer's ticket after its job confirmed (protocols.md §2.6): it waits in the mouth until the
 * citizen takes it, or the printer retracts it into its bin when FS P's time-out expires. No status bit says
 * which of the two emptied the mouth ("ticket present in output" just goes from 1 to 0), so the time decides:
 * gone before the time-out, less a slack for the two clocks and the poll, is taken; gone later is retracted.
 * Later than the slack a citizen's hand and the retract look the same, and the ticket is called retracted:
 * the side that makes staff look rather than wait for someone who has no ticket.
 */
import type { Clock } from '../../../common/clock';
import type { TicketRemoval } from '../printer-types';

interface Presented {
  sinceMs: number;
  retractAfterMs: number;
  done: (how: TicketRemoval) => void;
}

export class PresentationWatch {
  private current: Presented | null = null;

  constructor(
    private readonly clock: Clock,
    /** How close to the time-out a removal is no longer surely the citizen's (poll interval plus clock drift). */
    private readonly slackMs: number,
  ) {}

  /** A ticket is in the mouth from now (its job just confirmed); an older one still watched is `unknown`. */
  presented(retractAfterMs: number, done: (how: TicketRemoval) => void): void {
    this.end('unknown');
    this.current = { sinceMs: this.clock.elapsedMs(), retractAfterMs, done };
  }

  get watching(): boolean {
    return this.current !== null;
  }

  /** A status reading: `inMouth` false once the mouth is empty (undefined: this reply does not say). */
  observe(inMouth: boolean | undefined): void {
    const p = this.current;
    if (!p || inMouth !== false) return;
    const heldMs = this.clock.elapsedMs() - p.sinceMs;
    this.end(heldMs < p.retractAfterMs - this.slackMs ? 'taken' : 'retracted');
  }

  /** The printer went away or was closed while a ticket was in the mouth: nobody can tell what became of it. */
  end(how: TicketRemoval): void {
    const p = this.current;
    if (!p) return;
    this.current = null;
    p.done(how);
  }
}
