/**
 * HLB/1 frames out of a byte stream split anywhere (docs/locker-protocol.md §2.5). A frame starts with a
 * header byte (0x8A request, 0x8B reply) followed by a board address 0x01 … 0x1F; bytes before one are
 * dropped as one `noHeader` run. A length over 32 or a BCC that does not match drops the header byte alone
 * and the search goes on from the next byte, so a frame hidden behind a broken one is still found. Pure: what
 * was pushed is all it knows; `reset()` forgets a half frame (the host does, after a reply deadline).
 */
import * as C from './constants';
import type { DecodedFrame } from './frames';
import { bcc } from './frame-codec';

const isHeader = (b: number): boolean => b === C.HEADER_REQUEST || b === C.HEADER_REPLY;
const isAddress = (b: number): boolean => b >= C.MIN_ADDRESS && b <= C.MAX_ADDRESS;

export class LockerFrameDecoder {
  private buf: number[] = [];
  private skipped = 0;

  /** Bytes held: a frame begun and not ended. */
  get pendingBytes(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): DecodedFrame[] {
    const out: DecodedFrame[] = [];
    for (const b of chunk) this.buf.push(b);
    for (;;) {
      const frame = this.next(out);
      if (frame === 'more') break;
    }
    return out;
  }

  reset(): void {
    this.buf = [];
    this.skipped = 0;
  }

  /** Takes one step; 'more' when it needs more bytes. */
  private next(out: DecodedFrame[]): 'more' | 'step' {
    const buf = this.buf;
    if (buf.length === 0) return 'more';
    if (!isHeader(buf[0]!) || (buf.length > 1 && !isAddress(buf[1]!))) {
      buf.shift();
      this.skipped++;
      return 'step';
    }
    if (buf.length < 5) return 'more';
    const length = buf[4]!;
    if (length > C.MAX_DATA_BYTES) return this.drop(out, 'tooLong');
    const total = C.FRAME_OVERHEAD + length;
    if (buf.length < total) return 'more';
    const bytes = Uint8Array.from(buf.slice(0, total));
    if (bcc(bytes, total - 1) !== bytes[total - 1]) return this.drop(out, 'bcc');
    this.flushSkipped(out);
    buf.splice(0, total);
    out.push({
      type: 'frame',
      frame: { direction: bytes[0] === C.HEADER_REQUEST ? 'request' : 'reply', address: bytes[1]!, command: bytes[2]!, lock: bytes[3]!, data: bytes.slice(5, total - 1) },
    });
    return 'step';
  }

  private drop(out: DecodedFrame[], reason: 'bcc' | 'tooLong'): 'step' {
    this.flushSkipped(out);
    this.buf.shift();
    out.push({ type: 'garbage', reason, length: 1 });
    return 'step';
  }

  private flushSkipped(out: DecodedFrame[]): void {
    if (this.skipped === 0) return;
    out.push({ type: 'garbage', reason: 'noHeader', length: this.skipped });
    this.skipped = 0;
  }
}
