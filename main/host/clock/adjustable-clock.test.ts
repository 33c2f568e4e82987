import { describe, expect, it } from 'vitest';
import { AdjustableClock } from './adjustable-clock';

describe('AdjustableClock', () => {
  it('follows the wall clock plus an offset that set() and advance() move', () => {
    let wall = 1_000_000;
    const clock = new AdjustableClock(() => wall, () => 0);
    expect(clock.now()).toBe(1_000_000);
    clock.set(Date.UTC(2026, 0, 1));
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    wall += 500;
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1) + 500);
    clock.advance(60_000);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1) + 60_500);
  });

  it('fires a long timer at once when the clock is advanced past it, and a cancelled one never', () => {
    const clock = new AdjustableClock();
    const fired: string[] = [];
    clock.setTimer(3_600_000, () => fired.push('hour'));
    const cancelled = clock.setTimer(1_000, () => fired.push('cancelled'));
    cancelled.cancel();
    clock.setTimer(7_200_000, () => fired.push('two hours'));
    let jumps = 0;
    clock.onJump(() => jumps++);
    clock.advance(3_600_000);
    expect(fired).toEqual(['hour']);
    expect(jumps).toBe(1);
    clock.advance(3_600_000);
    expect(fired).toEqual(['hour', 'two hours']);
  });

  it('fires timers set by timers when they fall due within one advance, each at its own due time', () => {
    let wall = 0;
    const clock = new AdjustableClock(() => wall, () => 0);
    const seen: Array<[string, number]> = [];
    clock.setTimer(60_000, () => {
      seen.push(['idle', clock.now()]);
      clock.setTimer(10_000, () => {
        seen.push(['countdown over', clock.now()]);
        clock.setTimer(30_000, () => seen.push(['attract', clock.now()]));
      });
    });
    clock.advance(120_000);
    expect(seen).toEqual([['idle', 60_000], ['countdown over', 70_000], ['attract', 100_000]]);
    expect(clock.now()).toBe(120_000);
    wall += 5;
    expect(clock.now()).toBe(120_005);
  });

  it('a wall clock set back by hand keeps what each timer had left to wait', () => {
    let wall = Date.UTC(2026, 10, 23, 14);
    const clock = new AdjustableClock(() => wall, () => 0);
    const fired: number[] = [];
    clock.setTimer(60_000, () => fired.push(clock.now()));
    clock.set(wall - 8 * 3_600_000); // back to the morning
    clock.advance(59_999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual([wall - 8 * 3_600_000 + 60_000]);
  });

  it('the system clock jumping back (NTP) moves now() but neither delays nor hastens a timer', () => {
    let wall = Date.UTC(2026, 10, 23, 14);
    let mono = 0;
    const clock = new AdjustableClock(() => wall, () => mono);
    const fired: string[] = [];
    clock.setTimer(60_000, () => fired.push('idle'));
    wall -= 8 * 3_600_000;
    mono += 30_000;
    expect(clock.now()).toBe(wall);
    clock.advance(29_999);
    expect(fired).toEqual([]);
    clock.advance(1);
    expect(fired).toEqual(['idle']);
  });

  it('fires a short timer on real time', async () => {
    const clock = new AdjustableClock();
    await new Promise<void>((resolve) => clock.setTimer(5, resolve));
  });
});
