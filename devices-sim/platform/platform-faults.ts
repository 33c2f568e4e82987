/**
 * The simulated platform's faults (issue 14 item 8), set partially and in the words the state reports
 * (ARCHITECTURE.md §8.2) through `POST /sim/platform/faults`; an unknown field or a bad value is refused
 * naming it (docs/platform-api.md).
 */
import { PLATFORM_API_PATHS, type PlatformEndpoint } from '../../common/platform-api';
import { HttpError } from '../http-json';
import { MAX_LATENCY_MS, type LatencyRange } from './latency';

export interface PlatformFaults {
  /** Each answer waits a delay drawn from this range (clock time). */
  latencyMs: LatencyRange;
  /** The platform does the work but never answers (the worst case for a check-in: it may have happened). */
  timeout: boolean;
  /** Every call is refused with this 5xx status, before any work is done; false: off. */
  serverError: false | number;
  /** Identity: the face (or finger) is not the card holder's → notMatched. */
  personNotMatched: boolean;
  /** Identity: a score in the grey zone → reviewNeeded. */
  reviewNeeded: boolean;
  /** Identity: the finger verdict is "no match", whatever the verdict hook says. */
  fingerNotMatched: boolean;
  /** Every answer is a 200 whose body is cut short (not JSON). */
  malformedReply: boolean;
  /** The connection is dropped as soon as a call arrives, before any work (issue 17 §5: the platform unreachable). */
  unreachable: boolean;
  /** The platform neither works nor answers: the kiosk gives up after its time limit, and nothing happened. */
  timeoutBeforeWork: boolean;
  /** The platform does the work (accepts, records) and then drops the connection: the answer is lost. */
  dropAfterWork: boolean;
  /** The calls the faults above apply to; 'all' (the default) or a list of endpoints (the latency applies to all). */
  endpoints: 'all' | PlatformEndpoint[];
}

export const FAULT_FIELDS = ['latencyMs', 'timeout', 'serverError', 'personNotMatched', 'reviewNeeded', 'fingerNotMatched', 'malformedReply', 'unreachable', 'timeoutBeforeWork', 'dropAfterWork', 'endpoints'] as const;

export function healthyFaults(latencyMs: LatencyRange): PlatformFaults {
  return {
    latencyMs,
    timeout: false,
    serverError: false,
    personNotMatched: false,
    reviewNeeded: false,
    fingerNotMatched: false,
    malformedReply: false,
    unreachable: false,
    timeoutBeforeWork: false,
    dropAfterWork: false,
    endpoints: 'all',
  };
}

/** The faults a call to `endpoint` meets: all of them, or only the latency when `endpoints` leaves it out. */
export function faultsFor(faults: PlatformFaults, endpoint: PlatformEndpoint): PlatformFaults {
  if (faults.endpoints === 'all' || faults.endpoints.includes(endpoint)) return { ...faults, endpoints: faults.endpoints === 'all' ? 'all' : [...faults.endpoints] };
  return healthyFaults(faults.latencyMs);
}

const ENDPOINTS = Object.keys(PLATFORM_API_PATHS) as PlatformEndpoint[];

function parseEndpoints(value: unknown): 'all' | PlatformEndpoint[] {
  if (value === 'all') return 'all';
  if (Array.isArray(value) && value.length > 0 && value.every((e) => (ENDPOINTS as unknown[]).includes(e))) return [...new Set(value as PlatformEndpoint[])];
  throw bad('endpoints', `must be "all" or a list of the platform's endpoints (${ENDPOINTS.join(', ')}); got ${JSON.stringify(value)}`);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const bad = (field: string, message: string): HttpError => new HttpError(400, `${field} ${message}`, {}, field);

function latencyBound(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_LATENCY_MS;
}

/** `n` or `[min, max]` in whole milliseconds, 0 to MAX_LATENCY_MS. */
export function parseLatency(value: unknown, field = 'latencyMs'): LatencyRange {
  const usage = `must be a number of milliseconds or [min, max], each a whole number from 0 to ${MAX_LATENCY_MS}`;
  if (latencyBound(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && latencyBound(value[0]) && latencyBound(value[1])) {
    if (value[0] > value[1]) throw bad(field, 'must have min ≤ max');
    return [value[0], value[1]];
  }
  throw bad(field, `${usage}; got ${JSON.stringify(value)}`);
}

function parseBoolean(body: Record<string, unknown>, field: string): boolean {
  const value = body[field];
  if (typeof value !== 'boolean') throw bad(field, `must be true or false; got ${JSON.stringify(value)}`);
  return value;
}

function parseServerError(value: unknown): false | number {
  if (value === false) return false;
  if (value === true) return 503;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 500 && value <= 599) return value;
  throw bad('serverError', `must be true (503), false, or an HTTP status from 500 to 599; got ${JSON.stringify(value)}`);
}

/** `current` with the fields `body` names changed; the whole body is checked before anything changes. */
export function patchFaults(current: PlatformFaults, body: unknown): PlatformFaults {
  if (!isPlainObject(body)) throw new HttpError(400, 'the body must be a JSON object of faults, e.g. {"timeout":true}');
  const next: PlatformFaults = { ...current };
  for (const field of Object.keys(body)) {
    switch (field) {
      case 'latencyMs':
        next.latencyMs = parseLatency(body.latencyMs);
        break;
      case 'serverError':
        next.serverError = parseServerError(body.serverError);
        break;
      case 'timeout':
      case 'personNotMatched':
      case 'reviewNeeded':
      case 'fingerNotMatched':
      case 'malformedReply':
      case 'unreachable':
      case 'timeoutBeforeWork':
      case 'dropAfterWork':
        next[field] = parseBoolean(body, field);
        break;
      case 'endpoints':
        next.endpoints = parseEndpoints(body.endpoints);
        break;
      default:
        throw new HttpError(400, `unknown fault "${field}"; the platform's faults: ${FAULT_FIELDS.join(', ')}`, {}, field);
    }
  }
  return next;
}
