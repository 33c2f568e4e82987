/**
 * The KioskApi over the browser shell's loopback WebSocket (ARCHITECTURE.md §8.10): JSON ApiRequest /
 * ApiReply / ApiPush messages from common/kiosk-api.ts. Nothing is queued or replayed across a disconnect:
 * pending calls fail with `offline`, calls made while disconnected fail at once, and every (re)connect emits
 * a synthetic `kiosk:resync` so the app fetches a fresh snapshot. Pushed events are shape-checked
 * (push-validate.ts): a malformed one is dropped and logged, never handed to the app.
 */
import { callDeadlineMs } from '../../../common/kiosk-api-channels';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import {
  KioskApiError,
  type ApiChannel,
  type ApiRequest,
  type ApiRequestOf,
  type ApiResultOf,
  type KioskApi,
  type KioskEvent,
} from '../../../common/kiosk-api';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { parseErrorInfo } from './error-info';
import { checkPush } from './push-validate';

/** WebSocket readyState OPEN (WHATWG WebSockets). */
const WS_OPEN = 1;


/** The part of the browser WebSocket this client uses (the `ws` package's client fits too, for tests). */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type ApiLog = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

export interface WsKioskApiOptions {
  /** ws://host/api?token=… */
  url: string;
  createSocket?: (url: string) => WebSocketLike;
  timers?: Timers;
  callTimeoutMs?: (channel: ApiChannel) => number;
  backoff?: BackoffOptions;
  random?: () => number;
  /** A connection that stays up this long resets the back-off to its first step. */
  stableAfterMs?: number;
  log?: ApiLog;
}

export interface WsKioskApi extends KioskApi {
  readonly connected: boolean;
  /** Closes the socket for good: no reconnect, pending calls fail with `offline`. */
  close(): void;
}

interface Pending {
  channel: ApiChannel;
  resolve(result: unknown): void;
  reject(error: KioskApiError): void;
  timer: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

class WsKioskApiClient implements WsKioskApi {
  private socket: WebSocketLike | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: KioskEvent) => void>();
  private nextId = 1;
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private stableTimer: unknown = null;
  private closed = false;
  private readonly createSocket: (url: string) => WebSocketLike;
  private readonly timers: Timers;
  private readonly timeoutFor: (channel: ApiChannel) => number;

  constructor(private readonly options: WsKioskApiOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as WebSocketLike);
    this.timers = options.timers ?? browserTimers;
    this.timeoutFor = options.callTimeoutMs ?? callDeadlineMs;
    this.connect();
  }

  get connected(): boolean {
    return this.socket !== null && this.socket.readyState === WS_OPEN;
  }

  call<C extends ApiChannel>(channel: C, request: ApiRequestOf<C>): Promise<ApiResultOf<C>> {
    const socket = this.socket;
    if (this.closed || socket === null || socket.readyState !== WS_OPEN) {
      return Promise.reject(new KioskApiError(errorInfo('offline', 'not connected to the kiosk host')));
    }
    const id = this.nextId++;
    const message: ApiRequest = { kind: 'request', id, channel, request };
    return new Promise<ApiResultOf<C>>((resolve, reject) => {
      const timeoutMs = this.timeoutFor(channel);
      const timer = this.timers.setTimeout(() => {
        if (!this.pending.delete(id)) return;
        reject(new KioskApiError(errorInfo('timeout', `no reply to ${channel} within ${timeoutMs} ms`)));
      }, timeoutMs);
      this.pending.set(id, { channel, resolve: resolve as (r: unknown) => void, reject, timer });
      try {
        socket.send(JSON.stringify(message));
      } catch (err) {
        this.settle(id, (p) => p.reject(new KioskApiError(errorInfo('offline', `send failed: ${String(err)}`))));
      }
    });
  }

  onEvent(listener: (event: KioskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.clearTimer('reconnectTimer');
    this.clearTimer('stableTimer');
    const socket = this.socket;
    this.socket = null;
    this.failAllPending('client closed');
    if (socket) this.detach(socket).close(1000, 'client closed');
  }

  private connect(): void {
    this.reconnectTimer = null;
    if (this.closed) return;
    let socket: WebSocketLike;
    try {
      socket = this.createSocket(this.options.url);
    } catch (err) {
      this.options.log?.('error', 'api socket could not be created', { error: String(err) });
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.options.log?.('info', 'api socket connected', { attempt: this.attempt });
      this.stableTimer = this.timers.setTimeout(() => {
        this.stableTimer = null;
        this.attempt = 0;
      }, this.options.stableAfterMs ?? 5_000);
      this.emit({ type: 'kiosk:resync' });
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onerror = () => {
      // A close event follows every error; the reconnect happens there.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimer('stableTimer');
      this.failAllPending('connection to the kiosk host lost');
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== null) return;
    const delayMs = backoffDelayMs(this.attempt, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
    this.attempt++;
    this.options.log?.('warn', 'api socket disconnected; reconnecting', { delayMs, attempt: this.attempt });
    this.reconnectTimer = this.timers.setTimeout(() => this.connect(), delayMs);
  }

  private receive(data: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      this.options.log?.('warn', 'api message is not JSON; ignored');
      return;
    }
    if (!isRecord(message)) return;
    if (message.kind === 'reply' && typeof message.id === 'number') {
      if (message.ok === true) {
        const result = message.result;
        this.settle(message.id, (p) => p.resolve(result));
      } else {
        const info: KioskErrorInfo = parseErrorInfo(message.error) ?? errorInfo('internal', 'malformed error reply');
        this.settle(message.id, (p) => p.reject(new KioskApiError(info)));
      }
    } else if (message.kind === 'event') {
      const checked = checkPush(message.event, this.options.log);
      if (checked) this.emit(checked);
    }
  }

  private settle(id: number, fn: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return; // already timed out, or a reply we never asked for
    this.pending.delete(id);
    this.timers.clearTimeout(p.timer);
    fn(p);
  }

  private failAllPending(detail: string): void {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, (p) => p.reject(new KioskApiError(errorInfo('offline', `${p.channel}: ${detail}`))));
    }
  }

  private emit(event: KioskEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (err) {
        this.options.log?.('error', 'api event listener threw', { type: event.type, error: String(err) });
      }
    }
  }

  private detach(socket: WebSocketLike): WebSocketLike {
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    return socket;
  }

  private clearTimer(name: 'reconnectTimer' | 'stableTimer'): void {
    if (this[name] !== null) this.timers.clearTimeout(this[name]);
    this[name] = null;
  }
}

export function createWsKioskApi(options: WsKioskApiOptions): WsKioskApi {
  return new WsKioskApiClient(options);
}

/** A `name=value` of the URL fragment, percent-decoded (a `+` stays a plus: tokens may be base64). */
export function fragmentParam(hash: string, name: string): string | null {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq) !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1));
    } catch {
      return part.slice(eq + 1);
    }
  }
  return null;
}

/** The API socket URL for the page's own origin, with the per-launch token from `#token=…` (§8.10). */
export function apiSocketUrl(location: Pick<Location, 'protocol' | 'host' | 'hash'>): string | null {
  const token = fragmentParam(location.hash, 'token');
  if (!token) return null;
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/api?token=${encodeURIComponent(token)}`;
}
