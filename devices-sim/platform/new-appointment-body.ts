/**
 * The body of `POST /sim/platform/appointments` (docs/platform-api.md): an appointment "made online" for a
 * fixture citizen or for any person, in a window given as ISO times with an offset (ARCHITECTURE.md §8.4).
 * Refusals name the field and never echo a value (an ID number may be a real one typed by mistake).
 */
import { APPOINTMENT_STATUSES, ISO_WITH_OFFSET_PATTERN, PLATFORM_CARD_TYPES, type AppointmentStatus, type PlatformCardType } from '../../common/platform-api';
import { validIdNumber } from '../../drivers/protocol/ga467/id-number';
import { FIXTURE_NAMES, isFixtureName } from '../ga467/fixture-citizens';
import { HttpError } from '../http-json';
import type { NewAppointment } from './appointment-book';
import { fixturePerson } from './seed-appointments';

const BUSINESS_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FIELDS = ['businessId', 'windowStart', 'windowEnd', 'fixture', 'idNumber', 'name', 'cardType', 'status'];
/** A window longer than a day is not an appointment. */
const MAX_WINDOW_MS = 24 * 3600_000;

const refuse = (field: string, rule: string): HttpError => new HttpError(400, `${field} ${rule}`, {}, field);

function time(body: Record<string, unknown>, field: string): number {
  const v = body[field];
  const ms = typeof v === 'string' && ISO_WITH_OFFSET_PATTERN.test(v) ? Date.parse(v) : Number.NaN;
  if (!Number.isFinite(ms)) throw refuse(field, 'must be an ISO 8601 time with an offset, e.g. "2026-11-23T09:30:00+08:00"');
  return ms;
}

function person(body: Record<string, unknown>): Pick<NewAppointment, 'idNumber' | 'name' | 'cardType' | 'fixture'> {
  if (body.fixture !== undefined) {
    if (body.idNumber !== undefined || body.name !== undefined || body.cardType !== undefined) throw refuse('fixture', 'replaces idNumber, name and cardType: give one or the other');
    if (typeof body.fixture !== 'string' || !isFixtureName(body.fixture)) throw refuse('fixture', `must be one of ${FIXTURE_NAMES.join(', ')}`);
    return { ...fixturePerson(body.fixture), fixture: body.fixture };
  }
  const cardType = (body.cardType ?? 'resident') as PlatformCardType;
  if (!PLATFORM_CARD_TYPES.includes(cardType)) throw refuse('cardType', `must be one of ${PLATFORM_CARD_TYPES.join(', ')}`);
  if (typeof body.idNumber !== 'string' || !validIdNumber(cardType, body.idNumber)) throw refuse('idNumber', `must be a valid ${cardType} card number (its shape and check character), or give a fixture instead`);
  if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 100) throw refuse('name', 'must be the card holder\'s name, 1 to 100 characters');
  return { idNumber: body.idNumber, name: body.name, cardType };
}

export function parseNewAppointment(body: unknown): NewAppointment {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object, e.g. {"fixture":"adult","businessId":"social-insurance","windowStart":"…","windowEnd":"…"}');
  const o = body as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!FIELDS.includes(key)) throw refuse(key, `is not a field of an appointment; the fields: ${FIELDS.join(', ')}`);
  if (typeof o.businessId !== 'string' || !BUSINESS_ID.test(o.businessId)) throw refuse('businessId', 'must be a business id (letters, digits, - and _), e.g. "social-insurance"');
  const windowStartMs = time(o, 'windowStart');
  const windowEndMs = time(o, 'windowEnd');
  if (windowEndMs <= windowStartMs || windowEndMs - windowStartMs > MAX_WINDOW_MS) throw refuse('windowEnd', 'must be after windowStart, at most a day later');
  const status = (o.status ?? 'booked') as AppointmentStatus;
  if (!APPOINTMENT_STATUSES.includes(status)) throw refuse('status', `must be one of ${APPOINTMENT_STATUSES.join(', ')}`);
  return { businessId: o.businessId, windowStartMs, windowEndMs, status, ...person(o) };
}
