/**
 * What staff and the citizen are told about each ticket outcome through the composed host (issue 9 §9, §11;
 * ARCHITECTURE.md §8.3, §8.8): every partial or uncertain ticket is its own alert event, a restart that
 * finds a ticket mid-print alerts staff, a closed business keeps its specific reason, and the issued
 * ticket's screen ends the session after `ticketShownMs`.
 */
import { isPrintedTicket } from '../../devices-sim/sim-device';
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { TRAINING_MARK } from '../../main/host/queue/ticket-document';
import { afterJobBytesSent, startHost } from './kiosk-rig';

const SI = 'social-insurance';

describe('ticket outcomes through the host', () => {
  it('alerts staff for every partial and uncertain ticket, not only the first', async () => {
    const host = await startHost(undefined, 5);
    const { call, kiosk, sim } = host;
    const available = async () => (await call('kiosk:get-snapshot', {})).availability[0]?.available;
    for (const requestId of ['p1', 'p2']) {
      sim.setFaults({ cutterError: true, afterLines: 4 });
      expect(await call('queue:take-ticket', { businessId: SI, requestId })).toMatchObject({ outcome: 'voided', partial: true });
      sim.clearFaults();
      await expect.poll(available).toBe(true);
    }
    afterJobBytesSent(host, () => sim.setFaults({ unplugged: true }));
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'u1' })).toMatchObject({ outcome: 'uncertain', number: 'A003' });
    expect(kiosk.alerts.recentEvents().map((a) => `${a.code}:${a.ref}:${a.actor}`)).toEqual([
      'printIncomplete:2026-11-23 A001:staff',
      'printIncomplete:2026-11-23 A002:staff',
      'printUncertain:2026-11-23 A003:staff',
    ]);
  });

  it('a restart that finds a ticket mid-print lists it as uncertain and alerts staff for it', async () => {
    const first = await startHost();
    const stuck = first.kiosk.queue.reserve({ businessId: SI, requestId: 'crash', sessionId: 's1' });
    if (stuck.kind !== 'reserved') throw new Error('not reserved');
    first.kiosk.queue.markSent(stuck.ticket.id); // the host dies here, bytes on their way
    await first.stopKeepingData();
    const second = await startHost(first.dir);
    expect(second.kiosk.queue.listUncertain().map((t) => t.number)).toEqual(['A001']);
    expect(second.kiosk.alerts.recentEvents()).toMatchObject([{ kind: 'event', code: 'printUncertain', ref: '2026-11-23 A001', actor: 'staff', deviceId: 'ticket-printer' }]);
  });

  it('refuses a business that stopped issuing with that reason and its closing time', async () => {
    const { call, clock } = await startHost();
    clock.set(Date.UTC(2026, 10, 23, 9, 10)); // 17:10 local: A stops issuing 30 min before 17:30
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 'late' })).toEqual({
      outcome: 'refused',
      error: { code: 'businessClosed', actor: 'citizen' },
      closed: { reason: 'stoppedIssuing', closesAt: '17:30', hoursToday: ['09:00-12:00', '13:30-17:30'], nextOpen: '2026-11-24 09:00' },
    });
  });

  it('the ticket screen ends the session after ticketShownMs, not after the idle time', async () => {
    const { call, kiosk, clock } = await startHost();
    await call('session:activity', {});
    expect(await call('queue:take-ticket', { businessId: SI, requestId: 't1' })).toMatchObject({ outcome: 'issued' });
    // The default ticketShownMs is 20 s (idle 60 s). The host clock also runs in real time, so the check
    // before the end leaves 5 s of margin for a loaded machine; the idle time would still be 40 s away.
    clock.advance(15_000);
    expect(kiosk.session.state().phase).toBe('active');
    clock.advance(5_000);
    expect(kiosk.session.state()).toMatchObject({ phase: 'home', sessionId: null });
  });
});

describe('training and production never share numbers (issue 13 §3)', () => {
  it('a training kiosk writes kiosk-training.sqlite, marks its tickets 演示票, and keeps device statistics in devices.sqlite for both modes', async () => {
    const host = await startHost();
    expect(await host.call('queue:take-ticket', { businessId: SI, requestId: 't1' })).toMatchObject({ outcome: 'issued', ticket: { number: 'A001' } });
    const [ticket] = host.sim.printed().filter(isPrintedTicket);
    expect(ticket!.lines[0]).toBe(TRAINING_MARK);
    expect(ticket!.lines.at(-1)).toBe(TRAINING_MARK);
    await host.stopKeepingData();
    expect(existsSync(join(host.dir, 'kiosk-training.sqlite'))).toBe(true);
    expect(existsSync(join(host.dir, 'kiosk.sqlite'))).toBe(false);
    const stats = new Database(join(host.dir, 'devices.sqlite'), { readonly: true });
    try {
      const row = stats.prepare<[], { counters: string }>("SELECT counters FROM device_statistics WHERE device_id = 'ticket-printer'").get();
      expect(JSON.parse(row!.counters)).toMatchObject({ jobs: 1 });
    } finally {
      stats.close();
    }
  });
});
