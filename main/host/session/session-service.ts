/**
 * The interaction session, owned by the host (ARCHITECTURE.md §8.6). The renderer reports activity; the
 * host runs the idle timer on the injected clock: idle `idleTimeoutMs` → a `countdownMs` warning → the
 * session ends, its data is wiped (every onEnded listener runs), and the home screen shows; after
 * `attractAfterMs` more without a touch the attract loop plays. With 长辈模式 on (`setElder`, issue 16 §7) the
 * session idles `elderIdleTimeoutMs` and counts down `elderCountdownMs` instead; it is off again for the next
 * citizen.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { Logger } from '../../../common/logger';
import type { SessionEndReason, SessionState } from '../../../common/session';

export interface SessionTimings {
  idleTimeoutMs: number;
  countdownMs: number;
  attractAfterMs: number;
  /** While 长辈模式 is on; the configuration's `session.elderIdleTimeoutMs` (ELDER_TIMING_DEFAULTS without it). */
  elderIdleTimeoutMs?: number;
  elderCountdownMs?: number;
}

/** The elder timings when the configuration gives none (config `session.elderIdleTimeoutMs`, `elderCountdownMs`). */
export const ELDER_TIMING_DEFAULTS = { idleTimeoutMs: 180_000, countdownMs: 30_000 } as const;

export class SessionService {
  private phase: SessionState['phase'] = 'attract';
  private sessionId: string | null = null;
  private countdownEndsAt: number | null = null;
  private timer: TimerHandle | null = null;
  private elder = false;
  private holds = 0;
  /** endAfter has scheduled the end (ticket shown): finishing a hold must not replace it with the idle timer. */
  private endScheduled = false;
  private seq = 0;
  private readonly changed = new Set<(state: SessionState) => void>();
  private readonly ended = new Set<(sessionId: string, reason: SessionEndReason) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly timings: SessionTimings,
    private readonly log: Logger,
    private readonly newId: () => string = () => `s${clock.now().toString(36)}${(++this.seq).toString(36)}`,
  ) {}

  state(): SessionState {
    return {
      phase: this.phase,
      sessionId: this.sessionId,
      countdownEndsAt: this.countdownEndsAt,
      idleTimeoutMs: this.idleTimeoutMs,
      countdownMs: this.countdownMs,
      elder: this.elder,
    };
  }

  /**
   * 长辈模式 on or off for this session: a touch like any other (it starts a session from home, cancels a
   * countdown), and the idle timer restarts with the elder timings while on.
   */
  setElder(on: boolean): SessionState {
    if (this.elder !== on) this.log.info('elder mode', { on });
    this.elder = on;
    return this.activity();
  }

  /** Work for the citizen is in progress (`hold`): a print the session waits for. */
  get busy(): boolean {
    return this.holds > 0;
  }

  /** The id of the current citizen session, starting one if nobody is in session. */
  current(): string {
    if (this.sessionId === null) this.activity();
    return this.sessionId as string;
  }

  /** A touch or key press: starts a session from attract/home, cancels a countdown, restarts the idle timer. */
  activity(): SessionState {
    if (this.sessionId === null) {
      this.sessionId = this.newId();
      this.log.info('session started', { sessionId: this.sessionId });
    }
    this.phase = 'active';
    this.countdownEndsAt = null;
    this.endScheduled = false;
    this.armIdle();
    this.publish();
    return this.state();
  }

  /** Ends the session now (citizen pressed 完成, staff reset, or the countdown ran out). */
  end(reason: SessionEndReason): SessionState {
    const id = this.sessionId;
    this.sessionId = null;
    this.countdownEndsAt = null;
    this.endScheduled = false;
    this.elder = false;
    this.phase = 'home';
    this.arm(this.timings.attractAfterMs, () => this.toAttract());
    if (id !== null) {
      this.log.info('session ended', { sessionId: id, reason });
      for (const l of [...this.ended]) l(id, reason);
    }
    this.publish();
    return this.state();
  }

  /**
   * Ends the session after `ms` unless the citizen touches the screen meanwhile (ticket shown, then home).
   * Called from inside a hold (the ticket issuer), it still stands when the hold finishes. With `sessionId`,
   * only that session: one that already ended (and a new citizen's that began since) is left alone.
   */
  endAfter(ms: number, reason: SessionEndReason, sessionId?: string): void {
    if (this.sessionId === null || (sessionId !== undefined && sessionId !== this.sessionId)) return;
    this.endScheduled = true;
    this.arm(ms, () => this.end(reason));
  }

  /**
   * Keeps the session from timing out while `work` runs (a print in progress), then restarts the idle
   * timer — unless the work scheduled the session's end (endAfter), which then stands. The citizen is not
   * sent home in the middle of a job the host is still finishing.
   */
  async hold<T>(work: Promise<T>): Promise<T> {
    this.holds++;
    if (!this.endScheduled) this.timer?.cancel();
    try {
      return await work;
    } finally {
      if (--this.holds === 0 && this.sessionId !== null && this.phase === 'active' && !this.endScheduled) this.armIdle();
    }
  }

  onChanged(listener: (state: SessionState) => void): () => void {
    this.changed.add(listener);
    return () => this.changed.delete(listener);
  }

  /** Session-scoped data must be wiped here (ARCHITECTURE.md §8.7). */
  onEnded(listener: (sessionId: string, reason: SessionEndReason) => void): () => void {
    this.ended.add(listener);
    return () => this.ended.delete(listener);
  }

  dispose(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private get idleTimeoutMs(): number {
    return this.elder ? (this.timings.elderIdleTimeoutMs ?? ELDER_TIMING_DEFAULTS.idleTimeoutMs) : this.timings.idleTimeoutMs;
  }

  private get countdownMs(): number {
    return this.elder ? (this.timings.elderCountdownMs ?? ELDER_TIMING_DEFAULTS.countdownMs) : this.timings.countdownMs;
  }

  private armIdle(): void {
    if (this.holds > 0) return;
    this.arm(this.idleTimeoutMs, () => this.startCountdown());
  }

  private startCountdown(): void {
    if (this.sessionId === null) return;
    this.phase = 'countdown';
    this.countdownEndsAt = this.clock.now() + this.countdownMs;
    this.arm(this.countdownMs, () => this.end('idle'));
    this.publish();
  }

  private toAttract(): void {
    if (this.sessionId !== null) return;
    this.phase = 'attract';
    this.timer = null;
    this.publish();
  }

  private arm(ms: number, fn: () => void): void {
    this.timer?.cancel();
    this.timer = this.clock.setTimer(ms, fn);
  }

  private publish(): void {
    const state = this.state();
    for (const l of [...this.changed]) l(state);
  }
}
