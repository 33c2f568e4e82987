/**
 * LineRobotBase against SimRobotBase on a memory pair (ARCHITECTURE.md §5 driver tests): commands, events,
 * status as data, faults from the simulator, and the heartbeat.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { SimRobotBase, type SimRobotBaseOptions } from '../../../devices-sim/robot-base/sim-robot-base';
import { ROBOT_TEST_MAP } from '../../../devices-sim/test-support/robot-hall-map';
import { createMemoryPair } from '../../transport/memory-pair';
import { LineRobotBase, type LineRobotBaseOptions } from './line-robot-base';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function rig(sim: Partial<SimRobotBaseOptions> = {}, device: Partial<LineRobotBaseOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('robot-base');
  const base = new SimRobotBase({ id: 'robot-base', map: ROBOT_TEST_MAP, clock, transport: pair.device, latencyMs: 20, ...sim });
  const robot = new LineRobotBase({ id: 'robot-base', transport: pair.host, clock, ...device });
  stops.push(async () => {
    await robot.close().catch(() => undefined);
    await base.stop();
  });
  await base.start();
  /** Moves the clock in small steps until `promise` settles. */
  const drive = async <T>(promise: Promise<T>): Promise<T> => {
    let done = false;
    void promise.finally(() => (done = true)).catch(() => undefined);
    for (let i = 0; !done && i < 2000; i++) {
      clock.advance(10);
      for (let j = 0; j < 3; j++) await turn();
    }
    return promise;
  };
  const advance = async (ms: number): Promise<void> => {
    for (let t = 0; t < ms; t += 50) {
      clock.advance(50);
      for (let j = 0; j < 3; j++) await turn();
    }
  };
  await drive(robot.open());
  return { clock, pair, base, robot, drive, advance };
}

describe('LineRobotBase on the simulator', () => {
  it('opens: HELLO, STATUS, online with the robot block', async () => {
    const { robot } = await rig();
    expect(robot.status).toEqual({
      device: 'online',
      robot: { batteryPercent: 90, charging: true, docked: true, obstacle: false, moving: false, position: { floor: 1, xM: 0, yM: 0, point: 'dock' } },
    });
    expect(robot.lifecycle).toBe('open');
  });

  it('goes to A1: accepted with the route length, positions, arrived', async () => {
    const { robot, drive, advance } = await rig({ speedMps: 1 });
    const positions: string[] = [];
    const arrived: string[] = [];
    robot.onPosition((p) => p.point && positions.push(p.point));
    robot.onArrived((p) => arrived.push(p));
    await robot.enable();
    expect(await drive(robot.goTo('A1'))).toEqual({ routeM: 15 });
    expect(robot.status.robot).toMatchObject({ docked: false, moving: true });
    await advance(16_000);
    expect(arrived).toEqual(['A1']);
    expect([...new Set(positions)]).toEqual(['dock', 'kiosk-01', 'c-1', 'A1']);
    expect(robot.status.robot).toMatchObject({ moving: false, position: { xM: 10, yM: 5, point: 'A1' } });
  });

  it('refusals carry the closed error codes', async () => {
    const { robot, drive, base } = await rig();
    await expect(drive(robot.goTo('Z9'))).rejects.toMatchObject({ code: 'invalidData' });
    await expect(robot.goTo('not a point')).rejects.toMatchObject({ code: 'invalidData' });
    base.setFaults({ batteryPercent: 5 });
    await expect(drive(robot.goTo('A1'))).rejects.toMatchObject({ code: 'deviceNotReady' });
    base.setFaults({ fault: 'MOTOR' });
    await expect(drive(robot.goTo('A1'))).rejects.toMatchObject({ code: 'hardwareError' });
    expect(robot.status.device).toBe('hardwareError');
    base.setFaults({ fault: 'NONE' });
    await drive(robot.refreshStatus());
    expect(robot.status.device).toBe('online');
  });

  it('blocked and cleared; halt at the next point; dock', async () => {
    const { robot, drive, advance, base } = await rig({ speedMps: 1 });
    const seen: string[] = [];
    robot.onBlocked(() => seen.push('blocked'));
    robot.onCleared(() => seen.push('cleared'));
    robot.onStopped((p) => seen.push(`stopped ${p}`));
    robot.onDocked(() => seen.push('docked'));
    await robot.enable();
    base.setFaults({ obstacle: true, afterM: 2, clearAfterMs: 2000 });
    await drive(robot.goTo('A3'));
    await advance(3000);
    expect(seen).toEqual(['blocked']);
    expect(robot.status.robot?.obstacle).toBe(true);
    await advance(2000);
    expect(seen).toEqual(['blocked', 'cleared']);
    expect(await drive(robot.halt())).toEqual({ point: 'kiosk-01' });
    await advance(3000);
    expect(seen).toEqual(['blocked', 'cleared', 'stopped kiosk-01']);
    expect(await drive(robot.dock())).toEqual({ routeM: 4 });
    await advance(5000);
    expect(seen.slice(-1)).toEqual(['docked']);
    expect(robot.status.robot).toMatchObject({ docked: true, moving: false });
  });

  it('says when the battery falls to the low level, once per fall', async () => {
    const { robot, base, advance } = await rig();
    const low: number[] = [];
    robot.onBatteryLow((p) => low.push(p));
    await robot.enable();
    base.setFaults({ batteryPercent: 19 });
    await advance(200);
    base.setFaults({ batteryPercent: 18 });
    await advance(200);
    expect(low).toEqual([19]);
    base.setFaults({ batteryPercent: 60 });
    await advance(1500);
    base.setFaults({ batteryPercent: 20 });
    await advance(200);
    expect(low).toEqual([19, 20]);
    expect(robot.status.robot?.batteryPercent).toBe(20);
  });

  it('a base that stops answering goes offline after missed heartbeats, and comes back', async () => {
    const { robot, base, advance } = await rig();
    await robot.enable();
    base.setFaults({ noReply: true });
    await advance(3000);
    expect(robot.status.device).toBe('online');
    await advance(5000);
    expect(robot.status.device).toBe('offline');
    expect(robot.silent).toBe(true);
    base.clearFaults();
    await advance(2500);
    expect(robot.status.device).toBe('online');
    expect(robot.silent).toBe(false);
  });

  it('a lost reply is sent once more under a new tag; garbage lines are counted and dropped', async () => {
    const { robot, base, drive } = await rig();
    base.setFaults({ garbage: true });
    await expect(drive(robot.refreshStatus())).rejects.toMatchObject({ code: 'timeout' });
    expect(robot.statistics()['repliesLost']).toBeGreaterThanOrEqual(1);
    base.clearFaults();
    await drive(robot.refreshStatus());
    expect(robot.status.device).toBe('online');
  });

  it('unplugged: noDevice; a command before open is refused', async () => {
    const { robot, base } = await rig();
    base.setFaults({ unplugged: true });
    await turn();
    expect(robot.status.device).toBe('noDevice');
    expect(robot.lifecycle).toBe('closed');
    await expect(robot.goTo('A1')).rejects.toMatchObject({ code: 'deviceNotReady' });
  });

  it('health checks: internal without a word, external asks the base', async () => {
    const { robot, drive } = await rig();
    expect(await robot.healthCheck('internal')).toMatchObject({ ok: true });
    const report = await drive(robot.healthCheck('external'));
    expect(report.ok).toBe(true);
    expect(report.findings).toContain('battery 90 %');
  });
});
