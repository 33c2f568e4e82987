/**
 * Real-time commands inside data (protocols.md §2.7): printers act on `10 04 n` (DLE EOT), `10 05 n`
 * (DLE ENQ) and `10 14 n` (DLE DC4) "any time the data sequence is received, even if it appears as part
 * of another command". Two sides of one fact:
 * - the host keeps them out of what it sends as data (`breakRealtimeSequences`, `findRealtimeSequence`);
 * - the printer's receive stage spots them in the raw stream, split at any byte (`RealtimeScanner`).
 * Any DLE followed by one of the three bytes counts, whatever the n: firmware differ on the n they take.
 */
import { DLE, REALTIME_SECOND_BYTES } from './constants';

export type RealtimeKind = 'status' | 'recovery' | 'dc4';

const KIND_OF: Readonly<Record<number, RealtimeKind>> = { 0x04: 'status', 0x05: 'recovery', 0x14: 'dc4' };
const isSecond = (b: number): boolean => (REALTIME_SECOND_BYTES as readonly number[]).includes(b);

/** Offset of the first DLE that starts a real-time pair in `bytes`, or -1. */
export function findRealtimeSequence(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === DLE && isSecond(bytes[i + 1]!)) return i;
  return -1;
}

/**
 * For image data: clears bit 4 of every DLE that starts a real-time pair (one white dot each), in place;
 * returns how many dots were flipped. 00 can start no pair, so no new one appears.
 */
export function breakRealtimeSequences(bits: Uint8Array): number {
  let flipped = 0;
  for (let i = 0; i + 1 < bits.length; i++) {
    if (bits[i] === DLE && isSecond(bits[i + 1]!)) {
      bits[i] = 0x00;
      flipped++;
    }
  }
  return flipped;
}

/** How many DLE EOT requests (n 1–4, the ones answered with a status byte, §2.4) `bytes` holds. */
export function countStatusRequests(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] === DLE && bytes[i + 1] === 0x04 && bytes[i + 2]! >= 1 && bytes[i + 2]! <= 4) {
      n++;
      i += 2;
    }
  }
  return n;
}

export interface RealtimeCommand {
  kind: RealtimeKind;
  n: number;
  /** Offset in the pushed chunk just after n: the bytes before it reached the printer first. */
  end: number;
}

/** The printer's receive stage: real-time commands wherever they stand in the stream, split at any byte. */
export class RealtimeScanner {
  /** 0: nothing; DLE: saw DLE; otherwise the second byte, waiting for n. */
  private state = 0;

  push(chunk: Uint8Array): RealtimeCommand[] {
    const found: RealtimeCommand[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.state === 0) {
        if (b === DLE) this.state = DLE;
      } else if (this.state === DLE) {
        if (isSecond(b)) this.state = b;
        else if (b !== DLE) this.state = 0;
      } else {
        found.push({ kind: KIND_OF[this.state]!, n: b, end: i + 1 });
        this.state = 0;
      }
    }
    return found;
  }

  reset(): void {
    this.state = 0;
  }
}
