import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { KioskConfig } from '../config/config-types';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from './queue-db';
import { QueueService } from './queue-service';
import { QueueStateError, type ReserveResult, type ReservedTicket } from './queue-types';
import { type ManualClock, at, clockAt } from './test-manual-clock';

const SI = 'social-insurance'; // A, weekdays, 6 windows, 8 min fallback
const HF = 'housing-fund'; // B
const SELF = 'self-service'; // D, 24 hours

let dir: string;
let file: string;
let db: QueueDb;
let clock: ManualClock;
let config: KioskConfig;
let queue: QueueService;
const savedTz = process.env.TZ;

beforeAll(() => {
  process.env.TZ = 'UTC'; // the machine's zone must not matter (ARCHITECTURE.md §8.4)
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-queue-'));
  file = join(dir, 'data', 'kiosk.sqlite');
  db = openQueueDb(file);
  clock = clockAt('2026-11-23T02:00:00Z'); // Monday 10:00 in Guiyang
  config = structuredClone(loadConfig({ env: {} }));
  config.queue.ticketsPerMinute = 10_000; // the limit has its own tests below
  queue = new QueueService({ db, config, clock });
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

let requestNo = 0;
function reserve(businessId: string, priority?: { weight: number; reason: 'elderly' }): ReserveResult {
  return queue.reserve({ businessId, requestId: `req-${++requestNo}`, sessionId: 's-1', ...(priority ? { priority } : {}) });
}
function reserved(result: ReserveResult): ReservedTicket {
  if (result.kind !== 'reserved') throw new Error(`expected a reservation, got ${JSON.stringify(result)}`);
  return result.ticket;
}
/** Reserve, print, confirm: an issued ticket waiting in the queue. */
function issue(businessId: string, priority?: { weight: number; reason: 'elderly' }): ReservedTicket {
  const ticket = reserved(reserve(businessId, priority));
  queue.markSent(ticket.id);
  queue.settle(ticket.id, 'issued');
  return ticket;
}
const view = (id: string) => queue.listBusinesses().find((b) => b.id === id)!;

describe('QueueService numbering', () => {
  it('hands out consecutive numbers per business, each business on its own', () => {
    expect(reserved(reserve(SI))).toMatchObject({ number: 'A001', seq: 1, businessId: SI, day: '2026-11-23', reservedAt: clock.now() });
    expect(reserved(reserve(SI)).number).toBe('A002');
    expect(reserved(reserve(HF)).number).toBe('B001');
    expect(reserved(reserve(SI)).number).toBe('A003');
  });

  it('refuses an unknown business and a closed one, with the reason', () => {
    expect(reserve('passport')).toEqual({ kind: 'refused', code: 'businessUnknown' });
    clock.set(at('2026-11-23T04:15:00Z')); // 12:15, lunch
    expect(reserve(SI)).toEqual({
      kind: 'refused',
      code: 'businessClosed',
      closedReason: 'beforeHours',
      closed: { reason: 'beforeHours', hoursToday: expect.any(Array) as string[], nextOpen: '2026-11-23 13:30' },
    });
    expect(reserved(reserve(SELF)).number).toBe('D001');
  });

  it('restarts at 001 at midnight hall time although the process runs in UTC', () => {
    expect(new Date(at('2026-11-22T15:59:59Z')).getHours()).toBe(15); // really UTC here
    clock.set(at('2026-11-22T15:59:59Z')); // 23:59:59 Sunday in Guiyang
    expect(reserved(reserve(SELF))).toMatchObject({ number: 'D001', day: '2026-11-22' });
    expect(reserved(reserve(SELF))).toMatchObject({ number: 'D002', day: '2026-11-22' });
    clock.advance(1000); // 00:00:00 Monday
    expect(reserved(reserve(SELF))).toMatchObject({ number: 'D001', day: '2026-11-23' });
    expect(reserved(reserve(SELF)).number).toBe('D002');
  });

  it('answers a repeated requestId with the first ticket and spends no number', () => {
    const first = reserved(queue.reserve({ businessId: SI, requestId: 'tap-1', sessionId: 's-1' }));
    const again = queue.reserve({ businessId: SI, requestId: 'tap-1', sessionId: 's-1' });
    expect(again).toMatchObject({ kind: 'existing', ticket: { id: first.id, number: 'A001', status: 'reserved' } });
    queue.markSent(first.id);
    queue.settle(first.id, 'issued');
    expect(queue.reserve({ businessId: SI, requestId: 'tap-1', sessionId: 's-1' })).toMatchObject({ kind: 'existing', ticket: { status: 'issued' } });
    expect(reserved(reserve(SI)).number).toBe('A002');
    expect(() => queue.reserve({ businessId: HF, requestId: 'tap-1', sessionId: 's-1' })).toThrow(QueueStateError);
  });
});

describe('QueueService daily cap', () => {
  it('refuses past the cap, counts voided numbers out, and never reuses a number', () => {
    config.queue.businesses[0]!.dailyCap = 2;
    const a1 = reserved(reserve(SI));
    reserved(reserve(SI));
    expect(reserve(SI)).toMatchObject({ kind: 'refused', code: 'dailyCapReached', closedReason: 'dailyCapReached', closed: { reason: 'dailyCapReached', nextOpen: '2026-11-24 09:00' } });
    expect(view(SI)).toMatchObject({ open: false, closedReason: 'dailyCapReached', nextOpen: '2026-11-24 09:00' });
    queue.settle(a1.id, 'voided', { errorCode: 'paperOut', partial: false });
    expect(view(SI).open).toBe(true);
    expect(reserved(reserve(SI)).number).toBe('A003');
    expect(reserve(SI)).toMatchObject({ kind: 'refused', code: 'dailyCapReached' });
  });

  it('stops at A999 whatever the cap, three digits being all there are', () => {
    config.queue.businesses[0]!.dailyCap = 999;
    db.prepare("INSERT INTO counters (business_id, day, last_seq) VALUES (?, '2026-11-23', 998)").run(SI);
    expect(reserved(reserve(SI)).number).toBe('A999');
    expect(reserve(SI)).toMatchObject({ kind: 'refused', code: 'dailyCapReached' });
  });
});

describe('QueueService settling', () => {
  it('moves reserved → printing → issued once; settling again throws', () => {
    const t = reserved(reserve(SI));
    clock.advance(500);
    expect(queue.markSent(t.id)).toMatchObject({ status: 'printing', sentAt: clock.now() });
    clock.advance(500);
    expect(queue.markSent(t.id).sentAt).toBe(clock.now() - 500); // a resend keeps the first send time
    expect(queue.settle(t.id, 'issued')).toMatchObject({ status: 'issued', settledAt: clock.now(), partial: null });
    expect(() => queue.settle(t.id, 'issued')).toThrow(/A001 \(2026-11-23\) is already issued/);
    expect(() => queue.settle(t.id, 'voided')).toThrow(QueueStateError);
    expect(() => queue.markSent(t.id)).toThrow(QueueStateError);
    expect(() => queue.settle(9999, 'issued')).toThrow(/no ticket with id 9999/);
  });

  it('records how a ticket was voided or left uncertain', () => {
    const v = reserved(reserve(SI));
    queue.markSent(v.id);
    expect(queue.settle(v.id, 'voided', { errorCode: 'paperOut', partial: true })).toMatchObject({ status: 'voided', errorCode: 'paperOut', partial: true });
    const u = reserved(reserve(SI));
    queue.markSent(u.id);
    queue.settle(u.id, 'uncertain', { errorCode: 'timeout' });
    expect(queue.listUncertain().map((t) => t.number)).toEqual(['A002']);
    expect(queue.listUncertain('2026-11-22')).toEqual([]);
    expect(view(SI).waiting).toBe(0);
  });

  it('after a restart voids what never reached the printer and flags what may have', () => {
    const never = reserved(reserve(SI));
    const sent = reserved(reserve(SI));
    queue.markSent(sent.id);
    const done = issue(SI);
    db.close();

    db = openQueueDb(file);
    queue = new QueueService({ db, config, clock });
    const recovered = queue.recoverAfterRestart();
    expect(recovered).toMatchObject({ voided: 1, uncertain: 1 });
    expect(recovered.uncertainTickets.map((t) => [t.number, t.day, t.status])).toEqual([['A002', '2026-11-23', 'uncertain']]);
    expect(queue.getTicket(never.id)).toMatchObject({ status: 'voided', partial: false, settledAt: clock.now() });
    expect(queue.getTicket(sent.id)).toMatchObject({ status: 'uncertain', errorCode: 'printUncertain' });
    expect(queue.getTicket(done.id)?.status).toBe('issued');
    expect(queue.listUncertain('2026-11-23').map((t) => t.number)).toEqual(['A002']);
    expect(queue.recoverAfterRestart()).toEqual({ voided: 0, uncertain: 0, uncertainTickets: [] });
    expect(reserved(reserve(SI)).number).toBe('A004');
  });
});

describe('QueueService queue order and estimate', () => {
  it('counts only issued tickets as waiting', () => {
    const t = reserved(reserve(SI));
    expect(view(SI).waiting).toBe(0);
    queue.markSent(t.id);
    expect(view(SI).waiting).toBe(0);
    queue.settle(t.id, 'issued');
    expect(view(SI).waiting).toBe(1);
    expect(view(HF).waiting).toBe(0);
  });

  it('puts priority tickets first and calls them first', () => {
    const a1 = issue(SI);
    clock.advance(1000);
    const a2 = issue(SI);
    clock.advance(1000);
    const elder = issue(SI, { weight: 10, reason: 'elderly' });
    clock.advance(1000);
    const b1 = issue(HF);
    expect([a1.peopleAhead, a2.peopleAhead, elder.peopleAhead]).toEqual([0, 1, 0]);
    expect(elder).toMatchObject({ number: 'A003', priority: 10 });
    clock.advance(1000);
    expect(reserved(reserve(SI)).peopleAhead).toBe(3);
    expect(queue.getTicket(elder.id)?.priorityReason).toBe('elderly');

    const called = queue.callNext([SI, HF]);
    expect(called).toMatchObject({ number: 'A003', status: 'called', calledAt: clock.now() });
    expect(queue.callNext([SI, HF])?.number).toBe('A001');
    expect(queue.callNext([HF])?.number).toBe(b1.number);
    expect(queue.callNext([SI])?.number).toBe('A002');
    expect(queue.callNext([SI])).toBeNull();
    expect(queue.callNext([])).toBeNull();
  });

  it('refuses a priority weight that is not a whole number 0-1000', () => {
    expect(() => reserve(SI, { weight: 1.5, reason: 'elderly' })).toThrow(RangeError);
    expect(() => reserve(SI, { weight: -1, reason: 'elderly' })).toThrow(RangeError);
  });

  it('estimates from the configured average until three services are timed, then from today’s', () => {
    for (let i = 0; i < 6; i++) issue(SI);
    // 6 ahead × 8 min ÷ 6 windows
    expect(view(SI)).toMatchObject({ waiting: 6, estimatedWaitMinutes: 8 });
    const serve = (minutes: number): void => {
      const t = queue.callNext([SI])!;
      clock.advance(minutes * 60_000);
      queue.markServed(t.id);
    };
    serve(12);
    serve(12);
    expect(view(SI)).toMatchObject({ waiting: 4, estimatedWaitMinutes: Math.ceil((4 * 8) / 6) });
    serve(12);
    // 3 waiting × 12 min ÷ 6 windows
    expect(view(SI)).toMatchObject({ waiting: 3, estimatedWaitMinutes: 6 });
    expect(reserved(reserve(SI))).toMatchObject({ peopleAhead: 3, estimatedWaitMinutes: 6 });
  });

  it('averages only the most recent services of the window', () => {
    config.queue.recentWindow = 3;
    for (let i = 0; i < 8; i++) issue(SI);
    const serve = (minutes: number): void => {
      const t = queue.callNext([SI])!;
      clock.advance(minutes * 60_000);
      queue.markServed(t.id);
    };
    serve(60);
    serve(60);
    serve(6);
    serve(6);
    serve(6);
    // 3 waiting × 6 min ÷ 6 windows = 3; the two hour-long services fell out of the window.
    expect(view(SI)).toMatchObject({ waiting: 3, estimatedWaitMinutes: 3 });
  });

  it('serves and marks no-shows only from called', () => {
    const t = issue(SI);
    expect(() => queue.markServed(t.id)).toThrow(/is issued; it cannot become served/);
    queue.callNext([SI]);
    expect(queue.markNoShow(t.id).status).toBe('noShow');
    expect(() => queue.markServed(t.id)).toThrow(QueueStateError);
  });
});

describe('listBusinesses', () => {
  it('shows hours, the reason when closed, waiting and the estimate', () => {
    issue(HF);
    const views = queue.listBusinesses();
    expect(views.map((v) => [v.prefix, v.open])).toEqual([['A', true], ['B', true], ['C', true], ['D', true], ['E', true], ['F', true], ['G', true], ['H', true]]);
    expect(views[1]).toEqual({
      id: HF,
      prefix: 'B',
      name: config.queue.businesses[1]!.name,
      zone: config.queue.businesses[1]!.zone,
      open: true,
      hoursToday: ['09:00-12:00', '13:30-17:30'],
      waiting: 1,
      estimatedWaitMinutes: 3, // 1 × 10 min ÷ 4 windows
    });
    clock.set(at('2026-11-28T03:00:00Z')); // Saturday 11:00
    expect(view(HF)).toMatchObject({ open: false, closedReason: 'notServiceDay', hoursToday: [], nextOpen: '2026-11-30 09:00', waiting: 0 });
  });
});

describe('QueueService per-kiosk rate limit (issue 13 §3)', () => {
  it('refuses the 7th ticket in a minute like a closed business, saying from when; a repeated request still gets its ticket; counted', () => {
    let refusals = 0;
    config.queue.ticketsPerMinute = 6;
    queue = new QueueService({ db, config, clock, onRateLimited: () => refusals++ });
    for (let i = 0; i < 6; i++) {
      reserved(reserve(i % 2 ? SI : SELF));
      clock.advance(5_000);
    }
    const refused = reserve(SI);
    expect(refused).toMatchObject({ kind: 'refused', code: 'rateLimited', closedReason: 'rateLimited', closed: { reason: 'rateLimited', nextOpen: '2026-11-23 10:01' } });
    expect(refusals).toBe(1);
    expect(queue.reserve({ businessId: SELF, requestId: `req-${requestNo - 6}`, sessionId: 's-1' })).toMatchObject({ kind: 'existing' });
    clock.advance(30_001); // the first of the six is more than a minute old
    expect(reserve(SI).kind).toBe('reserved');
  });
});

