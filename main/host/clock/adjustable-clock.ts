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

  /** Training mode only: make the kiosk believe it is `epochMs` now (forward: as if the time had passed). */
  set(epochMs: number): void {
    const delta = epochMs - this.now();
    if (delta >= 0) return this.advance(delta);
    this.offsetMs += delta;
    this.replanAll();
  }

  /**
   * Training mode only: skip ahead by `ms` as if that time had passed. Timers falling due on the way fire in
   * order, each seeing its own due time as now(), and timers they set fire too when they fall due before the
   * target: idle 60 s → 10 s countdown → home → attract all happen within one advance of 2 minutes.
   */
  advance(ms: number): void {
    const target = this.now() + Math.max(0, ms);
    for (;;) {
      const next = [...this.pending].filter((t) => t.due <= target).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      if (next.due > this.now()) this.offsetMs += next.due - this.now();
      this.fire(next);
    }
    this.offsetMs += Math.max(0, target - this.now());
    this.replanAll();
  }

  private fire(timer: Pending): void {
    if (timer.handle) clearTimeout(timer.handle);
    timer.handle = null;
    timer.done = true;
    this.pending.delete(timer);
    timer.fn();
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
    for (const t of due) this.fire(t);
    for (const l of [...this.jumpListeners]) l();
  }
}
