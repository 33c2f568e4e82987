/**
 * A presenter printer in the composed host (issue 13 §1; protocols.md §2.6): the ticket is issued once the
 * printer confirms it and then waits in the mouth; the session stays on the ticket screen until the paper is
 * taken. One nobody takes is retracted at FS P's time-out: it stays issued (its number is spent and may still
 * be called), is marked retracted for the counters and staff (the calling API, `npm run tickets`), and staff
 * get an alert.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../common/kiosk-api';
import type { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { QUEUE_DB_FILES } from '../../main/host/queue/queue-db';
import { listStaffTickets, openQueueDbReadOnly } from '../../main/host/queue/staff-ticket-list';
import { startHost } from './kiosk-rig';

const presenter = (config: Record<string, any>): void => {
  const entry = config.devices['ticket-printer'];
  entry.model = 'custom-vkp80';
  entry.options = { simTicketTakenAfterMs: null };
};

async function until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a presenter ticket printer (custom-vkp80)', () => {
  it('presents the issued ticket, keeps the screen until it is taken, and tells the renderer', async () => {
    const host = await startHost(undefined, 2, presenter);
    const events: KioskEvent[] = [];
    host.kiosk.api.onPush((push) => push.kind === 'event' && events.push(push.event));
    await host.call('session:activity', {});
    const result = await host.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'p-1' });
    expect(result).toMatchObject({ outcome: 'issued', ticket: { delivery: 'presented' } });
    if (result.outcome !== 'issued') return;
    const sim = host.sim as SimEscPosPrinter;
    await until('the ticket in the mouth', () => host.printer.status.printer?.mediaPresented === true);
    expect(sim.printed()[0]).toMatchObject({ cut: true, delivery: 'presented' });
    sim.actions().take!.start!({});
    await until('the delivery event', () => events.some((e) => e.type === 'ticket:delivery'));
    expect(events.filter((e) => e.type === 'ticket:delivery')).toEqual([{ type: 'ticket:delivery', requestId: 'p-1', number: result.ticket.number, delivery: 'taken' }]);
    expect(host.kiosk.queue.findTicket('2026-11-23', result.ticket.number)).toMatchObject({ status: 'issued', retractedAt: null });
  });

  it('a ticket nobody takes is retracted: still issued, marked for counters and staff, an alert raised', async () => {
    const host = await startHost(undefined, 2, presenter);
    const events: KioskEvent[] = [];
    host.kiosk.api.onPush((push) => push.kind === 'event' && events.push(push.event));
    await host.call('session:activity', {});
    const result = await host.call('queue:take-ticket', { businessId: 'social-insurance', requestId: 'p-2' });
    if (result.outcome !== 'issued') throw new Error(JSON.stringify(result));
    await until('the ticket in the mouth', () => host.printer.status.printer?.mediaPresented === true);
    host.clock.advance(61_000); // the model's 60 s retract time-out
    await until('the delivery event', () => events.some((e) => e.type === 'ticket:delivery'));
    expect(events.find((e) => e.type === 'ticket:delivery')).toMatchObject({ number: result.ticket.number, delivery: 'retracted' });
    expect((host.sim as SimEscPosPrinter).printed()[0]?.delivery).toBe('retracted');
    expect(host.kiosk.queue.findTicket('2026-11-23', result.ticket.number)).toMatchObject({ status: 'issued', retractedAt: expect.any(Number) });
    const reader = openQueueDbReadOnly(join(host.dir, QUEUE_DB_FILES.training));
    const staff = listStaffTickets(reader, { retractedDay: '2026-11-23' });
    reader.close();
    expect(staff.retracted?.map((t) => [t.number, t.status])).toEqual([[result.ticket.number, 'issued']]);
    expect(host.kiosk.alerts.recentEvents().find((a) => a.code === 'ticketRetracted')).toMatchObject({ actor: 'staff', message: expect.stringContaining('无人取走') });
  });
});
