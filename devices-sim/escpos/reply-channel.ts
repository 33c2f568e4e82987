/**
 * Everything the simulated printer says goes out through here, so the communication faults apply to every
 * reply alike (ARCHITECTURE.md §4): `noReply` and `unplugged` swallow it, `garbage` replaces it with bytes
 * that are no status at all, `slowMs` holds it back on the clock. Replies keep their order.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { PAPER_STATUS_FIXED_ZERO } from '../../drivers/protocol/escpos/constants';
import { ESCPOS_MODELS } from '../../drivers/protocol/escpos/models';
import { EscPosReplyDecoder } from '../../drivers/protocol/escpos/reply-decoder';
import type { Transport } from '../../drivers/transport/transport';
import type { SeededRandom } from '../seeded-random';

export interface ReplyFaults {
  noReply: boolean;
  unplugged: boolean;
  garbage: boolean;
  slowMs: number;
}

export type SimLog = (level: 'debug' | 'warn', msg: string, fields?: Record<string, unknown>) => void;

/**
 * Bytes no ESC/POS reply starts with, for every model in the model table: the drivers' own decoder, set up
 * as for each model (the Cashino's DLE EOT tag rule is wider, (b & 13) == 12, §2.6), reads each of them
 * alone as garbage, and bit 4 is set so none is a GS r reply either (protocols.md §2.5 "telling the
 * streams apart").
 */
const GARBAGE_BYTES: readonly number[] = Array.from({ length: 256 }, (_, b) => b).filter(
  (b) =>
    (b & PAPER_STATUS_FIXED_ZERO) !== 0 &&
    Object.values(ESCPOS_MODELS).every((model) => {
      const replies = new EscPosReplyDecoder({ ticketTakenBit: model.ticketTakenBit }).push(Uint8Array.of(b));
      return replies.length === 1 && replies[0]?.type === 'garbage';
    }),
);

export function garbageByte(random: SeededRandom): number {
  return GARBAGE_BYTES[random.int(0, GARBAGE_BYTES.length - 1)] as number;
}

export class ReplyChannel {
  private writing: Promise<void> = Promise.resolve();
  private lastDueMs = 0;
  private readonly timers = new Set<TimerHandle>();

  constructor(
    private readonly transport: Transport,
    private readonly clock: Clock,
    private readonly random: SeededRandom,
    private readonly faults: () => ReplyFaults,
    private readonly log?: SimLog,
  ) {}

  /** Replies scheduled by slowMs and not sent yet. */
  get delayed(): number {
    return this.timers.size;
  }

  send(bytes: Uint8Array): void {
    const f = this.faults();
    if (f.noReply || f.unplugged) return;
    const out = f.garbage ? Uint8Array.from({ length: this.random.int(1, 3) }, () => garbageByte(this.random)) : bytes;
    const now = this.clock.now();
    // Replies never overtake one another, even when slowMs shrinks in between.
    if (this.timers.size === 0) this.lastDueMs = 0;
    const due = Math.max(now + f.slowMs, this.lastDueMs);
    this.lastDueMs = due;
    if (due <= now) return this.write(out);
    const timer = this.clock.setTimer(due - now, () => {
      this.timers.delete(timer);
      const later = this.faults();
      if (!later.noReply && !later.unplugged) this.write(out);
    });
    this.timers.add(timer);
  }

  /** Drops replies still held back by slowMs (reset, stop). */
  cancelDelayed(): void {
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.lastDueMs = 0;
  }

  /** Resolves once every reply handed over so far has been written (or failed). */
  async flushed(): Promise<void> {
    await this.writing;
  }

  private write(bytes: Uint8Array): void {
    this.writing = this.writing.then(async () => {
      if (!this.transport.isOpen) return;
      try {
        await this.transport.write(bytes);
      } catch (err) {
        this.log?.('warn', 'reply not written', { error: err instanceof Error ? err.message : String(err) });
      }
    });
  }
}
