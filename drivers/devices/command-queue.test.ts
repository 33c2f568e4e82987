import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { CommandQueue } from './command-queue';

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
    // The queue keeps going after a time-out.
    await expect(queue.run('next', async () => 42, { timeoutMs: 10 })).resolves.toBe(42);
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
    queued.abort();
    await tick();
    running.abort();
    await expect(a).rejects.toMatchObject({ code: 'canceled' });
    await expect(b).rejects.toMatchObject({ code: 'canceled' });
    expect(ran).toEqual(['a']);
  });
});
