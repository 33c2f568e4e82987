/**
 * Small JSON-over-HTTP helpers for the control API: bounded body reading, JSON replies, and the loopback
 * checks that keep a web page in the kiosk's own browser from driving the simulator (ARCHITECTURE.md §8.5,
 * §8.10: loopback only, Host and Origin checked).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The request field at fault, echoed as `field` in the reply. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostnameOf(hostHeader: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/u.exec(hostHeader.trim().toLowerCase());
  return match?.[1] ?? '';
}

/** Refuses requests whose Host or Origin is not loopback (DNS rebinding, cross-site pages). */
export function assertLoopbackRequest(req: IncomingMessage): void {
  const host = req.headers.host;
  if (host !== undefined && !LOOPBACK_HOSTS.has(hostnameOf(host))) throw new HttpError(403, `Host "${host}" is not loopback`);
  const origin = req.headers.origin;
  if (origin === undefined) return;
  let hostname = '';
  try {
    hostname = new URL(origin).hostname; // "null" (an opaque origin) throws and is refused
  } catch {
    hostname = '';
  }
  if (!LOOPBACK_HOSTS.has(hostname)) throw new HttpError(403, `Origin "${origin}" is not loopback`);
}

export function sendJson(res: ServerResponse, statusCode: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(statusCode, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Reads the body as JSON. Empty → undefined. Over `limitBytes` → 413, a non-JSON content type → 415,
 * unparsable → 400.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw new HttpError(413, `the body is over ${limitBytes} bytes`, { Connection: 'close' });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new HttpError(413, `the body is over ${limitBytes} bytes`, { Connection: 'close' });
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, `send JSON with Content-Type: application/json (got "${type || 'none'}")`);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, `the body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}
