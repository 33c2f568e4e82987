/**
 * The framing half of both GA 467 decoders (protocols.md §1.1): finds `AA AA AA 96 69`, reads the big-endian
 * Len, waits for Len more bytes and checks CHK. Input may be split at any byte. Memory is bounded: the buffer
 * holds at most one frame of the largest accepted Len, and a Len outside [minLen, maxLen] is refused at once.
 * After a refused or bad frame the search resumes right after its preamble. The buffer is zeroed behind
 * every frame it hands out, so it keeps no copy of a read response (ARCHITECTURE.md §8.7). Never throws.
 */
import { HEADER_LENGTH, LEN_OFFSET, PREAMBLE, PREAMBLE_LENGTH } from './constants';
import { frameLen, xorChecksum, type Ga467FramingEvent } from './frame';

export interface FrameScannerOptions {
  /** Smallest valid Len (an empty body plus CHK). */
  minLen: number;
  /** Largest accepted Len: the buffer's size is HEADER_LENGTH + maxLen. */
  maxLen: number;
  /** Bytes of a bad frame reported as its `head`: preamble, Len and the fixed body fields, never data. */
  headLength: number;
}

export type ScanEvent = { type: 'frame'; raw: Uint8Array } | Ga467FramingEvent;

export class FrameScanner {
  private readonly buf: Uint8Array;
  private n = 0;
  private garbage: Uint8Array[] = [];
  private garbageBytes = 0;
  private out: ScanEvent[] = [];

  constructor(private readonly options: FrameScannerOptions) {
    this.buf = new Uint8Array(HEADER_LENGTH + options.maxLen);
  }

  /** The most bytes the scanner ever holds. */
  get capacity(): number {
    return this.buf.length;
  }

  /** Bytes held now: a started preamble or frame. */
  get buffered(): number {
    return this.n;
  }

  /** True while a frame (or its preamble) has started but not finished: for the driver's inter-byte timeout. */
  get midFrame(): boolean {
    return this.n > 0;
  }

  push(chunk: Uint8Array): ScanEvent[] {
    this.out = [];
    let i = 0;
    while (i < chunk.length) {
      const take = Math.min(this.buf.length - this.n, chunk.length - i);
      this.buf.set(chunk.subarray(i, i + take), this.n);
      this.n += take;
      i += take;
      this.scan(false);
    }
    this.flushGarbage();
    return this.out;
  }

  /** The rest of a started frame did not come in time: reports what is held and empties the buffer. */
  abandonPartial(): ScanEvent[] {
    this.out = [];
    this.scan(true);
    this.flushGarbage();
    return this.out;
  }

  /** Drops (and zeroes) everything held, reporting nothing: after a reconnect, or at session end. */
  reset(): void {
    this.buf.fill(0, 0, this.n);
    this.n = 0;
    this.garbage = [];
    this.garbageBytes = 0;
  }

  private scan(final: boolean): void {
    for (;;) {
      const p = this.findPreamble();
      if (p > 0) this.toGarbage(p);
      if (this.n < HEADER_LENGTH) {
        // A partial preamble, or a preamble and half a Len: nothing else can start inside it.
        if (final && this.n > 0) this.toGarbage(this.n);
        return;
      }
      const len = frameLen(this.buf);
      if (len < this.options.minLen || len > this.options.maxLen) {
        this.emit({ type: 'badLength', len, reason: len < this.options.minLen ? 'tooShort' : 'tooLong' });
        this.shift(PREAMBLE_LENGTH);
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.n < total) {
        if (!final) return;
        this.emit({ type: 'truncated', head: this.head(), len, received: this.n });
        this.shift(PREAMBLE_LENGTH);
        continue;
      }
      const expected = xorChecksum(this.buf, LEN_OFFSET, total - 1);
      const received = this.buf[total - 1] as number;
      if (expected === received) {
        this.emit({ type: 'frame', raw: this.buf.slice(0, total) });
        this.shift(total);
      } else {
        this.emit({ type: 'badChecksum', head: this.head(), len, expected, received });
        this.shift(PREAMBLE_LENGTH);
      }
    }
  }

  /** Index of the first full preamble, or of a preamble's beginning cut off by the end of the buffer; else n. */
  private findPreamble(): number {
    for (let i = 0; i < this.n; i++) {
      const end = Math.min(this.n - i, PREAMBLE_LENGTH);
      let k = 0;
      while (k < end && this.buf[i + k] === PREAMBLE[k]) k++;
      if (k === end) return i;
    }
    return this.n;
  }

  private head(): Uint8Array {
    return this.buf.slice(0, Math.min(this.options.headLength, this.n));
  }

  private toGarbage(k: number): void {
    this.garbage.push(this.buf.slice(0, k));
    this.garbageBytes += k;
    this.shift(k);
    if (this.garbageBytes >= this.buf.length) this.flushGarbage();
  }

  private shift(k: number): void {
    this.buf.copyWithin(0, k, this.n);
    this.buf.fill(0, this.n - k, this.n);
    this.n -= k;
  }

  private emit(event: ScanEvent): void {
    this.flushGarbage();
    this.out.push(event);
  }

  private flushGarbage(): void {
    if (this.garbageBytes === 0) return;
    const bytes = new Uint8Array(this.garbageBytes);
    let at = 0;
    for (const g of this.garbage) {
      bytes.set(g, at);
      at += g.length;
      g.fill(0);
    }
    this.garbage = [];
    this.garbageBytes = 0;
    this.out.push({ type: 'garbage', bytes, personal: [{ start: 0, end: bytes.length }] });
  }
}

/**
 * A FrameScanner whose frames become `E`: requests for the simulator (request-parser.ts), responses for the
 * driver (response-decoder.ts). Framing events pass through as they are.
 */
export class MappedFrameDecoder<E> {
  private readonly scanner: FrameScanner;

  constructor(
    options: FrameScannerOptions,
    private readonly toEvent: (event: ScanEvent) => E,
  ) {
    this.scanner = new FrameScanner(options);
  }

  push(chunk: Uint8Array): E[] {
    return this.scanner.push(chunk).map(this.toEvent);
  }

  /** The rest of a started frame did not come in time (the driver's inter-byte timeout). */
  abandonPartial(): E[] {
    return this.scanner.abandonPartial().map(this.toEvent);
  }

  /** Drops and zeroes what is held (reconnect, session end). */
  reset(): void {
    this.scanner.reset();
  }

  get midFrame(): boolean {
    return this.scanner.midFrame;
  }

  get buffered(): number {
    return this.scanner.buffered;
  }

  get capacity(): number {
    return this.scanner.capacity;
  }
}
