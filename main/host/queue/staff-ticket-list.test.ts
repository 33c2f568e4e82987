import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatLocalDateTime } from '../../../common/local-time';
import { loadConfig } from '../config/load-config';
import { type QueueDb, openQueueDb } from './queue-db';
import { QueueService } from './queue-service';
import { formatStaffTickets, listStaffTickets, openQueueDbReadOnly } from './staff-ticket-list';
import { at, clockAt } from './test-manual-clock';

const SI = 'social-insurance';
let dir: string;
let file: string;
let writer: QueueDb;
let reader: QueueDb | null;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-staff-list-'));
  file = join(dir, 'kiosk.sqlite');
  writer = openQueueDb(file);
  reader = null;
});
afterEach(() => {
  reader?.close();
  writer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One ticket of each outcome on Monday, one uncertain on Tuesday, written by the running kiosk's connection. */
function fill(): void {
  const clock = clockAt('2026-11-23T02:00:00Z');
  const queue = new QueueService({ db: writer, config: loadConfig({ env: {} }), clock });
  let n = 0;
  const take = (outcome: 'issued' | 'voided' | 'uncertain', partial?: boolean): void => {
    const r = queue.reserve({ businessId: SI, requestId: `r${++n}`, sessionId: 's' });
    if (r.kind !== 'reserved') throw new Error('not reserved');
    queue.markSent(r.ticket.id);
    queue.settle(r.ticket.id, outcome, { errorCode: outcome === 'issued' ? undefined : 'noDevice', partial });
  };
  take('issued');
  take('uncertain');
  take('voided', true);
  clock.set(at('2026-11-24T02:00:00Z'));
  take('uncertain');
}

describe('the staff list of uncertain and voided tickets', () => {
  it('reads the kiosk database through a read-only connection while the kiosk holds it open', () => {
    fill();
    reader = openQueueDbReadOnly(file);
    const all = listStaffTickets(reader);
    expect(all.uncertain.map((t) => `${t.day} ${t.number}`)).toEqual(['2026-11-23 A002', '2026-11-24 A001']);
    expect(all.voided).toBeUndefined();
    const monday = listStaffTickets(reader, { day: '2026-11-23', voidedDay: '2026-11-23' });
    expect(monday.uncertain.map((t) => t.number)).toEqual(['A002']);
    expect(monday.voided).toMatchObject([{ number: 'A003', partial: true, errorCode: 'noDevice' }]);
    expect(() => reader!.prepare("UPDATE tickets SET status = 'issued'").run()).toThrow(/readonly/i);
  });

  it('formats one line per ticket in hall time', () => {
    fill();
    reader = openQueueDbReadOnly(file);
    const text = formatStaffTickets(listStaffTickets(reader, { day: '2026-11-23', voidedDay: '2026-11-23' }), (ms) => formatLocalDateTime(ms, 'Asia/Shanghai'));
    expect(text.split('\n')).toEqual([
      '结果不确定 uncertain: 1',
      '  2026-11-23  A002  social-insurance  reserved 2026-11-23 10:00  settled 2026-11-23 10:00  noDevice',
      '已作废 voided: 1',
      '  2026-11-23  A003  social-insurance  reserved 2026-11-23 10:00  settled 2026-11-23 10:00  noDevice  部分打印/partial',
      '',
    ]);
  });

  it('refuses a missing database instead of creating one', () => {
    expect(() => openQueueDbReadOnly(join(dir, 'nope.sqlite'))).toThrow();
  });
});
