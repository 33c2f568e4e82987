/**
 * Injected time (ARCHITECTURE.md §8.4). Services read a Clock, never the wall clock, so tests use fake
 * time and the training-mode control API can set or advance it.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, as this kiosk believes it to be. */
  now(): number;
  /** Runs `fn` once `ms` of clock time has passed; moving the clock forward fires due timers. */
  setTimer(ms: number, fn: () => void): TimerHandle;
  /** Called after the clock was set or advanced by hand (training mode); returns an unsubscribe. */
  onJump(listener: () => void): () => void;
}

export interface TimerHandle {
  cancel(): void;
}
