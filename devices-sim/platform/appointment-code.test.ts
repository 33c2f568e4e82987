import { describe, expect, it } from 'vitest';
import { isAppointmentCodeShape } from '../../common/platform-api';
import { checkAppointmentCode, signAppointmentCode } from './appointment-code';

const key = new TextEncoder().encode('test key');
const claims = { id: 'ABCDEFGH23', businessId: 'social-insurance', windowStartMs: Date.UTC(2026, 10, 23, 1, 0), windowEndMs: Date.UTC(2026, 10, 23, 2, 0) };

/** The same code with one character of the given part changed. */
function altered(code: string, part: 1 | 2): string {
  const parts = code.split('.');
  const p = parts[part]!;
  parts[part] = p.slice(0, 3) + (p[3] === 'A' ? 'B' : 'A') + p.slice(4);
  return parts.join('.');
}

describe('signed appointment codes (common/platform-api.ts)', () => {
  it('a signed code has the documented shape and verifies with its claims', () => {
    const code = signAppointmentCode(key, claims);
    expect(isAppointmentCodeShape(code)).toBe(true);
    expect(code.startsWith('APT1.')).toBe(true);
    expect(checkAppointmentCode(key, code)).toEqual({ kind: 'genuine', claims });
  });

  it('a changed payload, a changed signature or another key is forged', () => {
    const code = signAppointmentCode(key, claims);
    expect(checkAppointmentCode(key, altered(code, 1))).toEqual({ kind: 'forged' });
    expect(checkAppointmentCode(key, altered(code, 2))).toEqual({ kind: 'forged' });
    expect(checkAppointmentCode(new TextEncoder().encode('another platform'), code)).toEqual({ kind: 'forged' });
    expect(checkAppointmentCode(key, code.slice(0, -1))).toEqual({ kind: 'forged' });
  });

  it('a payload rewritten to another business and re-encoded, keeping the signature, is forged', () => {
    const code = signAppointmentCode(key, claims);
    const [prefix, , sig] = code.split('.');
    const payload = Buffer.from(JSON.stringify({ v: 1, i: claims.id, b: 'housing-fund', s: 1, e: 2 })).toString('base64url');
    expect(checkAppointmentCode(key, `${prefix}.${payload}.${sig}`)).toEqual({ kind: 'forged' });
  });

  it('text that does not claim to be a code is not a code', () => {
    expect(checkAppointmentCode(key, 'https://example.invalid/health-code?x=1')).toEqual({ kind: 'notACode' });
    expect(checkAppointmentCode(key, '')).toEqual({ kind: 'notACode' });
  });
});
