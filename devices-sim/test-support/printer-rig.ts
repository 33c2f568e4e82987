/**
 * A SimEscPosPrinter on a memory pair with a manual clock, driven by raw bytes from the host end, for the
 * simulator's own tests. Waits are on conditions (bytes arrived, microtasks drained), never on time.
 */
import type { DeviceStatus } from '../../common/device';
import { createMemoryPair, type MemoryPair } from '../../drivers/transport/memory-pair';
import { SimEscPosPrinter, type SimEscPosPrinterOptions } from '../escpos/sim-escpos-printer';
import { ManualClock } from './manual-clock';

export interface PrinterRig {
  clock: ManualClock;
  pair: MemoryPair;
  printer: SimEscPosPrinter;
  /** Every byte the printer sent, in order. */
  received: number[];
  statuses: DeviceStatus[];
  /** Writes from the host end and lets the printer act on it. */
  send(bytes: Uint8Array): Promise<void>;
  /** Drains the memory pair's microtask hops and the reply chain. */
  settle(): Promise<void>;
  /** Waits until `n` more bytes arrived than were taken, and takes them. */
  next(n: number): Promise<number[]>;
  /** Takes whatever arrived so far. */
  take(): number[];
  /** Advances the clock and settles. */
  advance(ms: number): Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function printerRig(options: Partial<SimEscPosPrinterOptions> = {}): Promise<PrinterRig> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const pair = createMemoryPair('printer');
  const printer = new SimEscPosPrinter({ id: 'ticket-printer', model: 'generic-escpos-80', lineTimeMs: 0, ...options, clock, transport: pair.device });
  await printer.start();
  await pair.host.open();
  const received: number[] = [];
  const statuses: DeviceStatus[] = [];
  let waiter: (() => void) | undefined;
  pair.host.onData((chunk) => {
    received.push(...chunk);
    waiter?.();
  });
  printer.onStatusChanged((s) => statuses.push(s));
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await turn();
  };
  const rig: PrinterRig = {
    clock,
    pair,
    printer,
    received,
    statuses,
    async send(bytes) {
      await pair.host.write(bytes);
      await settle();
    },
    settle,
    async next(n) {
      while (received.length < n) await new Promise<void>((resolve) => (waiter = resolve));
      waiter = undefined;
      return received.splice(0, n);
    },
    take() {
      return received.splice(0, received.length);
    },
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
  };
  return rig;
}
