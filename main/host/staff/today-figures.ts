/**
 * Today's figures for the staff screen (issue 15 §2): tickets per business (issued, voided, uncertain, by
 * hall hour), printed tickets and test tickets, citizen sessions, and faults by device and actor.
 */
import { localDateKey, localParts } from '../../../common/local-time';
import type { LocalText } from '../../../common/queue';
import type { TodayFigures } from '../../../common/staff-desk';
import type { QueueDb } from '../queue/queue-db';
import type { HourlyCounts } from './hourly-counts';

export interface FiguresInputs {
  db: QueueDb;
  counts: HourlyCounts;
  timeZone: string;
  businesses: ReadonlyArray<{ id: string; name: LocalText }>;
}

const ISSUED = new Set(['issued', 'called', 'served', 'missed']);

export function todayFigures(i: FiguresInputs, now: number): TodayFigures {
  const day = localDateKey(now, i.timeZone);
  const rows = i.db.prepare<[string], { business_id: string; status: string; reserved_at: number }>('SELECT business_id, status, reserved_at FROM tickets WHERE day = ?').all(day);
  const ticketsByBusiness = i.businesses.map((b) => {
    const mine = rows.filter((r) => r.business_id === b.id);
    const byHour = new Array<number>(24).fill(0);
    for (const r of mine) if (ISSUED.has(r.status)) byHour[localParts(r.reserved_at, i.timeZone).hour]! += 1;
    return {
      businessId: b.id,
      name: b.name,
      issued: mine.filter((r) => ISSUED.has(r.status)).length,
      voided: mine.filter((r) => r.status === 'voided').length,
      uncertain: mine.filter((r) => r.status === 'uncertain').length,
      byHour,
    };
  });
  const prints = i.counts.byHour(day, 'print');
  const sessions = i.counts.byHour(day, 'session');
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  return {
    day,
    ticketsByBusiness,
    prints: { tickets: sum(prints), testTickets: sum(i.counts.byHour(day, 'testTicket')), byHour: prints },
    sessions: { started: sum(sessions), byHour: sessions },
    faults: i.counts.byKey(day, 'fault').map(({ key, n }) => {
      const [deviceId = key, actor = ''] = key.split('\u0000');
      return { deviceId, actor, count: n };
    }),
  };
}
