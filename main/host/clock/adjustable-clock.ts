/**
 * The host's clock (ARCHITECTURE.md §8.4): wall time plus an offset. In production the offset stays 0;
 * in training mode the simulator control API sets or advances it (POST /sim/clock).
 *
 * Two time lines, on purpose:
 * - `now()` is wall time (the system clock plus the offset): what the kiosk shows and counts days and
 *   service hours by. It follows the system clock, NTP corrections included.
 * - timers measure durations on the monotonic clock (`performance.now()`), plus the time skipped by hand.
 *   A wall clock set back (NTP after a boot with a wrong RTC, or a trainer's POST /sim/clock) neither delays
 *   nor hastens them: an idle session still ends 60 s after the last touch, its citizen's data wiped on time.
 * Moving the clock forward by hand (advance, or set to a later time) skips that time on both lines, firing
 * the timers that fall due on the way, in order, so idle time-outs and day rollovers happen at once.
 */
import { performance } from 'node:perf_hooks';
import type { Clock, TimerHandle } from '../../../common/clock';
import { periodic } from '../../../common/periodic';

interface Pending {
  /** On the timer line: monotonic time plus skipped time. */
  due: number;
  fn: () => void;
  handle: ReturnType<typeof setTimeout> | null;
  done: boolean;
}

export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private skippedMs = 0;
  private readonly pending = new Set<Pending>();
  private readonly jumpListeners = new Set<() => void>();
  /** The end of the advance under way, for periodic tasks (common/periodic.ts); null otherwise. */
  private advancingTo: number | null = null;

  constructor(
    private readonly wallNow: () => number = () => Date.now(),
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {}

  now(): number {
    return this.wallNow() + this.offsetMs;
  }

  elapsedMs(): number {
    return this.timerNow();
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const timer: Pending = { due: this.timerNow() + Math.max(0, ms), fn, handle: null, done: false };
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

  every(ms: number, fn: () => void): TimerHandle {
    return periodic(this, () => this.advancingTo, ms, fn);
  }

  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  /**
   * Training mode only: make the kiosk believe it is `epochMs` now. Forward: as if the time had passed
   * (advance). Backward: only the wall time moves; pending timers keep what they had left to wait.
   */
  set(epochMs: number): void {
    const delta = epochMs - this.now();
    if (delta >= 0) return this.advance(delta);
    this.offsetMs += delta;
    this.notifyJump();
  }

  /**
   * Training mode only: skip ahead by `ms` as if that time had passed. Timers falling due on the way fire in
   * order, each seeing its own due time as now(), and timers they set fire too when they fall due before the
   * target: idle 60 s → 10 s countdown → home → attract all happen within one advance of 2 minutes.
   */
  advance(ms: number): void {
    const target = this.timerNow() + Math.max(0, ms);
    const outer = this.advancingTo;
    this.advancingTo = Math.max(target, outer ?? target);
    try {
      for (;;) {
        const next = [...this.pending].filter((t) => t.due <= target).sort((a, b) => a.due - b.due)[0];
        if (!next) break;
        this.skip(next.due - this.timerNow());
        this.fire(next);
      }
    } finally {
      this.advancingTo = outer;
    }
    this.skip(target - this.timerNow());
    for (const t of this.pending) this.plan(t);
    this.notifyJump();
  }

  private timerNow(): number {
    return this.monotonicNow() + this.skippedMs;
  }

  /** Skips `ms` on both time lines (nothing when it is not ahead). */
  private skip(ms: number): void {
    if (ms <= 0) return;
    this.skippedMs += ms;
    this.offsetMs += ms;
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
    // Node's timers run on the monotonic clock too; one may fire a little early, so it re-checks.
    timer.handle = setTimeout(() => {
      timer.handle = null;
      if (timer.done) return;
      if (this.timerNow() >= timer.due) this.fire(timer);
      else this.plan(timer);
    }, Math.max(0, timer.due - this.timerNow()));
    // Unref'd: a composed kiosk never holds a process open by itself (its servers and IPC channel do).
    timer.handle.unref?.();
  }

  private notifyJump(): void {
    for (const l of [...this.jumpListeners]) l();
  }
}
