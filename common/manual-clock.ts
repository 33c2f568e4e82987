/**
 * A clock that moves only when told (ARCHITECTURE.md §4 "no hard-coded sleeps", §8.4). Tests, benchmarks
 * and the simulator's zero-latency mode use it; advancing fires due timers in order, each seeing its own
 * due time as now().
 */
import type { Clock, TimerHandle } from './clock';
import { periodic } from './periodic';

interface PendingTimer {
  due: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export class ManualClock implements Clock {
  private current: number;
  /** The monotonic line: moves with advance(), never with set() backwards. */
  private elapsed = 0;
  private seq = 0;
  private timers: PendingTimer[] = [];
  private readonly jumpListeners = new Set<() => void>();
  /** The end of the advance under way, for periodic tasks (common/periodic.ts); null otherwise. */
  private advancingTo: number | null = null;

  constructor(startMs = Date.UTC(2026, 10, 23, 1, 0, 0)) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  elapsedMs(): number {
    return this.elapsed;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: PendingTimer = { due: this.elapsed + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  every(ms: number, fn: () => void): TimerHandle {
    return periodic(this, () => this.advancingTo, ms, fn);
  }

  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  /** Moves time forward, firing every timer that falls due on the way (including ones they set). */
  advance(ms: number): void {
    const target = this.elapsed + Math.max(0, ms);
    const outer = this.advancingTo;
    this.advancingTo = Math.max(target, outer ?? target);
    try {
      for (;;) {
        this.timers = this.timers.filter((t) => !t.cancelled);
        const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0];
        if (!next) break;
        this.timers.splice(this.timers.indexOf(next), 1);
        this.moveBoth(next.due - this.elapsed);
        next.fn();
      }
    } finally {
      this.advancingTo = outer;
    }
    this.moveBoth(target - this.elapsed);
    for (const l of [...this.jumpListeners]) l();
  }

  /** Both lines move on together (time passing); nothing when `ms` is not ahead. */
  private moveBoth(ms: number): void {
    if (ms <= 0) return;
    this.elapsed += ms;
    this.current += ms;
  }

  /** Jumps to an absolute time; moving backwards moves only the wall time and fires nothing. */
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
