/**
 * The calling-system interface (docs/configuration.md `queue.callingApi`; protocols.md §5.1): the kiosk is
 * its hall's queue authority for the tickets it issues, and the hall's counter terminals / calling system
 * (叫号系统) use this small HTTP JSON API to call the next ticket, mark it served or no-show (过号), and read
 * the waiting counts. Every request carries `Authorization: Bearer <token>`; the citizen API (main/web) never
 * serves these endpoints. After each change the citizen screen's business list is refreshed.
 *
 *   POST /queue/call-next                   { "counter": "3", "businessIds": ["…"], "requestId"?: "…" } → { ticket | null }
 *   POST /queue/tickets/:number/served      body optional { "counter": "3" }: refused (409) if another counter
 *                                           called it. The number names the ticket that was called (to that
 *                                           counter first): a number carried over midnight, or one called
 *                                           before midnight and finished after it, needs no day (issue 13 §3).
 *                                           ?day=YYYY-MM-DD names one hall day's ticket exactly.
 *   POST /queue/tickets/:number/no-show     idem
 *   GET  /queue/waiting                     → { day, businesses: [{ businessId, day, waiting, estimatedWaitMinutes }] }
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../../common/clock';
import { localDateKey } from '../../../common/local-time';
import type { Logger } from '../../../common/logger';
import { type CallingRoute, type Checked, checkCallNext, checkDay, checkFinish, checkTicketNumber, matchRoute } from './calling-api-requests';
import type { QueueService } from './queue-service';
import { QueueStateError, type TicketRecord } from './queue-types';

/** Bodies are a few dozen bytes; anything much larger is not a calling system talking. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A hall has tens of counters; more open connections than this are refused. */
export const MAX_CONNECTIONS = 128;

export type CallingQueue = Pick<QueueService, 'callNext' | 'markServed' | 'markNoShow' | 'findTicket' | 'findCalledTicket' | 'getTicket' | 'listBusinesses' | 'seriesDay'>;

export interface CallingApiOptions {
  queue: CallingQueue;
  /** The hall's zone: it decides "today" for tickets named by number. */
  timeZone: string;
  clock: Clock;
  /** The bearer token (calling-token.ts: at least 32 characters, from the environment). */
  token: string;
  log: Logger;
  /** Called after a ticket was called, served or marked no-show: refresh the citizen screen's business list. */
  onQueueChanged(): void;
  /** The only addresses served (queue.callingApi.allowFrom); absent: any address that has the token. */
  allowFrom?: readonly string[];
}

/** A refused token is logged once a minute per address, so a misconfigured counter cannot flood the log. */
const REFUSAL_LOG_INTERVAL_MS = 60_000;

/** "::ffff:10.0.0.3" (an IPv4 client on a dual-stack socket) is 10.0.0.3. */
const plainAddress = (address: string | undefined): string => (address ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** A ticket as the calling system sees it. */
export interface CallingTicketView {
  number: string;
  businessId: string;
  day: string;
  status: TicketRecord['status'];
  counter: string | null;
  /** Epoch milliseconds; null before the call. */
  calledAt: number | null;
  /** When it was marked served or no-show (epoch ms); null before. */
  finishedAt: number | null;
  /** A presenter printer took the untaken ticket back (epoch ms): the number is valid, nobody holds the paper. */
  retractedAt: number | null;
}

type Reply = { status: number; body: unknown; headers?: Record<string, string> };

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const problem = (status: number, code: string, message: string, headers?: Record<string, string>): Reply => ({ status, body: { error: code, message }, headers });

function unwrap<T>(checked: Checked<T>): T {
  if (checked.ok) return checked.value;
  throw new HttpProblem(400, 'badRequest', `${checked.field}: ${checked.reason}`, { field: checked.field });
}

export function toCallingTicketView(t: TicketRecord): CallingTicketView {
  return { number: t.number, businessId: t.businessId, day: t.day, status: t.status, counter: t.calledCounter, calledAt: t.calledAt, finishedAt: t.servedAt, retractedAt: t.retractedAt };
}

/** The request handler (exported for tests; startCallingApi serves it). */
export function createCallingApiHandler(options: CallingApiOptions): RequestListener {
  const { queue, clock, log } = options;
  const expected = createHash('sha256').update(options.token).digest();
  const businessIds = queue.listBusinesses().map((b) => b.id);
  const today = (): string => localDateKey(clock.now(), options.timeZone);
  const allowed = options.allowFrom ? new Set(options.allowFrom.map(plainAddress)) : null;
  const lastRefusalLog = new Map<string, number>();
  const logRefusal = (why: string, req: IncomingMessage, remote: string): void => {
    const now = clock.now();
    if (now - (lastRefusalLog.get(remote) ?? -Infinity) < REFUSAL_LOG_INTERVAL_MS) return;
    if (lastRefusalLog.size > 1000) lastRefusalLog.clear();
    lastRefusalLog.set(remote, now);
    log.warn(`calling api request refused: ${why}`, { method: req.method, path: (req.url ?? '').split('?')[0]?.slice(0, 100), remote });
  };

  const authorized = (header: string | undefined): boolean => {
    const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
    // Digests of equal length, compared in constant time: neither the token nor its length leaks by timing.
    const given = createHash('sha256').update(match?.[1] ?? '').digest();
    return timingSafeEqual(given, expected) && match !== null;
  };

  const changed = (): void => {
    try {
      options.onQueueChanged();
    } catch (err) {
      log.error('business list refresh failed after a queue change', { error: err });
    }
  };

  const callNext = (body: unknown): Reply => {
    const request = unwrap(checkCallNext(body, businessIds));
    const ticket = queue.callNext(request.businessIds, request.counter, request.requestId);
    if (!ticket) {
      log.debug('call-next: nobody waiting', { counter: request.counter, businessIds: request.businessIds });
      return { status: 200, body: { ticket: null } };
    }
    log.info('ticket called', { counter: request.counter, number: ticket.number, businessId: ticket.businessId, day: ticket.day });
    changed();
    return { status: 200, body: { ticket: toCallingTicketView(ticket) } };
  };

  const finish = (route: Extract<CallingRoute, { kind: 'finish' }>, query: URLSearchParams, body: unknown): Reply => {
    const number = unwrap(checkTicketNumber(route.number));
    const day = query.has('day') ? unwrap(checkDay(query, today())) : undefined;
    const { counter } = unwrap(checkFinish(body));
    const ticket = day === undefined ? queue.findCalledTicket(number, counter) : queue.findTicket(day, number);
    if (!ticket) throw new HttpProblem(404, 'ticketUnknown', day === undefined ? `no ticket ${number}` : `no ticket ${number} on ${day}`);
    // A typo in the number must not finish the ticket another window is serving.
    if (counter !== undefined && ticket.calledCounter !== null && ticket.calledCounter !== counter) {
      throw new HttpProblem(409, 'wrongCounter', `ticket ${number} (${ticket.day}) was called by counter ${ticket.calledCounter}, not ${counter}`, { status: ticket.status, counter: ticket.calledCounter });
    }
    // A repeated request (a counter retrying after a lost reply) answers with the ticket as it is.
    if (ticket.status === route.outcome) return { status: 200, body: { ticket: toCallingTicketView(ticket) } };
    let done: TicketRecord;
    try {
      done = route.outcome === 'served' ? queue.markServed(ticket.id) : queue.markNoShow(ticket.id);
    } catch (err) {
      if (!(err instanceof QueueStateError)) throw err;
      const current = queue.getTicket(ticket.id)?.status ?? ticket.status;
      throw new HttpProblem(409, 'wrongState', `ticket ${number} (${ticket.day}) is ${current}; only a called ticket can be marked ${route.outcome}`, { status: current });
    }
    log.info(route.outcome === 'served' ? 'ticket served' : 'ticket no-show', { counter: done.calledCounter, number, businessId: done.businessId, day: done.day });
    changed();
    return { status: 200, body: { ticket: toCallingTicketView(done) } };
  };

  const waiting = (): Reply => ({
    status: 200,
    body: {
      day: today(),
      // Each business's numbering day: the evening's series while it carries over midnight (queue-series.ts).
      businesses: queue.listBusinesses().map((b) => ({ businessId: b.id, day: queue.seriesDay(b.id) ?? today(), waiting: b.waiting, estimatedWaitMinutes: b.estimatedWaitMinutes })),
    },
  });

  const answer = async (req: IncomingMessage): Promise<Reply> => {
    const method = req.method ?? 'GET';
    const remote = plainAddress(req.socket.remoteAddress);
    if (allowed && !allowed.has(remote)) {
      logRefusal('address not in queue.callingApi.allowFrom', req, remote);
      return problem(403, 'forbidden', 'this address may not use the calling-system interface');
    }
    if (!authorized(req.headers.authorization)) {
      logRefusal('missing or wrong token', req, remote);
      return problem(401, 'unauthorized', 'send the calling-system token as "Authorization: Bearer <token>"', { 'www-authenticate': 'Bearer' });
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://calling-api.invalid');
    } catch {
      return problem(400, 'badRequest', 'the request target is not a valid path');
    }
    const match = matchRoute(method, url.pathname);
    if (!match.ok) return match.status === 405 ? problem(405, 'methodNotAllowed', match.message, { allow: match.allow }) : problem(404, 'notFound', match.message);
    const text = await readBody(req);
    switch (match.route.kind) {
      case 'callNext':
        return callNext(parseJson(text));
      case 'finish':
        return finish(match.route, url.searchParams, text.trim() === '' ? undefined : parseJson(text));
      case 'waiting':
        return waiting();
    }
  };

  return (req, res) => {
    answer(req)
      .catch((err: unknown): Reply => {
        if (err instanceof HttpProblem) return { status: err.status, body: { error: err.code, message: err.message, ...err.extra } };
        log.error('calling api request failed', { method: req.method, path: req.url?.split('?')[0], error: err });
        return problem(500, 'internal', 'the kiosk could not complete this request');
      })
      .then((reply) => send(res, reply))
      .catch((err: unknown) => log.error('calling api reply failed', { error: err }));
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === '') throw new HttpProblem(400, 'badRequest', 'body: must be a JSON object, and is empty', { field: 'body' });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpProblem(400, 'badRequest', 'body: is not valid JSON', { field: 'body' });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Answer at once and stop reading: the reply closes the connection (send), the rest is never taken.
      req.removeAllListeners('data');
      req.pause();
      reject(new HttpProblem(413, 'payloadTooLarge', `body: must be at most ${MAX_BODY_BYTES} bytes`, { field: 'body' }));
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(reply.status === 413 ? { connection: 'close' } : {}),
    ...reply.headers,
  });
  res.end(body);
}

export interface CallingApiServer {
  /** The port it listens on (the configured one, or the free one picked for port 0). */
  port: number;
  close(): Promise<void>;
}

/** Serves the interface on `host:port`; rejects if it cannot listen (port taken, address not on this machine). */
export function startCallingApi(options: CallingApiOptions & { host: string; port: number }): Promise<CallingApiServer> {
  // Node checks the two request timeouts every connectionsCheckingInterval (30 s by default): 1 s makes them
  // hold, so a slow or stalled client cannot keep sockets of the process that serves the citizen screen.
  const server: Server = createServer(
    { requestTimeout: 15_000, headersTimeout: 10_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 },
    createCallingApiHandler(options),
  );
  server.maxConnections = MAX_CONNECTIONS;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      server.on('error', (err) => options.log.error('calling api server error', { error: err }));
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
