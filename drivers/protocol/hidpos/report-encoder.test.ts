import { describe, expect, it } from 'vitest';
import { APPOINTMENT_CODE128, DATA_FIRST_AIM_PREFIX, ECERT_QR_UTF8, ECERT_QR_UTF8_TEXT, HONEYWELL_REVINF, HONEYWELL_REVINF_TEXT } from './fixtures';
import { HidPosReportDecoder, type ReportEvent } from './report-decoder';
import { encodeLabel } from './report-encoder';
import { HIDPOS_SCANNER_MODELS, type HidPosScannerModel } from './scanner-models';

const GENERIC = HIDPOS_SCANNER_MODELS['generic-hidpos'];
const ENGINE = HIDPOS_SCANNER_MODELS['engine-hidpos-data-first'];
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function decode(model: HidPosScannerModel, reports: readonly Uint8Array[]): ReportEvent[] {
  const decoder = new HidPosReportDecoder(model);
  return reports.map((r) => decoder.push(r)).filter((e): e is ReportEvent => e !== null);
}

describe('HID POS report encoder (the simulator side)', () => {
  it('gives the golden reports byte for byte', () => {
    expect(encodeLabel(GENERIC, { data: utf8(`${HONEYWELL_REVINF_TEXT}\r\n`), aim: ']X0', vendorSymbologyId: 0x3f })).toEqual(HONEYWELL_REVINF);
    expect(encodeLabel(GENERIC, { data: utf8('YY20261123A0042'), aim: ']C0', vendorSymbologyId: 0x6a })).toEqual(APPOINTMENT_CODE128);
    expect(encodeLabel(GENERIC, { data: utf8(ECERT_QR_UTF8_TEXT), aim: ']Q1', vendorSymbologyId: 0x73 })).toEqual(ECERT_QR_UTF8);
    expect(encodeLabel(ENGINE, { data: utf8('A0042\r'), aim: ']Q1' })).toEqual(DATA_FIRST_AIM_PREFIX);
  });

  it.each([
    ['AIM field layout', GENERIC],
    ['data-first layout with an AIM prefix', ENGINE],
  ] as const)('%s: every label length from 1 to 400 bytes splits into full reports and joins back', (_name, model) => {
    for (let length = 1; length <= 400; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(0x41 + (i % 26))).join('');
      const reports = encodeLabel(model, { data: utf8(text), aim: ']Q1' });
      const dataLength = length + (model.layout.aimAt === null ? 3 : 0);
      expect(reports).toHaveLength(Math.ceil(dataLength / 56));
      for (const [i, r] of reports.entries()) {
        expect(r).toHaveLength(64);
        expect(r[63]! & 1, `report ${i} of ${length}`).toBe(i < reports.length - 1 ? 1 : 0);
      }
      expect(decode(model, reports)).toMatchObject([{ kind: 'scan', text, aim: ']Q1', symbology: 'qr', reports: reports.length }]);
    }
  });

  it('a multi-byte character cut at every offset of the report boundary reads whole (UTF-8 and GB18030)', () => {
    for (const char of ['道', '𠀀', '€']) {
      for (let pad = 50; pad <= 60; pad++) {
        const text = `${'x'.repeat(pad)}${char}${'y'.repeat(5)}`;
        expect(decode(GENERIC, encodeLabel(GENERIC, { data: utf8(text), aim: ']Q1' })), `${char} after ${pad}`).toMatchObject([{ kind: 'scan', text, charset: 'utf-8' }]);
      }
    }
    const gb = Uint8Array.of(...new Array(55).fill(0x61), 0xd4, 0xa4, 0xd4, 0xbc);
    expect(decode(GENERIC, encodeLabel(GENERIC, { data: gb, aim: ']Q1' }))).toMatchObject([{ kind: 'scan', text: `${'a'.repeat(55)}预约`, charset: 'gb18030', reports: 2 }]);
  });

  it('refuses what no scanner sends: an empty label, an AIM that is not ]cm', () => {
    expect(() => encodeLabel(GENERIC, { data: new Uint8Array(0), aim: ']Q1' })).toThrow(/at least one byte/);
    expect(() => encodeLabel(GENERIC, { data: utf8('a'), aim: 'Q1' })).toThrow(/not an AIM identifier/);
  });
});
