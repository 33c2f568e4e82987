import { describe, expect, it } from 'vitest';
import { errorInfo, type ErrorCode } from '../../../common/errors';
import { SILENT_LOGGER } from '../../../common/logger';
import type { PrintEvents, PrintResult, TicketPrinter } from '../../../drivers/devices/printer-types';
import { type ReserveOutcome, TicketIssuer, type TicketQueue } from './ticket-issuer';

type Print = (events: PrintEvents) => Promise<PrintResult>;

function rig(print: Print, reserve?: ReserveOutcome) {
  const settled: Array<[string, { errorCode?: string; partial?: boolean } | undefined]> = [];
  const sent: number[] = [];
  const failed: ErrorCode[] = [];
  const unsettled: string[] = [];
  const queue: TicketQueue = {
    reserve: () =>
      reserve ?? {
        kind: 'reserved',
        ticket: {
          id: 7,
          number: 'A007',
          day: '2026-11-23',
          view: { number: 'A007', businessId: 'si', businessName: { 'zh-CN': '社保' }, zone: { 'zh-CN': '二楼' }, peopleAhead: 0, estimatedWaitMinutes: 0, issuedAtLocal: '2026-11-23 10:00' },
          document: { jobId: 'ticket-7', cut: 'full', blocks: [] },
        },
      },
    markSent: (id) => void sent.push(id),
    settle: (_id, outcome, detail) => void settled.push([outcome, detail]),
  };
  const printer = { print: (_doc: unknown, options?: { events?: PrintEvents }) => print(options?.events ?? {}) } as unknown as TicketPrinter;
  const issuer = new TicketIssuer({
    queue,
    printer: () => printer,
    availability: { of: () => ({ service: 'takeTicket', available: true }) },
    session: { current: () => 's1', hold: (work) => work, endAfter: () => undefined },
    ticketShownMs: 20_000,
    onPrintFailed: (code) => failed.push(code),
    onUnsettled: (kind, ticket, code) => unsettled.push(`${kind}:${ticket.ref}:${code}`),
    log: SILENT_LOGGER,
  });
  return { take: () => issuer.take({ businessId: 'si', requestId: 'r1' }), settled, sent, failed, unsettled };
}

describe('TicketIssuer', () => {
  it('voids the number when print() throws before any byte went out', async () => {
    const r = rig(() => Promise.reject(new Error('driver bug')));
    expect(await r.take()).toEqual({ outcome: 'voided', number: 'A007', partial: false, error: errorInfo('internal', 'the print job failed unexpectedly') });
    expect(r.settled).toEqual([['voided', { errorCode: 'internal', partial: false }]]);
    expect(r.unsettled).toEqual([]);
  });

  it('calls it uncertain when print() throws after the bytes went out, and alerts staff for that ticket', async () => {
    const r = rig((events) => {
      events.onSending?.();
      return Promise.reject(new Error('driver bug'));
    });
    expect(await r.take()).toMatchObject({ outcome: 'uncertain', number: 'A007', error: { code: 'printUncertain' } });
    expect(r.sent).toEqual([7]);
    expect(r.settled).toEqual([['uncertain', { errorCode: 'internal' }]]);
    expect(r.unsettled).toEqual(['uncertain:2026-11-23 A007:internal']);
  });

  it('reports the printer code of every failed print (a garbled reply gets its own alert)', async () => {
    const r = rig(() => Promise.resolve({ outcome: 'notPrinted', error: errorInfo('garbledReply') }));
    expect(await r.take()).toMatchObject({ outcome: 'voided', error: { code: 'garbledReply' } });
    expect(r.failed).toEqual(['garbledReply']);
  });

  it('keeps the specific reason of a closed business in the refusal', async () => {
    const closed = { reason: 'stoppedIssuing' as const, hoursToday: ['09:00-17:30'], closesAt: '17:30' };
    const r = rig(() => Promise.reject(new Error('must not print')), { kind: 'refused', code: 'businessClosed', closed });
    expect(await r.take()).toEqual({ outcome: 'refused', error: errorInfo('businessClosed'), closed });
  });
});
