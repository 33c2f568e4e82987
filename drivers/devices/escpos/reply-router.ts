/**
 * Routes decoded printer replies (protocols.md §2.4–2.7) to whoever waits for them: one DLE EOT query at a
 * time, the running job's completion (process ID with its tag, or a GS r reply), and unsolicited ASB blocks.
 * DLE EOT and GS r replies carry no request id, so each kind is counted (reply-ledger.ts): a reply to a
 * request whose waiter already gave up is dropped as stale, never handed to the next waiter (§2.4 "the
 * reply does not carry n", §2.7). Status queries are exchanges of the shared request-matcher.ts; each
 * waiter owns its slot; ending one never clears a newer one.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { EscPosReplyDecoder, type EscPosReply } from '../../protocol/escpos/reply-decoder';
import type { AsbStatus } from '../../protocol/escpos/status-bits';
import { boundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import { ReplyLedger } from '../reply-ledger';
import { RequestMatcher } from '../request-matcher';

interface Waiter<T> {
  /** The ledger number of the request this waiter answers (0 for a process-ID completion). */
  seq: number;
  resolve(value: T): void;
  reject(err: DeviceError): void;
}

/** A DLE EOT 1–4 query is answered by one byte; a presenter's DLE EOT 20 by its 6-byte full status (§2.6). */
type StatusReply = Extract<EscPosReply, { type: 'realtimeStatus' | 'fullStatus' }>;

export interface ReplyRouterOptions {
  /** Kiosk printers that report "ticket not taken" in DLE EOT 1 bit 7 (§2.6) need the wider tag rule. */
  ticketTakenBit: boolean;
  /** The model sends ASB blocks (§2.5); without it a byte that would start one is garbage. Default true. */
  asb?: boolean;
  /** The model answers DLE EOT 20 with a 6-byte full status (models.ts `statusQuery`, §2.6). */
  fullStatus?: boolean;
  /** How long after a waiter gave up its reply may still arrive (then it is presumed lost). */
  lateReplyMs: number;
  /** A half reply whose next byte takes longer than this was garbage (a stray 10 or 37). Default 100. */
  interByteMs?: number;
}

const hexByte = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

export class ReplyRouter {
  private readonly decoder: EscPosReplyDecoder;
  private readonly status: RequestMatcher<StatusReply>;
  private readonly paperReplies: ReplyLedger;
  private completion: { tag: string | null; waiter: Waiter<void> } | null = null;
  private readonly asbListeners = new Set<(status: AsbStatus) => void>();
  /** A job left part-printed in the printer's buffer (§2.7): its completion, when it comes, says it drained. */
  private unfinished: { tag: string | null; budgetMs: number } | null = null;
  private readonly drainWake = new Set<() => void>();
  private lastByteAtMs = Number.NEGATIVE_INFINITY;
  private readonly interByteMs: number;
  private partialTimer: TimerHandle | undefined;
  garbageBytes = 0;
  private staleOther = 0;

  constructor(
    private readonly clock: Clock,
    options: ReplyRouterOptions,
    private readonly onStray?: (reply: EscPosReply) => void,
  ) {
    this.decoder = new EscPosReplyDecoder({ ticketTakenBit: options.ticketTakenBit, asb: options.asb ?? true, fullStatus: options.fullStatus ?? false });
    this.interByteMs = options.interByteMs ?? 100;
    this.status = new RequestMatcher<StatusReply>(clock, { lateReplyMs: options.lateReplyMs });
    this.paperReplies = new ReplyLedger(clock, options.lateReplyMs, () => this.decoder.forgetPaperStatus());
  }

  push(chunk: Uint8Array): void {
    this.lastByteAtMs = this.clock.elapsedMs();
    this.partialTimer?.cancel();
    this.partialTimer = undefined;
    for (const reply of this.decoder.push(chunk)) this.route(reply);
    // A real reply's bytes come together; a stray ASB or block start must not swallow the replies after it.
    if (this.decoder.midReply) {
      this.partialTimer = this.clock.setTimer(this.interByteMs, () => {
        this.partialTimer = undefined;
        const seen = this.lastByteAtMs;
        // After a stall, due timers run before the I/O phase that reads bytes already in the OS buffer:
        // look again once that phase has run (setImmediate comes after it), and only then give up.
        setImmediate(() => {
          if (this.lastByteAtMs !== seen || !this.decoder.midReply) return;
          for (const reply of this.decoder.abandonPartial()) this.route(reply);
        });
      });
    }
  }

  /** Replies that answered a request whose waiter had already given up. */
  get staleReplies(): number {
    return this.status.staleReplies + this.staleOther;
  }

  /**
   * One DLE EOT query: waits out replies still owed to earlier queries, then `send`s the query and waits for
   * its own reply byte. Garbage instead fails with garbledReply; a failed send leaves no waiter behind.
   */
  async askStatus(send: () => Promise<void>, timeoutMs: number, signal: AbortSignal): Promise<number> {
    const reply = await this.status.exchange(send, { timeoutMs, signal, what: 'status reply', accepts: (r) => r.type === 'realtimeStatus' });
    return reply.type === 'realtimeStatus' ? reply.byte : Number.NaN;
  }

  /** One DLE EOT 20 query of a presenter printer (§2.6): its 6-byte reply, counted like a DLE EOT reply. */
  async askFullStatus(send: () => Promise<void>, timeoutMs: number, signal: AbortSignal): Promise<Uint8Array> {
    const reply = await this.status.exchange(send, { timeoutMs, signal, what: 'full status reply', accepts: (r) => r.type === 'fullStatus' });
    return reply.type === 'fullStatus' ? reply.bytes : new Uint8Array(0);
  }

  /**
   * `count` DLE EOT requests are about to go out inside a job's data (protocols.md §2.7): their replies are
   * counted as owed to waiters that already gave up, so each is dropped as stale when it comes.
   */
  expectUnaskedStatusReplies(count: number): void {
    this.status.expectUnasked(count);
  }

  /** Before a job on a GS r model: GS r replies owed to earlier jobs come back or are presumed lost (§2.7). */
  settleCompletions(signal: AbortSignal): Promise<void> {
    return this.paperReplies.settle(signal);
  }

  /** Waits for the job's completion reply: the process ID `tag`, or (tag null) the GS r reply of this job. */
  completionOf(tag: string | null, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const pending = this.pendingCompletion(tag, signal);
    pending.arm(timeoutMs);
    return pending.done;
  }

  /**
   * The waiter for a job's completion, installed before its bytes go out (the reply may come at once);
   * its deadline starts only when `arm`ed, once the last byte is written (issue 13 §1 job deadlines).
   */
  pendingCompletion(tag: string | null, signal: AbortSignal): { done: Promise<void>; arm(timeoutMs: number): void } {
    let seq = 0;
    if (tag === null) {
      seq = this.paperReplies.request();
      this.decoder.expectPaperStatus();
    }
    const pending = this.wait<void>(seq, null, signal, 'job completion', tag === null ? this.paperReplies : null, {
      install: (w) => (this.completion = { tag, waiter: w }),
      owns: (w) => this.completion?.waiter === w,
      clear: () => (this.completion = null),
    });
    return { done: pending.promise, arm: pending.arm };
  }

  /**
   * The job with completion `tag` (null: its GS r reply) stopped in a state DLE ENQ 2 cannot clear (§2.7):
   * the rest stays in the printer's buffer and prints once the printer can; `budgetMs` is how long that may
   * take once it is printing again. `requested`: a completion request sent on its own, not by a job.
   */
  holdUnfinished(tag: string | null, budgetMs: number, options: { requested?: boolean } = {}): void {
    if (options.requested === true && tag === null) {
      // A completion request about to go out with no job waiting on it (the sync point at open).
      this.paperReplies.request();
      this.decoder.expectPaperStatus();
    }
    this.unfinished = { tag, budgetMs };
  }

  /** The printer cleared its buffer (DLE ENQ 2 in a state its model clears in): nothing is left to drain. */
  forgetUnfinished(): void {
    this.unfinished = null;
  }

  /** How long the unfinished job may still take to drain (0: none is held). */
  get unfinishedBudgetMs(): number {
    return this.unfinished?.budgetMs ?? 0;
  }

  /**
   * Waits for the unfinished job's completion reply: true once it came (the buffer drained), false when it
   * did not within its budget (a power cycle dropped the buffer) — then it is forgotten either way.
   */
  async drained(signal: AbortSignal): Promise<boolean> {
    const held = this.unfinished;
    if (!held) return true;
    if (held.tag === null) await this.paperReplies.settle(signal, held.budgetMs);
    else await this.waitDrain(held.budgetMs, signal);
    const came = this.unfinished !== held;
    if (!came) this.unfinished = null;
    return came;
  }

  onAsb(listener: (status: AsbStatus) => void): () => void {
    this.asbListeners.add(listener);
    return () => this.asbListeners.delete(listener);
  }

  /**
   * After a failed job or a cleared buffer: pending waits fail with `reason`; replies still owed stay
   * counted, so ones already on their way are recognised as stale when they arrive.
   */
  resync(reason: DeviceError): void {
    this.status.fail(reason);
    this.completion?.waiter.reject(reason);
  }

  /** After a reconnect: forget half replies, pending waits and every owed reply. */
  reset(reason: DeviceError): void {
    this.resync(reason);
    this.unfinished = null;
    this.partialTimer?.cancel();
    this.partialTimer = undefined;
    this.decoder.reset();
    this.status.reset(reason);
    this.paperReplies.reset();
  }

  /**
   * Resolves once nothing has arrived for `quietMs` (or after `maxMs` of chatter): at open, bytes a previous
   * host process asked for drain away here instead of answering this one's first queries.
   */
  quiet(quietMs: number, maxMs: number, signal: AbortSignal): Promise<void> {
    const startMs = this.clock.elapsedMs();
    let timer: TimerHandle | undefined;
    const wait = boundedWait<void>({ clock: this.clock, what: 'draining the line', signal, timeoutMs: null, cleanup: () => timer?.cancel() });
    const check = (): void => {
      const now = this.clock.elapsedMs();
      const quietFor = now - Math.max(this.lastByteAtMs, startMs);
      const elapsed = now - startMs;
      if (quietFor < quietMs && elapsed < maxMs) timer = this.clock.setTimer(Math.min(quietMs - quietFor, maxMs - elapsed), check);
      else wait.resolve();
    };
    if (!wait.ended) timer = this.clock.setTimer(quietMs, check);
    return wait.promise;
  }


  private route(reply: EscPosReply): void {
    switch (reply.type) {
      case 'realtimeStatus':
      case 'fullStatus': {
        const outcome = this.status.push(reply);
        if (outcome === 'answered' || outcome === 'wrongKind') return;
        if (outcome === 'unasked') this.distrustByteCompletion(reply.type === 'realtimeStatus' ? `an unasked status byte ${hexByte(reply.byte)}` : 'an unasked full status');
        return this.onStray?.(reply);
      }
      case 'asb':
        for (const l of [...this.asbListeners]) l(reply.status);
        return;
      case 'processId':
        if (this.completion && this.completion.tag === reply.id) return this.completion.waiter.resolve();
        if (this.unfinished?.tag === reply.id) return this.drainDone();
        return this.stray(reply, false);
      case 'paperStatus': {
        const seq = this.paperReplies.reply();
        if (seq !== null && this.unfinished?.tag === null && this.paperReplies.owed === 0 && !this.completion) return this.drainDone();
        if (seq !== null && this.completion?.tag === null && this.completion.waiter.seq === seq) return this.completion.waiter.resolve();
        return this.stray(reply, seq !== null);
      }
      case 'garbage':
        this.garbageBytes += reply.bytes.length;
        this.status.fail(new DeviceError('garbledReply', `printer answered ${reply.bytes.length} unexpected byte(s)`));
        this.distrustByteCompletion(`${reply.bytes.length} unexpected byte(s)`);
        this.onStray?.(reply);
        return;
    }
  }

  /**
   * A job confirmed by one unframed GS r byte (§2.7) cannot tell its reply from a look-alike once the line
   * carries bytes it cannot account for: that job is never confirmed (it fails garbledReply → uncertain).
   */
  private distrustByteCompletion(what: string): void {
    if (this.completion && this.completion.tag === null) {
      this.completion.waiter.reject(new DeviceError('garbledReply', `${what} while the job's one-byte confirmation was owed`));
    }
  }

  private drainDone(): void {
    this.unfinished = null;
    for (const wake of [...this.drainWake]) wake();
  }

  private waitDrain(timeoutMs: number, signal: AbortSignal): Promise<void> {
    const wait = boundedWait<void>({
      clock: this.clock,
      what: 'the last job draining',
      signal,
      timeoutMs,
      atDeadline: () => ({ value: undefined }), // presumed gone: drained() tells the two apart
      cleanup: () => this.drainWake.delete(wake),
    });
    const wake = (): void => void wait.resolve();
    if (!wait.ended) this.drainWake.add(wake);
    return wait.promise;
  }


  private stray(reply: EscPosReply, stale: boolean): void {
    if (stale) this.staleOther++;
    this.onStray?.(reply);
  }

  /** `timeoutMs` null: no deadline until `arm(ms)` starts one. */
  private wait<T>(
    seq: number,
    timeoutMs: number | null,
    signal: AbortSignal,
    what: string,
    ledger: ReplyLedger | null,
    slot: { install(w: Waiter<T>): void; owns(w: Waiter<T>): boolean; clear(): void },
  ): { promise: Promise<T>; cancel(): void; arm(ms: number): void } {
    let waiter: Waiter<T> | undefined;
    const wait = boundedWait<T>({
      clock: this.clock,
      what,
      signal,
      timeoutMs,
      cleanup: (answered) => {
        if (waiter && slot.owns(waiter)) slot.clear();
        if (!answered) ledger?.abandoned();
      },
    });
    waiter = { seq, resolve: (v) => void wait.resolve(v), reject: (err) => void wait.reject(err) };
    if (!wait.ended) slot.install(waiter);
    return {
      promise: wait.promise,
      cancel: () => void wait.reject(new DeviceError('canceled', `${what}: the request was not sent`)),
      arm: (ms) => wait.arm(ms),
    };
  }

}
