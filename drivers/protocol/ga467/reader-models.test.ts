import { describe, expect, it } from 'vitest';
import { GA467_READER_MODELS, ga467ReaderModel } from './reader-models';

describe('GA 467 reader model table (protocols.md §1.8, §1.9)', () => {
  it('every row is 115200 by default, says why its removal probe is what it is, and has positive timings', () => {
    for (const [id, row] of Object.entries(GA467_READER_MODELS)) {
      expect(row.id).toBe(id);
      expect(row.defaultBaud).toBe(115200);
      expect(row.removalProbeReason).toMatch(/§1/);
      expect(row.pollIntervalMs).toBeGreaterThan(0);
      expect(row.commandTimeoutMs).toBeGreaterThan(0);
      expect(row.readTimeoutMs).toBeGreaterThan(0);
    }
  });

  it('no named reader claims a removal probe §1 does not verify; the one generic row that does says so ([C])', () => {
    const claiming = Object.values(GA467_READER_MODELS).filter((m) => m.removalProbe !== 'none');
    expect(claiming.map((m) => m.id)).toEqual(['generic-ga467-select-probe']);
    expect(claiming[0]!.removalProbeReason).toContain('[C]');
  });

  it('the generic row takes the §1.9 CIdReadHelper bounds and assumes no 30 10', () => {
    expect(ga467ReaderModel('generic-ga467')).toMatchObject({ commandTimeoutMs: 1000, readTimeoutMs: 3000, fingerprintReadTimeoutMs: null });
    expect(ga467ReaderModel('yinansoft-a905')).toMatchObject({ commandTimeoutMs: 100, readTimeoutMs: 2000, fingerprintReadTimeoutMs: 3000 });
  });

  it('an unknown id is refused with the known ones', () => {
    expect(() => ga467ReaderModel('toString')).toThrow(/generic-ga467/);
  });
});
