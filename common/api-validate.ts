/**
 * Shape checks for request bodies that cross the API boundary (ARCHITECTURE.md §8.10). Hand-written so
 * common/ stays free of dependencies; each channel in common/kiosk-api-channels.ts names its validator
 * here. A request of the wrong shape is refused with `badRequest`, naming the field, and never reaches a
 * service.
 */
import { MAX_SUBMITTED_CODE_LENGTH, type AppointmentCheckInRequest, type AppointmentSubmitCodeRequest } from './appointment';
import { IDENTITY_PURPOSES, VERIFICATION_METHODS, type IdentityBeginRequest } from './identity';
import { APPOINTMENT_CODE_PATTERN } from './platform-api';
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
  const extra = exactKeys(value, ['purpose', 'method']);
  if (extra) return { ok: false, detail: extra };
  if (!(IDENTITY_PURPOSES as readonly unknown[]).includes(value.purpose)) {
    return { ok: false, detail: `purpose must be one of ${IDENTITY_PURPOSES.map((p) => `"${p}"`).join(', ')}` };
  }
  if (!(VERIFICATION_METHODS as readonly unknown[]).includes(value.method)) {
    return { ok: false, detail: `method must be one of ${VERIFICATION_METHODS.map((p) => `"${p}"`).join(', ')}` };
  }
  return { ok: true, value: { purpose: value.purpose as IdentityBeginRequest['purpose'], method: value.method as IdentityBeginRequest['method'] } };
};

/**
 * A keyboard-wedge burst (issue 14 item 6): any text, since the host tells an appointment code from anything
 * else (another QR) and answers either; only its size is bounded here. The text is never echoed in `detail`.
 */
export const validateAppointmentSubmitCodeRequest: Validator<AppointmentSubmitCodeRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['code']);
  if (extra) return { ok: false, detail: extra };
  if (typeof value.code !== 'string' || value.code.length === 0 || value.code.length > MAX_SUBMITTED_CODE_LENGTH) {
    return { ok: false, detail: `code must be a string of 1 to ${MAX_SUBMITTED_CODE_LENGTH} characters` };
  }
  return { ok: true, value: { code: value.code } };
};

/**
 * 确认签到 (issue 14 item 7). Priority is not a field: the host grants the appointment's priority itself once
 * the platform checked it in (§8.6), as for take-ticket.
 */
export const validateAppointmentCheckInRequest: Validator<AppointmentCheckInRequest> = (value) => {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, ['code', 'requestId']);
  if (extra) return { ok: false, detail: extra };
  if (typeof value.code !== 'string' || !APPOINTMENT_CODE_PATTERN.test(value.code)) return { ok: false, detail: 'code must be an appointment code' };
  if (typeof value.requestId !== 'string' || !ID_PATTERN.test(value.requestId)) return { ok: false, detail: 'requestId must be an id string' };
  return { ok: true, value: { code: value.code, requestId: value.requestId } };
};
