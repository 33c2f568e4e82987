/**
 * Counts the requests of one kind whose reply is still owed. Replies that carry no request number (an ESC/POS
 * DLE EOT byte does not say which n it answers, protocols.md §2.4; a GS r reply does not say which job it
 * closes, §2.7; a GA 467 or fingerprint frame answers whatever was asked last, §1, §3) still come back in
 * the order the requests went out, so the k-th reply answers the
 * k-th request, and a reply to a request that already timed out is recognised as stale instead of being
 * read as the answer to a newer one. A reply that never comes is presumed lost `lateReplyMs` after its
 * waiter gave up; until then a new request of the same kind waits (`settle`), so counting stays in step.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import { boundedWait } from './bounded-wait';
import { DeviceError } from './device-error';

export class ReplyLedger {
  private sent = 0;
  private answered = 0;
  /** When the owed replies are presumed lost; 0 = nobody gave up on them yet. */
  private giveUpAtMs = 0;
  private readonly settled = new Set<() => void>();

  constructor(
    private readonly clock: Clock,
    private readonly lateReplyMs: number,
    /** Called when owed replies are forgotten (given up or reset). */
    private readonly onForget: () => void = () => undefined,
  ) {}

  /** Replies owed for requests already sent. */
  get owed(): number {
    return this.sent - this.answered;
  }

  /** A request is about to go out; returns its number (1, 2, …), which its reply will carry here. */
  request(): number {
    return ++this.sent;
  }

  /** A reply arrived: the number of the request it answers, or null when no reply was owed. */
  reply(): number | null {
    if (this.owed === 0) return null;
    this.answered++;
    if (this.owed === 0) this.wakeSettled();
    return this.answered;
  }

  /** A waiter stopped waiting without its reply; the reply may still come for another `lateReplyMs`. */
  abandoned(): void {
    if (this.owed > 0) this.giveUpAtMs = Math.max(this.giveUpAtMs, this.clock.elapsedMs() + this.lateReplyMs);
  }

  /** Forgets every owed reply at once (a reopened link, a reset decoder). */
  reset(): void {
    if (this.owed > 0) this.onForget();
    this.answered = this.sent;
    this.giveUpAtMs = 0;
    this.wakeSettled();
  }

  /**
   * Resolves once no reply is owed: all came back, or the missing ones were presumed lost and forgotten.
   * `graceMs` keeps them owed at least that much longer (a job still in the printer's buffer, §2.7).
   */
  settle(signal: AbortSignal, graceMs = 0): Promise<void> {
    if (this.owed === 0) return Promise.resolve();
    if (signal.aborted) return Promise.reject(new DeviceError('canceled', 'canceled while waiting for late replies'));
    if (this.giveUpAtMs === 0) this.giveUpAtMs = this.clock.elapsedMs() + this.lateReplyMs;
    // The grace is this wait's own: an aborted drain leaves later waits to the ledger's give-up time.
    const graceUntil = this.clock.elapsedMs() + graceMs;
    let timer: TimerHandle | undefined;
    const wait = boundedWait<void>({
      clock: this.clock,
      what: 'late replies',
      signal,
      timeoutMs: null,
      onAbort: () => new DeviceError('canceled', 'canceled while waiting for late replies'),
      cleanup: () => {
        timer?.cancel();
        this.settled.delete(wake);
      },
    });
    const wake = (): void => void wait.resolve();
    const check = (): void => {
      const until = Math.max(this.giveUpAtMs, graceUntil);
      if (this.clock.elapsedMs() < until) {
        timer = this.clock.setTimer(until - this.clock.elapsedMs(), check);
        return;
      }
      this.reset(); // presumed lost: forget them, which wakes this waiter
    };
    this.settled.add(wake);
    check();
    return wait.promise;
  }

  private wakeSettled(): void {
    for (const wake of [...this.settled]) wake();
  }
}
