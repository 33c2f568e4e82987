/**
 * A SimGa467Reader on a memory pair with a manual clock, driven by raw request bytes from the host end, for
 * the simulator's own tests (like printer-rig.ts). Instant timing and line speed unless a test asks for
 * real ones. Waits are on conditions (microtasks drained), never on time.
 */
import { createMemoryPair, type MemoryPair } from '../../drivers/transport/memory-pair';
import { SimGa467Reader, type SimGa467ReaderOptions } from '../ga467/sim-ga467-reader';
import { INSTANT_TIMING } from '../ga467/reader-timing';
import { ManualClock } from './manual-clock';

export interface ReaderRig {
  clock: ManualClock;
  pair: MemoryPair;
  reader: SimGa467Reader;
  /** Every byte the reader sent and the test has not taken yet. */
  received: number[];
  /** Writes from the host end and lets the reader act on it. */
  send(bytes: Uint8Array): Promise<void>;
  /** Sends and takes whatever came back. */
  ask(bytes: Uint8Array): Promise<number[]>;
  settle(): Promise<void>;
  take(): number[];
  advance(ms: number): Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function readerRig(options: Partial<SimGa467ReaderOptions> = {}): Promise<ReaderRig> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const pair = createMemoryPair('id-reader');
  const reader = new SimGa467Reader({ id: 'id-reader', model: 'generic-ga467', baud: 0, timing: INSTANT_TIMING, ...options, clock, transport: pair.device });
  await reader.start();
  await pair.host.open();
  const received: number[] = [];
  pair.host.onData((chunk) => received.push(...chunk));
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await turn();
  };
  const take = (): number[] => received.splice(0, received.length);
  return {
    clock,
    pair,
    reader,
    received,
    async send(bytes) {
      await pair.host.write(bytes);
      await settle();
    },
    async ask(bytes) {
      await pair.host.write(bytes);
      await settle();
      return take();
    },
    settle,
    take,
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
  };
}
