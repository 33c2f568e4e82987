/**
 * The host child process (ARCHITECTURE.md §8.9): plain Node, started and restarted by the supervisor.
 * It loads the configuration, composes the kiosk, serves the browser shell and (training mode) the
 * simulator control API on the sockets the supervisor hands over, answers API calls relayed over IPC
 * (Electron), and reports `ready` each time it is serving. When `queue.callingApi` is configured it also
 * serves the calling-system interface (host/queue/calling-api.ts) on the address configured there.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimControlServer } from '../devices-sim/control-api';
import type { Clock, TimerHandle } from '../common/clock';
import { errorInfo } from '../common/errors';
import type { ApiReply } from '../common/kiosk-api';
import type { Logger } from '../common/logger';
import { composeKiosk, type Kiosk } from './composition';
import { AdjustableClock } from './host/clock/adjustable-clock';
import { callingToken } from './host/config/calling-token';
import { ConfigError } from './host/config/config-error';
import type { KioskConfig } from './host/config/config-types';
import { configFilePath, loadConfig } from './host/config/load-config';
import { LogRing } from './host/logging/log-ring';
import { createLogger } from './host/logging/logger';
import pino from 'pino';
import { type CallingApiServer, startCallingApi } from './host/queue/calling-api';
import { HEARTBEAT_INTERVAL_MS, type HostToSupervisor, type SocketName, type SupervisorToHost } from './supervisor/host-ipc';
import { kioskPageUrl } from './supervisor/launch-plan';
import { createWebServer } from './web/web-server';

const send = (msg: HostToSupervisor): void => void process.send?.(msg);

async function main(): Promise<void> {
  if (!process.send) {
    process.stderr.write('host-process must be started by the supervisor (npm start)\n');
    process.exit(2);
  }
  // The IPC channel keeps a child alive only while it has a 'message' listener, which is added once the
  // kiosk is composed; the clock's timers are unref'd and a memory-pair device holds no handle. Without
  // this, a start-up that waits on the clock (opening a device) would let the process drain and exit 0.
  process.channel?.ref();
  // Proof of a live event loop for the supervisor's hang watchdog; unref'd: it keeps nothing alive itself.
  setInterval(() => send({ type: 'heartbeat' }), HEARTBEAT_INTERVAL_MS).unref();
  const token = process.env.KIOSK_TOKEN ?? '';
  if (token.length < 32) throw new Error('KIOSK_TOKEN missing: the supervisor passes the per-launch token');
  const config = loadConfig({ env: process.env, argv: process.argv });
  // The latest lines also stay in memory for the technician's diagnostic bundle (issue 15 §3).
  const ring = new LogRing();
  const log = createLogger({ level: config.logging.level, destination: pino.multistream([{ stream: pino.destination({ fd: 2, sync: false }), level: 'trace' }, { stream: ring, level: 'trace' }]) });
  const clock = new AdjustableClock();
  const dataDir = process.env.KIOSK_DATA_DIR ?? join(process.cwd(), '.data');
  const simLineTimeMs = process.env.KIOSK_SIM_LINE_MS === undefined ? undefined : Number(process.env.KIOSK_SIM_LINE_MS);
  // Staff asked for a restart (issue 15 §2): the reply goes out first, then the host stops and exits, and the
  // supervisor starts it again on the same ports.
  let restart = (): void => undefined;
  const kiosk: Kiosk = composeKiosk({
    config,
    dataDir,
    clock,
    log,
    simLineTimeMs,
    restartApp: () => restart(),
    configPath: configFilePath({ env: process.env, argv: process.argv }),
    env: process.env,
    recentLogLines: () => ring.recent(),
  });
  await kiosk.start();
  const calling = serveCallingSystemInterface(kiosk, config, clock, log);

  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const hostLog = log.child('host');
  const webLog = log.child('web');
  const web = createWebServer({ staticDir, token, api: kiosk.api, log: (level, msg, fields) => webLog[level](msg, fields as Record<string, unknown> | undefined) });
  const servers: Partial<Record<SocketName, HttpServer>> = { kiosk: web.server };
  if (kiosk.sims) {
    const control = createSimControlServer({
      registry: kiosk.sims,
      clock: { now: () => clock.now(), set: (ms) => clock.set(ms), advance: (ms) => clock.advance(ms) },
      ...(kiosk.platformSim && { routes: kiosk.platformSim.controlRoutes }),
    });
    servers.sim = createServer(control);
  }
  const wantSim = kiosk.sims !== null && (process.env.KIOSK_SIM_PORT ?? '') !== '';
  const listening = new Map<SocketName, number>();

  kiosk.api.onPush((push) => send({ type: 'api-event', push }));

  const shutdown = async (): Promise<void> => {
    await Promise.allSettled([web.close(), new Promise((r) => (servers.sim ? servers.sim.close(r) : r(null))), calling?.close()]);
    await kiosk.stop();
    process.exit(0);
  };
  restart = () => void setTimeout(() => void shutdown(), RESTART_REPLY_MS);

  process.on('message', (msg: SupervisorToHost, handle?: NetServer) => {
    if (msg.type === 'listen') {
      const server = servers[msg.socket];
      if (!server || !handle) return;
      server.listen(handle, () => {
        listening.set(msg.socket, msg.port);
        const kioskPort = listening.get('kiosk');
        if (kioskPort === undefined || (wantSim && !listening.has('sim'))) return;
        const simPort = listening.get('sim');
        const kioskUrl = kioskPageUrl(kioskPort, token, config.mode);
        send({ type: 'ready', kioskUrl, simUrl: simPort === undefined ? null : `http://127.0.0.1:${simPort}/sim` });
        hostLog.info('host ready', { mode: config.mode, kioskPort, simPort: simPort ?? null });
      });
    } else if (msg.type === 'api') {
      void kiosk.api
        .handle(msg.request, { via: 'ipc', clientId: 'electron' })
        .catch((err: unknown): ApiReply => {
          hostLog.error('api call failed', { channel: msg.request.channel, error: err });
          return { kind: 'reply', id: msg.request.id, ok: false, error: errorInfo('internal') };
        })
        .then((reply) => send({ type: 'api-reply', reply }));
    } else if (msg.type === 'shutdown') {
      void shutdown();
    }
  });
  process.on('disconnect', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/**
 * The calling-system interface (queue.callingApi), when configured. It binds its own address, which may be
 * on the hall LAN, so it is not one of the supervisor's loopback sockets. If it cannot listen (the LAN
 * address not up yet at boot, the port taken), it tries again with back-off while the citizen service goes
 * on: a kiosk down helps nobody, and one that never retries leaves the counters without calls all day.
 */
function serveCallingSystemInterface(kiosk: Kiosk, config: KioskConfig, clock: Clock, log: Logger): { close(): Promise<void> } | null {
  const settings = config.queue.callingApi;
  const token = callingToken(config, process.env);
  if (!settings || token === null) return null;
  const callingLog = log.child('calling-api');
  let server: CallingApiServer | null = null;
  let retry: TimerHandle | null = null;
  let closed = false;
  let retryInMs = CALLING_RETRY_FIRST_MS;
  const attempt = async (): Promise<void> => {
    retry = null;
    try {
      const started = await startCallingApi({
        host: settings.host,
        port: settings.port,
        allowFrom: settings.allowFrom,
        token,
        queue: kiosk.queue,
        timeZone: config.hall.timeZone,
        clock,
        log: callingLog,
        onQueueChanged: () => kiosk.api.refreshBusinesses(),
      });
      if (closed) return void (await started.close());
      server = started;
      callingLog.info('calling api listening', { host: settings.host, port: started.port });
    } catch (err) {
      if (closed) return;
      callingLog.error('calling api cannot listen; counters cannot call tickets through the kiosk until it can', { host: settings.host, port: settings.port, retryInMs, error: err });
      retry = clock.setTimer(retryInMs, () => void attempt());
      retryInMs = Math.min(retryInMs * 2, CALLING_RETRY_MAX_MS);
    }
  };
  void attempt();
  return {
    close: async () => {
      closed = true;
      retry?.cancel();
      await server?.close();
    },
  };
}

/** Time for the restart's reply to reach the screen before the host goes. */
const RESTART_REPLY_MS = 300;
const CALLING_RETRY_FIRST_MS = 1_000;
const CALLING_RETRY_MAX_MS = 60_000;

main().catch((err: unknown) => {
  const message = err instanceof ConfigError ? err.message : `host failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}`;
  process.stderr.write(`${message}\n`);
  send({ type: 'fatal', message });
  process.exit(err instanceof ConfigError ? 78 : 1);
});
