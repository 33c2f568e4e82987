/**
 * SerialLocker against SimLocker on a memory pair and a fake clock (ARCHITECTURE.md §5 driver tests;
 * docs/locker-protocol.md §4): confirmed openings, doors closed again or left open, the board's faults and
 * silences, several boards on one bus.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { SimLocker, type SimLockerOptions } from '../../../devices-sim/locker/sim-locker';
import { elapse, runUntil, settle } from '../../../test/drivers/escpos-fake-clock-rig';
import { encodeRequest } from '../../protocol/locker/frame-codec';
import { createMemoryPair } from '../../transport/memory-pair';
import { SerialLocker, type SerialLockerOptions } from './serial-locker';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const TWO_BOARDS = [{ address: 1, locks: 12 }, { address: 2, locks: 12 }];

async function rig(sim: Partial<SimLockerOptions> = {}, device: Partial<SerialLockerOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('locker');
  const board = new SimLocker({ id: 'locker', clock, transport: pair.device, ...sim });
  const locker = new SerialLocker({ id: 'locker', clock, transport: pair.host, ...(sim.boards && { boards: sim.boards }), ...device });
  stops.push(async () => {
    await locker.close().catch(() => undefined);
    await board.stop();
  });
  await board.start();
  await settle(clock, locker.open());
  return { clock, pair, board, locker };
}

describe('SerialLocker on the simulator', () => {
  it('opens: VERSION and STATUS of every board, online with the locker block', async () => {
    const { locker } = await rig({ boards: TWO_BOARDS });
    expect(locker.status).toEqual({ device: 'online', locker: { compartments: 24, doorsOpen: [], occupied: [] } });
    expect(locker.compartments).toBe(24);
    expect(locker.lifecycle).toBe('open');
  });

  it('a door counts as open only when the board says so; the status and the statistics follow', async () => {
    const { locker, clock } = await rig();
    const changes: string[] = [];
    locker.onDoorChanged((c, open) => changes.push(`${c} ${open ? 'open' : 'closed'}`));
    expect(await settle(clock, locker.openDoor(5))).toEqual({ compartment: 5, confirmedBy: 'reply' });
    expect(locker.status.locker).toEqual({ compartments: 12, doorsOpen: [5], occupied: [] });
    expect(changes).toEqual(['5 open']);
    expect(locker.statistics()['opens.5']).toBe(1);
  });

  it('waits for the door to be closed again, with what the item sensor then says', async () => {
    const { locker, clock, board } = await rig();
    await settle(clock, locker.openDoor(3));
    const closed = locker.waitForClosed(3, { timeoutMs: 60_000 });
    await elapse(clock, 1200);
    board.actions().item!.start!({ compartment: 3, present: true });
    await runUntil(clock, () => locker.status.locker?.occupied?.includes(3) === true);
    board.actions().door!.start!({ compartment: 3, closed: true });
    expect(await settle(clock, closed)).toEqual({ compartment: 3, closed: true, occupied: true });
    expect(locker.status.locker).toEqual({ compartments: 12, doorsOpen: [], occupied: [3] });
  });

  it('a door not closed in time is reported as left open, and counted', async () => {
    const { locker, clock } = await rig();
    await settle(clock, locker.openDoor(4));
    expect(await settle(clock, locker.waitForClosed(4, { timeoutMs: 5000 }))).toEqual({ compartment: 4, closed: false, reason: 'doorLeftOpen' });
    expect(locker.statistics()['doorsLeftOpen.4']).toBe(1);
  });

  it('a jammed latch fails after the read-back time with hardwareError; the compartment is faulty', async () => {
    const { locker, clock } = await rig({ faults: { jammed: [7] } });
    const started = clock.elapsedMs();
    await expect(settle(clock, locker.openDoor(7))).rejects.toMatchObject({ code: 'hardwareError', actor: 'technician', message: expect.stringMatching(/jammed/u) });
    expect(clock.elapsedMs() - started).toBeGreaterThanOrEqual(2000);
    expect(locker.doors().faulty).toEqual([7]);
    expect(locker.statistics()['openFailures.7']).toBe(1);
  });

  it('a coil fault fails at once', async () => {
    const { locker, clock } = await rig({ faults: { coilFault: [8] } });
    const started = clock.elapsedMs();
    await expect(settle(clock, locker.openDoor(8))).rejects.toMatchObject({ code: 'hardwareError', message: expect.stringMatching(/coil/u) });
    expect(clock.elapsedMs() - started).toBeLessThan(1000);
  });

  it('a slow door is confirmed by reading it back', async () => {
    const { locker, clock } = await rig({ faults: { slowDoor: [2] } });
    expect(await settle(clock, locker.openDoor(2))).toEqual({ compartment: 2, confirmedBy: 'readBack' });
    expect(locker.doors().faulty).toEqual([]);
  });

  it('a lost OPEN reply: the lock is read first, and no second OPEN pulses an open door', async () => {
    const { locker, clock, board } = await rig();
    const before = board.statistics().requests;
    board.setFaults({ noReply: true });
    const opening = locker.openDoor(6);
    await runUntil(clock, () => board.status().locker?.doorsOpen?.includes(6) === true);
    board.clearFaults();
    expect(await settle(clock, opening)).toEqual({ compartment: 6, confirmedBy: 'readBack' });
    expect(board.statistics().requests - before).toBe(2); // OPEN, READ LOCK
  });

  it('several boards on one bus: compartment 24 is board 2 lock 12; a silent board makes the locker hardwareError', async () => {
    const { locker, clock, board } = await rig({ boards: TWO_BOARDS });
    await locker.enable();
    expect(await settle(clock, locker.openDoor(24))).toEqual({ compartment: 24, confirmedBy: 'reply' });
    expect(board.status().locker?.doorsOpen).toEqual([24]);
    board.setFaults({ silentBoards: [2] });
    await runUntil(clock, () => locker.status.device === 'hardwareError');
    expect(locker.doors().unavailable).toEqual(Array.from({ length: 12 }, (_, i) => 13 + i));
    board.setFaults({ noReply: true });
    await runUntil(clock, () => locker.status.device === 'offline');
    expect(locker.silent).toBe(true);
    board.clearFaults();
    await runUntil(clock, () => locker.status.device === 'online');
  });

  it('refuses a compartment it does not have, and commands before open', async () => {
    const { locker } = await rig();
    await expect(locker.openDoor(13)).rejects.toMatchObject({ code: 'invalidData' });
    const closed = new SerialLocker({ id: 'l2', clock: new ManualClock(), transport: createMemoryPair('l2').host });
    await expect(closed.openDoor(1)).rejects.toMatchObject({ code: 'deviceNotReady' });
  });

  it('reads one compartment, sets its light, and checks its health', async () => {
    const { locker, clock } = await rig();
    await settle(clock, locker.openDoor(1));
    expect(await settle(clock, locker.readCompartment(1))).toEqual({ compartment: 1, doorOpen: true, occupied: false, fault: false });
    await settle(clock, locker.setLight(1, 'blink'));
    expect(await locker.healthCheck('internal')).toMatchObject({ ok: true });
    const report = await settle(clock, locker.healthCheck('external'));
    expect(report.ok).toBe(true);
    expect(report.findings).toContain('board 1: SIM-LB12 firmware 1.0, 12 locks, protocol 1');
    expect(report.findings).toContain('doors open 1');
  });

  it('a board with another number of locks than configured fails the health check', async () => {
    const { locker, clock } = await rig({ boards: [{ address: 1, locks: 8 }] }, { boards: [{ address: 1, locks: 12 }] });
    expect((await settle(clock, locker.healthCheck('external'))).ok).toBe(false);
  });

  it('drops its own echo and noise on the bus, and counts them', async () => {
    const { locker, clock, pair } = await rig();
    await pair.device.write(Uint8Array.of(0x00, 0xff, ...encodeRequest(1, { cmd: 'status' })));
    await settle(clock, locker.refreshStatus());
    expect(locker.statistics()).toMatchObject({ echoFrames: 1, 'garbage.noHeader': 1 });
    expect(locker.status.device).toBe('online');
  });

  it('a slow board: a lost reply is asked again, and the late one is taken for it (every request but OPEN is safe to repeat)', async () => {
    const { locker, clock, board } = await rig();
    board.setFaults({ slowMs: 350 });
    await settle(clock, locker.refreshStatus());
    expect(locker.statistics()['repliesLost']).toBe(1);
    expect(locker.status.device).toBe('online');
  });

  it('unplugged: noDevice and closed', async () => {
    const { locker, board, clock } = await rig();
    board.setFaults({ unplugged: true });
    await elapse(clock, 10);
    expect(locker.status.device).toBe('noDevice');
    expect(locker.lifecycle).toBe('closed');
  });
});
