/**
 * One bounded JSON call to the government platform (issue 14 item 8): POST over fetch, the whole exchange
 * (connect, answer, body) within a time limit measured on the injected clock (ARCHITECTURE.md §8.4), ended
 * early by the caller's AbortSignal, the answer read as JSON and every failure turned into a KioskErrorInfo
 * the UI can word (common/errors.ts). Production talks HTTPS only; plain HTTP is allowed to loopback alone,
 * where the training simulator listens, since the bodies carry ID numbers (common/platform-api.ts).
 */
import type { Clock } from '../../../common/clock';
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import { maskIdNumbersInText } from '../../../common/mask';
import type { PlatformEndpoint } from '../../../common/platform-api';

export type HttpOutcome = { ok: true; body: unknown } | { ok: false; error: KioskErrorInfo };

export interface PlatformPost {
  endpoint: PlatformEndpoint;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Default MAX_REPLY_CHARS; the guide catalogue (issue 16 §1) is larger than the other answers. */
  maxReplyChars?: number;
}

/** A reply larger than this is not one of the platform's (they are a few hundred bytes). */
export const MAX_REPLY_CHARS = 256 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Throws a RangeError unless `baseUrl` is https, or http to loopback. */
export function checkPlatformBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new RangeError('the platform base URL is not a URL');
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) return url;
  throw new RangeError(`the platform base URL must be https (plain http only to the simulator on loopback); got ${url.protocol}//${url.host}`);
}

function connectionProblem(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.message : String(err);
  return `no connection to the platform (${code})`;
}

/** The platform's own words, masked and cut short: technician detail, never personal data. */
function refusalDetail(status: number, body: unknown): string {
  const o = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const words = [o.error, o.field === undefined ? undefined : `field ${String(o.field)}`, o.message].filter((w) => typeof w === 'string');
  return maskIdNumbersInText(`HTTP ${status}${words.length ? `: ${words.join(', ')}` : ''}`).slice(0, 300);
}

export async function postToPlatform(request: PlatformPost, clock: Clock, log: Logger): Promise<HttpOutcome> {
  if (request.signal?.aborted) return { ok: false, error: errorInfo('canceled') };
  const controller = new AbortController();
  let ended: 'timeout' | 'canceled' | null = null;
  const timer = clock.setTimer(request.timeoutMs, () => {
    ended = 'timeout';
    controller.abort();
  });
  const onCallerAbort = (): void => {
    ended ??= 'canceled';
    controller.abort();
  };
  request.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const startedAt = clock.elapsedMs();
  const outcome = await exchange(request, controller.signal).catch((err: unknown): HttpOutcome => {
    if (ended === 'timeout') return { ok: false, error: errorInfo('platformTimeout', `no answer within ${request.timeoutMs} ms`) };
    if (ended === 'canceled') return { ok: false, error: errorInfo('canceled') };
    return { ok: false, error: errorInfo('platformUnavailable', connectionProblem(err)) };
  });
  timer.cancel();
  request.signal?.removeEventListener('abort', onCallerAbort);
  const fields = { endpoint: request.endpoint, ms: clock.elapsedMs() - startedAt };
  if (outcome.ok) log.debug('platform answered', fields);
  else log.warn('platform call failed', { ...fields, code: outcome.error.code, detail: outcome.error.detail });
  return outcome;
}

async function exchange(request: PlatformPost, signal: AbortSignal): Promise<HttpOutcome> {
  const res = await fetch(request.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
    body: JSON.stringify(request.body),
    signal,
    redirect: 'error',
  });
  const limit = request.maxReplyChars ?? MAX_REPLY_CHARS;
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel();
    return { ok: false, error: errorInfo('platformUnavailable', `malformed reply: ${declared} bytes`) };
  }
  const text = await res.text();
  let body: unknown;
  const json = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
  try {
    body = json && text.length <= limit ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  if (res.status >= 200 && res.status < 300) {
    if (body === undefined) return { ok: false, error: errorInfo('platformUnavailable', `malformed reply: HTTP ${res.status} with a body that is not JSON`) };
    return { ok: true, body };
  }
  // 5xx: the platform is down or overloaded; 4xx: it refused what this kiosk sent (a bug or a version gap).
  const what = res.status >= 500 ? 'the platform failed' : 'the platform refused the request';
  return { ok: false, error: errorInfo('platformUnavailable', `${what}: ${refusalDetail(res.status, body)}`) };
}
