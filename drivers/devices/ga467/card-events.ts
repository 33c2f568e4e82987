/**
 * Who hears about cards (id-card-types.ts): the `onCard…` subscribers and the `readCard` callers waiting for
 * the next read, each a bounded wait (ARCHITECTURE.md §3). A read nobody takes is wiped at once (§8.7).
 */
import type { Clock } from '../../../common/clock';
import type { KioskErrorInfo } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import { Listeners } from '../../transport/transport';
import { boundedWait, type BoundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import type { CardRead, ReadCardEvents } from '../id-card-types';
import type { DeviceCounters } from '../statistics';

interface CardWaiter {
  wait: BoundedWait<CardRead>;
  events: ReadCardEvents | undefined;
  withFingerprint: boolean;
}

export interface WaitOptions {
  signal: AbortSignal | undefined;
  timeoutMs: number;
  events: ReadCardEvents | undefined;
  withFingerprint: boolean;
  /** Runs once the wait ended, whichever way. */
  ended: () => void;
}

export class CardEvents {
  readonly presented = new Listeners<[]>();
  readonly reads = new Listeners<[CardRead]>();
  readonly failures = new Listeners<[KioskErrorInfo]>();
  readonly removals = new Listeners<[]>();
  private readonly waiters = new Set<CardWaiter>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly counters: DeviceCounters,
  ) {}

  get waiting(): number {
    return this.waiters.size;
  }

  /** Some caller asked for the fingerprint too (`30 10`). */
  get wantsFingerprint(): boolean {
    return [...this.waiters].some((w) => w.withFingerprint);
  }

  /** A bounded wait for the next read; the promise of a wait that ended at once (an aborted signal) is returned as is. */
  waitForRead(options: WaitOptions): { promise: Promise<CardRead>; waiting: boolean } {
    const waiter = { events: options.events, withFingerprint: options.withFingerprint } as CardWaiter;
    waiter.wait = boundedWait<CardRead>({
      clock: this.clock,
      what: 'read card',
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      cleanup: () => {
        this.waiters.delete(waiter);
        options.ended();
      },
    });
    if (waiter.wait.ended) return { promise: waiter.wait.promise, waiting: false };
    this.waiters.add(waiter);
    options.events?.onPresentCard?.();
    return { promise: waiter.wait.promise, waiting: true };
  }

  cardPresented(): void {
    this.counters.add('cardsPresented');
    this.presented.emit();
    for (const w of [...this.waiters]) w.events?.onCardPresented?.();
  }

  cardRead(card: CardRead): void {
    this.counters.add('reads');
    if (card.text.kind === 'problem') this.counters.add('textBlockProblems');
    this.log.info('ID card read', { kind: card.text.kind, ...(card.text.kind === 'problem' ? { problem: card.text.message } : {}) });
    const taken = this.reads.size + this.waiters.size > 0;
    this.reads.emit(card);
    for (const w of [...this.waiters]) w.wait.resolve(card);
    if (!taken) card.wipe(); // nobody holds it: personal data does not linger (§8.7)
  }

  readFailed(error: KioskErrorInfo): void {
    this.counters.add(`readFailures.${error.code}`);
    this.log.info('ID card read failed', { code: error.code, detail: error.detail });
    this.failures.emit(error);
    this.rejectWaiters(new DeviceError(error.code, error.detail ?? error.code));
  }

  cardRemoved(): void {
    this.counters.add('cardsRemoved');
    this.removals.emit();
  }

  rejectWaiters(err: DeviceError): void {
    for (const w of [...this.waiters]) w.wait.reject(err);
  }
}
