/**
 * Seeded fuzzing of the codec: random lines of garbage, good packets and mutated packets, fed in random
 * chunks. The decoder must never throw, never hold more than one maximal frame, account for every byte
 * (as a packet or as garbage), accept only packets whose checksum is right, and find every good packet.
 * The seeds are fixed, so a failure repeats; no timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import * as C from './constants';
import { decodeAck } from './ack';
import { COMMAND_TABLE, parseCommand, type ZfmCommand } from './commands';
import { DataStreamAssembler } from './data-stream';
import { concatBytes } from './fixtures';
import { encodePacket } from './packet';
import { ZfmPacketDecoder, type ZfmPacket } from './packet-decoder';

/** mulberry32: a small seeded generator, enough to spread test cases. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seeded(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Random bytes, often rich in EF, 01 and FF so that false headers are common. */
  bytes(n: number): Uint8Array {
    const headerish = this.chance(0.5);
    return Uint8Array.from({ length: n }, () => (headerish && this.chance(0.4) ? ([0xef, 0x01, 0xff, 0x07, 0x00] as const)[this.int(5)] : this.int(256)));
  }
  goodPacket(): Uint8Array {
    const pid = C.PIDS[this.int(C.PIDS.length)] as number;
    const length = this.chance(0.1) ? 1 + this.int(C.MAX_PAYLOAD_BYTES) : 1 + this.int(24);
    return encodePacket(pid, this.bytes(length));
  }
  mutate(frame: Uint8Array): Uint8Array {
    const bytes = Array.from(frame);
    const at = this.int(bytes.length);
    switch (this.int(5)) {
      case 0:
        bytes[at] = (bytes[at] as number) ^ (1 + this.int(255));
        break;
      case 1:
        bytes.splice(at, 1);
        break;
      case 2:
        bytes.splice(at, 0, this.int(256));
        break;
      case 3:
        bytes.length = at;
        break;
      default:
        bytes[7] = this.int(256);
        bytes[8] = this.int(256); // any length field, oversized included
    }
    return Uint8Array.from(bytes);
  }
}

/** The checksum worked out again here, apart from packet.ts (§3.1). */
function validFrame(p: ZfmPacket): boolean {
  const f = p.frame;
  if (f.length > C.MAX_FRAME_BYTES || f[0] !== 0xef || f[1] !== 0x01 || !C.PIDS.includes(f[6] as number)) return false;
  const length = ((f[7] as number) << 8) | (f[8] as number);
  if (length !== f.length - 9 || length !== p.payload.length + 2) return false;
  let sum = 0;
  for (let i = 6; i < f.length - 2; i++) sum += f[i] as number;
  return (sum & 0xffff) === (((f[f.length - 2] as number) << 8) | (f[f.length - 1] as number));
}

describe('ZfmPacketDecoder under seeded fuzzing', () => {
  it('survives 3000 random lines of garbage, good and mutated packets, in random chunks', () => {
    const gen = new Gen(0x5eed);
    let goodSeen = 0;
    for (let round = 0; round < 3000; round++) {
      const parts: Uint8Array[] = [];
      const good: Uint8Array[] = [];
      for (let s = 1 + gen.int(8); s > 0; s--) {
        const kind = gen.int(3);
        if (kind === 0) parts.push(gen.bytes(gen.int(40)));
        else if (kind === 1) {
          const frame = gen.goodPacket();
          parts.push(frame);
          good.push(frame);
        } else parts.push(gen.mutate(gen.goodPacket()));
      }
      const stream = concatBytes(...parts);
      const decoder = new ZfmPacketDecoder();
      const found: Uint8Array[] = [];
      let accounted = 0;
      const take = (events: ReturnType<ZfmPacketDecoder['push']>): void => {
        for (const e of events) {
          if (e.type === 'packet') {
            expect(validFrame(e.packet)).toBe(true);
            found.push(e.packet.frame);
            accounted += e.packet.frame.length;
          } else if (e.type === 'garbage') accounted += e.length;
        }
      };
      for (let at = 0; at < stream.length; ) {
        const n = 1 + gen.int(64);
        take(decoder.push(stream.subarray(at, at + n)));
        expect(decoder.bufferedBytes).toBeLessThanOrEqual(C.MAX_FRAME_BYTES);
        at += n;
      }
      take(decoder.abandonPartial());
      expect(decoder.bufferedBytes).toBe(0);
      expect(accounted).toBe(stream.length);
      // Every good packet is found, in order (a mutated neighbour may add packets of its own).
      let i = 0;
      for (const frame of found) if (i < good.length && equal(frame, good[i] as Uint8Array)) i++;
      expect(i).toBe(good.length);
      goodSeen += good.length;
    }
    expect(goodSeen).toBeGreaterThan(3000);
  });

  it('accepts nothing from 2000 streams of pure noise that a checksum would refuse', () => {
    const gen = new Gen(42);
    for (let round = 0; round < 2000; round++) {
      const decoder = new ZfmPacketDecoder({ address: 'any' });
      const events = [...decoder.push(gen.bytes(1 + gen.int(600))), ...decoder.abandonPartial()];
      for (const e of events) if (e.type === 'packet') expect(validFrame(e.packet)).toBe(true);
    }
  });

  it('never throws in decodeAck, parseCommand or DataStreamAssembler on random input', () => {
    const gen = new Gen(7);
    const ops = Object.keys(COMMAND_TABLE) as ZfmCommand['op'][];
    for (let round = 0; round < 3000; round++) {
      const payload = gen.bytes(gen.int(40));
      const command = { op: ops[gen.int(ops.length)], buffer: 1, start: 0, count: 1, page: 0, password: 0, indexPage: gen.int(4), register: 4, value: 1 } as ZfmCommand;
      expect(() => decodeAck(command, gen.chance(0.8) ? C.PID_ACK : gen.int(256), payload)).not.toThrow();
      expect(() => parseCommand(payload)).not.toThrow();
    }
    for (let round = 0; round < 300; round++) {
      const assembler = new DataStreamAssembler({ kind: 'template', packetBytes: 128 });
      const decoder = new ZfmPacketDecoder();
      const line = concatBytes(...Array.from({ length: 1 + gen.int(8) }, () => (gen.chance(0.5) ? gen.mutate(gen.goodPacket()) : gen.goodPacket())));
      for (const e of decoder.push(line)) {
        const step = assembler.push(e);
        if (step.state === 'done') expect(step.data).toHaveLength(C.TEMPLATE_BYTES);
      }
    }
  });
});

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
