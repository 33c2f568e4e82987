import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';
import type { HostReadyInfo } from './host-ipc';
import { startSupervisor, type HostExitInfo, type Supervisor, type SupervisorOptions } from './supervisor';

const FAKE_HOST = fileURLToPath(new URL('./test-fixtures/fake-host.mjs', import.meta.url));

/** A queue of events to await one by one, so tests wait on what happened, never on time. */
function eventQueue<T>() {
  const items: T[] = [];
  const waiters: ((value: T) => void)[] = [];
  return {
    push(value: T): void {
      const waiter = waiters.shift();
      if (waiter) waiter(value);
      else items.push(value);
    },
    next(): Promise<T> {
      if (items.length > 0) return Promise.resolve(items.shift() as T);
      return new Promise<T>((resolve) => waiters.push(resolve));
    },
  };
}

const running: Supervisor[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

async function start(overrides: Partial<SupervisorOptions> = {}) {
  const readies = eventQueue<HostReadyInfo>();
  const exits = eventQueue<HostExitInfo>();
  const pushes = eventQueue<ApiPush>();
  const sup = await startSupervisor({
    hostEntry: FAKE_HOST,
    env: { PATH: process.env.PATH, FAKE_HOST_EXTRA: 'passed through', FAKE_HOST_UNSET: undefined },
    execArgv: [],
    ports: { kiosk: 0, sim: 0 },
    backoff: { initialMs: 40, maxMs: 1_000, resetAfterMs: 60_000 },
    onReady: (info) => readies.push(info),
    onExit: (info) => exits.push(info),
    onEvent: (push) => pushes.push(push),
    ...overrides,
  });
  running.push(sup);
  return { sup, readies, exits, pushes };
}

function request(channel: ApiRequest['channel'], id: number, body: unknown = {}): ApiRequest {
  return { kind: 'request', id, channel, request: body };
}

function httpGet(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function resultOf(reply: ApiReply): Record<string, unknown> {
  if (!reply.ok) throw new Error(`call failed: ${reply.error.code} ${reply.error.detail ?? ''}`);
  return reply.result as Record<string, unknown>;
}

describe('startSupervisor', () => {
  it('binds loopback ports, hands the host its token and sockets, and reports ready with the URLs', async () => {
    const { sup, readies } = await start();
    const ready = await readies.next();
    expect(sup.ports.kiosk).toBeGreaterThan(0);
    expect(sup.ports.sim).toBeGreaterThan(0);
    expect(sup.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(ready).toEqual({ kioskUrl: `http://127.0.0.1:${sup.ports.kiosk}/#token=${sup.token}`, simUrl: `http://127.0.0.1:${sup.ports.sim}/` });

    const snapshot = resultOf(await sup.call(request('kiosk:get-snapshot', 1)));
    expect(snapshot.pid).toBe(sup.hostPid);
    expect(snapshot.env).toEqual({ KIOSK_TOKEN: sup.token, KIOSK_PORT: String(sup.ports.kiosk), KIOSK_SIM_PORT: String(sup.ports.sim), EXTRA: 'passed through' });
    expect(await httpGet(sup.ports.kiosk)).toBe(`kiosk ${sup.hostPid}`);
    expect(await httpGet(sup.ports.sim as number)).toBe(`sim ${sup.hostPid}`);
  });

  it('runs without a simulator socket when ports.sim is null', async () => {
    const { sup, readies } = await start({ ports: { kiosk: 0, sim: null } });
    expect((await readies.next()).simUrl).toBeNull();
    expect(sup.ports.sim).toBeNull();
    expect(resultOf(await sup.call(request('kiosk:get-snapshot', 1))).env).toMatchObject({ KIOSK_SIM_PORT: '' });
  });

  it('draws a new token per launch', async () => {
    const a = await start();
    const b = await start();
    expect(a.sup.token).not.toBe(b.sup.token);
  });

  it('restarts a killed host on the same port, with a growing back-off', async () => {
    const { sup, readies, exits } = await start();
    await readies.next();
    const port = sup.ports.kiosk;
    const first = sup.hostPid as number;

    process.kill(first, 'SIGKILL');
    expect(await exits.next()).toEqual({ code: null, signal: 'SIGKILL', restartInMs: 40 });
    const again = await readies.next();
    const second = sup.hostPid as number;
    expect(second).not.toBe(first);
    expect(sup.restarts).toBe(1);
    expect(sup.ports.kiosk).toBe(port);
    expect(again.kioskUrl).toBe(`http://127.0.0.1:${port}/#token=${sup.token}`);
    expect(await httpGet(port)).toBe(`kiosk ${second}`);

    process.kill(second, 'SIGKILL');
    expect((await exits.next()).restartInMs).toBe(80);
    await readies.next();
    expect(sup.restarts).toBe(2);
    expect(await httpGet(port)).toBe(`kiosk ${sup.hostPid}`);
  });

  it('restarts a host that crashes by itself, reporting its exit code', async () => {
    const { sup, readies, exits } = await start();
    await readies.next();
    const reply = await sup.call(request('queue:list-businesses', 5));
    expect(reply).toMatchObject({ id: 5, ok: false, error: { code: 'offline' } });
    expect(await exits.next()).toMatchObject({ code: 7, signal: null });
    await readies.next();
    expect(resultOf(await sup.call(request('kiosk:get-snapshot', 6))).pid).toBe(sup.hostPid);
  });

  it('fails calls in flight with offline when the host dies', async () => {
    const { sup, readies } = await start();
    await readies.next();
    const inFlight = [sup.call(request('session:activity', 11)), sup.call(request('session:activity', 12))];
    // Make sure both reached the host before killing it: a later call is answered after them (IPC is ordered).
    await sup.call(request('kiosk:get-snapshot', 13));
    process.kill(sup.hostPid as number, 'SIGKILL');
    const replies = await Promise.all(inFlight);
    expect(replies.map((r) => r.id)).toEqual([11, 12]);
    for (const reply of replies) expect(reply).toMatchObject({ ok: false, error: { code: 'offline', actor: 'staff' } });
  });

  it('holds a call made while the host is down until the next host is ready', async () => {
    const { sup, readies, exits } = await start({ backoff: { initialMs: 150, maxMs: 1_000, resetAfterMs: 60_000 } });
    await readies.next();
    const first = sup.hostPid;
    process.kill(first as number, 'SIGKILL');
    await exits.next();
    expect(sup.hostPid).toBeNull();
    const reply = await sup.call(request('kiosk:get-snapshot', 21));
    expect(reply.id).toBe(21);
    expect(resultOf(reply).pid).not.toBe(first);
    expect(resultOf(reply).pid).toBe(sup.hostPid);
  });

  it('fails a call made while the host is down once the wait runs out', async () => {
    const { sup, readies, exits } = await start({ callWaitMs: 50, backoff: { initialMs: 60_000, maxMs: 60_000, resetAfterMs: 60_000 } });
    await readies.next();
    process.kill(sup.hostPid as number, 'SIGKILL');
    await exits.next();
    expect(await sup.call(request('kiosk:get-snapshot', 31))).toMatchObject({ id: 31, ok: false, error: { code: 'offline', detail: 'host not ready' } });
  });

  it('keeps connections made while the host is down and lets the next host serve them', async () => {
    const { sup, readies, exits } = await start({ backoff: { initialMs: 150, maxMs: 1_000, resetAfterMs: 60_000 } });
    await readies.next();
    process.kill(sup.hostPid as number, 'SIGKILL');
    await exits.next();
    expect(sup.hostPid).toBeNull();
    const body = await httpGet(sup.ports.kiosk); // connects to the supervisor's socket while no host runs
    expect(body).toBe(`kiosk ${sup.hostPid}`);
  });

  it('relays replies under the caller ids, even when two callers use the same id', async () => {
    const { sup, readies } = await start();
    await readies.next();
    const [a, b] = await Promise.all([
      sup.call(request('session:end', 7, { reason: 'done' })),
      sup.call(request('session:end', 7, { reason: 'citizen' })),
    ]);
    expect(a).toEqual({ kind: 'reply', id: 7, ok: true, result: { ended: 'done' } });
    expect(b).toEqual({ kind: 'reply', id: 7, ok: true, result: { ended: 'citizen' } });
  });

  it('forwards host pushes to onEvent', async () => {
    const { sup, readies, pushes } = await start();
    await readies.next();
    await sup.call(request('session:end', 1, { reason: 'done' }));
    expect(await pushes.next()).toEqual({ kind: 'event', event: { type: 'clock:changed', nowMs: 42 } });
  });

  it('refuses a malformed request without bothering the host', async () => {
    const { sup, readies } = await start();
    await readies.next();
    const bad = { kind: 'request', id: 3, channel: 'queue:take-ticket', request: { businessId: 'b1', requestId: 'r1', priority: true } };
    expect(await sup.call(bad as ApiRequest)).toMatchObject({ id: 3, ok: false, error: { code: 'badRequest', detail: expect.stringContaining('priority') } });
    expect(await sup.call({ kind: 'request', id: 4, channel: 'nope:nope', request: {} } as unknown as ApiRequest)).toMatchObject({ id: 4, ok: false, error: { code: 'badRequest' } });
    expect(sup.restarts).toBe(0);
  });

  it('stop() shuts the host down, frees the ports and fails later calls', async () => {
    const { sup, readies } = await start();
    await readies.next();
    const pid = sup.hostPid as number;
    const { kiosk, sim } = sup.ports;
    expect(await canListen(kiosk)).toBe(false);
    await sup.stop();
    expect(isAlive(pid)).toBe(false);
    expect(sup.hostPid).toBeNull();
    expect(await canListen(kiosk)).toBe(true);
    expect(await canListen(sim as number)).toBe(true);
    expect(sup.restarts).toBe(0);
    expect(await sup.call(request('kiosk:get-snapshot', 9))).toMatchObject({ id: 9, ok: false, error: { code: 'offline' } });
  });

  it('stop() kills a host that ignores shutdown once the grace period ends', async () => {
    const { sup, readies } = await start({ env: { PATH: process.env.PATH, FAKE_HOST_IGNORE_SHUTDOWN: '1' }, graceMs: 100 });
    await readies.next();
    const pid = sup.hostPid as number;
    const inFlight = sup.call(request('session:activity', 1));
    await sup.stop();
    expect(isAlive(pid)).toBe(false);
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'offline' } });
  });

  it('stop() during a restart delay cancels the restart', async () => {
    const { sup, readies, exits } = await start({ backoff: { initialMs: 60_000, maxMs: 60_000, resetAfterMs: 60_000 } });
    await readies.next();
    process.kill(sup.hostPid as number, 'SIGKILL');
    await exits.next();
    await sup.stop();
    expect(sup.restarts).toBe(0);
    expect(await canListen(sup.ports.kiosk)).toBe(true);
  });

  it('refuses to start on a port another program holds', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as net.AddressInfo).port;
    try {
      await expect(start({ ports: { kiosk: port, sim: null } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('keeps a fixed port across restarts', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const { sup, readies } = await start({ ports: { kiosk: port, sim: null } });
    await readies.next();
    expect(sup.ports.kiosk).toBe(port);
    process.kill(sup.hostPid as number, 'SIGKILL');
    await readies.next();
    expect(await httpGet(port)).toBe(`kiosk ${sup.hostPid}`);
  });

  it('a host whose heartbeats stop (SIGSTOP) is killed once hangAfterMs passes, and restarted; heartbeats alone keep it', async () => {
    const { sup, readies, exits } = await start({ hangAfterMs: 600 });
    await readies.next();
    const pid = sup.hostPid!;
    await new Promise((r) => setTimeout(r, 1_500)); // more than twice the limit: its heartbeats keep it
    expect(sup.hostPid).toBe(pid);
    process.kill(pid, 'SIGSTOP');
    const exit = await exits.next();
    expect(exit.signal).toBe('SIGKILL');
    await readies.next();
    expect(sup.hostPid).not.toBe(pid);
    expect(isAlive(pid)).toBe(false);
    expect(sup.restarts).toBe(1);
  });
});
