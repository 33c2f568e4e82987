/**
 * A driver ↔ simulator rig on a memory pair and a fake clock, for the driver tests (ARCHITECTURE.md §5):
 * time moves only when a test advances it, and waits are on conditions, advancing the clock in small steps.
 */
import { ManualClock } from '../../common/manual-clock';
import type { PrintDocument } from '../../common/print-document';
import { SimEscPosPrinter, type SimEscPosPrinterOptions } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter, type EscPosPrinterOptions } from '../../drivers/devices/escpos/escpos-printer';
import { createMemoryPair } from '../../drivers/transport/memory-pair';

export const ticket = (mark: string, lines = 12): PrintDocument => ({
  jobId: mark,
  cut: 'full',
  blocks: [{ kind: 'text', text: mark, align: 'center' }, ...Array.from({ length: lines }, (_, i) => ({ kind: 'text' as const, text: `${mark} line ${i}` }))],
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Advances the fake clock in small steps, letting I/O hops run, until `done()` holds (bounded). */
export async function runUntil(clock: ManualClock, done: () => boolean, maxMs = 20_000, stepMs = 5): Promise<void> {
  for (let t = 0; !done(); t += stepMs) {
    if (t > maxMs) throw new Error(`condition not met within ${maxMs} ms of clock time`);
    clock.advance(stepMs);
    for (let i = 0; i < 4; i++) await turn();
  }
}

/** Lets `ms` of fake time pass in small steps, with I/O hops between them (so late bytes really arrive). */
export async function elapse(clock: ManualClock, ms: number, stepMs = 5): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.advance(stepMs);
    for (let i = 0; i < 4; i++) await turn();
  }
}

/** Drives the clock until `promise` settles; returns its value. */
export async function settle<T>(clock: ManualClock, promise: Promise<T>, maxMs?: number): Promise<T> {
  let over = false;
  void promise.then(
    () => (over = true),
    () => (over = true),
  );
  await runUntil(clock, () => over, maxMs);
  return promise;
}

const stops: Array<() => Promise<void>> = [];
/** For afterEach: closes every printer and stops every simulator made by rig(). */
export async function stopRigs(): Promise<void> {
  for (const stop of stops.splice(0).reverse()) await stop();
}

export type Rig = ReturnType<typeof rig>;

export function rig(model = 'generic-escpos-80', lineTimeMs = 0, extra: Partial<EscPosPrinterOptions> = {}, simSeed = 1, simExtra: Partial<SimEscPosPrinterOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('p');
  const sim = new SimEscPosPrinter({ id: 'p', model, transport: pair.device, clock, lineTimeMs, seed: simSeed, ...simExtra });
  const printer = new EscPosPrinter({ id: 'p', roles: ['ticketPrinter'], model, transport: pair.host, clock, statusTimeoutMs: 150, jobPollMs: 20, ...extra });
  stops.push(async () => {
    await printer.close().catch(() => undefined);
    await sim.stop();
  });
  return { clock, pair, sim, printer, stops };
}

export async function opened(r: ReturnType<typeof rig>): Promise<ReturnType<typeof rig>> {
  await r.sim.start();
  await settle(r.clock, r.printer.open());
  return r;
}

