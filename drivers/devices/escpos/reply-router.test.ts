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

  it('a status byte answering a DLE EOT inside job data never settles the driver’s own query (§2.7)', async () => {
    const clock = new ManualClock(0);
    const router = new ReplyRouter(clock, { ticketTakenBit: false, lateReplyMs: 1000 });
    const signal = new AbortController().signal;
    router.expectUnaskedStatusReplies(1);
    const own = router.askStatus(async () => undefined, 500, signal);
    router.push(Uint8Array.of(0x1a)); // the answer to the embedded request: "offline"
    await tick();
    router.push(Uint8Array.of(0x12)); // the answer to ours
    await expect(own).resolves.toBe(0x12);
    expect(router.staleReplies).toBe(1);
  });

  it('an unfinished job drains when its process-ID reply comes, even before anyone waits for it', async () => {
    const clock = new ManualClock(0);
    const router = new ReplyRouter(clock, { ticketTakenBit: false, lateReplyMs: 100 });
    const signal = new AbortController().signal;
    router.holdUnfinished('0042', 5000);
    expect(router.unfinishedBudgetMs).toBe(5000);
    router.push(Uint8Array.of(0x37, 0x22, 0x30, 0x30, 0x34, 0x32, 0x00));
    await expect(router.drained(signal)).resolves.toBe(true);
    expect(router.unfinishedBudgetMs).toBe(0);
    router.holdUnfinished('0043', 5000);
    const gone = router.drained(signal);
    clock.advance(5000);
    await expect(gone).resolves.toBe(false);
    expect(router.unfinishedBudgetMs).toBe(0);
  });

  it('a stray byte that starts a reply (10: an ASB block) is dropped after the inter-byte time-out, so the replies after it still count', async () => {
    const clock = new ManualClock(0);
    const router = new ReplyRouter(clock, { ticketTakenBit: false, lateReplyMs: 100, interByteMs: 100 });
    const signal = new AbortController().signal;
    router.push(Uint8Array.of(0x10));
    clock.advance(100);
    await tick(); // the check after the I/O phase
    expect(router.garbageBytes).toBe(1);
    const own = router.askStatus(async () => undefined, 500, signal);
    await tick();
    router.push(Uint8Array.of(0x12));
    await expect(own).resolves.toBe(0x12);
  });

  it('while a one-byte GS r confirmation is owed, garbage or an unasked status byte fails it (garbledReply), never confirms it', async () => {
    for (const stray of [0x05, 0x12]) {
      const clock = new ManualClock(0);
      const router = new ReplyRouter(clock, { ticketTakenBit: true, asb: false, lateReplyMs: 100 });
      const job = router.completionOf(null, 5000, new AbortController().signal);
      router.push(Uint8Array.of(stray, 0x00));
      await expect(job).rejects.toMatchObject({ code: 'garbledReply' });
    }
  });
});
