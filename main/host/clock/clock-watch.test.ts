/**
 * A clock set back at start (issue 13 §3, a flat RTC battery): in production issuing stops until the clock
 * passes the last time seen or a technician confirms it (audited); training only warns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../common/logger';
import { SILENT_LOGGER } from '../../../common/logger';
import { auditRecordsAbout } from '../audit/audit-log';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from '../queue/queue-db';
import { QueueService } from '../queue/queue-service';
import { ManualClock, at, clockAt } from '../queue/test-manual-clock';
import { CLOCK_BACK_TOLERANCE_MS, type ClockState, ClockWatch, LAST_SEEN_INTERVAL_MS, judgeClock } from './clock-watch';
import { LastSeenStore } from './last-seen-store';

const DAY_MS = 86_400_000;
const SEEN = at('2026-11-23T02:00:00Z'); // the last time seen: Monday 10:00 in Guiyang

let dir: string;
let db: QueueDb;
let store: LastSeenStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-clock-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
  store = new LastSeenStore(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function watch(clock: ManualClock, mode: 'training' | 'production' = 'production') {
  const changes: ClockState[] = [];
  const warnings: string[] = [];
  const log: Logger = { ...SILENT_LOGGER, warn: (msg: string) => void warnings.push(msg), child: () => log };
  const w = new ClockWatch({ db, clock, mode, timeZone: 'Asia/Shanghai', log, onChange: (s) => changes.push(s) });
  return { w, changes, warnings };
}

describe('judgeClock', () => {
  it('believes a fresh database, a clock ahead, and one less than a day behind', () => {
    expect(judgeClock(SEEN, null)).toEqual({ valid: true });
    expect(judgeClock(SEEN + 1, SEEN)).toEqual({ valid: true });
    expect(judgeClock(SEEN - CLOCK_BACK_TOLERANCE_MS, SEEN)).toEqual({ valid: true });
    expect(judgeClock(SEEN - CLOCK_BACK_TOLERANCE_MS - 1, SEEN)).toEqual({ valid: false, lastSeenAt: SEEN, behindMs: CLOCK_BACK_TOLERANCE_MS + 1 });
  });
});

describe('the last time seen', () => {
  it('is written at every reservation and every minute, and never goes back', () => {
    const clock = clockAt('2026-11-23T02:00:00Z');
    const config = structuredClone(loadConfig({ env: {} }));
    new QueueService({ db, config, clock }).reserve({ businessId: 'social-insurance', requestId: 'r1', sessionId: 's' });
    expect(store.read()).toBe(SEEN);
    const { w } = watch(clock);
    w.start();
    clock.advance(LAST_SEEN_INTERVAL_MS);
    expect(store.read()).toBe(SEEN + LAST_SEEN_INTERVAL_MS);
    store.record(SEEN);
    expect(store.read()).toBe(SEEN + LAST_SEEN_INTERVAL_MS);
    w.stop();
    expect(clock.pendingTimers()).toBe(0);
  });
});

describe('ClockWatch in production', () => {
  it('a clock set back a year stops issuing, with a message for the technician', () => {
    store.record(SEEN);
    const clock = new ManualClock(SEEN - 365 * DAY_MS);
    const { w, changes } = watch(clock);
    expect(w.start()).toEqual({ valid: false, lastSeenAt: SEEN, behindMs: 365 * DAY_MS });
    expect(w.blockingReason()).toBe('clockInvalid');
    expect(changes).toEqual([{ valid: false, lastSeenAt: SEEN, behindMs: 365 * DAY_MS }]);
    expect(w.alertMessage(w.state() as Extract<ClockState, { valid: false }>)).toBe(
      '终端时钟（2025-11-23 10:00）比上次记录的时间（2026-11-23 10:00）早 365 天以上，可能是主板电池耗尽：已暂停取号，以免号码重复。请校准系统时间（时间超过 2026-11-23 10:00 后自动恢复）；确认当前时间无误时运行 npm run tickets -- confirm-clock',
    );
    w.stop();
  });

  it('issuing resumes by itself once the clock passes the last time seen', () => {
    store.record(SEEN);
    const clock = new ManualClock(SEEN - 2 * DAY_MS);
    const { w, changes } = watch(clock);
    expect(w.start().valid).toBe(false);
    clock.advance(LAST_SEEN_INTERVAL_MS);
    expect(store.read()).toBe(SEEN); // the wrong time is never recorded
    clock.set(SEEN - 1000); // the time runs on (or is set); not yet past what was seen
    expect(w.blockingReason()).toBe('clockInvalid');
    clock.advance(LAST_SEEN_INTERVAL_MS);
    expect(w.blockingReason()).toBe(null);
    expect(changes.map((c) => c.valid)).toEqual([false, true]);
    w.stop();
  });

  it('a technician confirming the clock resumes issuing at once, audited; confirming a good clock writes nothing', () => {
    store.record(SEEN);
    const clock = new ManualClock(SEEN - 3 * DAY_MS);
    const { w, changes } = watch(clock);
    w.start();
    const confirmed = w.confirm({ by: 'tech-zhao', note: '主板电池已更换', via: 'host' });
    expect(confirmed).toMatchObject({ changed: true, now: clock.now(), lastSeenAt: SEEN });
    expect(w.blockingReason()).toBe(null);
    expect(changes.map((c) => c.valid)).toEqual([false, true]);
    expect(store.read()).toBe(clock.now());
    expect(auditRecordsAbout(db, 'clock', 'clock.confirm')).toMatchObject([
      { actor: 'tech-zhao', detail: { now: clock.now(), lastSeenAt: SEEN, behindMs: 3 * DAY_MS, note: '主板电池已更换', via: 'host' } },
    ]);
    expect(w.confirm({ by: 'tech-zhao', via: 'host' })).toEqual({ changed: false, now: clock.now() });
    expect(auditRecordsAbout(db, 'clock')).toHaveLength(1);
    w.stop();
  });

  it('goes on with a clock less than a day behind (an NTP correction)', () => {
    store.record(SEEN);
    const clock = new ManualClock(SEEN - 3_600_000);
    const { w, changes } = watch(clock);
    expect(w.start()).toEqual({ valid: true });
    expect(changes).toEqual([]);
    w.stop();
  });
});

describe('ClockWatch in training', () => {
  it('only warns: a trainer moves the clock all the time, and practice numbers are not the hall’s', () => {
    store.record(SEEN);
    const clock = new ManualClock(SEEN - 365 * DAY_MS);
    const { w, changes, warnings } = watch(clock, 'training');
    expect(w.start()).toEqual({ valid: true });
    expect(w.blockingReason()).toBe(null);
    expect(changes).toEqual([]);
    expect(warnings).toEqual(['clock is behind the last time this training kiosk saw; going on (training)']);
    w.stop();
  });
});
