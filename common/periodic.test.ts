/** Periodic housekeeping on the injected clocks (common/periodic.ts): a jump by hand never replays it. */
import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../main/host/clock/adjustable-clock';
import { ManualClock } from './manual-clock';

const DAY = 86_400_000;

describe.each([
  ['ManualClock', () => new ManualClock()],
  ['AdjustableClock', () => new AdjustableClock(() => Date.UTC(2026, 10, 23, 2), () => 0)],
] as const)('%s.every', (_name, make) => {
  it('runs once a period as time passes', () => {
    const clock = make();
    const runs: number[] = [];
    const handle = clock.every(1000, () => runs.push(clock.elapsedMs()));
    for (let i = 0; i < 3; i++) clock.advance(1000);
    expect(runs).toEqual([1000, 2000, 3000]);
    handle.cancel();
    clock.advance(5000);
    expect(runs).toHaveLength(3);
  });

  it('a day skipped by hand runs it when due and once on arrival, not 43,200 times', () => {
    const clock = make();
    let runs = 0;
    clock.every(2000, () => runs++);
    clock.advance(DAY);
    expect(runs).toBe(2);
    clock.advance(2000);
    expect(runs).toBe(3);
  });

  it('one-shot timers set during the skip still fire on the way, in order (idle → countdown → attract)', () => {
    const clock = make();
    const seen: string[] = [];
    clock.every(2000, () => undefined);
    clock.setTimer(60_000, () => {
      seen.push('countdown');
      clock.setTimer(10_000, () => seen.push('attract'));
    });
    clock.advance(DAY);
    expect(seen).toEqual(['countdown', 'attract']);
  });
});
