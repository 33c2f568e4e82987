/**
 * HRL/1 lines out of a byte stream split anywhere (docs/robot-protocol.md §2): LF, CR LF or a lone CR ends a
 * line, empty lines are skipped; a line longer than MAX_LINE_BYTES is dropped up to its terminator (one
 * `tooLong` garbage frame), a line with a byte outside printable ASCII is `unreadable` garbage. Pure: what was
 * pushed is all it knows. Both ends use it: the driver for replies and events, the simulator for commands.
 */
import { MAX_LINE_BYTES } from './constants';
import type { RobotFrame } from './frames';
import { parseLine } from './line-codec';

const LF = 0x0a;
const CR = 0x0d;

export class RobotLineDecoder {
  private chars: number[] = [];
  /** Bytes of the current line beyond MAX_LINE_BYTES (it is being dropped). */
  private overflow = 0;
  private bad = false;

  /** Bytes of a line begun and not ended. */
  get pendingBytes(): number {
    return this.chars.length + this.overflow;
  }

  push(chunk: Uint8Array): RobotFrame[] {
    const out: RobotFrame[] = [];
    for (const b of chunk) {
      if (b === LF || b === CR) {
        const frame = this.endLine();
        if (frame) out.push(frame);
        continue;
      }
      if (this.chars.length >= MAX_LINE_BYTES) {
        this.overflow++;
        continue;
      }
      if (b < 0x20 || b > 0x7e) this.bad = true;
      this.chars.push(b);
    }
    return out;
  }

  /** Forgets a half line (a reopened link). */
  reset(): void {
    this.chars = [];
    this.overflow = 0;
    this.bad = false;
  }

  private endLine(): RobotFrame | null {
    const length = this.chars.length + this.overflow;
    const { overflow, bad } = this;
    const text = String.fromCharCode(...this.chars);
    this.reset();
    if (length === 0) return null;
    if (overflow > 0) return { type: 'garbage', reason: 'tooLong', length };
    if (bad) return { type: 'garbage', reason: 'unreadable', length };
    if (text.trim().length === 0) return null;
    return parseLine(text);
  }
}
