/**
 * Who may talk to the browser shell (ARCHITECTURE.md §8.10): only this machine, only under our own host name
 * (the Host check defeats DNS rebinding), only from our own page (Origin), and for the API only with the
 * per-launch token. The token reaches the page in the URL fragment, which browsers never send to a server,
 * and comes back as the `token` query parameter of the WebSocket URL.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Host names the shell answers to by default; the server is bound to 127.0.0.1 (the supervisor's socket). */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

export const API_PATH = '/api';

export type GuardResult = { ok: true } | { ok: false; status: 401 | 403 | 404; reason: string };

export interface GuardContext {
  token: string;
  allowedHosts: readonly string[];
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The Host header values naming this server on `port` (a browser omits the port when it is 80). */
function hostValues(port: number, hosts: readonly string[]): string[] {
  return hosts.flatMap((h) => (port === 80 ? [`${h}:80`, h] : [`${h}:${port}`])).map((v) => v.toLowerCase());
}

function originValues(port: number, hosts: readonly string[]): string[] {
  return hosts.map((h) => (port === 80 ? `http://${h}` : `http://${h}:${port}`).toLowerCase());
}

/** Host check for every request, static or API. */
export function checkHost(req: IncomingMessage, allowedHosts: readonly string[]): GuardResult {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return { ok: false, status: 403, reason: 'remote address is not loopback' };
  const port = req.socket.localPort;
  const host = req.headers.host?.toLowerCase();
  if (port === undefined || !host || !hostValues(port, allowedHosts).includes(host)) {
    return { ok: false, status: 403, reason: 'Host header does not name this server' };
  }
  return { ok: true };
}

function sameSecret(given: string, expected: string): boolean {
  // Digests first: equal lengths for timingSafeEqual, and no length leak.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** Everything a WebSocket upgrade to the API must pass. */
export function checkApiUpgrade(req: IncomingMessage, ctx: GuardContext): GuardResult {
  const raw = req.url ?? '';
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  if (path !== API_PATH) return { ok: false, status: 404, reason: 'no such endpoint' };
  const host = checkHost(req, ctx.allowedHosts);
  if (!host.ok) return host;
  const origin = req.headers.origin?.toLowerCase();
  if (!origin || !originValues(req.socket.localPort ?? -1, ctx.allowedHosts).includes(origin)) {
    return { ok: false, status: 403, reason: origin ? 'foreign Origin' : 'no Origin header' };
  }
  const tokens = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1)).getAll('token');
  if (tokens.length !== 1) return { ok: false, status: 401, reason: tokens.length === 0 ? 'no token' : 'more than one token' };
  if (!sameSecret(tokens[0] as string, ctx.token)) return { ok: false, status: 401, reason: 'wrong token' };
  return { ok: true };
}
