/**
 * Signed appointment codes (common/platform-api.ts, issue 14 item 7): `APT1.<payload>.<signature>`, the
 * payload base64url JSON naming the appointment (no personal data), the signature HMAC-SHA256 over
 * `APT1.<payload>` under the platform's key, cut to 16 bytes (128 bits: unguessable, and a QR stays small).
 * Only the platform holds the key, so only it can tell a forged code from a genuine one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APPOINTMENT_CODE_PREFIX, isAppointmentCodeShape } from '../../common/platform-api';

export interface AppointmentClaims {
  id: string;
  businessId: string;
  windowStartMs: number;
  windowEndMs: number;
}

const SIGNATURE_BYTES = 16;

function signature(key: Uint8Array, signed: string): Buffer {
  return createHmac('sha256', key).update(signed, 'utf8').digest().subarray(0, SIGNATURE_BYTES);
}

export function signAppointmentCode(key: Uint8Array, claims: AppointmentClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ v: 1, i: claims.id, b: claims.businessId, s: Math.floor(claims.windowStartMs / 1000), e: Math.floor(claims.windowEndMs / 1000) }),
    'utf8',
  ).toString('base64url');
  const signed = `${APPOINTMENT_CODE_PREFIX}.${payload}`;
  return `${signed}.${signature(key, signed).toString('base64url')}`;
}

/**
 * `notACode`: the text is not an appointment code at all (another QR, a typo): the platform answers
 * `unknown`. `forged`: it claims to be one (the prefix) but the signature does not verify, or its payload
 * cannot be read. `genuine`: signed with `key`.
 */
export type CodeCheck = { kind: 'notACode' } | { kind: 'forged' } | { kind: 'genuine'; claims: AppointmentClaims };

function readClaims(payload: string): AppointmentClaims | undefined {
  try {
    const v = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (v.v !== 1 || typeof v.i !== 'string' || typeof v.b !== 'string' || typeof v.s !== 'number' || typeof v.e !== 'number') return undefined;
    return { id: v.i, businessId: v.b, windowStartMs: v.s * 1000, windowEndMs: v.e * 1000 };
  } catch {
    return undefined;
  }
}

export function checkAppointmentCode(key: Uint8Array, code: string): CodeCheck {
  if (!code.startsWith(`${APPOINTMENT_CODE_PREFIX}.`)) return { kind: 'notACode' };
  if (!isAppointmentCodeShape(code)) return { kind: 'forged' };
  const parts = code.split('.');
  const presented = Buffer.from(parts[2]!, 'base64url');
  const expected = signature(key, `${parts[0]}.${parts[1]}`);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { kind: 'forged' };
  const claims = readClaims(parts[1]!);
  return claims ? { kind: 'genuine', claims } : { kind: 'forged' };
}
