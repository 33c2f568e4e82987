import { describe, expect, it } from 'vitest';
import { validateProgressQueryRequest } from './progress-validate';

describe('validateProgressQueryRequest (issue 17 §6)', () => {
  it('takes a query by card and one by a typed or scanned number (the check digit is the desk’s to judge)', () => {
    expect(validateProgressQueryRequest({ by: 'card' })).toEqual({ ok: true, value: { by: 'card' } });
    expect(validateProgressQueryRequest({ by: 'number', acceptanceNumber: 'sl 2026 1123 0000 036', source: 'typed' })).toEqual({
      ok: true,
      value: { by: 'number', acceptanceNumber: 'sl 2026 1123 0000 036', source: 'typed' },
    });
  });

  it.each([
    [null, 'request must be an object'],
    [{ by: 'name' }, 'by must be'],
    [{ by: 'card', acceptanceNumber: 'SL1' }, 'unexpected field "acceptanceNumber"'],
    [{ by: 'number', acceptanceNumber: '', source: 'typed' }, 'acceptanceNumber must be'],
    [{ by: 'number', acceptanceNumber: 'S'.repeat(41), source: 'typed' }, 'acceptanceNumber must be'],
    [{ by: 'number', acceptanceNumber: 'SL202611230000036', source: 'voice' }, 'source must be'],
    [{ by: 'number', acceptanceNumber: 'SL202611230000036', source: 'typed', idNumber: 'x' }, 'unexpected field "idNumber"'],
  ])('refuses %j', (request, detail) => {
    const checked = validateProgressQueryRequest(request);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.detail).toContain(detail);
  });
});
