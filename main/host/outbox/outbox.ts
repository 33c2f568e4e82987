/**
 * The durable encrypted outbox (issue 17 §5 "Offline", §8; ARCHITECTURE.md §8.3 "done means confirmed",
 * §8.7 records that must outlive the session). `put` seals a payload and writes it durably before it returns
 * (so the citizen may be told "saved"); a send loop on the injected clock hands each record to the sender the
 * host registered for its kind, under the record's idempotency key, one attempt in flight per record, and
 * deletes it only once the platform acknowledged it. A crash between "platform accepted" and "record deleted"
 * leaves the record waiting: it is sent again with the same key, and the platform de-duplicates, so the
 * outcome is exactly once. Failed attempts back off exponentially with jitter (outbox-retry.ts); a refusal
 * for good keeps the record as `refused` for staff and alerts; a record that fails its authentication is
 * `quarantined`, alerted, never sent. Nothing this class logs, alerts or reports carries personal data.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import { maskIdNumbersInText } from '../../../common/mask';
import { PLATFORM_KEY_PATTERN } from '../../../common/platform-api';
import { randomUUID } from 'node:crypto';
import { OutboxInputError, OutboxSealError, OutboxUnavailableError, bilingual, keyProblemMessage } from './outbox-errors';
import type { OutboxKeys } from './outbox-key';
import { DEFAULT_RETRY, type RetryPolicy, retryDelayMs } from './outbox-retry';
import { SEAL_FORMAT_VERSION, openPayload, sealPayload } from './outbox-seal';
import { summarize } from './outbox-status';
import type { OutboxStore, StoredRecord } from './outbox-store';
import {
  OUTBOX_KINDS,
  type OutboxAcknowledged,
  type OutboxAlert,
  type OutboxKind,
  type OutboxProblem,
  type OutboxRecordSummary,
  type OutboxRefused,
  type OutboxSender,
  type OutboxStatus,
  type SendOutcome,
} from './outbox-types';

/** Larger payloads are refused at `put` (a form with a few A4 scans and a signature is far below). */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
const HMAC_PATTERN = /^[0-9a-f]{64}$/;
const MAX_ERROR_CHARS = 200;

export interface OutboxOptions {
  store: OutboxStore;
  /** The derived keys; null with a `problem` (key missing or not the records' key). */
  keys: OutboxKeys | null;
  problem?: OutboxProblem | null;
  clock: Clock;
  log?: Logger;
  retry?: RetryPolicy;
  /** Jitter source, [0, 1); tests fix it. */
  random?: () => number;
  /** Records sent at the same time, at most (default 1: a platform coming back is not flooded). */
  concurrency?: number;
  onAlert?: (alert: OutboxAlert) => void;
}

export class Outbox {
  private readonly senders = new Map<OutboxKind, OutboxSender>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly acknowledgedListeners = new Set<(a: OutboxAcknowledged) => void>();
  private readonly refusedListeners = new Set<(r: OutboxRefused) => void>();
  private readonly attemptWaiters = new Map<string, ((o: SendOutcome) => void)[]>();
  private idleWaiters: (() => void)[] = [];
  private timer: TimerHandle | null = null;
  private offJump: (() => void) | null = null;
  private running = false;
  private readonly log: Logger;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly concurrency: number;

  constructor(private readonly options: OutboxOptions) {
    this.log = options.log ?? SILENT_LOGGER;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.random = options.random ?? Math.random;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    const { baseMs, maxMs, jitter } = this.retry;
    if (!(baseMs >= 1 && maxMs >= baseMs && jitter >= 0 && jitter < 1)) throw new RangeError('outbox retry: baseMs ≥ 1, maxMs ≥ baseMs, 0 ≤ jitter < 1');
    const problem = this.problem;
    if (problem) {
      const waiting = options.store.recordCount();
      this.log.error('outbox records cannot be opened: its key is missing or wrong; records kept, nothing sent', { problem, records: waiting });
      options.onAlert?.({ code: problem, ref: null, message: keyProblemMessage(problem, waiting) });
    }
  }

  get problem(): OutboxProblem | null {
    return this.options.problem ?? (this.options.keys ? null : 'keyMissing');
  }

  /** The host's sender for one kind; returns an unregister. Records of a kind with no sender wait. */
  register(kind: OutboxKind, sender: OutboxSender): () => void {
    this.senders.set(kind, sender);
    this.kick();
    return () => {
      if (this.senders.get(kind) === sender) this.senders.delete(kind);
    };
  }

  /** HMAC of an ID number under this kiosk's outbox key: how a record names its citizen. */
  citizenHmac(idNumber: string): string {
    return this.keysOrThrow().citizenHmac(idNumber);
  }

  /**
   * Seals and stores a record; durable when this returns. The same idempotency key again returns the record
   * already stored (a retried `put` does not make two). Throws OutboxInputError for a bad argument and
   * OutboxUnavailableError when the key is missing.
   */
  put(kind: OutboxKind, idempotencyKey: string, citizenHmac: string, payload: unknown): string {
    const keys = this.keysOrThrow();
    if (!(OUTBOX_KINDS as readonly string[]).includes(kind)) throw new OutboxInputError(`unknown outbox kind ${String(kind)}`);
    if (!PLATFORM_KEY_PATTERN.test(idempotencyKey)) throw new OutboxInputError('idempotencyKey must be 8 to 128 letters, digits and -_.:');
    if (!HMAC_PATTERN.test(citizenHmac)) throw new OutboxInputError('citizenHmac must be a 64-digit lower-case hex HMAC (Outbox.citizenHmac), never an ID number');
    const existing = this.options.store.byIdempotencyKey(idempotencyKey);
    if (existing) {
      if (existing.kind !== kind) throw new OutboxInputError(`idempotencyKey already used by a record of another kind (${existing.kind})`);
      return existing.id;
    }
    const id = randomUUID();
    const sealed = sealPayload(keys.sealKey, { id, kind, idempotencyKey, citizenHmac }, payload);
    if (sealed.length > MAX_PAYLOAD_BYTES) throw new OutboxInputError(`payload too large (${sealed.length} bytes, at most ${MAX_PAYLOAD_BYTES})`);
    const now = this.options.clock.now();
    this.options.store.insert({ id, kind, idempotencyKey, citizenHmac, createdAt: now, nextAttemptAt: now, formatVersion: SEAL_FORMAT_VERSION, sealed });
    this.log.info('outbox record saved', { id, kind, bytes: sealed.length });
    this.kick();
    return id;
  }

  /** Starts the send loop (nothing is sent while the key is missing). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.offJump = this.options.clock.onJump(() => this.kick());
    this.kick();
  }

  /** Stops sending; attempts under way finish (and are settled) before this resolves. */
  async stop(): Promise<void> {
    this.running = false;
    this.timer?.cancel();
    this.timer = null;
    this.offJump?.();
    this.offJump = null;
    await Promise.all([...this.inFlight.values()]);
  }

  /** Stops, then closes the database. */
  async close(): Promise<void> {
    await this.stop();
    this.options.store.close();
  }

  /** The platform is back: every waiting record is tried at once; resolves when this round is over. */
  async sendNow(): Promise<void> {
    if (!this.running || this.problem) return;
    this.options.store.dueNoLaterThan(this.options.clock.now(), new Set(this.inFlight.keys()));
    this.kick();
    await this.whenIdle();
  }

  /** Resolves when no attempt is under way. */
  whenIdle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The outcome of the next attempt of record `id` to finish (for a citizen waiting at the screen). */
  nextAttemptOutcome(id: string): Promise<SendOutcome> {
    return new Promise((resolve) => this.attemptWaiters.set(id, [...(this.attemptWaiters.get(id) ?? []), resolve]));
  }

  onAcknowledged(listener: (a: OutboxAcknowledged) => void): () => void {
    this.acknowledgedListeners.add(listener);
    return () => this.acknowledgedListeners.delete(listener);
  }

  onRefused(listener: (r: OutboxRefused) => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  status(): OutboxStatus {
    return summarize(this.options.store.summaries(), new Set(this.inFlight.keys()), this.options.clock.now(), this.problem, this.running);
  }

  /** Every record for the staff list: ids, kinds, states, times, errors; no payload, no HMAC. */
  records(): OutboxRecordSummary[] {
    return this.options.store.summaries().map((r) => ({
      id: r.id,
      kind: r.kind,
      state: this.inFlight.has(r.id) ? 'sending' : r.state,
      createdAt: r.createdAt,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt,
      lastError: r.lastError,
    }));
  }

  /**
   * The plaintext of a refused record, for staff handling it at a window (the host decides who may, and
   * audits it). Throws OutboxSealError for a record that does not open.
   */
  openRefused(id: string): unknown {
    const record = this.options.store.get(id);
    if (!record || record.state !== 'refused') throw new OutboxInputError(`no refused outbox record ${id}`);
    return this.openRecord(this.keysOrThrow(), record);
  }

  /** Staff dealt with a refused or quarantined record: it is deleted. False when there is no such record. */
  discard(id: string): boolean {
    const record = this.options.store.get(id);
    if (!record || record.state === 'waiting') return false;
    const removed = this.options.store.remove(id);
    this.log.info('outbox record discarded by staff', { id, kind: record.kind, state: record.state });
    return removed;
  }

  private keysOrThrow(): OutboxKeys {
    const problem = this.problem;
    if (problem || !this.options.keys) throw new OutboxUnavailableError(problem ?? 'keyMissing');
    return this.options.keys;
  }

  private openRecord(keys: OutboxKeys, r: StoredRecord): unknown {
    return openPayload(keys.sealKey, r.formatVersion, { id: r.id, kind: r.kind, idempotencyKey: r.idempotencyKey, citizenHmac: r.citizenHmac }, r.sealed);
  }

  /** Starts what is due (up to the concurrency), then sets the timer for the next record due. */
  private kick(): void {
    this.fill();
    if (this.inFlight.size === 0) this.resolveIdle();
  }

  private fill(): void {
    if (!this.running || this.problem || !this.options.store.open) return;
    const keys = this.options.keys!;
    const now = this.options.clock.now();
    // A wall clock set back must not push retries out by the jump: none waits longer than the longest back-off.
    this.options.store.dueNoLaterThan(now + this.retry.maxMs, new Set(this.inFlight.keys()));
    for (const record of this.options.store.due(now)) {
      if (this.inFlight.size >= this.concurrency) break;
      const sender = this.senders.get(record.kind);
      if (!sender || this.inFlight.has(record.id)) continue;
      this.dispatch(keys, record, sender, now);
    }
    if (!this.options.store.open) return;
    this.timer?.cancel();
    this.timer = null;
    const next = this.options.store.nextDueAt([...this.senders.keys()]);
    if (next !== null && this.inFlight.size < this.concurrency) this.timer = this.options.clock.setTimer(Math.max(0, next - now), () => this.kick());
  }

  private dispatch(keys: OutboxKeys, record: StoredRecord, sender: OutboxSender, now: number): void {
    const attempt = record.attempts + 1;
    // Counted and rescheduled before anything goes out: a crash mid-send still backs off.
    this.options.store.beginAttempt(record.id, now + retryDelayMs(attempt, this.retry, this.random));
    let payload: unknown;
    try {
      payload = this.openRecord(keys, record);
    } catch (err) {
      if (!(err instanceof OutboxSealError)) throw err;
      this.quarantine(record, err.message);
      return;
    }
    const run = (async (): Promise<void> => {
      let outcome: SendOutcome;
      try {
        outcome = await sender(payload, record.idempotencyKey);
      } catch (err) {
        outcome = { outcome: 'retry', error: err instanceof Error ? err.message : String(err) };
      }
      payload = undefined;
      this.settle(record, attempt, outcome);
    })().finally(() => {
      this.inFlight.delete(record.id);
      this.kick();
    });
    this.inFlight.set(record.id, run);
  }

  private settle(record: StoredRecord, attempt: number, outcome: SendOutcome): void {
    const { id, kind, idempotencyKey, citizenHmac } = record;
    try {
      if (outcome.outcome === 'acknowledged') {
        this.options.store.remove(id);
        this.log.info('outbox record acknowledged and deleted', { id, kind, attempt });
        for (const l of [...this.acknowledgedListeners]) this.safely(() => l({ id, kind, idempotencyKey, citizenHmac, reply: outcome.reply }));
      } else if (outcome.outcome === 'retry') {
        this.options.store.recordFailure(id, cleanError(outcome.error));
        this.log.warn('outbox send failed; will retry', { id, kind, attempt, error: cleanError(outcome.error) });
      } else {
        const error = cleanError(outcome.error);
        this.options.store.settle(id, 'refused', error);
        this.log.error('outbox record refused by the platform; kept for staff', { id, kind, attempt, error });
        this.options.onAlert?.({ code: 'refused', ref: id, message: bilingual(`平台拒收一条离线暂存记录（${kind}），请工作人员处理`, `the platform refused an outbox record (${kind}) for good: staff must handle it`) });
        for (const l of [...this.refusedListeners]) this.safely(() => l({ id, kind, idempotencyKey, citizenHmac, error }));
      }
    } catch (err) {
      // The store went away under the attempt (the host is stopping or crashed): the record stays as it was
      // on disk and is sent again with the same idempotency key.
      this.log.warn('outbox could not record an attempt; the record stays and is sent again', { id, kind, error: err instanceof Error ? err.message : String(err) });
    }
    const waiters = this.attemptWaiters.get(id);
    this.attemptWaiters.delete(id);
    for (const w of waiters ?? []) w(outcome);
  }

  private quarantine(record: StoredRecord, reason: string): void {
    this.options.store.settle(record.id, 'quarantined', reason);
    this.log.error('outbox record fails authentication: quarantined, not sent', { id: record.id, kind: record.kind });
    this.options.onAlert?.({
      code: 'quarantined',
      ref: record.id,
      message: bilingual(`一条离线暂存记录校验失败（被改动或损坏），已隔离未发送（${record.kind}）`, `an outbox record (${record.kind}) fails its authentication (altered or damaged): quarantined, not sent`),
    });
  }

  private resolveIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.log.error('outbox listener failed', { error: err instanceof Error ? err.message : String(err) });
    }
  }
}

/** A sender's error as stored and shown: ID-like numbers masked, shortened. */
function cleanError(error: unknown): string {
  return maskIdNumbersInText(String(error)).slice(0, MAX_ERROR_CHARS);
}
