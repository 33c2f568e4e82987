/**
 * Shape checks of the staff channels' requests (issue 15 §1, §2; ARCHITECTURE.md §8.10). A PIN is never
 * echoed in a refusal's detail.
 */
import { exactKeys, isPlainObject, type Validator } from './api-validate';
import { CITIZEN_SERVICES } from './availability';
import { STAFF_PIN_MAX_LENGTH, type StaffSignInRequest } from './staff';
import {
  FOUND_ITEM_KINDS,
  FOUND_ITEM_TEXT_MAX,
  type HandOverRequest,
  type LogFoundItemRequest,
  type RestockRequest,
  type SetServiceRequest,
  type SettleCertificateRequest,
  type SettleTicketRequest,
} from './staff-desk';

const ACCOUNT_ID = /^[A-Za-z0-9_.-]{1,40}$/u;
const DEVICE_ID = /^[A-Za-z0-9_-]{1,64}$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/u;
const TICKET_NUMBER = /^[A-Z]{0,3}\d{3,4}$/u;

type Fields = Record<string, unknown>;

function object(value: unknown, keys: readonly string[]): { ok: true; value: Fields } | { ok: false; detail: string } {
  if (!isPlainObject(value)) return { ok: false, detail: 'request must be an object' };
  const extra = exactKeys(value, keys);
  return extra ? { ok: false, detail: extra } : { ok: true, value };
}

function text(value: unknown, field: string, max: number): string | { detail: string } {
  if (typeof value !== 'string' || value.trim().length === 0 || [...value].length > max) return { detail: `${field} must be text of 1 to ${max} characters` };
  return value.trim();
}

export const validateStaffSignInRequest: Validator<StaffSignInRequest> = (value) => {
  const o = object(value, ['accountId', 'pin']);
  if (!o.ok) return o;
  if (typeof o.value.accountId !== 'string' || !ACCOUNT_ID.test(o.value.accountId)) return { ok: false, detail: 'accountId must be an account id' };
  // Any digits up to the longest PIN: a too-short PIN is a wrong PIN (counted), not a malformed request.
  if (typeof o.value.pin !== 'string' || !/^\d*$/u.test(o.value.pin) || o.value.pin.length > STAFF_PIN_MAX_LENGTH) {
    return { ok: false, detail: `pin must be up to ${STAFF_PIN_MAX_LENGTH} digits` };
  }
  return { ok: true, value: { accountId: o.value.accountId, pin: o.value.pin } };
};

export const validateDeviceIdRequest: Validator<{ deviceId: string }> = (value) => {
  const o = object(value, ['deviceId']);
  if (!o.ok) return o;
  if (typeof o.value.deviceId !== 'string' || !DEVICE_ID.test(o.value.deviceId)) return { ok: false, detail: 'deviceId must be a device id' };
  return { ok: true, value: { deviceId: o.value.deviceId } };
};

export const validateRestockRequest: Validator<RestockRequest> = (value) => {
  const o = object(value, ['deviceId', 'step']);
  if (!o.ok) return o;
  const device = validateDeviceIdRequest({ deviceId: o.value.deviceId });
  if (!device.ok) return device;
  if (o.value.step !== 'begin' && o.value.step !== 'end' && o.value.step !== 'cancel') return { ok: false, detail: 'step must be "begin", "end" or "cancel"' };
  return { ok: true, value: { deviceId: device.value.deviceId, step: o.value.step } };
};

export const validateSetServiceRequest: Validator<SetServiceRequest> = (value) => {
  const o = object(value, ['target', 'inService']);
  if (!o.ok) return o;
  const target = o.value.target;
  if (target !== 'kiosk' && !(CITIZEN_SERVICES as readonly unknown[]).includes(target)) {
    return { ok: false, detail: `target must be "kiosk" or one of ${CITIZEN_SERVICES.join(', ')}` };
  }
  if (typeof o.value.inService !== 'boolean') return { ok: false, detail: 'inService must be true or false' };
  return { ok: true, value: { target: target as SetServiceRequest['target'], inService: o.value.inService } };
};

export const validateLogFoundItemRequest: Validator<LogFoundItemRequest> = (value) => {
  const o = object(value, ['kind', 'what']);
  if (!o.ok) return o;
  if (!(FOUND_ITEM_KINDS as readonly unknown[]).includes(o.value.kind)) return { ok: false, detail: `kind must be one of ${FOUND_ITEM_KINDS.join(', ')}` };
  const what = text(o.value.what, 'what', FOUND_ITEM_TEXT_MAX);
  if (typeof what !== 'string') return { ok: false, detail: what.detail };
  return { ok: true, value: { kind: o.value.kind as LogFoundItemRequest['kind'], what } };
};

export const validateHandOverRequest: Validator<HandOverRequest> = (value) => {
  const o = object(value, ['id', 'handedTo']);
  if (!o.ok) return o;
  if (typeof o.value.id !== 'number' || !Number.isSafeInteger(o.value.id) || o.value.id < 1) return { ok: false, detail: 'id must be a found item id' };
  const handedTo = text(o.value.handedTo, 'handedTo', FOUND_ITEM_TEXT_MAX);
  if (typeof handedTo !== 'string') return { ok: false, detail: handedTo.detail };
  return { ok: true, value: { id: o.value.id, handedTo } };
};

const ISSUANCE_ID = /^CRT-[0-9A-F]{16}$/;

export const validateSettleCertificateRequest: Validator<SettleCertificateRequest> = (value) => {
  const o = object(value, ['issuanceId', 'outcome']);
  if (!o.ok) return o;
  if (typeof o.value.issuanceId !== 'string' || !ISSUANCE_ID.test(o.value.issuanceId)) return { ok: false, detail: 'issuanceId must be a certificate issuance id like CRT-0123456789ABCDEF' };
  if (o.value.outcome !== 'issued' && o.value.outcome !== 'voided') return { ok: false, detail: 'outcome must be "issued" or "voided"' };
  return { ok: true, value: { issuanceId: o.value.issuanceId, outcome: o.value.outcome } };
};

export const validateSettleTicketRequest: Validator<SettleTicketRequest> = (value) => {
  const o = object(value, ['day', 'number', 'outcome']);
  if (!o.ok) return o;
  if (typeof o.value.day !== 'string' || !DAY.test(o.value.day)) return { ok: false, detail: 'day must be YYYY-MM-DD' };
  if (typeof o.value.number !== 'string' || !TICKET_NUMBER.test(o.value.number)) return { ok: false, detail: 'number must be a ticket number like A012' };
  if (o.value.outcome !== 'issued' && o.value.outcome !== 'voided') return { ok: false, detail: 'outcome must be "issued" or "voided"' };
  return { ok: true, value: { day: o.value.day, number: o.value.number, outcome: o.value.outcome } };
};
