/**
 * Shape checks for request bodies that cross the API boundary (ARCHITECTURE.md §8.10). Hand-written so
 * common/ stays free of dependencies; each channel in common/kiosk-api-channels.ts names its validator
 * here. A request of the wrong shape is refused with `badRequest`, naming the field, and never reaches a
 * service.
 */
import { IDENTITY_PURPOSES, type IdentityBeginRequest } from './identity';
import type { TakeTicketRequest } from './queue';
import type { SessionEndReason } from './session';

export type Checked<T> = { ok: true; value: T } | { ok: false; detail: string };

export type Validator<T> = (value: unknown) => Checked<T>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function exactKeys(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) return `unexpected field "${key}"`;
  return null;
}

/** A channel that takes no arguments: nothing, or an empty object. */
export const validateEmptyRequest: Validator<Record<string, never>> = (value) => {
  if (value === undefined) return { ok: true, value: {} };
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, []);
  return extra ? { ok: false, detail: extra } : { ok: true, value: {} };
};

/** The session end reasons the renderer may state; `timeout` and the others are the host's own. */
export type CitizenEndReason = Extract<SessionEndReason, 'done' | 'citizen'>;

export const validateSessionEndRequest: Validator<{ reason: CitizenEndReason }> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['reason']);
  if (extra) return { ok: false, detail: extra };
  if (value.reason !== 'done' && value.reason !== 'citizen') {
    return { ok: false, detail: 'reason must be "done" or "citizen"' };
  }
  return { ok: true, value: { reason: value.reason } };
};

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const validateTakeTicketRequest: Validator<TakeTicketRequest> = (value) => {
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
};

export const validateIdentityBeginRequest: Validator<IdentityBeginRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['purpose']);
  if (extra) return { ok: false, detail: extra };
  if (!(IDENTITY_PURPOSES as readonly unknown[]).includes(value.purpose)) {
    return { ok: false, detail: `purpose must be one of ${IDENTITY_PURPOSES.map((p) => `"${p}"`).join(', ')}` };
  }
  return { ok: true, value: { purpose: value.purpose as IdentityBeginRequest['purpose'] } };
};
