/**
 * Everything the simulated printer says goes out through here, so the communication faults apply to every
 * reply alike (ARCHITECTURE.md §4): `noReply` and `unplugged` swallow it, `garbage` replaces it with random
 * bytes, `slowMs` holds it back on the clock. Replies keep their order.
 */
import type { Clock, TimerHandle } from '../../common/clock';
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
 * A byte of line noise or a confused firmware: any of the 256 values, status look-alikes included, so the
 * driver is tested on garbage it cannot tell from a reply by its form alone (issue 13 §1; protocols.md §2.7).
 */
export function garbageByte(random: SeededRandom): number {
  return random.int(0, 255);
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
    const now = this.clock.elapsedMs();
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

  /**
   * Flow control (XON/XOFF) is the UART's, not the firmware's answer: it goes out at once, in order with
   * what was already written, untouched by garbage and slowMs; only a link that is gone loses it.
   */
  sendFlowControl(byte: number): void {
    if (this.faults().unplugged) return;
    this.write(Uint8Array.of(byte));
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
