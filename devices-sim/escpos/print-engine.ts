/**
 * The print buffer and the head that drains it (protocols.md §2.7): commands wait in order and print at
 * `lineTimeMs` per paper line on the injected clock (0: at once, for benchmarks). The engine stops, keeping
 * the buffer, whenever the printer cannot print (paper end, cover, offline, a hung firmware) and before a
 * cut the cutter cannot make; `pump()` resumes it once the cause is gone.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { EscPosCommand } from '../../drivers/protocol/escpos/command-types';

export interface PrintEngineHooks {
  /** Paper lines the command will use, asked once when it reaches the head. */
  plan(cmd: EscPosCommand): number;
  /** The printer cannot print at all right now. */
  stopped(): boolean;
  /** The cutter cannot cut right now (the engine waits at the cut). */
  cutBlocked(): boolean;
  /** One paper line printed; the hook may stop the printer (paper running out). */
  linePrinted(): void;
  /** The command's lines are on paper (or it had none): commit its effect. */
  reached(cmd: EscPosCommand): void;
  /** The buffer moved on by one command (room for more). */
  advanced?(): void;
}

interface Entry {
  cmd: EscPosCommand;
  lines: number | undefined;
  printed: number;
}

export class PrintEngine {
  private queue: Entry[] = [];
  private timer: TimerHandle | undefined;
  private pumping = false;

  constructor(
    private readonly clock: Clock,
    private readonly lineTimeMs: number,
    private readonly hooks: PrintEngineHooks,
  ) {}

  /** Commands waiting, including the one under the head. */
  get buffered(): number {
    return this.queue.length;
  }

  /**
   * Bytes of the commands waiting behind the one under the head: what fills a receive buffer. The head's
   * own command streams through as it prints (a raster larger than the buffer still prints).
   */
  get waitingBytes(): number {
    let bytes = 0;
    for (let i = 1; i < this.queue.length; i++) bytes += this.queue[i]!.cmd.raw.length;
    return bytes;
  }

  /** True while the head is part-way through a command's lines. */
  get midCommand(): boolean {
    const head = this.queue[0];
    return head !== undefined && head.printed > 0;
  }

  enqueue(cmd: EscPosCommand): void {
    this.queue.push({ cmd, lines: undefined, printed: 0 });
  }

  /** Drops everything waiting (DLE ENQ 2, reset); returns how many commands were dropped. */
  clear(): number {
    const dropped = this.queue.length;
    this.queue = [];
    this.cancelTimer();
    return dropped;
  }

  /** Prints as far as the printer allows; with lineTimeMs > 0 one line per timer tick. */
  pump(): void {
    if (this.pumping || this.timer) return;
    this.pumping = true;
    try {
      for (;;) {
        const head = this.queue[0];
        if (!head) return;
        // A command whose lines are all on paper is committed even if the printer stopped right after.
        const onPaper = head.lines !== undefined && head.lines > 0 && head.printed >= head.lines;
        if (!onPaper && this.hooks.stopped()) return;
        head.lines ??= this.hooks.plan(head.cmd);
        if (head.printed < head.lines) {
          if (this.lineTimeMs > 0) {
            this.timer = this.clock.setTimer(this.lineTimeMs, () => this.lineDone(head));
            return;
          }
          this.printLine(head);
          continue;
        }
        if ((head.cmd.type === 'cut' || head.cmd.type === 'present') && this.hooks.cutBlocked()) return;
        this.queue.shift();
        this.hooks.reached(head.cmd);
        this.hooks.advanced?.();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Stops the timer; the buffer is kept. */
  dispose(): void {
    this.cancelTimer();
  }

  private lineDone(head: Entry): void {
    this.timer = undefined;
    // A line under way when the printer stopped (cover opened, paper ran out) is printed again on resume.
    if (this.queue[0] === head && !this.hooks.stopped()) this.printLine(head);
    this.pump();
  }

  private printLine(head: Entry): void {
    head.printed++;
    this.hooks.linePrinted();
  }

  private cancelTimer(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
