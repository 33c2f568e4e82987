import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock';

describe('ManualClock', () => {
  it('fires due timers in order, each at its own due time, including timers set by timers', () => {
    const clock = new ManualClock(1000);
    const seen: Array<[string, number]> = [];
    clock.setTimer(300, () => seen.push(['b', clock.now()]));
    clock.setTimer(100, () => {
      seen.push(['a', clock.now()]);
      clock.setTimer(50, () => seen.push(['a2', clock.now()]));
    });
    const cancelled = clock.setTimer(200, () => seen.push(['x', clock.now()]));
    cancelled.cancel();
    clock.advance(1000);
    expect(seen).toEqual([['a', 1100], ['a2', 1150], ['b', 1300]]);
    expect(clock.now()).toBe(2000);
    expect(clock.pendingTimers()).toBe(0);
  });
  it('tells listeners about jumps', () => {
    const clock = new ManualClock(0);
    let jumps = 0;
    clock.onJump(() => jumps++);
    clock.set(5000);
    clock.set(10);
    expect(jumps).toBe(2);
    expect(clock.now()).toBe(10);
  });
});

describe('ManualClock elapsed line', () => {
  it('set back moves only the wall time: timers and elapsedMs keep going', () => {
    const clock = new ManualClock(1_000_000);
    let fired = 0;
    clock.setTimer(100, () => fired++);
    clock.set(0);
    expect(clock.now()).toBe(0);
    expect(clock.elapsedMs()).toBe(0);
    clock.advance(100);
    expect(fired).toBe(1);
    expect([clock.now(), clock.elapsedMs()]).toEqual([100, 100]);
  });
});
