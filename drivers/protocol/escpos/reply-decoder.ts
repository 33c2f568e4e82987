/**
 * Driver-side decoder of what an ESC/POS printer sends back. Replies are told apart by their first byte
 * (protocols.md §2.5): (b & 93) == 12 is a DLE EOT reply, (b & 93) == 10 starts a 4-byte ASB block,
 * 37 starts a "37 2x … 00" block (GS ( H process ID, §2.7), and a byte of the GS r reply's form
 * (`isPaperStatusByte`) is a GS r reply when one was announced, and on presenter printers `10 0F` starts the
 * 6-byte full status (§2.6). Input may be split anywhere; a half reply waits for the rest.
 */
import * as C from './constants';
import { interpretAsb, type AsbStatus } from './status-bits';

export { interpretAsb, interpretFullStatus, interpretPaperStatus, interpretRealtimeStatus } from './status-bits';
export type { AsbStatus, EscPosStatusBits } from './status-bits';

export type EscPosReply =
  | { type: 'realtimeStatus'; byte: number }
  | { type: 'asb'; bytes: Uint8Array; status: AsbStatus }
  | { type: 'processId'; id: string }
  | { type: 'paperStatus'; byte: number }
  | { type: 'fullStatus'; bytes: Uint8Array }
  | { type: 'garbage'; bytes: Uint8Array };

/** A header block longer than this without its NUL is garbage, so a lost NUL cannot grow memory. */
export const MAX_BLOCK_REPLY_BYTES = 64;

/** Second byte of a header block: Epson uses 37 2x (GS ( H) and P5 shows 37 36 (GS ( k fn 52) [C]. */
const isBlockIdentifier = (b: number): boolean => b >= 0x20 && b <= 0x3f;
const isPrintableAscii = (b: number): boolean => b >= 0x20 && b <= 0x7e;

export interface EscPosReplyDecoderOptions {
  /**
   * The model reports "ticket not taken" in DLE EOT 1 bit 7 (models.ts `ticketTakenBit`, §2.6), so a DLE EOT
   * reply may have bit 7 set: it is then recognised by (b & 13) == 12. Default false: (b & 93) == 12.
   */
  ticketTakenBit?: boolean;
  /**
   * The model sends Automatic Status Back (models.ts `asb`, §2.5). Default true; false: a byte that would
   * start an ASB block is garbage, as nothing on such a printer starts with it.
   */
  asb?: boolean;
  /**
   * The model answers DLE EOT 20 with `10 0F` and 4 status bytes (models.ts `statusQuery: "fullStatus"`,
   * §2.6). Such a model has no ASB (both would start with 10), so it is ignored here. Default false.
   */
  fullStatus?: boolean;
}

/**
 * A GS r 1 reply (§2.1, §2.7): bit 4 fixed 0, bits 5–7 0, and each sensor's two bits set together (0/1
 * near end, 2/3 paper end, as Epson's ASB byte 3) [C]: 00, 03, 0C or 0F. Anything else is not one.
 */
export function isPaperStatusByte(b: number): boolean {
  const nearEnd = b & 0x03;
  const paperEnd = b & 0x0c;
  return (b & 0xf0) === 0 && (nearEnd === 0 || nearEnd === 0x03) && (paperEnd === 0 || paperEnd === 0x0c);
}

export class EscPosReplyDecoder {
  private readonly realtimeMask: number;
  private readonly asb: boolean;
  private readonly fullStatus: boolean;
  private partial: number[] = [];
  private partialKind: 'asb' | 'block' | 'full' | undefined;
  private paperStatusExpected = 0;
  private garbage: number[] = [];
  private out: EscPosReply[] = [];

  constructor(options: EscPosReplyDecoderOptions = {}) {
    this.realtimeMask = options.ticketTakenBit === true ? C.STATUS_TAG_MASK & ~C.TICKET_NOT_TAKEN_BIT : C.STATUS_TAG_MASK;
    this.fullStatus = options.fullStatus ?? false;
    this.asb = !this.fullStatus && (options.asb ?? true);
  }

  /** The next bit-4-clear byte is the answer to a GS r 1 just sent; each announcement covers one reply. */
  expectPaperStatus(): void {
    this.paperStatusExpected++;
  }

  /** Stops expecting the announced GS r replies (the driver presumed them lost); half replies are kept. */
  forgetPaperStatus(): void {
    this.paperStatusExpected = 0;
  }

  /** True while a reply has started but not finished (for an inter-byte timeout in the driver). */
  get midReply(): boolean {
    return this.partialKind !== undefined;
  }

  /**
   * The rest of a half reply did not come in time (the driver's inter-byte time-out): it was garbage.
   * Returns what it decodes to now; the bytes are not read again.
   */
  abandonPartial(): EscPosReply[] {
    if (this.partialKind === undefined) return [];
    this.garbage.push(...this.partial);
    this.clearPartial();
    this.out = [];
    this.flushGarbage();
    return this.out;
  }

  /** Drops any half reply and every announced GS r reply (after a reconnect or a recovery). */
  reset(): void {
    this.partial = [];
    this.partialKind = undefined;
    this.paperStatusExpected = 0;
  }

  push(chunk: Uint8Array): EscPosReply[] {
    this.out = [];
    for (const b of chunk) this.take(b);
    this.flushGarbage();
    return this.out;
  }

  private take(b: number): void {
    if (this.partialKind === 'asb') return this.takeAsb(b);
    if (this.partialKind === 'block') return this.takeBlock(b);
    if (this.partialKind === 'full') return this.takeFull(b);
    if (this.paperStatusExpected > 0 && isPaperStatusByte(b)) {
      this.paperStatusExpected--;
      return this.emit({ type: 'paperStatus', byte: b });
    }
    if ((b & this.realtimeMask) === C.REALTIME_STATUS_TAG) return this.emit({ type: 'realtimeStatus', byte: b });
    if (this.fullStatus && b === C.FULL_STATUS_HEADER[0]) return this.start('full', b);
    if (this.asb && (b & C.STATUS_TAG_MASK) === C.ASB_TAG) return this.start('asb', b);
    if (b === C.BLOCK_REPLY_HEADER) return this.start('block', b);
    this.garbage.push(b);
  }

  private takeAsb(b: number): void {
    this.partial.push(b);
    if (this.partial.length < C.ASB_LENGTH) return;
    const bytes = Uint8Array.from(this.partial);
    this.clearPartial();
    this.emit({ type: 'asb', bytes, status: interpretAsb(bytes) });
  }

  private takeFull(b: number): void {
    if (this.partial.length === 1 && b !== C.FULL_STATUS_HEADER[1]) {
      // A lone 10 was not a full status: report it and read b afresh.
      this.garbage.push(...this.partial);
      this.clearPartial();
      return this.take(b);
    }
    this.partial.push(b);
    if (this.partial.length < C.FULL_STATUS_LENGTH) return;
    const bytes = Uint8Array.from(this.partial);
    this.clearPartial();
    this.emit({ type: 'fullStatus', bytes });
  }

  private takeBlock(b: number): void {
    if (this.partial.length === 1 && !isBlockIdentifier(b)) {
      // A lone 37 was not a block header: report it and read b afresh.
      this.garbage.push(...this.partial);
      this.clearPartial();
      return this.take(b);
    }
    this.partial.push(b);
    if (b !== C.NUL) {
      if (this.partial.length >= MAX_BLOCK_REPLY_BYTES) {
        this.garbage.push(...this.partial);
        this.clearPartial();
      }
      return;
    }
    const block = this.partial;
    this.clearPartial();
    const id = block.slice(2, -1);
    if (block[1] === C.PROCESS_ID_REPLY_ID && id.length === C.PROCESS_ID_LENGTH && id.every(isPrintableAscii)) {
      return this.emit({ type: 'processId', id: String.fromCharCode(...id) });
    }
    this.flushGarbage();
    this.out.push({ type: 'garbage', bytes: Uint8Array.from(block) });
  }

  private start(kind: 'asb' | 'block' | 'full', b: number): void {
    this.flushGarbage();
    this.partialKind = kind;
    this.partial = [b];
  }

  private clearPartial(): void {
    this.partial = [];
    this.partialKind = undefined;
  }

  private emit(reply: EscPosReply): void {
    this.flushGarbage();
    this.out.push(reply);
  }

  private flushGarbage(): void {
    if (this.garbage.length === 0) return;
    this.out.push({ type: 'garbage', bytes: Uint8Array.from(this.garbage) });
    this.garbage = [];
  }
}
