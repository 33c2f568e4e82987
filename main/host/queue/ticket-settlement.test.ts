/**
 * Staff settle an uncertain ticket (issue 13 §3): only an uncertain one, once, audited in the same
 * transaction; issued, it enters the call order at the place its reservation time gives it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRecordsAbout, verifyAuditChain } from '../audit/audit-log';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from './queue-db';
import { QueueService } from './queue-service';
import { type ManualClock, at, clockAt } from './test-manual-clock';
import { type SettleByHandRequest, StaffCommandError } from './ticket-settlement';

const SI = 'social-insurance';

let dir: string;
let db: QueueDb;
let clock: ManualClock;
let queue: QueueService;
let requestNo = 0;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-settle-'));
  db = openQueueDb(join(dir, 'kiosk.sqlite'));
  clock = clockAt('2026-11-23T02:00:00Z'); // Monday 10:00 in Guiyang
  const config = structuredClone(loadConfig({ env: {} }));
  config.queue.ticketsPerMinute = 10_000;
  queue = new QueueService({ db, config, clock });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A ticket printed with the given outcome, one minute after the one before. */
function printed(outcome: 'issued' | 'uncertain', businessId = SI): string {
  const r = queue.reserve({ businessId, requestId: `req-${++requestNo}`, sessionId: 's-1' });
  if (r.kind !== 'reserved') throw new Error(JSON.stringify(r));
  queue.markSent(r.ticket.id);
  queue.settle(r.ticket.id, outcome, outcome === 'uncertain' ? { errorCode: 'timeout' } : {});
  clock.advance(60_000);
  return r.ticket.number;
}
const byHand = (number: string, outcome: 'issued' | 'voided', more: Partial<SettleByHandRequest> = {}) =>
  queue.settleByHand({ number, outcome, by: 'wang', via: 'host', ...more });
function refusal(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof StaffCommandError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a StaffCommandError');
}

describe('settling an uncertain ticket by hand', () => {
  it('issued: the ticket enters the call order in its place, by the time it was taken, not at the end', () => {
    printed('issued'); // A001
    printed('uncertain'); // A002
    printed('issued'); // A003
    const { ticket, audit } = byHand('A002', 'issued', { note: '市民手持号票' });
    expect(ticket).toMatchObject({ number: 'A002', status: 'issued', settledAt: clock.now() });
    expect(queue.standing(ticket).peopleAhead).toBe(1);
    expect([1, 2, 3].map(() => queue.callNext([SI], '3')?.number)).toEqual(['A001', 'A002', 'A003']);
    expect(audit).toMatchObject({ actor: 'wang', action: 'ticket.settle', subject: '2026-11-23 A002', at: clock.now() });
    expect(audit.detail).toEqual({ ticketId: ticket.id, businessId: SI, from: 'uncertain', to: 'issued', note: '市民手持号票', via: 'host' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 1 });
  });

  it('voided: the number stays spent and nobody is called for it', () => {
    printed('uncertain');
    expect(byHand('A001', 'voided').ticket.status).toBe('voided');
    expect(queue.callNext([SI], '3')).toBeNull();
    expect(printed('issued')).toBe('A002');
    expect(queue.listUncertain()).toEqual([]);
  });

  it('refuses to settle twice, naming who settled it and when', () => {
    printed('uncertain');
    byHand('A001', 'issued');
    expect(refusal(() => byHand('A001', 'voided', { by: 'li' }))).toEqual({
      code: 'alreadySettled',
      message: 'A001 (2026-11-23) 已由 wang 于 2026-11-23 10:01 处理为「已出票 issued」，不能再次处理 / was already settled as 已出票 issued by wang at 2026-11-23 10:01; it cannot be settled again (now 已出票 issued)',
    });
    expect(auditRecordsAbout(db, '2026-11-23 A001')).toHaveLength(1);
  });

  it('refuses a ticket that is not uncertain, an unknown number and the wrong day, clearly', () => {
    printed('issued'); // A001
    printed('uncertain'); // A002
    expect(refusal(() => byHand('A001', 'issued'))).toMatchObject({ code: 'notUncertain', message: expect.stringContaining('is 已出票 issued; only an uncertain ticket can be settled') });
    expect(refusal(() => byHand('A777', 'issued'))).toEqual({ code: 'ticketUnknown', message: '没有 A777 号票 / there is no ticket A777' });
    expect(refusal(() => byHand('A002', 'issued', { day: '2026-11-22' }))).toEqual({
      code: 'ticketUnknown',
      message: '2026-11-22 没有 A002 号票 / there is no ticket A002 on 2026-11-22; 结果不确定的 A002 在 2026-11-23 / the uncertain A002 is of 2026-11-23',
    });
    expect(verifyAuditChain(db)).toEqual({ ok: true, records: 0 });
  });

  it('asks for the day when the number is uncertain on two days, and settles the one --day names', () => {
    printed('uncertain');
    clock.set(at('2026-11-24T02:00:00Z'));
    printed('uncertain');
    expect(refusal(() => byHand('A001', 'issued'))).toMatchObject({ code: 'ambiguousTicket', message: expect.stringContaining('2026-11-23, 2026-11-24') });
    expect(byHand('A001', 'voided', { day: '2026-11-23' }).ticket).toMatchObject({ day: '2026-11-23', status: 'voided' });
    expect(byHand('A001', 'issued').ticket).toMatchObject({ day: '2026-11-24', status: 'issued' });
  });
});
