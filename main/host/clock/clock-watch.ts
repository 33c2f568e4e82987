/**
 * A wall clock that went back at start is not believed (issue 13 §3, "a clock set back a year"). A kiosk
 * whose RTC battery went flat boots in 2000 or in the BIOS's year; NTP may never put it right on a hall LAN.
 * Believed, such a clock would open a new hall day and restart numbering at 001 while the hall's counters
 * are still calling today's numbers: the same number twice in the hall, and the wrong date on every ticket.
 *
 * So the host keeps the latest time it has seen (last-seen-store.ts, written at every reservation and every
 * minute). In production, a clock more than CLOCK_BACK_TOLERANCE_MS behind it at start stops issuing: the
 * take-ticket service becomes unavailable with reason `clockInvalid` (worded on the citizen's screen as out of
 * service) and a technician alert is raised. Issuing resumes by itself once the clock passes the last time
 * seen (the technician set it, or NTP did), or when a technician confirms the clock as it is
 * (`npm run tickets -- confirm-clock`, audited), which makes the current time the last one seen.
 *
 * Training only logs a warning: a trainer moves the kiosk's clock forward through the simulator control API
 * (POST /sim/clock) all the time, so after a restart the real clock is routinely "behind" what training saw;
 * and training numbers are practice tickets in their own file, never the hall's.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { formatLocalDateTime } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import { appendAudit, type AuditRecord } from '../audit/audit-log';
import type { QueueDb } from '../queue/queue-db';
import { LastSeenStore } from './last-seen-store';

/** How far behind the last time seen a clock may be at start (an NTP correction, a time-zone slip: less). */
export const CLOCK_BACK_TOLERANCE_MS = 24 * 60 * 60 * 1000;
/** How often the last time seen is written, and a stopped clock looked at again. */
export const LAST_SEEN_INTERVAL_MS = 60_000;

export const CLOCK_CONFIRM_ACTION = 'clock.confirm';

export type ClockState = { valid: true } | { valid: false; lastSeenAt: number; behindMs: number };

export interface ClockConfirmRequest {
  by: string;
  note?: string;
  via: 'host' | 'direct';
}

/** What confirming did: nothing when the clock was not in question. */
export type ClockConfirmResult = { changed: false; now: number } | { changed: true; now: number; lastSeenAt: number; audit: AuditRecord };

export interface ClockWatchOptions {
  db: QueueDb;
  clock: Clock;
  mode: 'training' | 'production';
  timeZone: string;
  log: Logger;
  /** The clock became invalid or valid again: withdraw or restore issuing, raise or clear the alert. */
  onChange?: (state: ClockState) => void;
}

/** Whether a clock reading `now` is to be believed, given the latest time seen. */
export function judgeClock(now: number, lastSeenAt: number | null): ClockState {
  if (lastSeenAt === null || now >= lastSeenAt - CLOCK_BACK_TOLERANCE_MS) return { valid: true };
  return { valid: false, lastSeenAt, behindMs: lastSeenAt - now };
}

/**
 * Confirms the clock as it reads now (a technician checked it): the current time becomes the last one seen,
 * audited. Used by the running host and, with no host running, by the command itself. The clock is in
 * question when a start would not believe it, or — `stopped` — while a running host has issuing stopped and
 * the clock has not yet passed the last time seen (it may be back within the tolerance by then).
 */
export function confirmClock(db: QueueDb, now: number, request: ClockConfirmRequest, stopped = false): ClockConfirmResult {
  const store = new LastSeenStore(db);
  return db.transaction((): ClockConfirmResult => {
    const lastSeenAt = store.read();
    const inQuestion = !judgeClock(now, lastSeenAt).valid || (stopped && lastSeenAt !== null && now < lastSeenAt);
    if (!inQuestion || lastSeenAt === null) return { changed: false, now };
    store.reset(now);
    const audit = appendAudit(db, now, {
      actor: request.by,
      action: CLOCK_CONFIRM_ACTION,
      subject: 'clock',
      detail: { now, lastSeenAt, behindMs: lastSeenAt - now, note: request.note ?? null, via: request.via },
    });
    return { changed: true, now, lastSeenAt, audit };
  }).immediate();
}

export class ClockWatch {
  private readonly store: LastSeenStore;
  private current: ClockState = { valid: true };
  private timer: TimerHandle | null = null;
  private offJump: (() => void) | null = null;

  constructor(private readonly options: ClockWatchOptions) {
    this.store = new LastSeenStore(options.db);
  }

  /** Judges the clock once, at start, then writes the time seen every minute. */
  start(): ClockState {
    const { clock, mode, log } = this.options;
    const judged = judgeClock(clock.now(), this.store.read());
    if (!judged.valid && mode === 'training') {
      log.warn('clock is behind the last time this training kiosk saw; going on (training)', this.describe(judged));
      // The trainer's clock is what it is: start seeing from here, so the next start does not warn again.
      this.store.reset(clock.now());
    } else if (!judged.valid) {
      this.current = judged;
      log.error('clock is far behind the last time seen (RTC battery?): ticket issuing stopped', this.describe(judged));
      this.options.onChange?.(judged);
    }
    this.tick();
    this.offJump = clock.onJump(() => this.look());
    return this.current;
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
    this.offJump?.();
    this.offJump = null;
  }

  state(): ClockState {
    return this.current;
  }

  /** The take-ticket service's blocker (availability-service.ts): `clockInvalid` while issuing is stopped. */
  blockingReason(): 'clockInvalid' | null {
    return this.current.valid ? null : 'clockInvalid';
  }

  /** A technician confirmed the clock (npm run tickets -- confirm-clock): audited, and issuing resumes. */
  confirm(request: ClockConfirmRequest): ClockConfirmResult {
    const result = confirmClock(this.options.db, this.options.clock.now(), request, !this.current.valid);
    if (result.changed) this.options.log.warn('clock confirmed by a technician', { by: request.by, auditId: result.audit.id });
    this.look();
    return result;
  }

  /** The technician's alert text: what happened, what it stopped, and the two ways out. */
  alertMessage(state: Extract<ClockState, { valid: false }>): string {
    const days = Math.floor(state.behindMs / 86_400_000);
    const seen = formatLocalDateTime(state.lastSeenAt, this.options.timeZone);
    const now = formatLocalDateTime(this.options.clock.now(), this.options.timeZone);
    return `终端时钟（${now}）比上次记录的时间（${seen}）早 ${days} 天以上，可能是主板电池耗尽：已暂停取号，以免号码重复。请校准系统时间（时间超过 ${seen} 后自动恢复）；确认当前时间无误时运行 npm run tickets -- confirm-clock`;
  }

  private tick(): void {
    this.look();
    this.timer = this.options.clock.every(LAST_SEEN_INTERVAL_MS, () => this.look());
  }

  /** Records the time while the clock is believed; while it is not, looks whether it has caught up. */
  private look(): void {
    const now = this.options.clock.now();
    if (this.current.valid) return this.store.record(now);
    const lastSeenAt = this.store.read();
    // Caught up (now ≥ the last time seen), or a technician confirmed it (the last time seen was reset).
    if (lastSeenAt !== null && now < lastSeenAt) return;
    this.current = { valid: true };
    this.store.record(now);
    this.options.log.info('clock believed again: ticket issuing resumes');
    this.options.onChange?.(this.current);
  }

  private describe(state: Extract<ClockState, { valid: false }>): Record<string, unknown> {
    const { clock, timeZone } = this.options;
    return { now: formatLocalDateTime(clock.now(), timeZone), lastSeenAt: formatLocalDateTime(state.lastSeenAt, timeZone), behindHours: Math.floor(state.behindMs / 3_600_000) };
  }
}
