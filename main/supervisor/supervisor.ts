/**
 * The supervisor (ARCHITECTURE.md §1, §8.9): `npm start`'s small Node process, or the Electron main process.
 * It owns the loopback sockets and the per-launch token, runs the host as a child process, relays API calls
 * to it over IPC (host-ipc.ts) and restarts it with back-off when it dies, on the same ports.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { ApiPush, ApiReply, ApiRequest } from '../../common/kiosk-api';
import { checkWireRequest } from '../web/api-wire';
import { CallRelay } from './call-relay';
import type { HostReadyInfo, HostToSupervisor, SocketName, SupervisorToHost } from './host-ipc';
import { isHostMessage } from './host-message';
import { bindLoopbackHandle, LOOPBACK_ADDRESS, type LoopbackHandle } from './loopback-handle';
import { DEFAULT_BACKOFF, RestartBackoff, type BackoffOptions } from './restart-backoff';

export type SupervisorLog = (level: 'info' | 'warn' | 'error', msg: string, fields?: object) => void;

export interface HostExitInfo {
  code: number | null;
  signal: string | null;
  /** Delay before the next host starts. */
  restartInMs: number;
}

export interface SupervisorOptions {
  /** The host's entry script (dist/main/host.mjs). */
  hostEntry: string;
  /** The child's environment; KIOSK_TOKEN, KIOSK_PORT and KIOSK_SIM_PORT are added. */
  env: Record<string, string | undefined>;
  execPath?: string;
  execArgv?: string[];
  /** 0 picks a free port once; it is kept for every restart. `sim: null`: no simulator socket. */
  ports: { kiosk: number; sim: number | null };
  /** Loopback only (§8.10); nothing else is accepted. */
  host?: '127.0.0.1';
  /** Called on every `ready`, i.e. once per host incarnation. */
  onReady: (info: HostReadyInfo) => void;
  onEvent?: (push: ApiPush) => void;
  /** Called when a host exits unexpectedly, before its restart is scheduled (not after stop()). */
  onExit?: (info: HostExitInfo) => void;
  log?: SupervisorLog;
  backoff?: BackoffOptions;
  /** How long a call made while no host is ready waits for one (default 5 s) before failing `offline`. */
  callWaitMs?: number;
  /** How long stop() (or a `fatal` report) waits for the host to exit before SIGKILL (default 5 s). */
  graceMs?: number;
  /** Monotonic milliseconds, for measuring healthy uptime (default performance.now). */
  now?: () => number;
  /**
   * A host that sends no heartbeat (host-ipc.ts) for this long is hung: killed (SIGKILL) and restarted with
   * back-off, logged. Default 15000 (configuration `server.hostHangAfterMs`).
   */
  hangAfterMs?: number;
}

export interface Supervisor {
  call(request: ApiRequest): Promise<ApiReply>;
  stop(): Promise<void>;
  readonly token: string;
  readonly ports: { kiosk: number; sim: number | null };
  /** How many times the host was restarted after an unexpected exit. */
  readonly restarts: number;
  /** The running host's pid, or null while none runs. */
  readonly hostPid: number | null;
}

interface Incarnation {
  child: ChildProcess;
  readyAt: number | null;
  gone: boolean;
  exited: Promise<void>;
  markExited: () => void;
  killTimer: NodeJS.Timeout | null;
  /** Monotonic time of the last sign of life: its start, a heartbeat or any message. */
  lastBeatAt: number;
}

const DEFAULT_CALL_WAIT_MS = 5_000;
const DEFAULT_GRACE_MS = 5_000;
export const DEFAULT_HANG_AFTER_MS = 15_000;

export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  if ((options.host ?? LOOPBACK_ADDRESS) !== LOOPBACK_ADDRESS) throw new Error('the supervisor binds 127.0.0.1 only');
  const log: SupervisorLog = options.log ?? (() => undefined);
  const now = options.now ?? (() => performance.now());
  const callWaitMs = options.callWaitMs ?? DEFAULT_CALL_WAIT_MS;
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  const hangAfterMs = options.hangAfterMs ?? DEFAULT_HANG_AFTER_MS;
  const backoff = new RestartBackoff(options.backoff ?? DEFAULT_BACKOFF);

  const handles: Partial<Record<SocketName, LoopbackHandle>> = {};
  try {
    handles.kiosk = await bindLoopbackHandle(options.ports.kiosk);
    if (options.ports.sim !== null) handles.sim = await bindLoopbackHandle(options.ports.sim);
  } catch (err) {
    await Promise.all(Object.values(handles).map((h) => h.close()));
    throw err;
  }
  const ports = Object.freeze({ kiosk: handles.kiosk.port, sim: handles.sim?.port ?? null });
  const token = randomBytes(32).toString('base64url');
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(options.env)) if (value !== undefined) childEnv[key] = value;
  Object.assign(childEnv, { KIOSK_TOKEN: token, KIOSK_PORT: String(ports.kiosk), KIOSK_SIM_PORT: ports.sim === null ? '' : String(ports.sim) });

  let current: Incarnation | null = null;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  let stopping: Promise<void> | null = null;
  const relay = new CallRelay(callWaitMs);

  const guarded = (what: string, fn: () => void): void => {
    try {
      fn();
    } catch (err) {
      log('error', `supervisor: ${what} callback threw`, { error: String(err) });
    }
  };

  function send(inc: Incarnation, message: SupervisorToHost, handle?: LoopbackHandle, done?: (err: Error | null) => void): void {
    const callback = (err: Error | null): void => {
      if (err) log('warn', 'supervisor: IPC send failed', { type: message.type, error: err.message });
      done?.(err);
    };
    if (inc.gone || !inc.child.connected) return callback(new Error('host is not connected'));
    try {
      // The raw TCP handle travels as Node's 'net.Native' (see loopback-handle.ts); the typings only name net.Server.
      if (handle) inc.child.send(message, handle.handle as unknown as Server, callback);
      else inc.child.send(message, callback);
    } catch (err) {
      callback(err instanceof Error ? err : new Error(String(err)));
    }
  }

  function onMessage(inc: Incarnation, message: HostToSupervisor): void {
    inc.lastBeatAt = now();
    switch (message.type) {
      case 'heartbeat':
        return;
      case 'ready': {
        inc.readyAt = now();
        log('info', 'supervisor: host ready', { pid: inc.child.pid, restarts });
        relay.online((request, done) => send(inc, { type: 'api', request }, undefined, done));
        guarded('onReady', () => options.onReady({ kioskUrl: message.kioskUrl, simUrl: message.simUrl }));
        return;
      }
      case 'api-reply':
        if (!relay.settle(message.reply)) log('warn', 'supervisor: reply to an unknown call', { id: message.reply.id });
        return;
      case 'api-event':
        if (options.onEvent) guarded('onEvent', () => options.onEvent?.(message.push));
        return;
      case 'fatal':
        log('error', 'supervisor: host reported a fatal error', { pid: inc.child.pid, message: message.message });
        relay.offline('host failed'); // it is on its way out: new calls wait for the next host
        scheduleKill(inc);
        return;
    }
  }

  function scheduleKill(inc: Incarnation): void {
    if (inc.gone || inc.killTimer) return;
    inc.killTimer = setTimeout(() => {
      if (!inc.gone) {
        log('warn', 'supervisor: host did not exit in time, killing it', { pid: inc.child.pid });
        inc.child.kill('SIGKILL');
      }
    }, graceMs);
  }

  function onGone(inc: Incarnation, code: number | null, signal: string | null): void {
    if (inc.gone) return;
    inc.gone = true;
    if (inc.killTimer) clearTimeout(inc.killTimer);
    if (current === inc) current = null;
    relay.offline('host exited');
    inc.markExited();
    if (stopping) return;
    log('warn', 'supervisor: host exited', { pid: inc.child.pid, code, signal });
    scheduleRestart(code, signal, inc.readyAt === null ? 0 : now() - inc.readyAt);
  }

  function scheduleRestart(code: number | null, signal: string | null, healthyMs: number): void {
    const restartInMs = backoff.next(healthyMs);
    log('info', 'supervisor: restarting the host', { restartInMs });
    if (options.onExit) guarded('onExit', () => options.onExit?.({ code, signal, restartInMs }));
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (stopping) return;
      restarts += 1;
      spawnHost();
    }, restartInMs);
  }

  function spawnHost(): void {
    let child: ChildProcess;
    try {
      child = fork(options.hostEntry, [], {
        env: childEnv,
        execPath: options.execPath,
        execArgv: options.execArgv,
        serialization: 'json',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
    } catch (err) {
      log('error', 'supervisor: cannot fork the host', { error: String(err) });
      return scheduleRestart(null, null, 0);
    }
    let markExited = (): void => undefined;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const inc: Incarnation = { child, readyAt: null, gone: false, exited, markExited, killTimer: null, lastBeatAt: now() };
    current = inc;
    child.on('message', (message: unknown) => {
      if (isHostMessage(message)) onMessage(inc, message);
      else log('warn', 'supervisor: malformed message from the host dropped');
    });
    child.on('exit', (code, signal) => onGone(inc, code, signal));
    child.on('error', (err) => {
      log('error', 'supervisor: host process error', { error: err.message });
      if (child.pid === undefined) onGone(inc, null, null); // spawn failed: no 'exit' follows
    });
    // Without its channel a host can neither be asked to shut down nor relay calls: give it the grace
    // period to exit (the channel also closes on a normal exit), then kill it so a fresh one starts.
    child.on('disconnect', () => scheduleKill(inc));
    for (const name of ['kiosk', 'sim'] as const) {
      const handle = handles[name];
      if (handle) send(inc, { type: 'listen', socket: name, port: handle.port }, handle);
    }
    log('info', 'supervisor: host started', { pid: child.pid, ports });
  }

  /** A host whose event loop stopped (a blocking call, SIGSTOP) answers nothing and exits never: kill it. */
  const tickMs = Math.min(1_000, Math.max(100, hangAfterMs / 10));
  let lastTickAt = now();
  const watchdog = setInterval(() => {
    const tickAt = now();
    const lateMs = tickAt - lastTickAt - tickMs;
    lastTickAt = tickAt;
    const inc = current;
    if (!inc || inc.gone || stopping) return;
    // This loop was stalled too (or the machine slept): the host's silence proves nothing; start counting again.
    if (lateMs > tickMs) {
      inc.lastBeatAt = tickAt;
      return;
    }
    const silentMs = tickAt - inc.lastBeatAt;
    if (silentMs <= hangAfterMs) return;
    log('error', 'supervisor: host hung, killing it', { pid: inc.child.pid, silentMs: Math.round(silentMs), hangAfterMs });
    relay.offline('host hung');
    inc.lastBeatAt = Number.POSITIVE_INFINITY; // once
    inc.child.kill('SIGKILL');
  }, tickMs);
  watchdog.unref();

  async function shutdown(): Promise<void> {
    clearInterval(watchdog);
    if (restartTimer) clearTimeout(restartTimer);
    relay.close('supervisor stopped');
    const inc = current;
    if (inc && !inc.gone) {
      send(inc, { type: 'shutdown' });
      scheduleKill(inc);
      await inc.exited;
    }
    await Promise.all(Object.values(handles).map((h) => h.close()));
    log('info', 'supervisor: stopped', { restarts });
  }

  spawnHost();

  return {
    token,
    ports,
    get restarts() {
      return restarts;
    },
    get hostPid() {
      return current && !current.gone ? (current.child.pid ?? null) : null;
    },
    call(request: ApiRequest): Promise<ApiReply> {
      // The Electron bridge validates too; a relay that forwards anything would make the host trust it.
      const checked = checkWireRequest(request);
      return checked.ok ? relay.call(checked.request) : Promise.resolve(checked.reply);
    },
    stop: () => (stopping ??= shutdown()),
  };
}
