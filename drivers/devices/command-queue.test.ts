import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { CommandQueue, DEFAULT_ABORT_GRACE_MS } from './command-queue';

const tick = () => new Promise((r) => setImmediate(r));

describe('CommandQueue', () => {
  it('runs one command at a time, in order', async () => {
    const queue = new CommandQueue(new ManualClock(0));
    const log: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run(
      'first',
      () =>
        new Promise<void>((resolve) => {
          log.push('first:start');
          releaseFirst = () => {
            log.push('first:end');
            resolve();
          };
        }),
      { timeoutMs: 1000 },
    );
    const second = queue.run('second', async () => void log.push('second'), { timeoutMs: 1000 });
    await tick();
    expect(log).toEqual(['first:start']);
    expect(queue.length).toBe(2);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
    expect(queue.length).toBe(0);
  });

  it('times out on the injected clock with code timeout and aborts the body', async () => {
    const clock = new ManualClock(0);
    const queue = new CommandQueue(clock);
    let bodySignal: AbortSignal | undefined;
    const hung = queue.run(
      'status',
      (s) => {
        bodySignal = s;
        return new Promise(() => undefined);
      },
      { timeoutMs: 500 },
    );
    await tick();
    clock.advance(499);
    clock.advance(1);
    await expect(hung).rejects.toMatchObject({ code: 'timeout', actor: 'software' });
    expect(bodySignal?.aborted).toBe(true);
    // A body stuck outside our control holds the device for the grace period only; then the queue goes on.
    const next = queue.run('next', async () => 42, { timeoutMs: 10 });
    await tick();
    clock.advance(DEFAULT_ABORT_GRACE_MS);
    await expect(next).resolves.toBe(42);
  });

  it('after a time-out the next command waits until the timed-out body has returned (never two bodies at once)', async () => {
    const clock = new ManualClock(0);
    const queue = new CommandQueue(clock);
    const log: string[] = [];
    let finishFirst!: () => void;
    const first = queue.run(
      'first',
      (signal) =>
        new Promise<void>((resolve) => {
          log.push('first:start');
          finishFirst = () => {
            log.push(`first:end aborted=${signal.aborted}`);
            resolve();
          };
        }),
      { timeoutMs: 100 },
    );
    const second = queue.run('second', async () => void log.push('second'), { timeoutMs: 1000 });
    await tick();
    clock.advance(100);
    await expect(first).rejects.toMatchObject({ code: 'timeout' });
    await tick();
    expect(log).toEqual(['first:start']);
    expect(queue.length).toBe(2);
    finishFirst();
    await second;
    expect(log).toEqual(['first:start', 'first:end aborted=true', 'second']);
  });

  it('cancels a running command and skips a queued one whose signal aborted', async () => {
    const queue = new CommandQueue(new ManualClock(0));
    const running = new AbortController();
    const queued = new AbortController();
    const ran: string[] = [];
    const a = queue.run(
      'a',
      () => {
        ran.push('a');
        return new Promise(() => undefined);
      },
      { timeoutMs: 1000, signal: running.signal },
    );
    const b = queue.run('b', async () => void ran.push('b'), { timeoutMs: 1000, signal: queued.signal });
    const bRefused = expect(b).rejects.toMatchObject({ code: 'canceled' });
    queued.abort();
    // Refused at once, while 'a' still holds the queue.
    await bRefused;
    const aCanceled = expect(a).rejects.toMatchObject({ code: 'canceled' });
    running.abort();
    await aCanceled;
    expect(ran).toEqual(['a']);
  });
});
