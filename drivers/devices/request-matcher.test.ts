/** The shared request/response matcher (request-matcher.ts), on a manual clock. */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../common/manual-clock';
import { DeviceError } from './device-error';
import { RequestMatcher } from './request-matcher';

type Frame = { kind: 'ok' | 'other'; n: number };
const never = new AbortController().signal;
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('RequestMatcher', () => {
  it('answers each exchange with the next reply, in order', async () => {
    const m = new RequestMatcher<Frame>(new ManualClock(), { lateReplyMs: 100 });
    const first = m.exchange(async () => undefined, { timeoutMs: 50, signal: never, what: 'read' });
    await turn();
    expect(m.push({ kind: 'ok', n: 1 })).toBe('answered');
    await expect(first).resolves.toEqual({ kind: 'ok', n: 1 });
    expect(m.push({ kind: 'ok', n: 2 })).toBe('unasked');
  });

  it('a reply that comes after its exchange timed out is stale, never the next exchange’s answer', async () => {
    const clock = new ManualClock();
    const m = new RequestMatcher<Frame>(clock, { lateReplyMs: 100 });
    const late = m.exchange(async () => undefined, { timeoutMs: 50, signal: never, what: 'read' });
    await turn();
    clock.advance(50);
    await expect(late).rejects.toMatchObject({ code: 'timeout' });
    const next = m.exchange(async () => undefined, { timeoutMs: 500, signal: never, what: 'read' });
    await turn();
    expect(m.push({ kind: 'ok', n: 1 })).toBe('stale'); // the late one: the next request waited for it
    await turn();
    expect(m.push({ kind: 'ok', n: 2 })).toBe('answered');
    await expect(next).resolves.toEqual({ kind: 'ok', n: 2 });
    expect(m.staleReplies).toBe(1);
  });

  it('a reply presumed lost after lateReplyMs lets the next exchange go out', async () => {
    const clock = new ManualClock();
    const m = new RequestMatcher<Frame>(clock, { lateReplyMs: 100 });
    const lost = m.exchange(async () => undefined, { timeoutMs: 50, signal: never, what: 'read' });
    await turn();
    clock.advance(50);
    await expect(lost).rejects.toMatchObject({ code: 'timeout' });
    let sent = false;
    const next = m.exchange(async () => void (sent = true), { timeoutMs: 500, signal: never, what: 'read' });
    await turn();
    expect(sent).toBe(false);
    clock.advance(100);
    await turn();
    expect(sent).toBe(true);
    m.push({ kind: 'ok', n: 3 });
    await expect(next).resolves.toEqual({ kind: 'ok', n: 3 });
  });

  it('a reply of the wrong kind fails the exchange with garbledReply; fail() and aborts end it too', async () => {
    const m = new RequestMatcher<Frame>(new ManualClock(), { lateReplyMs: 100 });
    const a = m.exchange(async () => undefined, { timeoutMs: 50, signal: never, what: 'read', accepts: (f) => f.kind === 'ok' });
    await turn();
    expect(m.push({ kind: 'other', n: 1 })).toBe('wrongKind');
    await expect(a).rejects.toMatchObject({ code: 'garbledReply' });
    const b = m.exchange(async () => undefined, { timeoutMs: 50, signal: never, what: 'read' });
    await turn();
    m.fail(new DeviceError('garbledReply', 'noise'));
    await expect(b).rejects.toMatchObject({ code: 'garbledReply' });
    m.reset(new DeviceError('canceled', 'reopened'));
    const ac = new AbortController();
    const c = m.exchange(async () => undefined, { timeoutMs: 50, signal: ac.signal, what: 'read' });
    await turn();
    ac.abort();
    await expect(c).rejects.toMatchObject({ code: 'canceled' });
  });

  it('a failed send leaves no waiter and rejects with its error', async () => {
    const m = new RequestMatcher<Frame>(new ManualClock(), { lateReplyMs: 100 });
    await expect(m.exchange(() => Promise.reject(new Error('write failed')), { timeoutMs: 50, signal: never, what: 'read' })).rejects.toThrow('write failed');
  });

  it('replies to requests nobody awaits (expectUnasked) are dropped as stale', async () => {
    const m = new RequestMatcher<Frame>(new ManualClock(), { lateReplyMs: 100 });
    m.expectUnasked(2);
    expect(m.push({ kind: 'ok', n: 1 })).toBe('stale');
    expect(m.push({ kind: 'ok', n: 2 })).toBe('stale');
    expect(m.push({ kind: 'ok', n: 3 })).toBe('unasked');
  });
});
