/**
 * A read response (`30 01` / `30 10` with SW3 `90`, protocols.md §1.4) turned into a CardRead: the parts are
 * copied into buffers of their own, the frame is zeroed at once, and `wipe()` zeroes the copies at session
 * end (ARCHITECTURE.md §8.7). The text block is parsed by text-block.ts (§1.5, §1.6); the photo stays opaque (§1.7).
 */
import type { CardText, TextBlockProblem } from '../../protocol/ga467/card-text';
import type { Ga467ResponseFrame } from '../../protocol/ga467/frame';
import { parseReadData, type ReadKind } from '../../protocol/ga467/response-layout';
import { parseTextBlock } from '../../protocol/ga467/text-block';
import { DeviceError } from '../device-error';
import type { CardRead } from '../id-card-types';

const WIPED: TextBlockProblem = { kind: 'problem', field: 'textBlock', reason: 'blank', message: 'wiped at session end (ARCHITECTURE.md §8.7)' };

class WipeableCardRead implements CardRead {
  private parsed: CardText | TextBlockProblem;
  private isWiped = false;

  constructor(
    private readonly textBlock: Uint8Array,
    readonly photo: Uint8Array,
    readonly fingerprint: Uint8Array | undefined,
    readonly readAt: number,
  ) {
    this.parsed = parseTextBlock(textBlock);
  }

  get text(): CardText | TextBlockProblem {
    return this.parsed;
  }

  get wiped(): boolean {
    return this.isWiped;
  }

  wipe(): void {
    this.textBlock.fill(0);
    this.photo.fill(0);
    this.fingerprint?.fill(0);
    this.parsed = WIPED; // strings cannot be zeroed; the reference to them goes
    this.isWiped = true;
  }

  /** Never serialised or logged whole: only what kind of card it was. */
  toJSON(): { kind: string } {
    return { kind: this.parsed.kind };
  }
}

/**
 * The CardRead of a read response, or invalidData when its data does not fit §1.4. `frame.raw` is zeroed
 * either way (its text, photo and fingerprint are personal data).
 */
export function cardReadFromFrame(frame: Ga467ResponseFrame, kind: ReadKind, readAt: number): CardRead {
  try {
    const parts = parseReadData(frame.data, kind);
    if (!parts.ok) throw new DeviceError('invalidData', `read response does not fit §1.4: ${parts.reason}`);
    const { text, photo, fingerprint } = parts.value;
    return new WipeableCardRead(text.slice(), photo.slice(), fingerprint?.slice(), readAt);
  } finally {
    frame.raw.fill(0);
  }
}
