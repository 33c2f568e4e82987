/**
 * Tags for GS ( H process-ID requests (protocols.md §2.7: four ASCII characters chosen by the host; the
 * printer echoes them in `37 22 d1 d2 d3 d4 00`). Tags are 4 decimal digits, counted up from a random
 * start that is drawn afresh at every open, so a host that restarted (and a printer that kept its receive
 * buffer through ESC @, §2.1) cannot take an old process's reply for its own first job. Digits only: §2.7
 * allows any ASCII, but Epson's own range for d1–d4 is 0x30–0x39 [C], and digits are valid on every firmware.
 */
const TAG_ALPHABET_SIZE = 10;
const TAG_LENGTH = 4;
export const TAG_SPACE = TAG_ALPHABET_SIZE ** TAG_LENGTH;

export class ProcessIdTags {
  private next = 0;

  /** `random` returns a number in [0, 1), like Math.random. */
  constructor(private readonly random: () => number) {
    this.renew();
  }

  /** A new random start (at every open). */
  renew(): void {
    this.next = Math.floor(this.random() * TAG_SPACE) % TAG_SPACE;
  }

  take(): string {
    const tag = this.next.toString(TAG_ALPHABET_SIZE).padStart(TAG_LENGTH, '0');
    this.next = (this.next + 1) % TAG_SPACE;
    return tag;
  }
}
