/**
 * Shape checks of the platform's answers (common/platform-api.ts): the kiosk acts only on a reply it fully
 * understands; anything else is a malformed reply (platformUnavailable). Fields the contract does not name are
 * ignored, so the platform may add some without breaking kiosks in the field. Details never carry values.
 * The helpers are shared with service-replies.ts (issue 17's answers).
 */
import type { Checked } from '../../../common/api-validate';
import {
  APPOINTMENT_STATUSES,
  CHECK_IN_OUTCOMES,
  IDENTITY_DECISIONS,
  IDENTITY_REFUSALS,
  ISO_WITH_OFFSET_PATTERN,
  type Appointment,
  type AppointmentLookupResult,
  type AppointmentSearchResult,
  type CatalogueUpdateResult,
  type CheckInResult,
  type IdentityVerifyResult,
} from '../../../common/platform-api';

export type Fields = Record<string, unknown>;

export class Malformed extends Error {}

export const fail = (field: string, rule: string): never => {
  throw new Malformed(`${field} ${rule}`);
};

export function object(v: unknown, field: string): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(field, 'is not an object');
  return v as Fields;
}

export function text(o: Fields, key: string, field: string, pattern?: RegExp): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '' || v.length > 1024 || (pattern && !pattern.test(v))) fail(field, pattern ? 'is not well-formed text' : 'is not text');
  return v as string;
}

export function oneOf<T extends string>(o: Fields, key: string, field: string, allowed: readonly T[]): T {
  const v = o[key];
  if (!(allowed as readonly unknown[]).includes(v)) fail(field, `is not one of ${allowed.join(', ')}`);
  return v as T;
}

function appointment(v: unknown, field: string): Appointment {
  const o = object(v, field);
  const a: Appointment = {
    code: text(o, 'code', `${field}.code`),
    businessId: text(o, 'businessId', `${field}.businessId`),
    windowStart: text(o, 'windowStart', `${field}.windowStart`, ISO_WITH_OFFSET_PATTERN),
    windowEnd: text(o, 'windowEnd', `${field}.windowEnd`, ISO_WITH_OFFSET_PATTERN),
    personMaskedName: text(o, 'personMaskedName', `${field}.personMaskedName`),
    status: oneOf(o, 'status', `${field}.status`, APPOINTMENT_STATUSES),
  };
  if (o.checkedInAt !== undefined) a.checkedInAt = text(o, 'checkedInAt', `${field}.checkedInAt`, ISO_WITH_OFFSET_PATTERN);
  return a;
}

export function checked<T>(read: () => T): Checked<T> {
  try {
    return { ok: true, value: read() };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, detail: err.message };
    throw err;
  }
}

export function readVerifyResult(v: unknown): Checked<IdentityVerifyResult> {
  return checked(() => {
    const o = object(v, 'reply');
    const decision = oneOf(o, 'decision', 'decision', IDENTITY_DECISIONS);
    const score = o.score;
    if (typeof score !== 'number' || !(score >= 0 && score <= 100)) fail('score', 'is not a number from 0 to 100');
    const result: IdentityVerifyResult = { decision, score: score as number, transactionId: text(o, 'transactionId', 'transactionId') };
    if (decision === 'notMatched') result.refusal = oneOf(o, 'refusal', 'refusal', IDENTITY_REFUSALS);
    return result;
  });
}

export function readLookupResult(v: unknown): Checked<AppointmentLookupResult> {
  return checked(() => {
    const o = object(v, 'reply');
    const status = oneOf(o, 'status', 'status', ['found', 'unknown', 'forged'] as const);
    return status === 'found' ? { status, appointment: appointment(o.appointment, 'appointment') } : { status };
  });
}

export function readSearchResult(v: unknown): Checked<AppointmentSearchResult> {
  return checked(() => {
    const list = object(v, 'reply').appointments;
    if (!Array.isArray(list)) fail('appointments', 'is not a list');
    return { appointments: (list as unknown[]).map((a, i) => appointment(a, `appointments[${i}]`)) };
  });
}

export function readCheckInResult(v: unknown): Checked<CheckInResult> {
  return checked((): CheckInResult => {
    const o = object(v, 'reply');
    const outcome = oneOf(o, 'outcome', 'outcome', CHECK_IN_OUTCOMES);
    if (outcome === 'unknown' || outcome === 'forged') return { outcome };
    const a = appointment(o.appointment, 'appointment');
    if (outcome === 'early') return { outcome, appointment: a, checkInOpensAt: text(o, 'checkInOpensAt', 'checkInOpensAt', ISO_WITH_OFFSET_PATTERN) };
    return { outcome, appointment: a };
  });
}

/** The catalogue itself is checked by the guide store (common/guides-validate.ts), field by field. */
export function readCatalogueUpdateResult(v: unknown): Checked<CatalogueUpdateResult> {
  return checked((): CatalogueUpdateResult => {
    const o = object(v, 'reply');
    const status = oneOf(o, 'status', 'status', ['current', 'newer'] as const);
    return status === 'current' ? { status } : { status, catalogue: object(o.catalogue, 'catalogue') };
  });
}
