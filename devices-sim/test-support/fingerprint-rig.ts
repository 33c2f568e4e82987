/**
 * A SimZfmFingerprint on a memory pair with a manual clock, driven by raw packets from the host end, for the
 * simulator's own tests (like reader-rig.ts). Instant timing and line speed unless a test asks for real
 * ones. Replies are decoded with the drivers' packet decoder. Waits are on conditions (microtasks drained),
 * never on time.
 */
import { encodeCommand, type ZfmCommand } from '../../drivers/protocol/zfm/commands';
import { ZfmPacketDecoder, type ZfmDecoderEvent, type ZfmPacket } from '../../drivers/protocol/zfm/packet-decoder';
import { createMemoryPair, type MemoryPair } from '../../drivers/transport/memory-pair';
import { INSTANT_TIMING } from '../zfm/module-timing';
import { SimZfmFingerprint, type SimZfmFingerprintOptions } from '../zfm/sim-zfm-fingerprint';
import { ManualClock } from './manual-clock';

export interface FingerprintRig {
  clock: ManualClock;
  pair: MemoryPair;
  module: SimZfmFingerprint;
  /** Every byte the module sent and the test has not taken yet. */
  received: number[];
  /** Writes from the host end and lets the module act on it. */
  send(bytes: Uint8Array): Promise<void>;
  /** Sends raw bytes and takes whatever came back. */
  ask(bytes: Uint8Array): Promise<number[]>;
  /** Sends a command and decodes whatever came back (throws on anything but whole packets). */
  command(command: ZfmCommand): Promise<ZfmPacket[]>;
  /** The confirmation code of the one ack a command gets. */
  code(command: ZfmCommand): Promise<number>;
  settle(): Promise<void>;
  take(): number[];
  advance(ms: number): Promise<void>;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Decodes bytes that must be whole packets only. */
export function packetsOf(bytes: number[] | Uint8Array, address?: number): ZfmPacket[] {
  const events: ZfmDecoderEvent[] = new ZfmPacketDecoder(address === undefined ? {} : { address }).push(Uint8Array.from(bytes));
  return events.map((e) => {
    if (e.type !== 'packet') throw new Error(`expected packets only, got ${e.type}`);
    return e.packet;
  });
}

export async function fingerprintRig(options: Partial<SimZfmFingerprintOptions> = {}): Promise<FingerprintRig> {
  const clock = options.clock instanceof ManualClock ? options.clock : new ManualClock();
  const pair = createMemoryPair('fingerprint');
  const module = new SimZfmFingerprint({ id: 'fingerprint', model: 'generic-zfm', baud: 0, timing: INSTANT_TIMING, ...options, clock, transport: pair.device });
  await module.start();
  await pair.host.open();
  const received: number[] = [];
  pair.host.onData((chunk) => received.push(...chunk));
  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i++) await turn();
  };
  const take = (): number[] => received.splice(0, received.length);
  const ask = async (bytes: Uint8Array): Promise<number[]> => {
    await pair.host.write(bytes);
    await settle();
    return take();
  };
  const command = async (c: ZfmCommand): Promise<ZfmPacket[]> => packetsOf(await ask(encodeCommand(c, options.address)), options.address);
  return {
    clock,
    pair,
    module,
    received,
    async send(bytes) {
      await pair.host.write(bytes);
      await settle();
    },
    ask,
    command,
    async code(c) {
      const packets = await command(c);
      if (packets.length !== 1) throw new Error(`expected one ack, got ${packets.length} packets`);
      return packets[0]!.payload[0]!;
    },
    settle,
    take,
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
  };
}
