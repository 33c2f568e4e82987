/**
 * SimLocker answering HLB/1 frames typed from the host end (docs/locker-protocol.md §3, §7.1): the golden
 * replies, the quirks of real boards, silence where a board stays silent, faults and actions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { REFUSED, REPLIES, REQUESTS, bytes, hexOf } from '../../drivers/protocol/locker/fixtures';
import { encodeRequest } from '../../drivers/protocol/locker/frame-codec';
import { LockerFrameDecoder } from '../../drivers/protocol/locker/frame-decoder';
import { createMemoryPair } from '../../drivers/transport/memory-pair';
import { SimActionError, SimFaultError } from '../sim-device';
import { SimLocker, type SimLockerOptions } from './sim-locker';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const s of stops.splice(0)) await s();
});

async function rig(options: Partial<SimLockerOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('locker');
  const sim = new SimLocker({ id: 'locker', clock, transport: pair.device, ...options });
  await sim.start();
  await pair.host.open();
  stops.push(() => sim.stop());
  const raw: number[] = [];
  pair.host.onData((chunk) => raw.push(...chunk));
  /** Hex of each reply frame received so far, taken. */
  const take = (): string[] => {
    const out = new LockerFrameDecoder().push(Uint8Array.from(raw.splice(0)));
    return out.map((f) => (f.type === 'frame' ? hexOf(Uint8Array.from([...bytesOfFrame(f.frame)])) : `garbage:${f.reason}`));
  };
  /** Sends `frame` and lets `ms` of clock time pass; returns what came back. */
  const ask = async (frame: Uint8Array | string, ms = 400): Promise<string[]> => {
    await pair.host.write(typeof frame === 'string' ? bytes(frame) : frame);
    for (let t = 0; t < ms; t += 10) {
      clock.advance(10);
      for (let i = 0; i < 3; i++) await turn();
    }
    return take();
  };
  return { clock, pair, sim, ask, take };
}

/** The frame's bytes again (header, address, command, lock, length, data, BCC). */
function bytesOfFrame(f: { direction: string; address: number; command: number; lock: number; data: Uint8Array }): number[] {
  const b = [f.direction === 'request' ? 0x8a : 0x8b, f.address, f.command, f.lock, f.data.length, ...f.data];
  return [...b, b.reduce((x, v) => x ^ v, 0)];
}

const golden = (i: number): string => REPLIES[i]!.hex;

describe('SimLocker (docs/locker-protocol.md §3)', () => {
  it('answers STATUS, READ LOCK, LIGHT and VERSION with the golden replies', async () => {
    const { ask, sim } = await rig();
    expect(await ask(REQUESTS[0]!.hex)).toEqual([golden(0)]);
    expect(await ask(REQUESTS[7]!.hex)).toEqual([golden(10)]);
    expect(await ask(REQUESTS[5]!.hex)).toEqual([golden(9)]);
    expect(await ask(REQUESTS[2]!.hex)).toEqual([golden(4)]);
    expect(sim.status()).toEqual({ device: 'online', locker: { compartments: 12, doorsOpen: [5], occupied: [] } });
    expect(sim.actions().item!.start!({ compartment: 5, present: true }).locker?.occupied).toEqual([5]);
    expect(await ask(REQUESTS[4]!.hex)).toEqual([golden(8)]);
  });

  it('doors spring open on OPEN and stay open until a person closes them', async () => {
    const { ask, sim } = await rig();
    for (const lock of [2, 5, 9]) {
      await ask(encodeRequest(1, { cmd: 'open', lock }));
      sim.actions().item!.start!({ compartment: lock, present: true });
    }
    sim.actions().door!.start!({ compartment: 2, closed: true });
    sim.actions().door!.start!({ compartment: 9, closed: true });
    expect(await ask(REQUESTS[0]!.hex)).toEqual([golden(1)]);
    expect(() => sim.actions().door!.start!({ compartment: 9, closed: true })).toThrow(SimActionError);
    expect(() => sim.actions().item!.start!({ compartment: 9, present: false })).toThrow(/closed/u);
  });

  it('the OPEN reply comes only after the coil pulse', async () => {
    const { ask } = await rig();
    expect(await ask(REQUESTS[2]!.hex, 250)).toEqual([]);
    expect(await ask(new Uint8Array(0), 100)).toEqual([golden(4)]);
  });

  it('a jammed latch never opens and sets the fault bit; a coil fault answers so', async () => {
    const { ask, sim } = await rig({ faults: { jammed: [7], coilFault: [8] } });
    expect(await ask(encodeRequest(1, { cmd: 'open', lock: 7 }))).toEqual([golden(6)]);
    expect(await ask(REQUESTS[0]!.hex)).toEqual([golden(2)]);
    expect(await ask(encodeRequest(1, { cmd: 'open', lock: 8 }))).toEqual([golden(7)]);
    expect(sim.status().locker?.doorsOpen).toEqual([]);
  });

  it('a slow door answers still closed, then reads open, and its fault clears', async () => {
    const { ask } = await rig({ faults: { slowDoor: [3] } });
    expect(await ask(encodeRequest(1, { cmd: 'open', lock: 3 }))).toEqual(['8B 01 31 03 02 01 00 BB']);
    expect(await ask(encodeRequest(1, { cmd: 'readLock', lock: 3 }), 100)).toEqual(['8B 01 32 03 03 00 00 01 B9']);
    await ask(new Uint8Array(0), 500);
    expect(await ask(encodeRequest(1, { cmd: 'readLock', lock: 3 }), 100)).toEqual(['8B 01 32 03 03 01 00 00 B9']);
  });

  it('refuses what §3.6 refuses, with the golden error replies', async () => {
    const { ask } = await rig();
    expect(await ask('8A 01 31 0D 00 B7')).toEqual([golden(11)]);
    expect(await ask('8A 01 3F 00 00 B4')).toEqual([golden(12)]);
    for (const r of REFUSED) {
      const [reply] = await ask(r.hex);
      expect(reply?.split(' ')[5]).toBe({ UNKNOWN_COMMAND: '01', BAD_LOCK: '02', BAD_DATA: '03' }[r.error]);
    }
  });

  it('a second OPEN during the pulse is answered BUSY', async () => {
    const { ask } = await rig();
    const replies = await ask(Uint8Array.of(...encodeRequest(1, { cmd: 'open', lock: 1 }), ...encodeRequest(1, { cmd: 'open', lock: 2 })), 400);
    // BUSY (after 20 ms) comes before the end of the first pulse (300 ms).
    expect(replies).toEqual(['8B 01 B1 02 01 04 3C', '8B 01 31 01 02 00 01 B9']);
  });

  it('stays silent for a bad BCC, another address, its own kind of frame, and a silent board', async () => {
    const { ask, sim } = await rig({ boards: [{ address: 1, locks: 12 }, { address: 2, locks: 12 }] });
    expect(await ask('8A 01 30 00 00 BA')).toEqual([]);
    expect(await ask('8A 03 30 00 00 B9')).toEqual([]);
    expect(await ask(golden(0))).toEqual([]);
    expect(await ask(REQUESTS[1]!.hex)).toEqual([golden(3)]);
    expect(await ask(REQUESTS[3]!.hex)).toEqual([golden(5)]);
    expect(sim.status().locker).toEqual({ compartments: 24, doorsOpen: [24], occupied: [] });
    sim.setFaults({ silentBoards: [2] });
    expect(await ask(REQUESTS[1]!.hex)).toEqual([]);
    expect(await ask(REQUESTS[0]!.hex)).toEqual([golden(0)]);
  });

  it('noReply, garbage and slowMs act on every reply; unplugged shows noDevice', async () => {
    const { ask, sim } = await rig();
    sim.setFaults({ slowMs: 400 });
    expect(await ask(REQUESTS[0]!.hex, 300)).toEqual([]);
    expect(await ask(new Uint8Array(0), 200)).toEqual([golden(0)]);
    expect(sim.setFaults({ noReply: true }).device).toBe('hardwareError');
    expect(await ask(REQUESTS[0]!.hex)).toEqual([]);
    sim.clearFaults();
    sim.setFaults({ garbage: true });
    expect((await ask(REQUESTS[0]!.hex)).every((r) => r.startsWith('garbage') || !r.startsWith('8B 01 30'))).toBe(true);
    expect(sim.setFaults({ unplugged: true }).device).toBe('noDevice');
    sim.clearFaults();
    expect(sim.status().device).toBe('online');
  });

  it('validates faults and actions naming the field', () => {
    const clock = new ManualClock();
    const sim = new SimLocker({ id: 'locker', clock, transport: createMemoryPair('l').device });
    expect(() => sim.setFaults({ jammed: [13] })).toThrow(SimFaultError);
    expect(() => sim.setFaults({ jam: [1] })).toThrow(/no fault "jam"/u);
    expect(() => sim.setFaults({})).toThrow(SimFaultError);
    expect(() => sim.setFaults({ silentBoards: [0] })).toThrow(SimFaultError);
    expect(() => sim.actions().door!.start!({ compartment: 1, closed: false })).toThrow(SimActionError);
    expect(() => sim.actions().item!.start!({ compartment: 0, present: true })).toThrow(SimActionError);
  });

  it('a simulated person closes a door closeAfterMs after it opened; reset empties the cabinet', async () => {
    const { ask, sim } = await rig({ closeAfterMs: 1000 });
    await ask(REQUESTS[2]!.hex);
    expect(sim.status().locker?.doorsOpen).toEqual([5]);
    await ask(new Uint8Array(0), 1000);
    expect(sim.status().locker?.doorsOpen).toEqual([]);
    await ask(REQUESTS[2]!.hex);
    sim.actions().item!.start!({ compartment: 5, present: true });
    sim.reset();
    expect(sim.status().locker).toEqual({ compartments: 12, doorsOpen: [], occupied: [] });
  });
});
