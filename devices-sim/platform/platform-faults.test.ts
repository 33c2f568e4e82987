import { describe, expect, it } from 'vitest';
import { HttpError } from '../http-json';
import { healthyFaults, patchFaults } from './platform-faults';

const healthy = healthyFaults([300, 800]);

function refusal(body: unknown): HttpError {
  try {
    patchFaults(healthy, body);
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('patchFaults accepted the body');
}

describe('platform faults (POST /sim/platform/faults)', () => {
  it('changes only the fields named, in the words the state reports', () => {
    const next = patchFaults(healthy, { timeout: true, latencyMs: 50 });
    expect(next).toEqual({ ...healthy, timeout: true, latencyMs: [50, 50] });
    expect(patchFaults(next, { latencyMs: [10, 20], serverError: true })).toEqual({ ...next, latencyMs: [10, 20], serverError: 503 });
    expect(patchFaults(healthy, { serverError: 502 }).serverError).toBe(502);
    expect(patchFaults(healthy, { personNotMatched: true }).personNotMatched).toBe(true);
  });

  it('refuses an unknown field or a bad value, naming the field, and changes nothing', () => {
    expect(refusal({ timeout: true, paper: 'out' })).toMatchObject({ statusCode: 400, field: 'paper' });
    expect(refusal({ serverError: 404 })).toMatchObject({ statusCode: 400, field: 'serverError' });
    expect(refusal({ latencyMs: [800, 300] })).toMatchObject({ statusCode: 400, field: 'latencyMs' });
    expect(refusal({ latencyMs: -1 })).toMatchObject({ field: 'latencyMs' });
    expect(refusal({ latencyMs: [1, 2, 3] })).toMatchObject({ field: 'latencyMs' });
    expect(refusal({ timeout: 'yes' })).toMatchObject({ field: 'timeout' });
    expect(refusal([true]).statusCode).toBe(400);
    expect(refusal({ paper: 'out' }).message).toContain('personNotMatched');
  });
});
