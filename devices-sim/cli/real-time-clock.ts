/**
 * Wall-clock time for the simulator when it runs in its own process (cli/serial-sim.ts), with the offset
 * the control API moves (POST /sim/clock, ARCHITECTURE.md §8.4). Setting or advancing the clock fires
 * every timer that falls due at once and re-plans the rest. Kept here, not in common/, because it needs
 * the host's real timers.
 */
import type { Clock, TimerHandle } from '../../common/clock';

interface Pending {
  due: number;
  fn: () => void;
  handle: ReturnType<typeof setTimeout> | undefined;
}

/** The longest single wait; a wait is re-checked after it, so a moved clock is honoured. */
const MAX_WAIT_MS = 60_000;

export class RealTimeClock implements Clock {
  private offsetMs = 0;
  private readonly pending = new Set<Pending>();
  private readonly jumpListeners = new Set<() => void>();

  now(): number {
    return Date.now() + this.offsetMs;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: Pending = { due: this.now() + Math.max(0, ms), fn, handle: undefined };
    this.pending.add(timer);
    this.plan(timer);
    return {
      cancel: () => {
        clearTimeout(timer.handle);
        this.pending.delete(timer);
      },
    };
  }

  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  set(epochMs: number): void {
    this.offsetMs = epochMs - Date.now();
    this.jumped();
  }

  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
    this.jumped();
  }

  /** Stops every pending timer (process shutdown). */
  dispose(): void {
    for (const t of this.pending) clearTimeout(t.handle);
    this.pending.clear();
  }

  private plan(timer: Pending): void {
    clearTimeout(timer.handle);
    timer.handle = setTimeout(() => this.fire(timer), Math.min(Math.max(0, timer.due - this.now()), MAX_WAIT_MS));
  }

  private fire(timer: Pending): void {
    if (!this.pending.has(timer)) return;
    if (this.now() < timer.due) return this.plan(timer);
    this.pending.delete(timer);
    timer.fn();
  }

  private jumped(): void {
    const now = this.now();
    const due = [...this.pending].filter((t) => t.due <= now).sort((a, b) => a.due - b.due);
    for (const t of this.pending) if (t.due > now) this.plan(t);
    for (const t of due) {
      clearTimeout(t.handle);
      if (!this.pending.delete(t)) continue;
      t.fn();
    }
    for (const l of [...this.jumpListeners]) l();
  }
}
