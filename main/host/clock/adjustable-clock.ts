/**
 * The host's clock (ARCHITECTURE.md §8.4): wall time plus an offset. In production the offset stays 0;
 * in training mode the simulator control API sets or advances it (POST /sim/clock), and every pending
 * timer is re-planned so idle time-outs and day rollovers happen at once instead of after a real wait.
 */
import type { Clock, TimerHandle } from '../../../common/clock';

interface Pending {
  due: number;
  fn: () => void;
  handle: ReturnType<typeof setTimeout> | null;
  done: boolean;
}

export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private readonly pending = new Set<Pending>();
  private readonly jumpListeners = new Set<() => void>();

  constructor(private readonly wallNow: () => number = () => Date.now()) {}

  now(): number {
    return this.wallNow() + this.offsetMs;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: Pending = { due: this.now() + Math.max(0, ms), fn, handle: null, done: false };
    this.pending.add(timer);
    this.plan(timer);
    return {
      cancel: () => {
        timer.done = true;
        if (timer.handle) clearTimeout(timer.handle);
        this.pending.delete(timer);
      },
    };
  }

  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  /** Training mode only: make the kiosk believe it is `epochMs` now. */
  set(epochMs: number): void {
    this.offsetMs = epochMs - this.wallNow();
    this.replanAll();
  }

  /** Training mode only: skip ahead by `ms`. */
  advance(ms: number): void {
    this.offsetMs += ms;
    this.replanAll();
  }

  private plan(timer: Pending): void {
    if (timer.handle) clearTimeout(timer.handle);
    // Long waits are re-checked at most every minute, so a clock moved meanwhile is honoured.
    const wait = Math.min(Math.max(0, timer.due - this.now()), 60_000);
    timer.handle = setTimeout(() => {
      timer.handle = null;
      if (timer.done) return;
      if (this.now() >= timer.due) {
        timer.done = true;
        this.pending.delete(timer);
        timer.fn();
      } else this.plan(timer);
    }, wait);
    timer.handle.unref?.();
  }

  private replanAll(): void {
    const due = [...this.pending].filter((t) => t.due <= this.now()).sort((a, b) => a.due - b.due);
    for (const t of this.pending) if (!due.includes(t)) this.plan(t);
    for (const t of due) {
      if (t.handle) clearTimeout(t.handle);
      t.done = true;
      this.pending.delete(t);
      t.fn();
    }
    for (const l of [...this.jumpListeners]) l();
  }
}
