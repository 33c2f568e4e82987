import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { RendererWatchdog } from './renderer-watchdog';

function rig() {
  const clock = new ManualClock();
  const reloadsAt: number[] = [];
  const watchdog = new RendererWatchdog({ clock, reload: () => reloadsAt.push(clock.now()) });
  const start = clock.now();
  /** Crash now, then let time run until the reload; returns the delay it took. */
  const crashAndWait = (): number => {
    const before = reloadsAt.length;
    const at = clock.elapsedMs();
    watchdog.crashed('crashed');
    const due = watchdog.reloadDueMs;
    if (due === null) throw new Error('no reload planned');
    clock.advance(due - at - 1);
    expect(reloadsAt.length, 'reloaded early').toBe(before);
    clock.advance(1);
    expect(reloadsAt.length, 'not reloaded when due').toBe(before + 1);
    return due - at;
  };
  return { clock, watchdog, reloadsAt, start, crashAndWait };
}

describe('RendererWatchdog', () => {
  it('reloads a crashed renderer after 1 s, not before', () => {
    const { clock, watchdog, reloadsAt, start } = rig();
    watchdog.loaded();
    watchdog.crashed('crashed');
    clock.advance(999);
    expect(reloadsAt).toEqual([]);
    clock.advance(1);
    expect(reloadsAt).toEqual([start + 1000]);
    expect(watchdog.failures).toBe(1);
    expect(watchdog.reloads).toBe(1);
  });

  it('doubles the delay while the page keeps crashing, capped at 60 s', () => {
    const { watchdog, crashAndWait } = rig();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      watchdog.loaded();
      delays.push(crashAndWait());
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(watchdog.failures).toBe(9);
    expect(watchdog.reloads).toBe(9);
  });

  it('counts a crash before the page ever loaded as a quick failure', () => {
    const { watchdog, crashAndWait } = rig();
    expect([crashAndWait(), crashAndWait(), crashAndWait()]).toEqual([1_000, 2_000, 4_000]);
    expect(watchdog.reloads).toBe(3);
  });

  it('starts again at 1 s once the page stayed up for 5 minutes', () => {
    const { clock, watchdog, crashAndWait } = rig();
    watchdog.loaded();
    crashAndWait();
    watchdog.loaded();
    crashAndWait();
    watchdog.loaded();
    expect(crashAndWait()).toBe(4_000);
    watchdog.loaded();
    clock.advance(5 * 60_000 - 1);
    expect(crashAndWait()).toBe(8_000);
    watchdog.loaded();
    clock.advance(5 * 60_000);
    expect(crashAndWait()).toBe(1_000);
  });

  it('plans one reload however many failures arrive meanwhile', () => {
    const { clock, watchdog, reloadsAt } = rig();
    watchdog.crashed('crashed');
    watchdog.crashed('oom');
    watchdog.unresponsive();
    clock.advance(10_000);
    expect(reloadsAt).toHaveLength(1);
    expect(watchdog.failures).toBe(3);
  });

  it('calls off a reload planned for a hang when the page answers again', () => {
    const { clock, watchdog, reloadsAt } = rig();
    watchdog.loaded();
    watchdog.unresponsive();
    clock.advance(500);
    watchdog.responsive();
    clock.advance(120_000);
    expect(reloadsAt).toEqual([]);
    expect(watchdog.reloadDueMs).toBeNull();
  });

  it('still reloads when the renderer crashed on top of a hang', () => {
    const { clock, watchdog, reloadsAt } = rig();
    watchdog.unresponsive();
    watchdog.crashed('crashed');
    watchdog.responsive();
    clock.advance(1_000);
    expect(reloadsAt).toHaveLength(1);
  });

  it('reloads nothing once disposed (the app is quitting)', () => {
    const { clock, watchdog, reloadsAt } = rig();
    watchdog.crashed('crashed');
    watchdog.dispose();
    watchdog.crashed('crashed');
    clock.advance(120_000);
    expect(reloadsAt).toEqual([]);
  });
});
