/**
 * How long the simulated reader takes (protocols.md §1.9), on the injected clock: processing time per
 * command, then the reply's wire time at the line speed (8N1: 10 bits a byte, §1.8). The 1295-byte read
 * takes 1295 × 10 / 115200 s ≈ 112 ms on the wire; "Real reads are usually quoted at about 1 s in total
 * [C]", so the read's default processing is 800 ms. The short commands stay well inside the clients'
 * 100 ms find/select time-outs (A905Reader [V*]). The defaults are [C]/[decision], not measurements.
 */
import type { Ga467Command } from '../../drivers/protocol/ga467/commands';

export interface ReaderTiming {
  /** SAM status, reset, SAM ID, baud and RF settings, and the error answers. */
  commandMs: number;
  /** Find and select (RF work with the card). */
  cardMs: number;
  /** Read text + photo, with fingerprint, latest address: the SAM's authentication and the RF transfer. */
  readMs: number;
}

export const DEFAULT_TIMING: Readonly<ReaderTiming> = Object.freeze({ commandMs: 5, cardMs: 20, readMs: 800 });
/** Instant: for tests that do not look at time. */
export const INSTANT_TIMING: Readonly<ReaderTiming> = Object.freeze({ commandMs: 0, cardMs: 0, readMs: 0 });

/** §1.8 [V]: the UART default. */
export const DEFAULT_BAUD = 115200;
const BITS_PER_BYTE_8N1 = 10;

/** Processing time for a command; undefined (a framing error, an unknown command) is a short answer. */
export function processingMs(timing: ReaderTiming, command: Ga467Command | undefined): number {
  switch (command?.type) {
    case 'findCard':
    case 'selectCard':
      return timing.cardMs;
    case 'readTextPhoto':
    case 'readTextPhotoFingerprint':
    case 'readLatestAddress':
      return timing.readMs;
    default:
      return timing.commandMs;
  }
}

/** Wire time of `bytes` at `baud` (8N1); 0 when the line speed is 0 (instant). */
export function wireMs(bytes: number, baud: number): number {
  return baud > 0 ? (bytes * BITS_PER_BYTE_8N1 * 1000) / baud : 0;
}
