/**
 * The robot desk on a LineRobotBase driving a SimRobotBase over a memory pair, all on a ManualClock: trips,
 * progress, obstacles, a low battery, a silent base, and the way back to the dock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SILENT_LOGGER } from '../../../common/logger';
import { ManualClock } from '../../../common/manual-clock';
import type { RobotTripPhase, RobotTripView } from '../../../common/robot';
import { SimRobotBase, type SimRobotBaseOptions } from '../../../devices-sim/robot-base/sim-robot-base';
import { ROBOT_TEST_MAP } from '../../../devices-sim/test-support/robot-hall-map';
import { LineRobotBase } from '../../../drivers/devices/robot-base/line-robot-base';
import type { RobotBase } from '../../../drivers/devices/robot-base/robot-base-types';
import { createMemoryPair } from '../../../drivers/transport/memory-pair';
import { RobotDesk, type RobotDeskOptions } from './robot-desk';

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function rig(sim: Partial<SimRobotBaseOptions> = {}, desk: Partial<RobotDeskOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('robot-base');
  const base = new SimRobotBase({ id: 'robot-base', map: ROBOT_TEST_MAP, clock, transport: pair.device, speedMps: 1, ...sim });
  const robot = new LineRobotBase({ id: 'robot-base', transport: pair.host, clock });
  await base.start();
  const advance = async (ms: number): Promise<void> => {
    for (let t = 0; t < ms; t += 100) {
      clock.advance(100);
      for (let j = 0; j < 3; j++) await turn();
    }
  };
  const opened = robot.open();
  while (robot.status.device === 'starting') await advance(100);
  await opened;
  await robot.enable();
  let current: RobotBase | undefined = robot;
  const d = new RobotDesk({ clock, log: SILENT_LOGGER, robot: () => current, map: ROBOT_TEST_MAP, ...desk });
  const phases: RobotTripPhase[] = [];
  d.onChanged((v) => phases[phases.length - 1] !== v.phase && phases.push(v.phase));
  stops.push(async () => {
    d.stop();
    await robot.close().catch(() => undefined);
    await base.stop();
  });
  /** Advances until the desk shows `phase` (at most `limitMs`). */
  const until = async (phase: RobotTripPhase, limitMs = 120_000): Promise<RobotTripView> => {
    for (let t = 0; t < limitMs && d.view().phase !== phase; t += 100) await advance(100);
    expect(d.view().phase).toBe(phase);
    return d.view();
  };
  return { clock, base, robot, desk: d, phases, advance, until, replace: (r: RobotBase | undefined) => (current = r) };
}

describe('RobotDesk', () => {
  it('walks a citizen to A1 with progress, then goes back to the dock', async () => {
    const { desk, phases, advance, until } = await rig();
    expect(desk.view()).toMatchObject({ phase: 'idle', status: { online: true, docked: true, batteryPercent: 90 } });
    expect(desk.go({ to: 'A1', requestId: 'r1' })).toMatchObject({ phase: 'walking', to: 'A1', progress: 0, remainingM: 15 });
    await advance(7000);
    const mid = desk.view();
    expect(mid.phase).toBe('walking');
    expect(mid.remainingM).toBeGreaterThan(7);
    expect(mid.remainingM).toBeLessThan(9.5);
    expect(mid.progress).toBeGreaterThanOrEqual(0.35);
    expect(await until('arrived')).toMatchObject({ to: 'A1', progress: 1, remainingM: 0 });
    await advance(7000);
    expect(desk.view().phase).toBe('arrived');
    expect(await until('returning')).toMatchObject({ to: 'dock' });
    expect(await until('idle')).toMatchObject({ status: { docked: true } });
    expect(phases).toEqual(['walking', 'arrived', 'returning', 'idle']);
  });

  it('is idempotent per request id, and refuses a second trip, an unknown point, a low battery', async () => {
    const { desk, base, advance, until } = await rig();
    expect(desk.go({ to: 'Z9', requestId: 'r0' })).toMatchObject({ phase: 'idle', error: { code: 'invalidData' } });
    desk.go({ to: 'A2', requestId: 'r1' });
    await advance(2000);
    expect(desk.go({ to: 'A2', requestId: 'r1' })).toMatchObject({ phase: 'walking', to: 'A2' });
    expect(desk.view().error).toBeUndefined();
    expect(desk.go({ to: 'A1', requestId: 'r2' })).toMatchObject({ phase: 'walking', to: 'A2', error: { code: 'busy' } });
    expect(base.statistics().commands).toBeGreaterThan(0);
    await until('arrived');
    expect(desk.go({ to: 'A1', requestId: 'r1' }).phase).toBe('arrived'); // an old request: no new trip
    base.setFaults({ batteryPercent: 15 });
    await advance(300);
    expect(desk.go({ to: 'A1', requestId: 'r3' })).toMatchObject({ phase: 'arrived', error: { code: 'deviceNotReady' } });
  });

  it('pauses for an obstacle and walks on when it clears', async () => {
    const { desk, base, phases, until } = await rig();
    base.setFaults({ obstacle: true, atPoint: 'kiosk-01', clearAfterMs: 5000 });
    desk.go({ to: 'A1', requestId: 'r1' });
    expect(await until('paused')).toMatchObject({ status: { obstacle: true } });
    await until('walking');
    await until('arrived');
    expect(phases.slice(0, 4)).toEqual(['walking', 'paused', 'walking', 'arrived']);
  });

  it('an obstacle that stays: blocked with the error after blockedAfterMs, then back to the dock', async () => {
    const { desk, base, advance, until } = await rig({}, { blockedAfterMs: 6000 });
    base.setFaults({ obstacle: true, afterM: 3 });
    desk.go({ to: 'A1', requestId: 'r1' });
    await until('paused');
    await advance(5000);
    expect(desk.view().phase).toBe('paused');
    expect(await until('blocked', 2000)).toMatchObject({ to: 'A1', error: { code: 'userError', actor: 'staff' } });
    base.setFaults({ obstacle: false });
    await until('returning');
    await until('idle');
  });

  it('battery low far from the window: hands over at the next point, then docks', async () => {
    const { desk, base, until } = await rig({ batteryPercent: 21, drainPercentPerM: 0.1 });
    desk.go({ to: 'A3', requestId: 'r1' });
    const handed = await until('handedOver');
    expect(handed.to).toBe('A3');
    expect(handed.remainingM).toBeGreaterThan(15);
    await until('returning');
    expect(base.status().robot?.position?.point).toBe('c-1');
    await until('idle');
  });

  it('battery low close to the window: the trip finishes', async () => {
    const { desk, phases, until } = await rig({ batteryPercent: 21, drainPercentPerM: 0.1 });
    desk.go({ to: 'A1', requestId: 'r1' });
    await until('arrived');
    expect(phases).not.toContain('handedOver');
  });

  it('a base that stops answering ends the trip as unavailable, and goes home when it is back', async () => {
    const { desk, base, advance, until } = await rig();
    desk.go({ to: 'A3', requestId: 'r1' });
    await advance(3000);
    base.setFaults({ noReply: true });
    expect(await until('unavailable', 10_000)).toMatchObject({ error: { code: 'offline' }, status: { online: false } });
    expect(desk.go({ to: 'A1', requestId: 'r2' }).phase).toBe('unavailable');
    base.clearFaults();
    await until('returning', 10_000);
    await until('idle');
  });

  it('without a base: unavailable with noDevice; a replaced base is followed', async () => {
    const { desk, robot, replace, advance } = await rig();
    replace(undefined);
    await advance(1100);
    expect(desk.view()).toEqual({ phase: 'unavailable', error: { code: 'noDevice', actor: 'technician', detail: 'this kiosk has no robot base' }, status: { online: false } });
    expect(desk.go({ to: 'A1', requestId: 'r1' }).phase).toBe('unavailable');
    replace(robot);
    await advance(1100);
    expect(desk.view().phase).toBe('idle');
  });

  it('cancel: canceled, then back to the dock', async () => {
    const { desk, phases, advance, until } = await rig();
    desk.go({ to: 'A3', requestId: 'r1' });
    await advance(6000);
    expect(desk.cancel().phase).toBe('canceled');
    await until('returning');
    await until('idle');
    expect(phases).toEqual(['walking', 'canceled', 'returning', 'idle']);
  });

  it('a trip that hears nothing from the base for too long ends as unavailable', async () => {
    const clock = new ManualClock();
    const quiet = {
      status: { device: 'online', robot: { batteryPercent: 80, docked: true, position: { floor: 1, xM: 0, yM: 0, point: 'dock' } } },
      goTo: () => Promise.resolve({}),
      dock: () => Promise.resolve({}),
      cancel: () => Promise.resolve(),
      halt: () => Promise.resolve({}),
      ...Object.fromEntries(['onPosition', 'onArrived', 'onBlocked', 'onCleared', 'onBatteryLow', 'onDocked', 'onStopped', 'onRestarted', 'onStatusChanged'].map((n) => [n, () => () => undefined])),
    } as unknown as RobotBase;
    const desk = new RobotDesk({ clock, log: SILENT_LOGGER, robot: () => quiet, map: ROBOT_TEST_MAP, silenceMs: 5000 });
    stops.push(() => desk.stop());
    desk.go({ to: 'A1', requestId: 'r1' });
    clock.advance(4000);
    expect(desk.view().phase).toBe('walking');
    clock.advance(3000);
    expect(desk.view()).toMatchObject({ phase: 'unavailable', error: { code: 'timeout' } });
  });
});
