/**
 * Second-generation ID card readers (ARCHITECTURE.md §3; protocols.md §1). What a read yields is
 * session-only personal data (§8.7): memory only, wiped at session end with `CardRead.wipe()`, never logged.
 */
import type { KioskErrorInfo } from '../../common/errors';
import type { CardText, TextBlockProblem } from '../protocol/ga467/card-text';
import type { CommandOptions, Device } from './device-types';

/** One read of a card (`30 01` or `30 10`, protocols.md §1.4). */
export interface CardRead {
  /**
   * The 256-byte text block parsed (§1.5, §1.6), or why it was not accepted (the problem names the field and
   * rule, never the value). After `wipe()` it is a problem saying so.
   */
  readonly text: CardText | TextBlockProblem;
  /** The 1024-byte WLT photo, opaque: decoding needs a vendor library (§1.7). Zeroed by `wipe()`. */
  readonly photo: Uint8Array;
  /** The 1024-byte fingerprint data of a `30 10` read when the card holds one (§1.4, §1.7). Zeroed by `wipe()`. */
  readonly fingerprint?: Uint8Array;
  /** Wall time of the read (the injected clock). */
  readonly readAt: number;
  readonly wiped: boolean;
  /** Zeroes the photo, fingerprint and text-block buffers and drops the parsed text (§8.7). Idempotent. */
  wipe(): void;
}

/** Progress of `readCard` (ARCHITECTURE.md §3: an events object per long command), turned into prompts by the UI. */
export interface ReadCardEvents {
  /** The reader is waiting for a card: prompt 请放置身份证. */
  onPresentCard?: () => void;
  /** A card is on the antenna and its read begins: prompt 请勿移动. */
  onCardPresented?: () => void;
}

export interface ReadCardOptions extends CommandOptions<ReadCardEvents> {
  /** Also read the fingerprint data (`30 10`, §1.2); rejected with `unsupported` where the model lacks it. */
  withFingerprint?: boolean;
}

export interface IdCardReader extends Device {
  /**
   * Waits, bounded by its time-out and signal, for the next card read and resolves with it. A read that
   * fails (the card lifted during it: `cardRemoved`; a card the SAM could not read: `cardUnreadable`; the
   * SAM: `samError`) rejects with that DeviceError; the caller may ask again.
   */
  readCard(options?: ReadCardOptions): Promise<CardRead>;
  /** A card was found on the antenna (find `9F`, §1.3). */
  onCardPresented(listener: () => void): () => void;
  /** A card was read while polling or for `readCard`; every listener gets the same CardRead, to wipe at session end. */
  onCardRead(listener: (card: CardRead) => void): () => void;
  /** A read attempt failed (no personal data in the error). */
  onReadFailed(listener: (error: KioskErrorInfo) => void): () => void;
  /**
   * The card was lifted: only on models whose `removalProbe` sees it (reader-models.ts), after a read or
   * when the read failed with `41` (§1.3). Never on `none` models: the host asks for the card back.
   */
  onCardRemoved(listener: () => void): () => void;
  /** Whether removal after a read can be seen on this model (reader-models.ts `removalProbe`). */
  readonly detectsRemoval: boolean;
}
