import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { errorInfo } from '../../../common/errors';
import { KioskApiError, type ApiRequest, type KioskEvent } from '../../../common/kiosk-api';
import { apiSocketUrl, createWsKioskApi, type ApiLog, type Timers, type WebSocketLike, type WsKioskApi } from './ws-kiosk-api';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  readonly sent: ApiRequest[] = [];
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as ApiRequest);
  }
  close(): void {
    this.drop();
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
  drop(): void {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
}

/** Timers that fire only when the test advances them. */
class ManualTimers implements Timers {
  private now = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) break;
      this.due.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }
}

function rig(log?: ApiLog) {
  const sockets: FakeSocket[] = [];
  const timers = new ManualTimers();
  const events: KioskEvent[] = [];
  const api = createWsKioskApi({
    url: 'ws://127.0.0.1:8080/api?token=t',
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    timers,
    random: () => 1, // jitter at its maximum: delays are exactly initial × 2^attempt, capped
    backoff: { initialMs: 500, maxMs: 4_000, factor: 2 },
    stableAfterMs: 5_000,
    ...(log ? { log } : {}),
  });
  api.onEvent((e) => events.push(e));
  const current = (): FakeSocket => sockets[sockets.length - 1] as FakeSocket;
  return { api, sockets, timers, events, current };
}

async function rejection(promise: Promise<unknown>): Promise<KioskApiError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(KioskApiError);
  return error as KioskApiError;
}

describe('WebSocket KioskApi', () => {
  it('fails calls at once while not connected, and announces every connection with a resync', async () => {
    const { api, current, events } = rig();
    expect((await rejection(api.call('kiosk:get-snapshot', {}))).info.code).toBe('offline');
    expect(current().sent).toEqual([]);
    current().open();
    expect(events).toEqual([{ type: 'kiosk:resync' }]);
    expect(api.connected).toBe(true);
  });

  it('sends ApiRequests and settles them by reply id', async () => {
    const { api, current } = rig();
    current().open();
    const a = api.call('session:activity', {});
    const b = api.call('queue:take-ticket', { businessId: 'id-card', requestId: 'r1' });
    expect(current().sent).toEqual([
      { kind: 'request', id: 1, channel: 'session:activity', request: {} },
      { kind: 'request', id: 2, channel: 'queue:take-ticket', request: { businessId: 'id-card', requestId: 'r1' } },
    ]);
    current().receive({ kind: 'reply', id: 2, ok: false, error: { code: 'paperOut', actor: 'staff' } });
    current().receive({ kind: 'reply', id: 1, ok: true, result: { phase: 'active' } });
    expect(await a).toEqual({ phase: 'active' });
    const err = await rejection(b);
    expect(err.info).toEqual(errorInfo('paperOut'));
  });

  it('treats a malformed error reply as internal, and ignores junk and replies nobody waits for', async () => {
    const { api, current, events } = rig();
    current().open();
    const p = api.call('kiosk:get-snapshot', {});
    current().receive('not json');
    current().receive({ kind: 'reply', id: 99, ok: true, result: 1 });
    current().receive({ kind: 'event', event: { type: 'made:up' } });
    current().receive({ kind: 'reply', id: 1, ok: false, error: { code: 'nope' } });
    expect((await rejection(p)).info.code).toBe('internal');
    expect(events).toEqual([{ type: 'kiosk:resync' }]);
  });

  it('delivers host events until the listener unsubscribes', () => {
    const { api, current } = rig();
    current().open();
    const seen: KioskEvent[] = [];
    const off = api.onEvent((e) => seen.push(e));
    current().receive({ kind: 'event', event: { type: 'clock:changed', nowMs: 5 } });
    off();
    current().receive({ kind: 'event', event: { type: 'clock:changed', nowMs: 6 } });
    expect(seen).toEqual([{ type: 'clock:changed', nowMs: 5 }]);
  });

  it('drops and reports malformed pushes, and never lets a host send kiosk:resync', () => {
    const reports: unknown[][] = [];
    const { current, events } = rig((...args) => reports.push(args));
    current().open();
    current().receive({ kind: 'event', event: { type: 'session:changed', session: { phase: 'gone', holder: '520102199001011234' } } });
    current().receive({ kind: 'event', event: { type: 'availability:changed', availability: 'all good' } });
    current().receive({ kind: 'event', event: { type: 'queue:changed' } });
    current().receive({ kind: 'event', event: { type: 'clock:changed', nowMs: '5' } });
    current().receive({ kind: 'event', event: { type: 'kiosk:resync' } });
    current().receive({ kind: 'event', event: null });
    expect(events).toEqual([{ type: 'kiosk:resync' }]); // only the one the client made on open
    const malformed = reports.filter(([level]) => level === 'warn');
    expect(malformed.map(([, msg, fields]) => [msg, (fields as { type: string }).type])).toEqual([
      ['malformed api push dropped', 'session:changed'],
      ['malformed api push dropped', 'availability:changed'],
      ['malformed api push dropped', 'queue:changed'],
      ['malformed api push dropped', 'clock:changed'],
      ['malformed api push dropped', '(not shown)'],
    ]);
    expect(JSON.stringify(reports)).not.toContain('19900101');
  });

  it('times out take-ticket after 60 s and other calls after 10 s (common/kiosk-api-channels.ts); a late reply changes nothing', async () => {
    const { api, current, timers } = rig();
    current().open();
    const snapshot = api.call('kiosk:get-snapshot', {});
    const ticket = api.call('queue:take-ticket', { businessId: 'b', requestId: 'r' });
    const snapshotError = rejection(snapshot);
    timers.advance(10_000);
    expect((await snapshotError).info.code).toBe('timeout');
    let ticketSettled = false;
    const ticketError = rejection(ticket).finally(() => (ticketSettled = true));
    await Promise.resolve();
    expect(ticketSettled).toBe(false);
    timers.advance(50_000);
    expect((await ticketError).info.code).toBe('timeout');
    current().receive({ kind: 'reply', id: 2, ok: true, result: { outcome: 'issued' } });
  });

  it('on disconnect: fails pending calls with offline, reconnects with capped back-off, replays nothing', async () => {
    const { api, current, sockets, timers, events } = rig();
    current().open();
    const pending = api.call('queue:take-ticket', { businessId: 'b', requestId: 'r' });
    current().drop();
    expect((await rejection(pending)).info.code).toBe('offline');
    expect(api.connected).toBe(false);

    const delays: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        timers.advance(100);
        waited += 100;
      }
      delays.push(waited);
      current().drop(); // refused again
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000]);

    timers.advance(4_000);
    current().open();
    expect(events.filter((e) => e.type === 'kiosk:resync')).toHaveLength(2);
    expect(current().sent).toEqual([]);
  });

  it('restarts the back-off only after a connection stayed up', () => {
    const { current, sockets, timers } = rig();
    const reconnectDelay = (): number => {
      const before = sockets.length;
      let waited = 0;
      while (sockets.length === before) {
        timers.advance(100);
        waited += 100;
      }
      return waited;
    };
    current().drop();
    expect(reconnectDelay()).toBe(500);
    current().open();
    current().drop(); // flapping: open then closed at once
    expect(reconnectDelay()).toBe(1_000);
    current().open();
    timers.advance(5_000);
    current().drop();
    expect(reconnectDelay()).toBe(500);
  });

  it('close() fails pending calls and never reconnects', async () => {
    const { api, current, sockets, timers } = rig();
    current().open();
    const pending = api.call('kiosk:get-snapshot', {});
    api.close();
    expect((await rejection(pending)).info.code).toBe('offline');
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('builds the socket URL from the page origin and the #token fragment', () => {
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:4173', hash: '#token=a b+c' })).toBe('ws://127.0.0.1:4173/api?token=a%20b%2Bc');
    expect(apiSocketUrl({ protocol: 'https:', host: 'kiosk.local', hash: '#x=1&token=abc' })).toBe('wss://kiosk.local/api?token=abc');
    expect(apiSocketUrl({ protocol: 'http:', host: '127.0.0.1', hash: '' })).toBeNull();
  });
});

describe('WebSocket KioskApi against a real ws server', () => {
  let server: WebSocketServer | null = null;
  let api: WsKioskApi | null = null;
  afterEach(async () => {
    api?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  it('round-trips a call, receives a push, and resyncs after the server drops it', async () => {
    const connections: NodeWebSocket[] = [];
    server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/api' });
    server.on('connection', (socket, request) => {
      if (!request.url?.endsWith('token=secret')) return socket.close(4401, 'bad token');
      connections.push(socket);
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as ApiRequest;
        if (message.channel === 'queue:list-businesses') socket.send(JSON.stringify({ kind: 'reply', id: message.id, ok: true, result: [] }));
        // anything else stays unanswered
      });
    });
    await new Promise<void>((resolve) => server?.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;

    const events: KioskEvent[] = [];
    let notify = (): void => {};
    api = createWsKioskApi({
      url: `ws://127.0.0.1:${port}/api?token=secret`,
      createSocket: (url) => new NodeWebSocket(url) as unknown as WebSocketLike,
      backoff: { initialMs: 10, maxMs: 50, factor: 2 },
    });
    api.onEvent((e) => {
      events.push(e);
      notify();
    });
    const until = (predicate: () => boolean): Promise<void> =>
      new Promise((resolve) => {
        notify = () => predicate() && resolve();
        notify();
      });

    await until(() => events.length === 1);
    expect(await api.call('queue:list-businesses', {})).toEqual([]);
    connections[0]?.send(JSON.stringify({ kind: 'event', event: { type: 'clock:changed', nowMs: 42 } }));
    await until(() => events.length === 2);
    expect(events[1]).toEqual({ type: 'clock:changed', nowMs: 42 });

    const pending = api.call('kiosk:get-snapshot', {});
    connections[0]?.terminate();
    expect((await rejection(pending)).info.code).toBe('offline');
    await until(() => events.filter((e) => e.type === 'kiosk:resync').length === 2);
    expect(connections).toHaveLength(2);
  });
});
