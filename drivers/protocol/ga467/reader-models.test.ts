import { describe, expect, it } from 'vitest';
import { GA467_READER_MODELS, GA467_USB_IDS, ga467ReaderModel } from './reader-models';

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

  it('serial rows have no USB endpoint plan; the openiDR200 row splits frames over 02/06 → 81/85 (§1.8 [V])', () => {
    for (const id of ['generic-ga467', 'yinansoft-a905', 'generic-ga467-select-probe']) expect(ga467ReaderModel(id).usbEndpoints).toBeNull();
    expect(ga467ReaderModel('openidr200-usb').usbEndpoints).toEqual({ split: { headOut: 0x02, bodyOut: 0x06, headIn: 0x81, bodyIn: 0x85 } });
    expect(GA467_USB_IDS).toEqual({ vendorId: 0x0400, productId: 0xc35a });
  });

  it('the one-endpoint plan reads 64-byte chunks from endpoints §1.8 does not name (first bulk pair)', () => {
    expect(ga467ReaderModel('generic-ga467-usb-single').usbEndpoints).toEqual({ single: { out: 'firstBulk', in: 'firstBulk', chunkBytes: 64 } });
  });

  it('every split plan has OUT addresses without bit 7 and IN addresses with it', () => {
    for (const row of Object.values(GA467_READER_MODELS)) {
      const plan = row.usbEndpoints;
      if (plan === null || !('split' in plan)) continue;
      expect([plan.split.headOut, plan.split.bodyOut].every((a) => (a & 0x80) === 0)).toBe(true);
      expect([plan.split.headIn, plan.split.bodyIn].every((a) => (a & 0x80) === 0x80)).toBe(true);
    }
  });
});
