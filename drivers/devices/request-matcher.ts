/**
 * The one request/response matcher of command–reply protocols (ARCHITECTURE.md §3; issue 13 §5): ESC/POS
 * status queries (protocols.md §2.4, §2.6), GA 467 SAM frames (§1) and fingerprint packets (§3) all send a
 * request and read the next reply as its answer, one exchange at a time. The matcher
 * - waits until replies still owed to earlier requests came back or were presumed lost (reply-ledger.ts),
 *   so a late reply is never read as the answer to a newer request;
 * - bounds each exchange by a deadline and an AbortSignal (bounded-wait.ts);
 * - fails the exchange when the reply in its place is of the wrong kind (`accepts`), or when the caller
 *   says the line carried garbage (`fail`).
 * Replies are pushed in already decoded: framing stays with each protocol's decoder.
 */
import type { Clock } from '../../common/clock';
import { boundedWait, type BoundedWait } from './bounded-wait';
import { DeviceError } from './device-error';
import { ReplyLedger } from './reply-ledger';

/** What became of a pushed reply. */
export type MatchOutcome = 'answered' | 'wrongKind' | 'stale' | 'unasked';

export interface MatcherOptions {
  /** How long after a waiter gave up its reply may still arrive (then it is presumed lost). */
  lateReplyMs: number;
  /** Called when owed replies are forgotten (given up or reset): a decoder may drop what it expected. */
  onForget?: () => void;
}

export interface ExchangeOptions<R> {
  timeoutMs: number;
  signal: AbortSignal;
  /** For messages: "status reply", "read card". */
  what: string;
  /** Whether the reply in this exchange's place is an answer to it; default any. */
  accepts?: (reply: R) => boolean;
}

interface Waiter<R> {
  seq: number;
  wait: BoundedWait<R>;
  accepts: (reply: R) => boolean;
  what: string;
}

export class RequestMatcher<R> {
  private readonly ledger: ReplyLedger;
  private waiter: Waiter<R> | null = null;
  /** Replies that answered a request whose waiter had already given up. */
  staleReplies = 0;

  constructor(
    private readonly clock: Clock,
    options: MatcherOptions,
  ) {
    this.ledger = new ReplyLedger(clock, options.lateReplyMs, options.onForget);
  }

  /** Replies owed for requests already sent. */
  get owed(): number {
    return this.ledger.owed;
  }

  /**
   * One exchange: waits out replies owed to earlier requests, installs the waiter, `send`s the request and
   * resolves with its reply. A failed send leaves no waiter behind and rejects with the send's error.
   */
  async exchange(send: () => Promise<void>, options: ExchangeOptions<R>): Promise<R> {
    await this.ledger.settle(options.signal);
    const seq = this.ledger.request();
    let waiter: Waiter<R> | undefined;
    const wait = boundedWait<R>({
      clock: this.clock,
      what: options.what,
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      cleanup: (answered) => {
        if (this.waiter === waiter) this.waiter = null;
        if (!answered) this.ledger.abandoned();
      },
    });
    waiter = { seq, wait, accepts: options.accepts ?? (() => true), what: options.what };
    if (!wait.ended) this.waiter = waiter;
    try {
      await send();
    } catch (err) {
      wait.reject(new DeviceError('canceled', `${options.what}: the request was not sent`));
      throw err;
    }
    return wait.promise;
  }

  /** A decoded reply of this kind arrived. */
  push(reply: R): MatchOutcome {
    const seq = this.ledger.reply();
    if (seq === null) return 'unasked';
    const waiter = this.waiter;
    if (waiter?.seq !== seq) {
      this.staleReplies++;
      return 'stale';
    }
    if (!waiter.accepts(reply)) {
      waiter.wait.reject(new DeviceError('garbledReply', `${waiter.what}: the device answered with a reply of another kind`));
      return 'wrongKind';
    }
    waiter.wait.resolve(reply);
    return 'answered';
  }

  /**
   * `count` requests went out that nobody waits for (ESC/POS real-time sequences inside data, §2.7): their
   * replies are dropped as stale when they come.
   */
  expectUnasked(count: number): void {
    for (let i = 0; i < count; i++) this.ledger.request();
    if (count > 0) this.ledger.abandoned();
  }

  /** The exchange under way fails with `reason` (garbage on the line, a failed job, a closed device). */
  fail(reason: DeviceError): void {
    this.waiter?.wait.reject(reason);
  }

  /** After a reconnect: the exchange fails and every owed reply is forgotten. */
  reset(reason: DeviceError): void {
    this.fail(reason);
    this.ledger.reset();
  }
}
