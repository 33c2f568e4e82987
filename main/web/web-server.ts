/**
 * The browser shell's HTTP side (ARCHITECTURE.md §1, §8.10): the built renderer as static files, and the
 * KioskApi over a WebSocket at /api. The host listens it on the socket handle the supervisor sends; the
 * kiosk browser opens `http://127.0.0.1:<port>/#token=<token>` and the renderer connects to
 * `ws://127.0.0.1:<port>/api?token=<token>`. See request-guard.ts for who gets in.
 */
import http, { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { MAX_FACE_FRAME_MESSAGE_CHARS } from '../../common/face-feed';
import type { ApiHandler } from '../host/api/api-handler';
import { serveApiConnection, type WebLog } from './api-connection';
import { checkApiUpgrade, checkHost, DEFAULT_ALLOWED_HOSTS } from './request-guard';
import { setSecurityHeaders } from './security-headers';
import { createStaticHandler } from './static-files';

export interface WebServerOptions {
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The per-launch token (KIOSK_TOKEN). */
  token: string;
  api: ApiHandler;
  /** Host names accepted in Host and Origin (default 127.0.0.1 and localhost); the port is always ours. */
  allowedHosts?: readonly string[];
  log?: WebLog;
  /** Largest accepted frame (default: a 640×480 `face:frame`, ~1.6 MB); a bigger one closes the socket (1009). */
  maxMessageBytes?: number;
  /** Requests one client may have in flight (default 8). */
  maxPending?: number;
  /** Open API sockets at once (default 4: the kiosk page, plus reloads overlapping). */
  maxClients?: number;
  /** Ping period; a client that missed the previous pong is dropped (default 15 s). */
  pingIntervalMs?: number;
}

export interface WebServer {
  server: http.Server;
  close(): Promise<void>;
}

/** Big enough for the uvc face camera's largest frame (common/face-feed.ts; issue 14 item 5), every other call far smaller. */
export const DEFAULT_MAX_MESSAGE_BYTES = Math.max(64 * 1024, MAX_FACE_FRAME_MESSAGE_CHARS);
const DEFAULT_MAX_PENDING = 8;
const DEFAULT_MAX_CLIENTS = 4;
const DEFAULT_PING_INTERVAL_MS = 15_000;
/** A client this far behind on pushes is stuck or hostile: dropped rather than buffered without end. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const MIN_TOKEN_LENGTH = 16;
const CLOSE_GOING_AWAY = 1001;
const CLOSE_GRACE_MS = 1_000;

function refuseUpgrade(socket: Duplex, status: number): void {
  const text = STATUS_CODES[status] ?? 'Refused';
  socket.on('error', () => undefined);
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

export function createWebServer(options: WebServerOptions): WebServer {
  if (typeof options.token !== 'string' || options.token.length < MIN_TOKEN_LENGTH) {
    throw new Error('the web server needs the per-launch token (KIOSK_TOKEN)');
  }
  const log: WebLog = options.log ?? (() => undefined);
  const allowedHosts = (options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS).map((h) => h.toLowerCase());
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const serveStatic = createStaticHandler(options.staticDir);

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    const host = checkHost(req, allowedHosts);
    if (!host.ok) {
      log('warn', 'web: request refused', { reason: host.reason });
      res.writeHead(host.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(STATUS_CODES[host.status]);
      return;
    }
    serveStatic(req, res).catch((err: unknown) => {
      log('error', 'web: static file failed', { error: err instanceof Error ? err.message : String(err) });
      if (res.headersSent) res.destroy();
      else {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('Internal error');
      }
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const alive = new WeakMap<WebSocket, boolean>();
  let nextClient = 1;

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkApiUpgrade(req, { token: options.token, allowedHosts });
    if (!verdict.ok) {
      log('warn', 'web: API connection refused', { status: verdict.status, reason: verdict.reason });
      return refuseUpgrade(socket, verdict.status);
    }
    if (wss.clients.size >= maxClients) {
      log('warn', 'web: API connection refused, too many clients', { clients: wss.clients.size });
      return refuseUpgrade(socket, 503);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const clientId = `web-${nextClient++}`;
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
      ws.on('close', (code) => log('info', 'web: API client left', { clientId, code }));
      serveApiConnection(ws, { api: options.api, clientId, maxPending, log });
      log('info', 'web: API client connected', { clientId });
    });
  });

  const unsubscribe = options.api.onPush((push) => {
    const text = JSON.stringify(push);
    for (const ws of wss.clients) {
      if (ws.readyState !== WebSocket.OPEN) continue;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        log('warn', 'web: API client too far behind, dropped', { buffered: ws.bufferedAmount });
        ws.terminate();
        continue;
      }
      ws.send(text);
    }
  });

  const keepalive = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        log('warn', 'web: API client missed a pong, dropped');
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
  keepalive.unref();

  let closing: Promise<void> | null = null;
  async function close(): Promise<void> {
    clearInterval(keepalive);
    unsubscribe();
    const wssClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
    for (const ws of wss.clients) {
      ws.close(CLOSE_GOING_AWAY, 'kiosk host stopping');
      setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
    }
    await wssClosed;
    if (server.listening) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
  }

  return { server, close: () => (closing ??= close()) };
}
