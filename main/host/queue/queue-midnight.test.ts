/**
 * Issue 13 §3, "the queue in a real day": a business whose hours run through midnight carries its numbering
 * over until its waiting list is empty, so no number waits twice and the tickets taken before midnight are
 * called after it; then numbering restarts at 001. The manual clock crosses the hall's midnight.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../config/config-types';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from './queue-db';
import { CALLED_WITHIN_MS, UNCERTAIN_HOLDS_MS } from './queue-series';
import { QueueService } from './queue-service';
import type { ReservedTicket } from './queue-types';
import { type ManualClock, at, clockAt } from './test-manual-clock';

const SELF = 'self-service'; // D, 00:00-24:00 every day
const SI = 'social-insurance'; // A, weekdays 09:00-12:00, 13:30-17:30

let dir: string;
let db: QueueDb;
let clock: ManualClock;
let config: KioskConfig;
let queue: QueueService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-midnight-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
  clock = clockAt('2026-11-23T15:40:00Z'); // Monday 23:40 in Guiyang
  config = structuredClone(loadConfig({ env: {} }));
  config.queue.ticketsPerMinute = 10_000;
  queue = new QueueService({ db, config, clock });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

let requestNo = 0;
function reserve(businessId: string): ReservedTicket {
  const result = queue.reserve({ businessId, requestId: `req-${++requestNo}`, sessionId: 's-1' });
  if (result.kind !== 'reserved') throw new Error(`expected a reservation, got ${JSON.stringify(result)}`);
  return result.ticket;
}
function issue(businessId: string): ReservedTicket {
  const t = reserve(businessId);
  queue.markSent(t.id);
  queue.settle(t.id, 'issued');
  clock.advance(1000);
  return t;
}
const waitingOf = (id: string) => queue.listBusinesses().find((b) => b.id === id)!.waiting;
const MIDNIGHT = at('2026-11-23T16:00:00Z'); // Tuesday 00:00 in Guiyang

describe('numbering through the hall’s midnight', () => {
  it('carries a 24-hour business over: numbers go on, the tickets of before midnight are called first, then 001 once the list is empty', () => {
    issue(SELF); // D001
    issue(SELF); // D002
    expect(queue.callNext([SELF], '1')?.number).toBe('D001'); // the counters work this list
    clock.set(MIDNIGHT + 5 * 60_000); // 00:05 Tuesday

    const after = issue(SELF);
    expect(after).toMatchObject({ number: 'D003', day: '2026-11-23', peopleAhead: 1 });
    expect(waitingOf(SELF)).toBe(2);
    expect(queue.callNext([SELF], '1')).toMatchObject({ number: 'D002', day: '2026-11-23' });
    expect(queue.callNext([SELF], '2')).toMatchObject({ number: 'D003', day: '2026-11-23' });
    expect(waitingOf(SELF)).toBe(0);

    // The waiting list is empty: the next number starts Tuesday's series.
    expect(issue(SELF)).toMatchObject({ number: 'D001', day: '2026-11-24' });
    expect(queue.callNext([SELF], '1')).toMatchObject({ number: 'D001', day: '2026-11-24' });
  });

  it('keeps a series open for a ticket still printing at midnight and for an uncertain one, so no number waits twice', () => {
    issue(SELF);
    queue.callNext([SELF], '1'); // D001 called; nobody else waiting
    const printing = reserve(SELF); // D002 goes to the printer at 23:59…
    queue.markSent(printing.id);
    clock.set(MIDNIGHT + 60_000);
    expect(reserve(SELF)).toMatchObject({ number: 'D003', day: '2026-11-23' });
    queue.settle(printing.id, 'uncertain', { errorCode: 'timeout' }); // …and its outcome is not known
    const d3 = queue.findTicket('2026-11-23', 'D003')!;
    queue.markSent(d3.id);
    queue.settle(d3.id, 'voided', { errorCode: 'paperOut', partial: false });
    // Only the uncertain D002 is left: its citizen may hold it, staff may settle it as issued.
    expect(reserve(SELF)).toMatchObject({ number: 'D004', day: '2026-11-23' });
  });

  it('an uncertain ticket nobody settles holds the series a shift (12 h), not until the 999 numbers are gone', () => {
    issue(SELF);
    queue.callNext([SELF], '1');
    const lost = reserve(SELF); // D002, printing at 23:50 when the printer vanished
    queue.markSent(lost.id);
    queue.settle(lost.id, 'uncertain', { errorCode: 'timeout' });
    clock.set(MIDNIGHT + 60_000);
    const d3 = reserve(SELF); // still the evening's series: staff may settle D002 as issued this shift
    expect(d3).toMatchObject({ number: 'D003', day: '2026-11-23' });
    queue.markSent(d3.id);
    queue.settle(d3.id, 'voided', { errorCode: 'paperOut', partial: false });
    queue.callNext([SELF], '1'); // the counters keep working the list (nobody waits)
    clock.set(lost.reservedAt + UNCERTAIN_HOLDS_MS + 1000);
    expect(reserve(SELF)).toMatchObject({ number: 'D001', day: '2026-11-24' });
  });

  it('restarts at 001 at midnight when nothing of the business is called through the kiosk (the list is not known)', () => {
    issue(SELF);
    issue(SELF);
    clock.set(MIDNIGHT);
    expect(issue(SELF)).toMatchObject({ number: 'D001', day: '2026-11-24' });
    expect(waitingOf(SELF)).toBe(1);
  });

  it('stops carrying once no ticket of the business was called for a day: its counters are not working the list', () => {
    issue(SELF);
    issue(SELF);
    queue.callNext([SELF], '1');
    clock.set(MIDNIGHT + 60_000);
    expect(issue(SELF)).toMatchObject({ number: 'D003', day: '2026-11-23' });
    clock.set(at('2026-11-23T15:40:00Z') + CALLED_WITHIN_MS - 60_000); // Tuesday 23:39: the last call was Monday 23:40
    expect(issue(SELF)).toMatchObject({ number: 'D004', day: '2026-11-23' });
    clock.advance(3 * 60_000); // Tuesday 23:42: a whole day without a call
    expect(issue(SELF)).toMatchObject({ number: 'D001', day: '2026-11-24' });
  });

  it('never carries a business that closes before midnight: its leftover tickets stay on their day', () => {
    clock.set(at('2026-11-23T08:00:00Z')); // Monday 16:00
    issue(SI);
    issue(SI);
    queue.callNext([SI], '3');
    clock.set(at('2026-11-24T01:00:00Z')); // Tuesday 09:00
    expect(issue(SI)).toMatchObject({ number: 'A001', day: '2026-11-24' });
    expect(queue.callNext([SI], '3')).toMatchObject({ number: 'A001', day: '2026-11-24' });
    expect(queue.callNext([SI], '3')).toBeNull();
  });
});
