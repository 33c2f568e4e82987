/**
 * A clock that moves only when told (ARCHITECTURE.md §4 "no hard-coded sleeps", §8.4). Tests, benchmarks
 * and the simulator's zero-latency mode use it; advancing fires due timers in order, each seeing its own
 * due time as now().
 */
import type { Clock, TimerHandle } from './clock';

interface PendingTimer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class ManualClock implements Clock {
  private current: number;
  private seq = 0;
  private timers: PendingTimer[] = [];
  private readonly jumpListeners = new Set<() => void>();

  constructor(startMs = Date.UTC(2026, 10, 23, 1, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: PendingTimer = { due: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  /** Moves time forward, firing every timer that falls due on the way (including ones they set). */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      this.timers = this.timers.filter((t) => !t.cancelled);
      const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.current = Math.max(this.current, next.due);
      next.fn();
    }
    this.current = target;
    for (const l of [...this.jumpListeners]) l();
  }

  /** Jumps to an absolute time; moving backwards fires nothing. */
  set(epochMs: number): void {
    if (epochMs >= this.current) this.advance(epochMs - this.current);
    else {
      this.current = epochMs;
      for (const l of [...this.jumpListeners]) l();
    }
  }

  /** Number of timers still waiting (for leak checks in tests). */
  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }
}
