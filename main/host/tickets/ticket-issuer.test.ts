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
  const retracted: number[] = [];
  const ended: number[] = [];
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
    markRetracted: (id) => void retracted.push(id),
  };
  const printer = { print: (_doc: unknown, options?: { events?: PrintEvents }) => print(options?.events ?? {}) } as unknown as TicketPrinter;
  const issuer = new TicketIssuer({
    queue,
    printer: () => printer,
    availability: { of: () => ({ service: 'takeTicket', available: true }) },
    session: { current: () => 's1', hold: (work) => work, endAfter: (ms) => void ended.push(ms) },
    ticketShownMs: 20_000,
    onPrintFailed: (code) => failed.push(code),
    onUnsettled: (kind, ticket, code) => unsettled.push(`${kind}:${ticket.ref}:${code}`),
    onRetracted: (ticket) => unsettled.push(`retracted:${ticket.ref}`),
    log: SILENT_LOGGER,
  });
  const deliveries: unknown[] = [];
  issuer.onDelivery((e) => deliveries.push(e));
  return { take: () => issuer.take({ businessId: 'si', requestId: 'r1' }), settled, sent, failed, unsettled, retracted, ended, deliveries };
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

  describe('presenter printers (protocols.md §2.6)', () => {
    it('a presented ticket keeps the screen until it is taken, then the session ends; the renderer hears it', async () => {
      let events: PrintEvents = {};
      const r = rig(async (e) => {
        events = e;
        e.onSending?.();
        e.onPresented?.();
        return { outcome: 'confirmed' };
      });
      const result = await r.take();
      expect(result).toMatchObject({ outcome: 'issued', ticket: { number: 'A007', delivery: 'presented' } });
      expect(r.ended).toEqual([]);
      events.onRemoved?.('taken');
      expect(r.deliveries).toEqual([{ requestId: 'r1', number: 'A007', delivery: 'taken' }]);
      expect(r.ended).toEqual([20_000]);
      expect(r.retracted).toEqual([]);
    });

    it('retracted: the ticket stays issued, is marked, and staff are told', async () => {
      let events: PrintEvents = {};
      const r = rig(async (e) => {
        events = e;
        e.onPresented?.();
        return { outcome: 'confirmed' };
      });
      await r.take();
      events.onRemoved?.('retracted');
      expect(r.settled.map(([o]) => o)).toEqual(['issued']);
      expect(r.retracted).toEqual([7]);
      expect(r.unsettled).toEqual(['retracted:2026-11-23 A007']);
      expect(r.deliveries).toEqual([{ requestId: 'r1', number: 'A007', delivery: 'retracted' }]);
    });

    it('a removal the printer reports before the ticket is settled waits until it is', async () => {
      const r = rig(async (e) => {
        e.onPresented?.();
        e.onRemoved?.('retracted');
        expect(r.retracted).toEqual([]); // not before it is issued
        return { outcome: 'confirmed' };
      });
      await r.take();
      expect(r.settled.map(([o]) => o)).toEqual(['issued']);
      expect(r.retracted).toEqual([7]);
    });
  });
});
