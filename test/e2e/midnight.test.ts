/**
 * Midnight crossed by the running host through `POST /sim/clock` (issue 13 §6; the rule is issue 13 §3,
 * docs/operations.md "Midnight"): the real kiosk with the calling-system interface on. A business whose hours
 * run through the hall's midnight (the default configuration's 24-hour `self-service`, prefix D) carries its
 * numbering over while its waiting list is not empty: no number is ever waiting twice, the tickets taken
 * before midnight are called after it, and `served` / `no-show` without `?day=` act on the ticket that was
 * called. Once the list is empty the next ticket is D001 of the new day. A business that closes before
 * midnight (`social-insurance`, A) restarts at 001 the next morning and leaves yesterday's tickets uncalled.
 *
 * The unit tests (main/host/queue/queue-midnight.test.ts) prove the rule on a manual clock; here it is the
 * composed host: its AdjustableClock moved by the simulator control API, tickets printed on the simulated
 * printer, calls over HTTP, the database read back from the data folder. The story runs on last week's Monday
 * night (hall time, Asia/Shanghai), whatever the machine's zone and the day the test runs.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TakeTicketResult } from '../../common/queue';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { QUEUE_DB_FILES } from '../../main/host/queue/queue-db';
import { openQueueDbReadOnly } from '../../main/host/queue/staff-ticket-list';
import { ROOT, startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs, type WsKioskClient } from '../support/ws-client';

const TOKEN = 'e2e-midnight-token-0123456789abcdefXYZ';
const SELF = 'self-service'; // D, 00:00-24:00 every day, holidays included: runs through midnight
const SI = 'social-insurance'; // A, weekdays 09:00-12:00 and 13:30-17:30 (stops issuing 30 min before)
const DAY_MS = 86_400_000;
const HALL_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai: UTC+8 all year

/**
 * A Monday and its Tuesday, hall time, in the week before this one: both working days in the default
 * calendar (a holiday week is skipped), and in the past, so the kiosk's clock is first set back to them (a
 * backward move costs nothing) and then only moved forward, over the night under test.
 */
function lastWeeksMondayAndTuesday(): [string, string] {
  const { holidays } = (JSON.parse(DEFAULT_CONFIG_JSON) as { queue: { calendar: { holidays: string[] } } }).queue.calendar;
  const hallToday = Math.floor((Date.now() + HALL_OFFSET_MS) / DAY_MS) * DAY_MS;
  const weekday = (new Date(hallToday).getUTCDay() + 6) % 7; // Monday 0
  const key = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  for (let monday = hallToday - (weekday + 7) * DAY_MS; ; monday -= 7 * DAY_MS) {
    if (!holidays.includes(key(monday)) && !holidays.includes(key(monday + DAY_MS))) return [key(monday), key(monday + DAY_MS)];
  }
}
const [MONDAY, TUESDAY] = lastWeeksMondayAndTuesday();

interface CallingTicket {
  number: string;
  businessId: string;
  day: string;
  status: string;
  counter: string | null;
  calledAt: number | null;
  finishedAt: number | null;
}
interface WaitingView {
  day: string;
  businesses: Array<{ businessId: string; day: string; waiting: number }>;
}
interface PrintedTicket {
  lines: string[];
  qr: string[];
  cut: boolean;
}

function configWithCallingApi(): unknown {
  const config = JSON.parse(DEFAULT_CONFIG_JSON) as { queue: Record<string, unknown> };
  config.queue.callingApi = { host: '127.0.0.1', port: 0 };
  return config;
}

/** The running kiosk, a citizen WebSocket client and a counter terminal on the calling-system interface. */
interface Hall {
  kiosk: RunningKiosk;
  client: WsKioskClient;
  /** Sets the kiosk's clock (hall time written with its +08:00 offset); answers the host's new now. */
  setClock(iso: string): Promise<void>;
  take(businessId: string): Promise<Extract<TakeTicketResult, { outcome: 'issued' }>['ticket']>;
  counter<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T }>;
  callNext(counter: string, businessId: string): Promise<CallingTicket | null>;
  finish(number: string, outcome: 'served' | 'no-show', body?: { counter: string }): Promise<CallingTicket>;
  waitingOnScreen(businessId: string): Promise<number | undefined>;
  /** `day`: the hall day; `series`: the business's numbering day (the evening's while it carries over). */
  waitingAtCounters(businessId: string): Promise<{ day: string; series: string | undefined; waiting: number | undefined }>;
  /** The tickets of one business as the kiosk's database holds them, in the order they were taken. */
  ticketsOf(businessId: string): Array<{ day: string; number: string; status: string }>;
  /** Numbers that more than one waiting (issued, not yet called) ticket carries: must always be none. */
  numbersWaitingTwice(): string[];
  printedWith(number: string): Promise<PrintedTicket[]>;
}

let running: RunningKiosk | undefined;
let connected: WsKioskClient | undefined;
afterEach(async () => {
  connected?.close();
  connected = undefined;
  await running?.stop();
  running = undefined;
});

async function openHall(): Promise<Hall> {
  const kiosk = (running = await startKiosk({ config: configWithCallingApi(), env: { KIOSK_CALLING_TOKEN: TOKEN } }));
  const logLine = (await kiosk.waitForOutput(/^.*"msg":"calling api listening".*$/m))[0];
  const { port } = JSON.parse(logLine) as { port: number };
  const client = (connected = await connectWs(kiosk.kioskUrl));
  await expect
    .poll(async () => (await client.call('kiosk:get-snapshot', {})).availability.find((a) => a.service === 'takeTicket')?.available, { timeout: 10_000 })
    .toBe(true);

  const counter = async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: T }> => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as T };
  };
  const dbFile = join(kiosk.dataDir, QUEUE_DB_FILES.training);
  const readDb = <T>(read: (db: ReturnType<typeof openQueueDbReadOnly>) => T): T => {
    const db = openQueueDbReadOnly(dbFile);
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  let requestNo = 0;

  return {
    kiosk,
    client,
    async setClock(iso) {
      const { now } = (await kiosk.sim('/sim/clock', { body: { set: iso } })) as { now: string };
      expect(Date.parse(now)).toBeGreaterThanOrEqual(Date.parse(iso));
    },
    async take(businessId) {
      const result = await client.call('queue:take-ticket', { businessId, requestId: `midnight-${++requestNo}` });
      if (result.outcome !== 'issued') throw new Error(`expected an issued ticket of ${businessId}, got ${JSON.stringify(result)}`);
      return result.ticket;
    },
    counter,
    async callNext(counterId, businessId) {
      const { status, json } = await counter<{ ticket: CallingTicket | null }>('POST', '/queue/call-next', { counter: counterId, businessIds: [businessId] });
      expect(status, JSON.stringify(json)).toBe(200);
      return json.ticket;
    },
    async finish(number, outcome, body) {
      const { status, json } = await counter<{ ticket: CallingTicket }>('POST', `/queue/tickets/${number}/${outcome}`, body);
      expect(status, JSON.stringify(json)).toBe(200);
      return json.ticket;
    },
    async waitingOnScreen(businessId) {
      return (await client.call('queue:list-businesses', {})).find((b) => b.id === businessId)?.waiting;
    },
    async waitingAtCounters(businessId) {
      const { json } = await counter<WaitingView>('GET', '/queue/waiting');
      const business = json.businesses.find((b) => b.businessId === businessId);
      return { day: json.day, series: business?.day, waiting: business?.waiting };
    },
    ticketsOf(businessId) {
      return readDb((db) =>
        db.prepare<[string], { day: string; number: string; status: string }>('SELECT day, number, status FROM tickets WHERE business_id = ? ORDER BY reserved_at, id').all(businessId),
      );
    },
    numbersWaitingTwice() {
      return readDb((db) =>
        db
          .prepare<[], { number: string }>("SELECT number FROM tickets WHERE status = 'issued' GROUP BY number HAVING COUNT(*) > 1")
          .all()
          .map((r) => r.number),
      );
    },
    async printedWith(number) {
      const printed = (await kiosk.sim('/sim/devices/ticket-printer/printed')) as PrintedTicket[];
      return printed.filter((t) => t.cut && t.lines.some((l) => l.trim() === number));
    },
  };
}

describe('midnight crossed by the running host (POST /sim/clock)', () => {
  it('carries the 24-hour business over until its list is empty, calls the evening’s tickets first, then restarts at D001 of the new day', async () => {
    const hall = await openHall();

    // Monday 23:50 hall time: two citizens take D tickets; a counter calls the first.
    await hall.setClock(`${MONDAY}T23:50:00+08:00`);
    expect(await hall.take(SELF)).toMatchObject({ number: 'D001', peopleAhead: 0 });
    expect(await hall.take(SELF)).toMatchObject({ number: 'D002', peopleAhead: 1 });
    expect(await hall.callNext('1', SELF)).toMatchObject({ number: 'D001', day: MONDAY, status: 'called', counter: '1' });
    expect(await hall.waitingAtCounters(SELF)).toEqual({ day: MONDAY, series: MONDAY, waiting: 1 });

    // The host's clock crosses midnight (a forward move: its timers fire on the way, as if the time passed).
    await hall.setClock(`${TUESDAY}T00:05:00+08:00`);
    // A new hall day, but D002 of the evening is still waiting, on the screen and at the counters, which see
    // that D numbers in Monday's series.
    expect(await hall.waitingAtCounters(SELF)).toEqual({ day: TUESDAY, series: MONDAY, waiting: 1 });
    expect(await hall.waitingOnScreen(SELF)).toBe(1);

    // The numbering goes on: D003 (of the evening's series), not a second D001 while D002 waits.
    const d3 = await hall.take(SELF);
    expect(d3).toMatchObject({ number: 'D003', peopleAhead: 1 });
    expect(d3.issuedAtLocal).toBe(`${TUESDAY} 00:05`);
    const [printedD3] = await hall.printedWith('D003');
    expect(printedD3?.lines).toContain('前面还有 1 人');
    expect(printedD3?.qr).toEqual([`HALLKIOSK:gy-zwfw:${MONDAY}:D003`]); // the series' day, which a carried number keeps
    expect(hall.numbersWaitingTwice()).toEqual([]);
    expect(await hall.waitingOnScreen(SELF)).toBe(2);

    // D001, called before midnight, is served after it: no day needed.
    expect(await hall.finish('D001', 'served', { counter: '1' })).toMatchObject({ number: 'D001', day: MONDAY, status: 'served', counter: '1' });
    // The ticket taken before midnight is called after it, before the new one.
    expect(await hall.callNext('2', SELF)).toMatchObject({ number: 'D002', day: MONDAY, counter: '2' });
    expect(await hall.callNext('1', SELF)).toMatchObject({ number: 'D003', day: MONDAY, counter: '1' });
    expect(await hall.callNext('1', SELF)).toBeNull();
    expect(await hall.finish('D002', 'no-show')).toMatchObject({ number: 'D002', day: MONDAY, status: 'noShow', counter: '2' });
    expect(await hall.finish('D003', 'served')).toMatchObject({ number: 'D003', day: MONDAY, status: 'served', counter: '1' });
    // The list is empty: D numbers in Tuesday's series from here (D001 again).
    expect(await hall.waitingAtCounters(SELF)).toEqual({ day: TUESDAY, series: TUESDAY, waiting: 0 });
    expect(await hall.waitingOnScreen(SELF)).toBe(0);

    // The list is empty: the next number starts Tuesday's series at D001.
    await hall.setClock(`${TUESDAY}T00:20:00+08:00`);
    expect(await hall.take(SELF)).toMatchObject({ number: 'D001', peopleAhead: 0, issuedAtLocal: `${TUESDAY} 00:20` });
    const printedD1 = await hall.printedWith('D001');
    expect(printedD1.map((t) => t.qr)).toEqual([[`HALLKIOSK:gy-zwfw:${MONDAY}:D001`], [`HALLKIOSK:gy-zwfw:${TUESDAY}:D001`]]);
    expect(await hall.callNext('2', SELF)).toMatchObject({ number: 'D001', day: TUESDAY, counter: '2' });
    // Two D001 now (Monday's served at counter 1, Tuesday's at counter 2): the number names the one called.
    expect(await hall.finish('D001', 'served')).toMatchObject({ number: 'D001', day: TUESDAY, status: 'served', counter: '2' });
    // A retry by counter 1 of its own D001 answers with Monday's ticket unchanged, finishing nothing else.
    expect(await hall.finish('D001', 'served', { counter: '1' })).toMatchObject({ number: 'D001', day: MONDAY, status: 'served', counter: '1' });

    expect(hall.ticketsOf(SELF)).toEqual([
      { day: MONDAY, number: 'D001', status: 'served' },
      { day: MONDAY, number: 'D002', status: 'noShow' },
      { day: MONDAY, number: 'D003', status: 'served' },
      { day: TUESDAY, number: 'D001', status: 'served' },
    ]);
    expect(hall.numbersWaitingTwice()).toEqual([]);
    // Staff have nothing to look at: no uncertain ticket held the series open (npm run tickets).
    const staff = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist/main/tickets.mjs'), '--json', '--data', hall.kiosk.dataDir, '--day', MONDAY, '--voided']).toString()) as {
      uncertain: unknown[];
      voided: unknown[];
    };
    expect(staff).toMatchObject({ uncertain: [], voided: [] });
  }, 60_000);

  it('without calls through the kiosk the 24-hour business restarts at midnight as before: the kiosk cannot know who still waits', async () => {
    const hall = await openHall();
    await hall.setClock(`${MONDAY}T23:50:00+08:00`);
    await hall.take(SELF); // D001
    await hall.take(SELF); // D002, neither called through the interface
    await hall.setClock(`${TUESDAY}T00:05:00+08:00`);
    expect(await hall.waitingAtCounters(SELF)).toMatchObject({ day: TUESDAY, waiting: 0 });
    expect(await hall.take(SELF)).toMatchObject({ number: 'D001', peopleAhead: 0 });
    expect((await hall.printedWith('D001')).map((t) => t.qr)).toEqual([[`HALLKIOSK:gy-zwfw:${MONDAY}:D001`], [`HALLKIOSK:gy-zwfw:${TUESDAY}:D001`]]);
    expect(await hall.callNext('1', SELF)).toMatchObject({ number: 'D001', day: TUESDAY });
    expect(await hall.callNext('1', SELF)).toBeNull(); // Monday's D002 belongs to a list the kiosk does not keep
  }, 60_000);

  it('a business that closes before midnight restarts at 001 the next morning; yesterday’s leftover tickets are not called', async () => {
    const hall = await openHall();

    // Monday 16:00: A001 and A002 taken, A001 called (so the counters work this list through the kiosk).
    await hall.setClock(`${MONDAY}T16:00:00+08:00`);
    expect(await hall.take(SI)).toMatchObject({ number: 'A001', peopleAhead: 0 });
    expect(await hall.take(SI)).toMatchObject({ number: 'A002', peopleAhead: 1 });
    expect(await hall.callNext('3', SI)).toMatchObject({ number: 'A001', day: MONDAY, counter: '3' });
    expect(await hall.waitingAtCounters(SI)).toMatchObject({ day: MONDAY, waiting: 1 });

    // Tuesday 09:00, the hall's night crossed by the host's clock: A002 is left on Monday.
    await hall.setClock(`${TUESDAY}T09:00:00+08:00`);
    expect(await hall.waitingAtCounters(SI)).toMatchObject({ day: TUESDAY, waiting: 0 });
    expect(await hall.take(SI)).toMatchObject({ number: 'A001', peopleAhead: 0, issuedAtLocal: `${TUESDAY} 09:00` });
    const printed = await hall.printedWith('A001');
    expect(printed.map((t) => t.qr)).toEqual([[`HALLKIOSK:gy-zwfw:${MONDAY}:A001`], [`HALLKIOSK:gy-zwfw:${TUESDAY}:A001`]]);
    expect(await hall.callNext('3', SI)).toMatchObject({ number: 'A001', day: TUESDAY, counter: '3' });
    expect(await hall.callNext('3', SI)).toBeNull();
    // Both A001 are at counter 3 (Monday's never finished): the number names the latest called, Tuesday's.
    expect(await hall.finish('A001', 'served', { counter: '3' })).toMatchObject({ number: 'A001', day: TUESDAY, status: 'served' });

    expect(hall.ticketsOf(SI)).toEqual([
      { day: MONDAY, number: 'A001', status: 'called' },
      { day: MONDAY, number: 'A002', status: 'issued' },
      { day: TUESDAY, number: 'A001', status: 'served' },
    ]);
    expect(hall.numbersWaitingTwice()).toEqual([]);
  }, 60_000);
});
