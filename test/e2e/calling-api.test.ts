/**
 * The calling-system interface end to end (docs/configuration.md `queue.callingApi`): the real kiosk with the
 * interface on, a ticket taken over the citizen WebSocket, called by a "counter" over HTTP, and the citizen
 * screen's business list showing one fewer waiting. Without its token the kiosk refuses to start.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusinessView } from '../../common/queue';
import { DEFAULT_CONFIG_JSON } from '../../main/host/config/default-config';
import { ROOT, startKiosk, type RunningKiosk } from '../support/kiosk-process';
import { connectWs } from '../support/ws-client';

const TOKEN = 'e2e-calling-token-0123456789abcdefXYZ';
const SELF = 'self-service'; // D: issues around the clock, whatever time the test runs
const withCallingApi = (): unknown => {
  const config = JSON.parse(DEFAULT_CONFIG_JSON) as { queue: Record<string, unknown> };
  config.queue.callingApi = { host: '127.0.0.1', port: 0 };
  return config;
};

let kiosk: RunningKiosk | undefined;
afterAll(async () => {
  await kiosk?.stop();
});

describe('calling-system interface', () => {
  it('a port taken at start-up does not stop the kiosk; the interface listens once the port is free', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const config = withCallingApi() as { queue: { callingApi: { port: number } } };
    config.queue.callingApi.port = port;
    const blocked = await startKiosk({ config, env: { KIOSK_CALLING_TOKEN: TOKEN } });
    try {
      await blocked.waitForOutput(/calling api cannot listen/);
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
      await blocked.waitForOutput(/"msg":"calling api listening"/, 15_000);
      const res = await fetch(`http://127.0.0.1:${port}/queue/waiting`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
    } finally {
      await blocked.stop();
    }
  });

  it('refuses to start without its token, naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallkiosk-calling-'));
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(withCallingApi()));
    const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_PORT: '0', KIOSK_SIM_PORT: '0', KIOSK_DATA_DIR: dir };
    delete env.KIOSK_CALLING_TOKEN;
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/main/launcher.mjs'), '--headless', '--config', file], { env, timeout: 20_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(78);
    expect(run.stderr.toString()).toMatch(/queue\.callingApi\.tokenEnv: names the environment variable KIOSK_CALLING_TOKEN, which is not set/);
    expect(run.stdout.toString()).not.toContain('kiosk ready');
  });

  it('lets a counter call a ticket taken on the kiosk, and the business list shows one fewer waiting', async () => {
    kiosk = await startKiosk({ config: withCallingApi(), env: { KIOSK_CALLING_TOKEN: TOKEN } });
    const logLine = (await kiosk.waitForOutput(/^.*"msg":"calling api listening".*$/m))[0];
    const { port } = JSON.parse(logLine) as { port: number };
    const counter = (method: string, path: string, body?: unknown, token = TOKEN) =>
      fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const client = await connectWs(kiosk.kioskUrl);
    await expect.poll(async () => (await client.call('kiosk:get-snapshot', {})).availability[0]?.available, { timeout: 10_000 }).toBe(true);
    const taken = await client.call('queue:take-ticket', { businessId: SELF, requestId: 'calling-e2e-1' });
    if (taken.outcome !== 'issued') throw new Error(`expected an issued ticket, got ${JSON.stringify(taken)}`);
    const waitingOnScreen = async (): Promise<number | undefined> => (await client.call('queue:list-businesses', {})).find((b) => b.id === SELF)?.waiting;
    expect(await waitingOnScreen()).toBe(1);

    expect((await counter('GET', '/queue/waiting', undefined, 'not-the-token')).status).toBe(401);
    const called = await counter('POST', '/queue/call-next', { counter: '1', businessIds: [SELF] });
    expect(called.status).toBe(200);
    const { ticket } = (await called.json()) as { ticket: { number: string; businessId: string; counter: string } };
    expect(ticket).toMatchObject({ number: taken.ticket.number, businessId: SELF, counter: '1' });

    // Pushed to the citizen screen, not just there when asked.
    const lastPushedWaiting = (): number | undefined => {
      const pushes = client.events.filter((e): e is { type: 'queue:changed'; businesses: BusinessView[] } => e.type === 'queue:changed');
      return pushes.at(-1)?.businesses.find((b) => b.id === SELF)?.waiting;
    };
    await expect.poll(lastPushedWaiting, { timeout: 5_000 }).toBe(0);
    expect(await waitingOnScreen()).toBe(0);

    const served = await counter('POST', `/queue/tickets/${ticket.number}/served`);
    expect(served.status).toBe(200);
    expect(((await served.json()) as { ticket: { status: string } }).ticket.status).toBe('served');
    const waiting = (await (await counter('GET', '/queue/waiting')).json()) as { businesses: Array<{ businessId: string; waiting: number }> };
    expect(waiting.businesses.find((b) => b.businessId === SELF)?.waiting).toBe(0);
    client.close();
  });
});
