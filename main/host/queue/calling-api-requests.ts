/**
 * The calling-system interface's routes and request checks (calling-api.ts), pure: which endpoint a method
 * and path name, and what a body or query says, with every refusal naming the field it is about.
 */
import { isCalendarDate } from '../config/periods';

export type CallingRoute =
  | { kind: 'callNext' }
  | { kind: 'finish'; number: string; outcome: 'served' | 'noShow' }
  | { kind: 'waiting' };

export type RouteMatch =
  | { ok: true; route: CallingRoute }
  | { ok: false; status: 404; message: string }
  | { ok: false; status: 405; allow: string; message: string };

/** A request the interface refuses with 400: `field` is the body field, path part or query parameter. */
export interface FieldProblem {
  field: string;
  reason: string;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & FieldProblem);

export interface CallNextRequest {
  counter: string;
  businessIds: string[];
  /** The calling system's id for this request: a retry with the same id gets the same ticket. */
  requestId?: string;
}

/** "A001": the prefix letter and three digits (protocols.md §5.2). */
const TICKET_NUMBER = /^[A-Z]\d{3}$/;
const FINISH_PATH = /^\/queue\/tickets\/([^/]*)\/(served|no-show)$/;
/** Window names as halls write them ("3", "A-03", "3号窗口"): 1-32 characters, no control characters. */
const COUNTER = /^[^\p{Cc}]{1,32}$/u;
const MAX_BUSINESS_IDS = 26;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function matchRoute(method: string, pathname: string): RouteMatch {
  const wrongMethod = (allow: string): RouteMatch => ({ ok: false, status: 405, allow, message: `${pathname} answers ${allow} only` });
  if (pathname === '/queue/call-next') return method === 'POST' ? { ok: true, route: { kind: 'callNext' } } : wrongMethod('POST');
  if (pathname === '/queue/waiting') return method === 'GET' ? { ok: true, route: { kind: 'waiting' } } : wrongMethod('GET');
  const finish = FINISH_PATH.exec(pathname);
  if (finish) {
    if (method !== 'POST') return wrongMethod('POST');
    return { ok: true, route: { kind: 'finish', number: decodeSegment(finish[1]!), outcome: finish[2] === 'served' ? 'served' : 'noShow' } };
  }
  return { ok: false, status: 404, message: `no such endpoint: ${method} ${pathname}` };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function checkTicketNumber(number: string): Checked<string> {
  if (TICKET_NUMBER.test(number)) return { ok: true, value: number };
  return { ok: false, field: 'number', reason: `must be a ticket number: a capital letter and three digits, e.g. "A001" (got ${JSON.stringify(number.slice(0, 40))})` };
}

/** `?day=YYYY-MM-DD` (a hall day), else `today`. */
export function checkDay(query: URLSearchParams, today: string): Checked<string> {
  const day = query.get('day');
  if (day === null) return { ok: true, value: today };
  if (/^\d{4}-\d{2}-\d{2}$/.test(day) && isCalendarDate(day)) return { ok: true, value: day };
  return { ok: false, field: 'day', reason: `must be a hall day written YYYY-MM-DD (got ${JSON.stringify(day.slice(0, 40))})` };
}

/** `{ "counter": "3", "businessIds": ["social-insurance"] }`; every id must be a configured business. */
export function checkCallNext(body: unknown, knownBusinessIds: readonly string[]): Checked<CallNextRequest> {
  const fail = (field: string, reason: string): Checked<CallNextRequest> => ({ ok: false, field, reason });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('body', 'must be a JSON object { "counter": …, "businessIds": [ … ] }');
  const { counter, businessIds, requestId, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return fail(unknown, 'is not a field of this request (counter, businessIds, requestId)');
  if (requestId !== undefined && (typeof requestId !== 'string' || !REQUEST_ID.test(requestId))) {
    return fail('requestId', 'must be the calling system\'s id for this request: 1-64 letters, digits, "-", "_", ".", ":"');
  }
  if (typeof counter !== 'string' || !COUNTER.test(counter) || counter.trim() === '') {
    return fail('counter', 'must name the counter (window) calling, as text of 1-32 characters, e.g. "3"');
  }
  if (!Array.isArray(businessIds) || businessIds.length === 0 || businessIds.length > MAX_BUSINESS_IDS) {
    return fail('businessIds', `must list the ${MAX_BUSINESS_IDS} or fewer business ids this counter serves, e.g. ["${knownBusinessIds[0] ?? 'social-insurance'}"]`);
  }
  for (const [i, id] of businessIds.entries()) {
    if (typeof id !== 'string' || !knownBusinessIds.includes(id)) {
      const got = typeof id === 'string' ? JSON.stringify(id.slice(0, 64)) : typeof id;
      return fail(`businessIds[${i}]`, `must be one of the configured businesses ${knownBusinessIds.map((k) => JSON.stringify(k)).join(', ')} (got ${got})`);
    }
  }
  const value: CallNextRequest = { counter, businessIds: [...new Set(businessIds as string[])] };
  if (requestId !== undefined) value.requestId = requestId as string;
  return { ok: true, value };
}

/** The optional body of served / no-show: `{ "counter": "3" }`, the window finishing the ticket. */
export function checkFinish(body: unknown): Checked<{ counter?: string }> {
  if (body === undefined) return { ok: true, value: {} };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, field: 'body', reason: 'must be empty or a JSON object { "counter": … }' };
  const { counter, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest)[0];
  if (unknown !== undefined) return { ok: false, field: unknown, reason: 'is not a field of this request (counter)' };
  if (counter === undefined) return { ok: true, value: {} };
  if (typeof counter !== 'string' || !COUNTER.test(counter) || counter.trim() === '') {
    return { ok: false, field: 'counter', reason: 'must name the counter (window) finishing the ticket, as text of 1-32 characters, e.g. "3"' };
  }
  return { ok: true, value: { counter } };
}
