/**
 * How long the simulated module takes (protocols.md §3), on the injected clock: processing time per
 * instruction, then the reply's wire time at the line speed (8N1: 10 bits a byte; §3.1 default 57600). An
 * UpChar reply of 512 bytes in 128-byte packets is 12 + 4 × 139 = 568 bytes, ≈ 99 ms on the wire. §3 gives no
 * processing times: the defaults are [C]/[decision], not measurements.
 */
import type { ZfmCommand } from '../../drivers/protocol/zfm/commands';

export interface ModuleTiming {
  /** VfyPwd, ReadSysPara, Match, RegModel, transfers' ack and the error answers. */
  commandMs: number;
  /** GenImg: the sensor takes an image. */
  imageMs: number;
  /** Img2Tz: features from the image. */
  extractMs: number;
  /** Search and HighSpeedSearch over the library. */
  searchMs: number;
}

export const DEFAULT_TIMING: Readonly<ModuleTiming> = Object.freeze({ commandMs: 5, imageMs: 150, extractMs: 100, searchMs: 50 });
/** Instant: for tests that do not look at time. */
export const INSTANT_TIMING: Readonly<ModuleTiming> = Object.freeze({ commandMs: 0, imageMs: 0, extractMs: 0, searchMs: 0 });

/** §3.1 [V]: F1 baud_rate = 57600, F2 default. */
export const DEFAULT_BAUD = 57600;
const BITS_PER_BYTE_8N1 = 10;

/** Processing time of a command; undefined (a damaged packet, an unknown instruction) is a short answer. */
export function processingMs(timing: ModuleTiming, command: ZfmCommand | undefined): number {
  switch (command?.op) {
    case 'genImg':
      return timing.imageMs;
    case 'img2Tz':
      return timing.extractMs;
    case 'search':
    case 'highSpeedSearch':
      return timing.searchMs;
    default:
      return timing.commandMs;
  }
}

/** Wire time of `bytes` at `baud` (8N1); 0 when the line speed is 0 (instant). */
export function wireMs(bytes: number, baud: number): number {
  return baud > 0 ? (bytes * BITS_PER_BYTE_8N1 * 1000) / baud : 0;
}
