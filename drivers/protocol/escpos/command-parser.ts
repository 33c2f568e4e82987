/**
 * Device-side ESC/POS parser: turns the host's byte stream into commands, in stream order, whatever the
 * chunking (protocols.md §2, §7 item 2). Real printers act on DLE EOT / DLE ENQ ahead of the print buffer;
 * this parser only reports them in order and leaves timing to the simulator.
 *
 * Text is reported when the run ends (at the next control byte, or every TEXT_RUN_MAX_BYTES), so the same
 * stream gives the same commands however it is split; call flush() at the end of a stream for a last run.
 */
import * as C from './constants';
import { VARIABLE_READERS } from './command-lengths';
import { FIXED_READERS, parsed, unknown, type ParseContext, type ParsedCommand } from './command-table';
import type { EscPosCommand, EscPosParserOptions } from './command-types';
import { charsetCharLength, decodeForCharset } from './charsets';

export type { EscPosCommand, EscPosCommandType, EscPosParserOptions, CutMeaning } from './command-types';

export const DEFAULT_MAX_COMMAND_BYTES = 1 << 20;
export const TEXT_RUN_MAX_BYTES = 4096;

/** After a large command the buffer drops back to a small one once it is empty. */
const SHRINK_ABOVE_BYTES = 1 << 16;
const INTRODUCERS = new Set([C.ESC, C.GS, C.FS, C.DLE]);

export class EscPosCommandParser {
  private readonly ctx: ParseContext;
  private buf = new Uint8Array(256);
  private start = 0;
  private end = 0;
  private skip = 0;
  private chineseMode: boolean;
  private text = new Uint8Array(64);
  private textLength = 0;
  private out: EscPosCommand[] = [];

  constructor(options: EscPosParserOptions = {}) {
    this.ctx = {
      chineseMode: options.chineseMode ?? true,
      legacyCut: options.legacyCut ?? { escI: 'partial', escM: 'full' },
      maxCommandBytes: options.maxCommandBytes ?? DEFAULT_MAX_COMMAND_BYTES,
      charset: options.charset ?? 'gb18030',
    };
    this.chineseMode = this.ctx.chineseMode;
  }

  /** Whether FS & is in force: text is read as GB18030. */
  get inChineseMode(): boolean {
    return this.chineseMode;
  }

  /** Bytes held for an unfinished command or character (not counting a text run). */
  get pendingBytes(): number {
    return this.end - this.start;
  }

  push(chunk: Uint8Array): EscPosCommand[] {
    this.out = [];
    let from = 0;
    if (this.skip > 0) {
      from = Math.min(this.skip, chunk.length);
      this.skip -= from;
    }
    this.append(chunk.subarray(from));
    this.drain();
    return this.out;
  }

  /**
   * Reports the text run still open at the end of a stream (with any unfinished character). An unfinished
   * command stays pending.
   */
  flush(): EscPosCommand[] {
    this.out = [];
    // Bytes held at >= 20 can only be an unfinished double-byte character: print them as they are.
    if (this.start < this.end && this.buf[this.start]! >= 0x20) {
      this.appendText(this.buf.subarray(this.start, this.end));
      this.start = this.end;
    }
    this.flushText();
    return this.out;
  }

  private drain(): void {
    const b = this.buf;
    while (this.start < this.end) {
      const lead = b[this.start]!;
      if (lead >= 0x20) {
        const length = this.chineseMode ? charsetCharLength(b, this.start, this.end, this.ctx.charset) : 1;
        if (length === undefined) break;
        this.appendText(b.subarray(this.start, this.start + length));
        this.start += length;
        continue;
      }
      this.flushText();
      const result = this.readCommand(lead);
      if (result === undefined) break;
      this.start += result.length;
      this.out.push(result.command);
      if (result.command.type === 'chineseMode') this.chineseMode = result.command.on;
      if (result.skip !== undefined) {
        const now = Math.min(result.skip, this.end - this.start);
        this.start += now;
        this.skip = result.skip - now;
      }
    }
  }

  private readCommand(lead: number): ParsedCommand | undefined {
    const b = this.buf;
    const pos = this.start;
    if (lead === C.LF) return parsed(b, pos, 1, { type: 'lineFeed' });
    if (lead === C.CR) return parsed(b, pos, 1, { type: 'carriageReturn' });
    if (lead === C.HT) return parsed(b, pos, 1, { type: 'horizontalTab' });
    if (!INTRODUCERS.has(lead)) return parsed(b, pos, 1, unknown('unrecognised'));
    if (this.end - pos < 2) return undefined;
    const key = (lead << 8) | b[pos + 1]!;
    const reader = FIXED_READERS.get(key) ?? VARIABLE_READERS.get(key);
    return reader ? reader(b, pos, this.end, this.ctx) : parsed(b, pos, 2, unknown('unrecognised'));
  }

  private appendText(bytes: Uint8Array): void {
    if (this.textLength + bytes.length > this.text.length) {
      const grown = new Uint8Array(Math.max(this.text.length * 2, this.textLength + bytes.length));
      grown.set(this.text.subarray(0, this.textLength));
      this.text = grown;
    }
    this.text.set(bytes, this.textLength);
    this.textLength += bytes.length;
    if (this.textLength >= TEXT_RUN_MAX_BYTES) this.flushText();
  }

  private flushText(): void {
    if (this.textLength === 0) return;
    const raw = this.text.slice(0, this.textLength);
    const text = this.chineseMode ? decodeForCharset(raw, this.ctx.charset) : String.fromCharCode(...raw);
    this.out.push({ type: 'text', text, chineseMode: this.chineseMode, raw });
    this.textLength = 0;
  }

  private append(chunk: Uint8Array): void {
    const held = this.end - this.start;
    if (held === 0 && this.buf.length > SHRINK_ABOVE_BYTES) this.buf = new Uint8Array(256);
    if (this.end + chunk.length > this.buf.length) {
      if (held + chunk.length <= this.buf.length) {
        this.buf.copyWithin(0, this.start, this.end);
      } else {
        const grown = new Uint8Array(Math.max(this.buf.length * 2, held + chunk.length));
        grown.set(this.buf.subarray(this.start, this.end));
        this.buf = grown;
      }
      this.start = 0;
      this.end = held;
    }
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }
}
