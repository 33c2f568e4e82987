/**
 * Shape checks for everything that crosses the API boundary (ARCHITECTURE.md §8.10). Hand-written so
 * common/ stays free of dependencies; a request of the wrong shape is refused with `badRequest`,
 * naming the field, and never reaches a service.
 */
import type { ApiChannel, ApiChannels, ApiRequest } from './kiosk-api';

export type Checked<T> = { ok: true; value: T } | { ok: false; detail: string };

type Validator<T> = (value: unknown) => Checked<T>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function exactKeys(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) return `unexpected field "${key}"`;
  return null;
}

const empty: Validator<Record<string, never>> = (value) => {
  if (value === undefined) return { ok: true, value: {} };
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, []);
  return extra ? { ok: false, detail: extra } : { ok: true, value: {} };
};

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const VALIDATORS: { [C in ApiChannel]: Validator<ApiChannels[C]['request']> } = {
  'kiosk:get-snapshot': empty,
  'session:activity': empty,
  'queue:list-businesses': empty,
  'session:end': (value) => {
    if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
    const extra = exactKeys(value, ['reason']);
    if (extra) return { ok: false, detail: extra };
    if (value.reason !== 'done' && value.reason !== 'citizen') {
      return { ok: false, detail: 'reason must be "done" or "citizen"' };
    }
    return { ok: true, value: { reason: value.reason } };
  },
  'queue:take-ticket': (value) => {
    if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
    // Priority is never accepted from the renderer: the host sets it from a verified reason (§8.6).
    const extra = exactKeys(value, ['businessId', 'requestId']);
    if (extra) return { ok: false, detail: extra };
    if (typeof value.businessId !== 'string' || !ID_PATTERN.test(value.businessId)) {
      return { ok: false, detail: 'businessId must be an id string' };
    }
    if (typeof value.requestId !== 'string' || !ID_PATTERN.test(value.requestId)) {
      return { ok: false, detail: 'requestId must be an id string' };
    }
    return { ok: true, value: { businessId: value.businessId, requestId: value.requestId } };
  },
};

export function isApiChannel(value: unknown): value is ApiChannel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(VALIDATORS, value);
}

export function validateRequest<C extends ApiChannel>(channel: C, request: unknown): Checked<ApiChannels[C]['request']> {
  return VALIDATORS[channel](request);
}

/** Parses one wire message; anything else is refused with a reason. */
export function parseApiRequest(raw: unknown): Checked<ApiRequest> {
  if (!isPlainObject(raw)) return { ok: false, detail: 'message must be a JSON object' };
  if (raw.kind !== 'request') return { ok: false, detail: 'kind must be "request"' };
  if (typeof raw.id !== 'number' || !Number.isSafeInteger(raw.id) || raw.id < 0) {
    return { ok: false, detail: 'id must be a non-negative integer' };
  }
  if (!isApiChannel(raw.channel)) return { ok: false, detail: `unknown channel ${JSON.stringify(raw.channel)}` };
  const extra = exactKeys(raw, ['kind', 'id', 'channel', 'request']);
  if (extra) return { ok: false, detail: extra };
  return { ok: true, value: { kind: 'request', id: raw.id, channel: raw.channel, request: raw.request } };
}
