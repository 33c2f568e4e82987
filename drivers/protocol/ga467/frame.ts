/**
 * GA 467 frame shapes and the checksum rule (protocols.md §1.1). A frame is `AA AA AA 96 69`, a big-endian
 * Len counting every byte after it (CHK included), a body, and CHK: the XOR of every byte from Len1 through
 * the last DATA byte, "The preamble and the checksum itself are not included."
 */
import type { ByteRange } from '../../../common/hex-dump';
import { HEADER_LENGTH, LEN_OFFSET } from './constants';

/** XOR of `bytes[start..end)`. */
export function xorChecksum(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i] as number;
  return x;
}

/** The checksum a whole frame must carry in its last byte: XOR from Len1 up to CHK (§1.1). */
export function frameChecksum(raw: Uint8Array): number {
  return xorChecksum(raw, LEN_OFFSET, raw.length - 1);
}

/** The Len field of a frame whose first 7 bytes are present. */
export function frameLen(raw: Uint8Array): number {
  return ((raw[LEN_OFFSET] as number) << 8) | (raw[LEN_OFFSET + 1] as number);
}

/** True when `raw` is one whole frame whose Len and CHK agree with it. */
export function isWellFormedFrame(raw: Uint8Array): boolean {
  return raw.length > HEADER_LENGTH && raw.length === HEADER_LENGTH + frameLen(raw) && raw[raw.length - 1] === frameChecksum(raw);
}

/** Host → reader (§1.1 first table). `data` and the other views share `raw`'s memory. */
export interface Ga467RequestFrame {
  /** The whole frame, preamble to CHK. */
  raw: Uint8Array;
  /** The Len field: CMD + PARA + DATA + CHK. */
  len: number;
  cmd: number;
  para: number;
  data: Uint8Array;
}

/** Reader → host (§1.1 second table). `data` shares `raw`'s memory: wiping `raw` wipes it. */
export interface Ga467ResponseFrame {
  raw: Uint8Array;
  /** The Len field: SW1 + SW2 + SW3 + DATA + CHK. */
  len: number;
  sw1: number;
  sw2: number;
  /** The status code (§1.3, status.ts). */
  sw3: number;
  data: Uint8Array;
  /** Ranges of `raw` that carry personal data (ARCHITECTURE.md §8.7): pass them to `maskedHex`. */
  personal: ByteRange[];
}

/** What a decoder reports besides frames. None of these carries personal data except `garbage`, see there. */
export type Ga467FramingEvent =
  /**
   * Bytes outside any frame. They may be the remains of a corrupted read response (§1.4), so `personal`
   * covers them whole: dump them with `maskedHex(bytes, personal)`.
   */
  | { type: 'garbage'; bytes: Uint8Array; personal: ByteRange[] }
  /**
   * A frame whose CHK disagrees (§1.1). `head` is its preamble, Len and CMD PARA / SW1–SW3, without data.
   * The search for the next frame resumes right after this one's preamble, so a frame hidden inside a cut-off
   * one is still found; the bytes after the preamble are read again (as garbage or frames).
   */
  | { type: 'badChecksum'; head: Uint8Array; len: number; expected: number; received: number }
  /**
   * A Len shorter than an empty frame or above the decoder's cap (bounded memory). The preamble is dropped
   * and the search resumes after it.
   */
  | { type: 'badLength'; len: number; reason: 'tooShort' | 'tooLong' }
  /**
   * `abandonPartial()` found a frame begun but not finished (the rest did not come in time): `received` of
   * `HEADER_LENGTH + len` bytes. As with a bad checksum, the search resumes after its preamble.
   */
  | { type: 'truncated'; head: Uint8Array; len: number; received: number };
