/**
 * Injected time (ARCHITECTURE.md §8.4). Services read a Clock, never the wall clock, so tests use fake
 * time and the training-mode control API can set or advance it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, as this kiosk believes it to be. */
  now(): number;
  /**
   * Milliseconds on the monotonic line timers run on, from an arbitrary origin: for measuring durations
   * (reply deadlines, quiet periods). A wall clock set back or forward never moves it; time skipped by hand
   * (training mode) does, as it fires timers.
   */
  elapsedMs(): number;
  /** Runs `fn` once `ms` of clock time has passed; moving the clock forward fires due timers. */
  setTimer(ms: number, fn: () => void): TimerHandle;
  /**
   * Runs `fn` every `ms` until cancelled: housekeeping (common/periodic.ts). Moving the clock forward by hand
   * runs it when its turn falls due and once on arrival, not once for every period skipped.
   */
  every(ms: number, fn: () => void): TimerHandle;
  /** Called after the clock was set or advanced by hand (training mode); returns an unsubscribe. */
  onJump(listener: () => void): () => void;
}

export interface TimerHandle {
  cancel(): void;
}
