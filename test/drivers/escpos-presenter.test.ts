/**
 * A presenter kiosk printer (protocols.md §2.6, the custom-vkp80 row): status by DLE EOT 20's 6-byte reply,
 * the ticket presented and cut with FS P, held in the mouth until the citizen takes it, or retracted into
 * the bin at FS P's time-out. The driver tells the two apart by time (presentation-watch.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketRemoval } from '../../drivers/devices/printer-types';
import { elapse, opened, rig, runUntil, settle, stopRigs, ticket } from './escpos-fake-clock-rig';

afterEach(stopRigs);

const VKP80 = 'custom-vkp80';

function removalLog() {
  const seen: Array<'presented' | TicketRemoval> = [];
  return { seen, events: { onPresented: () => void seen.push('presented'), onRemoved: (how: TicketRemoval) => void seen.push(how) } };
}

describe('presenter printer (custom-vkp80) ↔ simulator', () => {
  it('asks status with DLE EOT 20 only, and reads paper low, cover and jam from the 6-byte reply', async () => {
    const { clock, sim, printer, pair } = await opened(rig(VKP80, 0, { pollIntervalMs: 100_000 }));
    const sent: number[] = [];
    pair.device.onData((c) => sent.push(...c));
    sim.setFaults({ paper: 'low' });
    await settle(clock, printer.refreshStatus());
    expect(Buffer.from(sent).toString('hex')).toBe('100414');
    expect(printer.status).toMatchObject({ device: 'online', printer: { paper: 'low', mediaPresented: false } });
    sim.setFaults({ paper: 'jammed' });
    await settle(clock, printer.refreshStatus());
    expect(printer.status).toMatchObject({ device: 'userError', printer: { paper: 'jammed' } });
    sim.setFaults({ paper: 'full', coverOpen: true });
    await settle(clock, printer.refreshStatus());
    expect(printer.status).toMatchObject({ device: 'userError', printer: { coverOpen: true } });
  });

  it('confirms the ticket, shows it in the mouth, and reports it taken when the citizen takes it', async () => {
    const { clock, sim, printer } = await opened(rig(VKP80, 0, { pollIntervalMs: 2000 }, 1, { ticketTakenAfterMs: null }));
    await printer.enable();
    const log = removalLog();
    expect(await settle(clock, printer.print(ticket('A001', 3), { events: log.events }))).toEqual({ outcome: 'confirmed' });
    expect(log.seen).toEqual(['presented']);
    await runUntil(clock, () => printer.status.printer?.mediaPresented === true);
    const [paper] = sim.printed();
    expect(paper).toMatchObject({ cut: true, delivery: 'presented' });
    // FS P s b c t: 6 steps of 5 mm, blink, retract after the model's 60 s (§2.6)
    expect(Buffer.from(paper!.bytesBase64, 'base64').toString('hex')).toContain('1c500601523c');
    await elapse(clock, 10_000);
    sim.actions().take!.start!({});
    await runUntil(clock, () => log.seen.length === 2);
    expect(log.seen).toEqual(['presented', 'taken']);
    expect(printer.status.printer?.mediaPresented).toBe(false);
    expect(sim.printed()[0]?.delivery).toBe('taken');
    expect(printer.statistics()).toMatchObject({ ticketsTaken: 1 });
  });

  it('a ticket nobody takes is retracted at the time-out and reported retracted', async () => {
    const { clock, sim, printer } = await opened(rig(VKP80, 0, { presentTimeoutS: 20 }, 1, { ticketTakenAfterMs: null }));
    await printer.enable();
    const log = removalLog();
    expect(await settle(clock, printer.print(ticket('A002', 3), { events: log.events }))).toEqual({ outcome: 'confirmed' });
    await runUntil(clock, () => log.seen.length === 2, 30_000);
    expect(log.seen).toEqual(['presented', 'retracted']);
    expect(sim.printed()[0]?.delivery).toBe('retracted');
    expect(() => sim.actions().take!.start!({})).toThrow('no ticket is waiting in the mouth');
  });

  it('the printer unplugged with a ticket in the mouth: nobody can tell, so the removal is unknown', async () => {
    const { clock, sim, printer } = await opened(rig(VKP80, 0, {}, 1, { ticketTakenAfterMs: null }));
    await printer.enable();
    const log = removalLog();
    await settle(clock, printer.print(ticket('A003', 3), { events: log.events }));
    sim.setFaults({ unplugged: true });
    await runUntil(clock, () => log.seen.length === 2);
    expect(log.seen).toEqual(['presented', 'unknown']);
  });

  it('a new ticket while the last still waits in the mouth: the old one is retracted first, reported so, and the new one presented', async () => {
    const { clock, sim, printer } = await opened(rig(VKP80, 0, {}, 1, { ticketTakenAfterMs: null }));
    await printer.enable();
    const first = removalLog();
    await settle(clock, printer.print(ticket('A004', 3), { events: first.events }));
    await runUntil(clock, () => printer.status.printer?.mediaPresented === true);
    await elapse(clock, 1000); // a poll sees it in the mouth
    const second = removalLog();
    expect(await settle(clock, printer.print(ticket('A005', 3), { events: second.events }))).toEqual({ outcome: 'confirmed' });
    expect(first.seen).toEqual(['presented', 'retracted']);
    expect(second.seen).toEqual(['presented']);
    expect(sim.printed().map((t) => [t.lines[0], t.delivery])).toEqual([['A004', 'retracted'], ['A005', 'presented']]);
  });

  it('models without a presenter cut as before and have no take action', async () => {
    const { clock, sim, printer } = await opened(rig('generic-escpos-80'));
    const log = removalLog();
    expect(await settle(clock, printer.print(ticket('B001', 2), { events: log.events }))).toEqual({ outcome: 'confirmed' });
    expect(log.seen).toEqual([]);
    expect(sim.printed()[0]).not.toHaveProperty('delivery');
    expect(sim.actions()).toEqual({});
  });
});
