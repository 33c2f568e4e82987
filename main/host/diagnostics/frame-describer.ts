/**
 * The contract of a per-driver frame describer (issue 15 §3 "live frame log"): raw chunks in, split anywhere,
 * whole frames out, each with its masked hex and its meaning in plain words. Describers reassemble frames with
 * the drivers' own streaming decoders (drivers/protocol/*), never a parser of their own, and mask the byte
 * ranges those codecs mark as personal (ARCHITECTURE.md §8.7, common/hex-dump.ts).
 */
import { maskedHex, type ByteRange } from '../../../common/hex-dump';

export interface DescribedFrame {
  /** The frame as hex, personal bytes shown as `**`; long frames cut at HEX_SHOWN_BYTES. */
  hex: string;
  /** What the frame says, zh-CN first and English after ` / ` where words are needed. */
  meaning: string;
}

/**
 * Stateful: a describer keeps half frames between chunks, and the request an answer belongs to (a GA 467
 * response or a ZFM ack does not name its command; a DLE EOT reply byte does not carry its n).
 */
export interface FrameDescriber {
  /** Bytes the host wrote to the device (or one output report, on a HID link). */
  tx(chunk: Uint8Array): DescribedFrame[];
  /** Bytes the device sent (or one input report). */
  rx(chunk: Uint8Array): DescribedFrame[];
  /**
   * Bytes of an unfinished host command held now: after a raw command, more than 0 means the device too may
   * sit waiting for the rest of it (raw-console.ts warns). Absent: the link carries whole reports.
   */
  pendingTxBytes?(): number;
}

/** Bytes of a frame shown in the log; the rest is counted (a 1295-byte card read is one line). */
export const HEX_SHOWN_BYTES = 64;

/** Said after a frame whose personal bytes were hidden. */
export const MASKED = '[已遮蔽 / masked]';

/** How many requests a describer remembers while waiting for their answers: a silent device cannot grow memory. */
export const MAX_PENDING_REQUESTS = 16;

export function frameHex(bytes: Uint8Array, personal: readonly ByteRange[] = []): string {
  return maskedHex(bytes, personal, HEX_SHOWN_BYTES);
}

export const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** A FIFO of requests awaiting an answer, bounded by MAX_PENDING_REQUESTS (the oldest is dropped). */
export class PendingRequests<T> {
  private readonly items: T[] = [];

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > MAX_PENDING_REQUESTS) this.items.shift();
  }

  take(): T | undefined {
    return this.items.shift();
  }

  clear(): void {
    this.items.length = 0;
  }
}
