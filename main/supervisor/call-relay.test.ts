import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../common/kiosk-api';
import { CallRelay, type RequestSender } from './call-relay';

const req = (id: number): ApiRequest => ({ kind: 'request', id, channel: 'kiosk:get-snapshot', request: {} });

/** A host stand-in that records what it was sent. */
function recordingHost(fail = false) {
  const sent: ApiRequest[] = [];
  const sender: RequestSender = (request, done) => {
    sent.push(request);
    done(fail ? new Error('channel closed') : null);
  };
  return { sent, sender };
}

describe('CallRelay', () => {
  it('sends under its own ids and answers under the caller ids', async () => {
    const relay = new CallRelay(1_000);
    const host = recordingHost();
    relay.online(host.sender);
    const a = relay.call(req(7));
    const b = relay.call(req(7));
    const [first, second] = host.sent;
    expect(first?.id).not.toBe(second?.id);
    expect(relay.settle({ kind: 'reply', id: second?.id as number, ok: true, result: 'b' })).toBe(true);
    expect(relay.settle({ kind: 'reply', id: first?.id as number, ok: true, result: 'a' })).toBe(true);
    expect(await a).toEqual({ kind: 'reply', id: 7, ok: true, result: 'a' });
    expect(await b).toEqual({ kind: 'reply', id: 7, ok: true, result: 'b' });
    expect(relay.settle({ kind: 'reply', id: first?.id as number, ok: true, result: 'again' })).toBe(false);
    expect(relay.inFlight).toBe(0);
  });

  it('fails calls in flight when the host goes offline', async () => {
    const relay = new CallRelay(1_000);
    relay.online(recordingHost().sender);
    const call = relay.call(req(3));
    relay.offline('host exited');
    expect(await call).toEqual({ kind: 'reply', id: 3, ok: false, error: { code: 'offline', actor: 'staff', detail: 'host exited' } });
  });

  it('holds calls while offline and sends them, in order, when a host comes online', async () => {
    const relay = new CallRelay(60_000);
    const host = recordingHost();
    const a = relay.call(req(1));
    const b = relay.call(req(2));
    expect(host.sent).toEqual([]);
    relay.online(host.sender);
    expect(host.sent.map((r) => r.channel)).toEqual(['kiosk:get-snapshot', 'kiosk:get-snapshot']);
    host.sent.forEach((r, i) => relay.settle({ kind: 'reply', id: r.id, ok: true, result: i }));
    expect([await a, await b]).toMatchObject([{ id: 1, result: 0 }, { id: 2, result: 1 }]);
    relay.close('done');
  });

  it('gives up on a held call after the wait', async () => {
    const relay = new CallRelay(20);
    expect(await relay.call(req(4))).toMatchObject({ id: 4, ok: false, error: { code: 'offline', detail: 'host not ready' } });
  });

  it('fails a call whose send failed', async () => {
    const relay = new CallRelay(1_000);
    relay.online(recordingHost(true).sender);
    expect(await relay.call(req(5))).toMatchObject({ id: 5, ok: false, error: { code: 'offline' } });
    expect(relay.inFlight).toBe(0);
  });

  it('close() fails everything waiting and every later call, and ignores a late host', async () => {
    const relay = new CallRelay(60_000);
    const held = relay.call(req(6));
    relay.close('supervisor stopped');
    expect(await held).toMatchObject({ id: 6, ok: false, error: { code: 'offline', detail: 'supervisor stopped' } });
    const host = recordingHost();
    relay.online(host.sender);
    expect(await relay.call(req(7))).toMatchObject({ id: 7, ok: false, error: { detail: 'supervisor stopped' } });
    expect(host.sent).toEqual([]);
  });

  it('a call the host never answers (hung, not yet restarted) fails timeout at its deadline; a late reply is dropped', async () => {
    const relay = new CallRelay(1_000, () => 30);
    const host = recordingHost();
    relay.online(host.sender);
    const reply = await relay.call(req(9));
    expect(reply).toMatchObject({ kind: 'reply', id: 9, ok: false, error: { code: 'timeout' } });
    expect(relay.inFlight).toBe(0);
    expect(relay.settle({ kind: 'reply', id: host.sent[0]!.id, ok: true, result: 'late' })).toBe(false);
  });

  it('deadlines are per channel: taking a ticket may wait for a print (common/kiosk-api-channels.ts)', async () => {
    const { callDeadlineMs } = await import('../../common/kiosk-api-channels');
    expect(callDeadlineMs('queue:take-ticket')).toBeGreaterThan(callDeadlineMs('kiosk:get-snapshot'));
  });
});
