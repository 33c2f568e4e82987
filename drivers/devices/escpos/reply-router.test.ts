import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../common/manual-clock';
import { ReplyRouter } from './reply-router';

const tick = () => new Promise((r) => setImmediate(r));

describe('ReplyRouter', () => {
  it('a status query whose send fails leaves no waiter: its timer cannot clear a newer query, which gets its reply', async () => {
    const clock = new ManualClock(0);
    const router = new ReplyRouter(clock, { ticketTakenBit: false, lateReplyMs: 100 });
    const never = new AbortController().signal;
    await expect(router.askStatus(() => Promise.reject(new Error('write failed')), 50, never)).rejects.toThrow('write failed');
    const second = router.askStatus(async () => undefined, 500, never);
    await tick();
    clock.advance(100); // the failed query's owed reply is given up; its 50 ms timer would have fired by now
    await tick();
    router.push(Uint8Array.of(0x1a));
    await expect(second).resolves.toBe(0x1a);
  });

  it('a GS r reply owed to a timed-out job is stale for the next job, which waits for its own', async () => {
    const clock = new ManualClock(0);
    const router = new ReplyRouter(clock, { ticketTakenBit: true, lateReplyMs: 1000 });
    const signal = new AbortController().signal;
    const first = router.completionOf(null, 100, signal);
    clock.advance(100);
    await expect(first).rejects.toMatchObject({ code: 'timeout' });
    const settled = router.settleCompletions(signal);
    router.push(Uint8Array.of(0x00)); // the first job's late reply
    await settled;
    let confirmed = false;
    void router.completionOf(null, 1000, signal).then(() => (confirmed = true));
    await tick();
    expect(confirmed).toBe(false);
    router.push(Uint8Array.of(0x00));
    await tick();
    expect(confirmed).toBe(true);
    expect(router.staleReplies).toBe(1);
  });
});
