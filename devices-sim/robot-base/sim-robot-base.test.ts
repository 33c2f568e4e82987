import { describe, expect, it } from 'vitest';
import { COMMAND_LINES } from '../../drivers/protocol/robot-line/fixtures';
import { parseRobotFaults } from './robot-faults';
import { robotRig } from '../test-support/robot-rig';
import { SimFaultError } from '../sim-device';

const strip = (line: string): string => line.replace(/\*[0-9A-F]{2}$/u, '');

describe('SimRobotBase answers HRL/1 (docs/robot-protocol.md §3)', () => {
  it('HELLO and STATUS on the dock', async () => {
    const rig = await robotRig();
    expect(await rig.ask('#1 HELLO')).toEqual(['#1 OK PROTO=HRL/1 MODEL=generic-hrl FW=1.0 MAP=-']);
    expect(await rig.ask('#2 STATUS')).toEqual(['#2 OK BAT=90 CHG=1 DOCK=1 OBST=0 MOVE=0 FAULT=NONE POS=1,0.0,0.0,dock']);
    expect(rig.robot.status()).toMatchObject({ device: 'online', robot: { batteryPercent: 90, docked: true, charging: true, obstacle: false, moving: false } });
  });

  it('takes the golden command lines, with or without their checksum', async () => {
    const rig = await robotRig();
    const hello = COMMAND_LINES[0]!.line;
    expect((await rig.sendBytes(Uint8Array.from(`${hello}\r\n`, (c) => c.charCodeAt(0))))[0]).toMatch(/^#1 OK PROTO=HRL\/1/u);
    expect(await rig.ask(strip(COMMAND_LINES[1]!.line), true)).toHaveLength(1);
  });

  it('answers garbage and carries on (§2.4)', async () => {
    const rig = await robotRig();
    expect(await rig.ask('hello', true)).toEqual(['#0 ERR BADLINE']);
    expect(await rig.ask('#19 FLY A3')).toEqual(['#19 ERR BADCMD unknown command FLY']);
    expect(await rig.ask('#20 GOTO')).toEqual(['#20 ERR BADARG GOTO takes one point id']);
    expect(await rig.ask('#12 GOTO A2*41', true)).toEqual(['#12 ERR CHECKSUM']);
    expect(await rig.sendBytes(Uint8Array.from(`#1 GOTO ${'A'.repeat(300)}\n`, (c) => c.charCodeAt(0)))).toEqual(['#0 ERR TOOLONG']);
    expect(await rig.ask('#21 STATUS')).toHaveLength(1);
  });

  it('walks to A1 at 0.8 m/s: OK ROUTE, POS at every point and every second, ARRIVED', async () => {
    const rig = await robotRig();
    expect(await rig.ask('#3 GOTO A1')).toEqual(['#3 OK ROUTE=15.0', '! POS 1 0.0 0.0 dock']);
    await rig.advance(1000);
    expect(rig.take()).toEqual(['! POS 1 0.8 0.0 dock']);
    await rig.advance(4000);
    expect(rig.take()).toContain('! POS 1 4.0 0.0 kiosk-01');
    await rig.advance(14_000);
    const lines = rig.take();
    expect(lines.slice(-2)).toEqual(['! POS 1 10.0 5.0 A1', '! ARRIVED A1']);
    expect(rig.robot.status().robot).toMatchObject({ moving: false, docked: false, position: { floor: 1, xM: 10, yM: 5, point: 'A1' } });
  });

  it('rides the lift to the second floor', async () => {
    const rig = await robotRig({ speedMps: 2 });
    expect((await rig.ask('#3 GOTO B1'))[0]).toBe('#3 OK ROUTE=40.0');
    await rig.advance(10_000); // 20 m to the lift at 2 m/s
    expect(rig.take()).toContain('! POS 1 20.0 0.0 lift-1-f1');
    await rig.advance(49_000);
    expect(rig.take().some((l) => l.includes('lift-1-f2'))).toBe(false);
    await rig.advance(1000);
    expect(rig.take()).toContain('! POS 2 20.0 0.0 lift-1-f2');
    await rig.advance(10_000);
    expect(rig.take().slice(-2)).toEqual(['! POS 2 10.0 10.0 B1', '! ARRIVED B1']);
  });

  it('refuses to re-plan inside a lift car', async () => {
    const rig = await robotRig({ speedMps: 2 });
    await rig.ask('#3 GOTO B1');
    await rig.advance(15_000);
    rig.take();
    expect(await rig.ask('#4 GOTO A1')).toEqual(['#4 ERR BUSY in a lift to B1']);
  });

  it('refuses unknown points, and trips on a low battery or under a fault; DOCK is never refused for the battery', async () => {
    const rig = await robotRig({ batteryPercent: 8 });
    expect(await rig.ask('#5 GOTO Z9')).toEqual(['#5 ERR UNKNOWN_POINT no point Z9 on the map']);
    expect(await rig.ask('#6 GOTO A1')).toEqual(['#6 ERR LOW_BATTERY battery 8%']);
    expect(await rig.ask('#7 DOCK')).toEqual(['#7 OK ROUTE=0.0', '! POS 1 0.0 0.0 dock', '! DOCKED']);
    rig.robot.setFaults({ fault: 'ESTOP', batteryPercent: 50 });
    expect(await rig.flush()).toEqual(['! BATTERY 50 OK', '! FAULT ESTOP']);
    expect(await rig.ask('#8 GOTO A1')).toEqual(['#8 ERR FAULT ESTOP']);
    expect(rig.robot.status().device).toBe('hardwareError');
  });

  it('stops for an obstacle, goes on once it clears by itself', async () => {
    const rig = await robotRig();
    rig.robot.setFaults({ obstacle: true, atPoint: 'kiosk-01', clearAfterMs: 3000 });
    await rig.ask('#3 GOTO A1');
    await rig.advance(5000);
    expect(rig.take().slice(-2)).toEqual(['! POS 1 4.0 0.0 kiosk-01', '! BLOCKED']);
    expect(rig.robot.status().robot).toMatchObject({ obstacle: true, moving: true });
    await rig.advance(2500);
    expect(rig.take()).toEqual(['! POS 1 4.0 0.0 kiosk-01', '! POS 1 4.0 0.0 kiosk-01']);
    await rig.advance(1000);
    expect(rig.take()[0]).toBe('! CLEAR');
    await rig.advance(20_000);
    expect(rig.take()).toContain('! ARRIVED A1');
  });

  it('an obstacle after N metres, cleared by hand', async () => {
    const rig = await robotRig();
    rig.robot.setFaults({ obstacle: true, afterM: 2 });
    await rig.ask('#3 GOTO A1');
    await rig.advance(3000);
    expect(rig.take()).toContain('! BLOCKED');
    expect(rig.robot.status().robot?.position).toMatchObject({ xM: 2, point: 'dock' });
    rig.robot.setFaults({ obstacle: false });
    expect(await rig.flush()).toEqual(['! CLEAR']);
  });

  it('CANCEL stops at once; HALT at the next point; DOCK goes back and charges', async () => {
    const rig = await robotRig({ speedMps: 1 });
    await rig.ask('#3 GOTO A3');
    await rig.advance(5500);
    rig.take();
    expect(await rig.ask('#4 HALT')).toEqual(['#4 OK AT=c-1']);
    await rig.advance(5000);
    expect(rig.take().slice(-2)).toEqual(['! POS 1 10.0 0.0 c-1', '! STOPPED c-1']);
    await rig.ask('#5 GOTO A3');
    await rig.advance(2500);
    rig.take();
    expect(await rig.ask('#6 CANCEL')).toEqual(['#6 OK', '! STOPPED c-1']);
    expect(rig.robot.status().robot).toMatchObject({ moving: false, position: { xM: 12.5, point: 'c-1' } });
    expect(await rig.ask('#7 DOCK')).toEqual(['#7 OK ROUTE=12.5', '! POS 1 12.5 0.0 c-1']);
    await rig.advance(13_000);
    expect(rig.take().slice(-2)).toEqual(['! POS 1 0.0 0.0 dock', '! DOCKED']);
    expect(rig.robot.status().robot).toMatchObject({ docked: true, charging: true });
  });

  it('drains the battery as it walks: BATTERY on every whole percent, LOW at 20', async () => {
    const rig = await robotRig({ batteryPercent: 21, drainPercentPerM: 0.5, speedMps: 1 });
    await rig.ask('#3 GOTO A1');
    await rig.advance(4000);
    expect(rig.take().filter((l) => l.startsWith('! BATTERY'))).toEqual(['! BATTERY 20 LOW', '! BATTERY 19 LOW']);
  });

  it('stops on its own when the host falls silent on a trip (watchdog, §6)', async () => {
    const rig = await robotRig({ watchdogMs: 10_000 });
    await rig.ask('#3 GOTO A3');
    await rig.advance(10_500);
    expect(rig.take().slice(-1)[0]).toMatch(/^! STOPPED /u);
    expect(rig.robot.status().robot?.moving).toBe(false);
  });

  it('noReply and garbage: it walks on but says nothing, or noise; unplugged: nothing at all', async () => {
    const rig = await robotRig();
    rig.robot.setFaults({ noReply: true });
    expect(await rig.ask('#3 GOTO A1')).toEqual([]);
    expect(rig.robot.status().robot?.moving).toBe(true);
    rig.robot.setFaults({ noReply: false, garbage: true });
    expect((await rig.ask('#4 STATUS')).join('')).not.toContain('#4 OK');
    rig.robot.setFaults({ garbage: false, unplugged: true });
    expect(rig.pair.host.isOpen).toBe(false);
    expect(rig.robot.status().device).toBe('noDevice');
    rig.robot.clearFaults();
    expect(rig.robot.status().device).toBe('online');
  });

  it('place sets it down; reset puts it back on the dock', async () => {
    const rig = await robotRig();
    rig.robot.actions().place!.start!({ point: 'A2' });
    expect(rig.robot.status().robot).toMatchObject({ docked: false, position: { point: 'A2' } });
    expect(() => rig.robot.actions().place!.start!({ point: 'Z9' })).toThrow(/no point Z9/u);
    rig.robot.reset();
    expect(rig.robot.status().robot).toMatchObject({ docked: true, position: { point: 'dock' } });
  });
});

describe('robot faults (§8.1)', () => {
  it('reads the status words and refuses anything else, naming the field', () => {
    expect(parseRobotFaults({ obstacle: true, atPoint: 'c-1', clearAfterMs: 500 })).toEqual({ obstacle: true, atPoint: 'c-1', clearAfterMs: 500 });
    for (const [body, field] of [
      [{ obstacle: 'yes' }, 'obstacle'],
      [{ atPoint: 'c-1' }, 'atPoint'],
      [{ obstacle: true, atPoint: 'c-1', afterM: 2 }, 'afterM'],
      [{ batteryPercent: 101 }, 'batteryPercent'],
      [{ fault: 'WOBBLE' }, 'fault'],
      [{ paper: 'out' }, 'paper'],
    ] as const) {
      expect(() => parseRobotFaults(body)).toThrow(SimFaultError);
      try {
        parseRobotFaults(body);
      } catch (err) {
        expect((err as SimFaultError).field).toBe(field);
      }
    }
    expect(() => parseRobotFaults({})).toThrow(SimFaultError);
  });
});
