/**
 * Streaming packet decoder (protocols.md §3.1), for both directions: module → host in the driver, host →
 * module in the simulator. Input may be split at any byte. A header is EF 01, the expected address, a known
 * PID and a length field of 3–258 (a data packet's largest payload, 256 bytes, + the checksum; §3.1 size
 * codes); anything else is garbage. A candidate that fails (bad length, bad checksum, given up) costs only
 * its first byte: the bytes after it are read again, so a false EF 01 in line noise cannot swallow the real
 * packet behind it. Never throws; holds at most MAX_FRAME_BYTES (267) bytes.
 */
import type { ByteRange } from '../../../common/hex-dump';
import * as C from './constants';
import { checksum, personalRanges } from './packet';

export interface ZfmPacket {
  address: number;
  pid: number;
  payload: Uint8Array;
  /** The whole frame, header to checksum, for trace dumps: `maskedHex(frame, personal)`. */
  frame: Uint8Array;
  /** Ranges of `frame` carrying a template, an image or a password (ARCHITECTURE.md §8.7). */
  personal: ByteRange[];
}

export type ZfmDecoderEvent =
  | { type: 'packet'; packet: ZfmPacket }
  /**
   * Bytes that belong to no packet, counted only: they may be the remains of a template or an image
   * (§8.7), so they are never kept or shown.
   */
  | { type: 'garbage'; length: number }
  /** A header with a length field outside 3–258; its bytes after the first are read again. */
  | { type: 'badLength'; pid: number; length: number }
  /** A whole candidate whose checksum is wrong; its bytes after the first are read again. */
  | { type: 'badChecksum'; pid: number; length: number; expected: number; received: number }
  /** `abandonPartial()` gave up on a candidate whose header had arrived; its bytes are read again. */
  | { type: 'truncated'; pid: number; length: number; received: number };

export interface ZfmPacketDecoderOptions {
  /** Only packets to/from this address are packets (default FFFFFFFF, §3.1); 'any' accepts every address. */
  address?: number | 'any';
}

export class ZfmPacketDecoder {
  private readonly address: number | 'any';
  private readonly buf = new Uint8Array(C.MAX_FRAME_BYTES);
  private held = 0;
  private garbage = 0;
  private out: ZfmDecoderEvent[] = [];

  constructor(options: ZfmPacketDecoderOptions = {}) {
    this.address = options.address ?? C.DEFAULT_ADDRESS;
  }

  /** Bytes of an unfinished candidate held now (never more than MAX_FRAME_BYTES). */
  get bufferedBytes(): number {
    return this.held;
  }

  /** True while a candidate packet has started (for the driver's inter-byte timeout). */
  get midPacket(): boolean {
    return this.held > 0;
  }

  push(chunk: Uint8Array): ZfmDecoderEvent[] {
    this.out = [];
    for (const b of chunk) this.take(b);
    this.flushGarbage();
    return this.out;
  }

  /**
   * The rest did not come in time (the driver's inter-byte timeout): the candidate is not a packet. Its
   * bytes after the first are read again, and any candidate among them is given up too, since those bytes
   * came no later. Afterwards nothing is held.
   */
  abandonPartial(): ZfmDecoderEvent[] {
    this.out = [];
    while (this.held > 0) {
      if (this.held >= C.PREFIX_BYTES) {
        this.flushGarbage();
        this.out.push({ type: 'truncated', pid: this.buf[C.PID_OFFSET] as number, length: this.lengthField(), received: this.held });
      }
      this.reject();
    }
    this.flushGarbage();
    return this.out;
  }

  /** Forgets and wipes a half packet without reporting it (after a reconnect, at session end). */
  reset(): void {
    this.buf.fill(0);
    this.held = 0;
    this.garbage = 0;
  }

  private take(b: number): void {
    const at = this.held;
    if (at === 0) {
      if (b === C.HEADER[0]) this.buf[this.held++] = b;
      else this.garbage++;
      return;
    }
    this.buf[this.held++] = b;
    if (at === 1) {
      if (b !== C.HEADER[1]) this.reject();
    } else if (at < C.PID_OFFSET) {
      if (this.address !== 'any' && b !== ((this.address >>> (8 * (C.PID_OFFSET - 1 - at))) & 0xff)) this.reject();
    } else if (at === C.PID_OFFSET) {
      if (!C.PIDS.includes(b)) this.reject();
    } else if (at === C.PREFIX_BYTES - 1) {
      const length = this.lengthField();
      if (length < C.MIN_LENGTH_FIELD || length > C.MAX_LENGTH_FIELD) {
        this.flushGarbage();
        this.out.push({ type: 'badLength', pid: this.buf[C.PID_OFFSET] as number, length });
        this.reject();
      }
    } else if (at >= C.PREFIX_BYTES && this.held === C.PREFIX_BYTES + this.lengthField()) {
      this.complete();
    }
  }

  private complete(): void {
    const pid = this.buf[C.PID_OFFSET] as number;
    const length = this.lengthField();
    const payload = this.buf.slice(C.PREFIX_BYTES, this.held - C.CHECKSUM_BYTES);
    const expected = checksum(pid, length, payload);
    const received = ((this.buf[this.held - 2] as number) << 8) | (this.buf[this.held - 1] as number);
    if (expected !== received) {
      this.flushGarbage();
      this.out.push({ type: 'badChecksum', pid, length, expected, received });
      this.reject();
      return;
    }
    const frame = this.buf.slice(0, this.held);
    const address = new DataView(frame.buffer).getUint32(2);
    this.buf.fill(0, 0, this.held); // a data packet's payload is a template or image (§8.7): keep no copy
    this.held = 0;
    this.flushGarbage();
    this.out.push({ type: 'packet', packet: { address, pid, payload, frame, personal: personalRanges(frame) } });
  }

  /** The candidate is not a packet: its first byte is garbage, the rest is read again. */
  private reject(): void {
    const rest = this.buf.slice(1, this.held);
    this.buf.fill(0, 0, this.held); // a refused data packet still carries template bytes (§8.7): keep no copy
    this.held = 0;
    this.garbage++;
    for (const b of rest) this.take(b);
    rest.fill(0);
  }

  private lengthField(): number {
    return ((this.buf[C.LENGTH_OFFSET] as number) << 8) | (this.buf[C.LENGTH_OFFSET + 1] as number);
  }

  private flushGarbage(): void {
    if (this.garbage === 0) return;
    this.out.push({ type: 'garbage', length: this.garbage });
    this.garbage = 0;
  }
}
