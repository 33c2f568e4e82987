/**
 * Where the finger is, as far as GenImg can tell (protocols.md §3.2, §3.3): `00` an image was taken (a finger
 * lies on the sensor), `02` no finger. A finger an image was taken from must be lifted (GenImg `02`) before it
 * is captured again, so a second attempt after a poor image is a new press, not the same smudge (as a card
 * must be lifted before it is read again, ARCHITECTURE.md §4).
 */
export class FingerPresence {
  private capturedSinceLift = false;

  constructor(private readonly report: (present: boolean) => void) {}

  /** GenImg answered `00` (true) or `02` (false). */
  seen(present: boolean): void {
    if (!present) this.capturedSinceLift = false;
    this.report(present);
  }

  /** An image of the finger now on the sensor was used (for a template, or refused as poor). */
  captured(): void {
    this.capturedSinceLift = true;
  }

  get mustLiftFirst(): boolean {
    return this.capturedSinceLift;
  }

  /** The link went away or was closed: claim nothing about the finger. */
  reset(): void {
    this.capturedSinceLift = false;
  }
}
