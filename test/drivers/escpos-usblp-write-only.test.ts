/**
 * A printer that cannot answer over usblp (issue 13 §2; models.ts `usblpStatus: none`, write-only-link.ts):
 * the driver says its status is not supported (no printer block, `unsupported`, never "offline") and never
 * confirms a ticket — the paper really comes out, but the outcome stays unknown. The same model over a
 * link that carries replies, and a readback model over usblp, behave as everywhere else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import type { Transport } from '../../drivers/transport/transport';
import { runUntil, settle, ticket } from './escpos-fake-clock-rig';

/** The memory pair's host end, presented as a usblp device file (what UsblpTransport says of itself). */
const asUsblp = (t: Transport): Transport & { readsRefused: boolean } => ({
  description: 'usblp:/dev/usb/lp0',
  usbPrinterClass: true,
  readsRefused: false,
  get isOpen() {
    return t.isOpen;
  },
  open: () => t.open(),
  close: () => t.close(),
  write: (bytes, signal) => t.write(bytes, signal),
  onData: (listener) => t.onData(listener),
  onDisconnect: (listener) => t.onDisconnect(listener),
});

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function rig(model: string, usblp: boolean) {
  const clock = new ManualClock();
  const pair = createMemoryPair('p');
  const sim = new SimEscPosPrinter({ id: 'p', model, transport: pair.device, clock, lineTimeMs: 0 });
  await sim.start();
  const link = usblp ? asUsblp(pair.host) : Object.assign(pair.host, { readsRefused: false });
  const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model, transport: link, clock, statusTimeoutMs: 150, jobPollMs: 20 });
  stops.push(async () => {
    await printer.close();
    await sim.stop();
  });
  await settle(clock, printer.open());
  await printer.enable();
  return { clock, sim, printer, link };
}

describe('a printer whose USB interface cannot answer (usblpStatus none)', () => {
  it('reports no printer block and refuses status requests as unsupported, saying why; never offline', async () => {
    const { clock, printer } = await rig('cashino-kp628e', true);
    expect(printer.status).toEqual({ device: 'online' });
    const err = await settle(clock, printer.refreshStatus().catch((e: unknown) => e));
    expect(err).toMatchObject({ code: 'unsupported', actor: 'technician', message: expect.stringMatching(/cannot answer over usblp:\/dev\/usb\/lp0.*no ticket can be confirmed/) });
    const health = await settle(clock, printer.healthCheck('external'));
    expect(health.ok).toBe(false);
    expect(printer.status.device).toBe('online');
  });

  it('prints the ticket but leaves it unknown (uncertain), even with the paper out at the printer', async () => {
    const { clock, sim, printer } = await rig('cashino-kp628e', true);
    const sent: string[] = [];
    const result = await settle(clock, printer.print(ticket('A001'), { events: { onSending: () => sent.push('A001') } }));
    expect(result).toMatchObject({ outcome: 'unknown', error: { code: 'printUncertain', actor: 'staff' } });
    expect(sent).toEqual(['A001']);
    await runUntil(clock, () => sim.printed().length === 1);
    expect(sim.printed()[0]).toMatchObject({ cut: true, lines: expect.arrayContaining(['A001 line 11']) });
    sim.setFaults({ paper: 'out' });
    const second = await settle(clock, printer.print(ticket('A002')));
    expect(second.outcome).toBe('unknown');
    expect(printer.status).toEqual({ device: 'online' });
  });

  it('the same model over serial or TCP (replies come back) is confirmed as usual', async () => {
    const { clock, printer } = await rig('cashino-kp628e', false);
    expect(printer.status.printer?.paper).toBe('full');
    expect(await settle(clock, printer.print(ticket('A001')))).toEqual({ outcome: 'confirmed' });
  });
});

describe('a printer whose USB interface answers (usblpStatus readback)', () => {
  it('is polled and confirmed over usblp like over any link', async () => {
    const { clock, sim, printer } = await rig('epson-tm-t88', true);
    expect(printer.status.printer?.paper).toBe('full');
    expect(await settle(clock, printer.print(ticket('A001')))).toEqual({ outcome: 'confirmed' });
    sim.setFaults({ paper: 'out' });
    await settle(clock, printer.refreshStatus());
    expect(printer.status).toMatchObject({ device: 'userError', printer: { paper: 'out' } });
  });

  it('one whose interface refuses reads after all (EINVAL: the row or the printer setting is wrong) says so, not "silent"', async () => {
    const { clock, sim, printer, link } = await rig('epson-tm-t88', true);
    sim.setFaults({ noReply: true }); // nothing comes back over a write-only interface…
    link.readsRefused = true; // …and the kernel said why (usblp-transport.ts)
    const err = await settle(clock, printer.refreshStatus().catch((e: unknown) => e));
    expect(err).toMatchObject({ code: 'unsupported', actor: 'technician', message: expect.stringMatching(/refuses reads over usblp:\/dev\/usb\/lp0: its USB interface is write-only here, although models\.ts says readback/) });
  });
});
