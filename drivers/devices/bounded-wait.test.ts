import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { boundedWait } from './bounded-wait';
import { DeviceError } from './device-error';

describe('boundedWait', () => {
  it('the owner’s answer wins before the deadline; cleanup runs once, told it was answered', async () => {
    const clock = new ManualClock(0);
    const ends: boolean[] = [];
    const wait = boundedWait<number>({ clock, what: 'reply', timeoutMs: 100, cleanup: (answered) => ends.push(answered) });
    expect(wait.resolve(7)).toBe(true);
    expect(wait.reject(new DeviceError('timeout', 'late'))).toBe(false);
    clock.advance(200);
    await expect(wait.promise).resolves.toBe(7);
    expect(ends).toEqual([true]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('the deadline rejects with timeout naming the wait, or ends with the value it gives', async () => {
    const clock = new ManualClock(0);
    const timedOut = boundedWait<void>({ clock, what: 'status reply', timeoutMs: 100 });
    const paused = boundedWait<string>({ clock, what: 'pause', timeoutMs: 100, atDeadline: () => ({ value: 'done' }) });
    clock.advance(99);
    expect(timedOut.ended).toBe(false);
    clock.advance(1);
    await expect(timedOut.promise).rejects.toMatchObject({ code: 'timeout', message: 'status reply: no answer within 100 ms' });
    await expect(paused.promise).resolves.toBe('done');
  });

  it('an unarmed wait has no deadline until armed; armed once only', async () => {
    const clock = new ManualClock(0);
    const wait = boundedWait<void>({ clock, what: 'job completion', timeoutMs: null });
    clock.advance(60_000);
    expect(wait.ended).toBe(false);
    wait.arm(500);
    wait.arm(10);
    clock.advance(499);
    expect(wait.ended).toBe(false);
    clock.advance(1);
    await expect(wait.promise).rejects.toMatchObject({ code: 'timeout' });
  });

  it('an abort — before or during — ends it with canceled, and removes its listener and timer', async () => {
    const clock = new ManualClock(0);
    const already = new AbortController();
    already.abort();
    await expect(boundedWait<void>({ clock, what: 'x', signal: already.signal, timeoutMs: 100 }).promise).rejects.toMatchObject({ code: 'canceled' });
    expect(clock.pendingTimers()).toBe(0);
    const later = new AbortController();
    const wait = boundedWait<void>({ clock, what: 'x', signal: later.signal, timeoutMs: 100, onAbort: () => ({ value: undefined }) });
    later.abort();
    await expect(wait.promise).resolves.toBeUndefined();
    expect(clock.pendingTimers()).toBe(0);
  });
});
