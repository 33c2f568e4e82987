/**
 * Shape checks of what the kiosk sends the simulated platform (common/platform-api.ts): a request of the
 * wrong shape is refused with 400 naming the field, as a real platform's gateway would, so a kiosk bug shows
 * up in training rather than in the hall. Messages never carry a field's value (it may be personal data).
 */
import {
  CALENDAR_DATE_PATTERN,
  ISO_WITH_OFFSET_PATTERN,
  MAX_FACE_JPEG_BASE64,
  PLATFORM_CARD_TYPES,
  type AppointmentLookupRequest,
  type AppointmentSearchRequest,
  type CheckInRequest,
  type IdentityVerifyRequest,
  type PlatformCardFields,
  type PlatformCardType,
  type PlatformFingerprint,
  type PlatformLiveFace,
} from '../../common/platform-api';
import { HttpError } from '../http-json';

type Fields = Record<string, unknown>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MAX_TEMPLATE_BASE64 = 8192;
const MAX_CODE_LENGTH = 512;

const refuse = (field: string, rule: string): HttpError => new HttpError(400, `${field} ${rule}`, {}, field);

function object(value: unknown, field: string, allowed: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(field, 'must be a JSON object');
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw refuse(field === 'body' ? key : `${field}.${key}`, 'is not a field of this request');
  return value as Fields;
}

function text(o: Fields, key: string, field: string, max: number, pattern?: RegExp): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '' || v.length > max || (pattern && !pattern.test(v))) throw refuse(field, `must be ${pattern ? 'well-formed ' : ''}text of 1 to ${max} characters`);
  return v;
}

function cardType(o: Fields, key: string, field: string): PlatformCardType {
  const v = o[key];
  if (!(PLATFORM_CARD_TYPES as readonly unknown[]).includes(v)) throw refuse(field, `must be one of ${PLATFORM_CARD_TYPES.join(', ')}`);
  return v as PlatformCardType;
}

function card(value: unknown): PlatformCardFields {
  const o = object(value, 'card', ['type', 'idNumber', 'name', 'validFrom', 'validUntil']);
  const validUntil = o.validUntil === 'longTerm' ? 'longTerm' : text(o, 'validUntil', 'card.validUntil', 10, CALENDAR_DATE_PATTERN);
  return {
    type: cardType(o, 'type', 'card.type'),
    idNumber: text(o, 'idNumber', 'card.idNumber', 32),
    name: text(o, 'name', 'card.name', 100),
    validFrom: text(o, 'validFrom', 'card.validFrom', 10, CALENDAR_DATE_PATTERN),
    validUntil,
  };
}

function isJpeg(base64: string): boolean {
  const head = Buffer.from(base64.slice(0, 8), 'base64');
  return head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
}

function face(value: unknown): PlatformLiveFace {
  const o = object(value, 'face', ['jpegBase64', 'capturedAt', 'liveness']);
  const jpegBase64 = text(o, 'jpegBase64', 'face.jpegBase64', MAX_FACE_JPEG_BASE64, BASE64);
  if (!isJpeg(jpegBase64)) throw refuse('face.jpegBase64', 'must be a JPEG image (FF D8 FF), base64');
  const l = object(o.liveness, 'face.liveness', ['live', 'score']);
  if (typeof l.live !== 'boolean') throw refuse('face.liveness.live', 'must be true or false');
  if (typeof l.score !== 'number' || !(l.score >= 0 && l.score <= 1)) throw refuse('face.liveness.score', 'must be a number from 0 to 1');
  return { jpegBase64, capturedAt: text(o, 'capturedAt', 'face.capturedAt', 40, ISO_WITH_OFFSET_PATTERN), liveness: { live: l.live, score: l.score } };
}

function fingerprint(value: unknown): PlatformFingerprint {
  const o = object(value, 'fingerprint', ['templateBase64', 'format']);
  return { templateBase64: text(o, 'templateBase64', 'fingerprint.templateBase64', MAX_TEMPLATE_BASE64, BASE64), format: text(o, 'format', 'fingerprint.format', 32) };
}

export function parseIdentityVerifyRequest(body: unknown): IdentityVerifyRequest {
  const o = object(body, 'body', ['card', 'face', 'fingerprint']);
  if (o.face === undefined && o.fingerprint === undefined) throw refuse('face', 'or fingerprint must be given (a face, a finger, or both)');
  const request: IdentityVerifyRequest = { card: card(o.card) };
  if (o.face !== undefined) request.face = face(o.face);
  if (o.fingerprint !== undefined) request.fingerprint = fingerprint(o.fingerprint);
  return request;
}

export function parseLookupRequest(body: unknown): AppointmentLookupRequest {
  return { code: text(object(body, 'body', ['code']), 'code', 'code', MAX_CODE_LENGTH) };
}

export function parseSearchRequest(body: unknown): AppointmentSearchRequest {
  const o = object(body, 'body', ['idNumber', 'cardType']);
  return { idNumber: text(o, 'idNumber', 'idNumber', 32), cardType: cardType(o, 'cardType', 'cardType') };
}

export function parseCheckInRequest(body: unknown): CheckInRequest {
  return { code: text(object(body, 'body', ['code']), 'code', 'code', MAX_CODE_LENGTH) };
}
