import { describe, expect, it } from 'vitest';
import {
  APPOINTMENT_CODE128,
  APPOINTMENT_CODE128_TEXT,
  APPOINTMENT_QR_GB18030,
  APPOINTMENT_QR_GB18030_TEXT,
  DATA_FIRST_AIM_PREFIX,
  DATA_FIRST_AIM_PREFIX_TEXT,
  ECERT_QR_UTF8,
  ECERT_QR_UTF8_TEXT,
  HONEYWELL_REVINF,
  HONEYWELL_REVINF_TEXT,
} from './fixtures';
import { HidPosReportDecoder, type ReportEvent } from './report-decoder';
import { HIDPOS_SCANNER_MODELS, hidPosScannerModel, type HidPosScannerModel } from './scanner-models';

const GENERIC = HIDPOS_SCANNER_MODELS['generic-hidpos'];
const ENGINE = HIDPOS_SCANNER_MODELS['engine-hidpos-data-first'];

function decodeAll(model: HidPosScannerModel, reports: readonly Uint8Array[]): ReportEvent[] {
  const decoder = new HidPosReportDecoder(model);
  return reports.map((r) => decoder.push(r)).filter((e): e is ReportEvent => e !== null);
}

describe('HID POS report decoder: golden reports', () => {
  it('joins the six reports of a real Honeywell Voyager 1602g reply into one text, CR LF suffix off, AIM ]X0 and Code ID "?"', () => {
    expect(decodeAll(GENERIC, HONEYWELL_REVINF)).toEqual([
      { kind: 'scan', text: HONEYWELL_REVINF_TEXT, charset: 'utf-8', aim: ']X0', symbology: 'unknown', vendorSymbologyId: 0x3f, reports: 6 },
    ]);
  });

  it('reads an appointment Code 128 in one report', () => {
    expect(decodeAll(hidPosScannerModel('honeywell-hidpos'), APPOINTMENT_CODE128)).toEqual([
      { kind: 'scan', text: APPOINTMENT_CODE128_TEXT, charset: 'utf-8', aim: ']C0', symbology: 'code128', vendorSymbologyId: 0x6a, reports: 1 },
    ]);
  });

  it('reads a UTF-8 e-certificate QR whose character 道 is cut between two reports', () => {
    expect(decodeAll(GENERIC, ECERT_QR_UTF8)).toEqual([
      { kind: 'scan', text: ECERT_QR_UTF8_TEXT, charset: 'utf-8', aim: ']Q1', symbology: 'qr', vendorSymbologyId: 0x73, reports: 2 },
    ]);
  });

  it('reads GB18030 from a scanner set to Chinese output (auto), and refuses it where the model says UTF-8', () => {
    expect(decodeAll(GENERIC, APPOINTMENT_QR_GB18030)).toMatchObject([{ kind: 'scan', text: APPOINTMENT_QR_GB18030_TEXT, charset: 'gb18030' }]);
    expect(decodeAll({ ...GENERIC, charset: 'utf-8' }, APPOINTMENT_QR_GB18030)).toMatchObject([{ kind: 'problem', reason: 'encoding' }]);
  });

  it('takes the AIM prefix off the data-first layout where the model says the engine sends one, and keeps it where not', () => {
    expect(decodeAll(ENGINE, DATA_FIRST_AIM_PREFIX)).toEqual([
      { kind: 'scan', text: DATA_FIRST_AIM_PREFIX_TEXT, charset: 'utf-8', aim: ']Q1', symbology: 'qr', vendorSymbologyId: null, reports: 1 },
    ]);
    expect(decodeAll({ ...ENGINE, aimPrefix: false }, DATA_FIRST_AIM_PREFIX)).toMatchObject([{ kind: 'scan', text: `]Q1${DATA_FIRST_AIM_PREFIX_TEXT}`, aim: null, symbology: 'unknown' }]);
  });

  it('does not read one layout\'s reports as the other\'s: the AIM bytes are data there', () => {
    const [event] = decodeAll({ ...ENGINE, aimPrefix: false }, APPOINTMENT_CODE128);
    expect(event).toMatchObject({ kind: 'scan', aim: null });
    expect((event as { text: string }).text).not.toBe(APPOINTMENT_CODE128_TEXT);
  });
});

describe('HID POS report decoder: continuation and bad reports', () => {
  it('passes over reports with another report id, even in the middle of a label', () => {
    const decoder = new HidPosReportDecoder(GENERIC);
    const trigger = new Uint8Array(64).fill(0);
    trigger[0] = 0x04;
    expect(decoder.push(ECERT_QR_UTF8[0]!)).toBeNull();
    expect(decoder.push(trigger)).toEqual({ kind: 'ignored', reportId: 0x04 });
    expect(decoder.push(ECERT_QR_UTF8[1]!)).toMatchObject({ kind: 'scan', text: ECERT_QR_UTF8_TEXT });
  });

  it('a short report, a zero or too large length byte are problems that drop the label begun', () => {
    const decoder = new HidPosReportDecoder(GENERIC);
    decoder.push(ECERT_QR_UTF8[0]!);
    expect(decoder.push(ECERT_QR_UTF8[1]!.subarray(0, 40))).toMatchObject({ kind: 'problem', reason: 'shortReport' });
    expect(decoder.pending).toBe(false);
    const zero = APPOINTMENT_CODE128[0]!.slice();
    zero[1] = 0;
    expect(decoder.push(zero)).toMatchObject({ kind: 'problem', reason: 'badLength', message: expect.stringContaining('length byte 0') });
    const big = APPOINTMENT_CODE128[0]!.slice();
    big[1] = 57;
    expect(decoder.push(big)).toMatchObject({ kind: 'problem', reason: 'badLength', message: expect.stringContaining('1 to 56') });
    expect(decoder.push(new Uint8Array(0))).toMatchObject({ kind: 'problem', reason: 'shortReport' });
    expect(decoder.push(APPOINTMENT_CODE128[0]!)).toMatchObject({ kind: 'scan', text: APPOINTMENT_CODE128_TEXT });
  });

  it('a "continued" flag that never clears stops at the size limit; abandon() gives up a label that broke off', () => {
    const decoder = new HidPosReportDecoder(GENERIC);
    const more = HONEYWELL_REVINF[0]!;
    let event: ReportEvent | null = null;
    let pushed = 0;
    while (event === null && pushed < 1000) {
      event = decoder.push(more);
      pushed++;
    }
    expect(event).toMatchObject({ kind: 'problem', reason: 'tooLong' });
    expect(pushed).toBe(Math.floor(4096 / 56) + 1);
    expect(decoder.pending).toBe(false);
    expect(decoder.abandon()).toBeNull();
    decoder.push(more);
    expect(decoder.abandon()).toMatchObject({ kind: 'problem', reason: 'incomplete', message: expect.stringContaining('1 report') });
    expect(decoder.pending).toBe(false);
  });

  it('control characters, invalid bytes and an empty label are problems whose messages never carry the data', () => {
    const with0 = APPOINTMENT_CODE128[0]!.slice();
    with0[7] = 0x00;
    const invalid = APPOINTMENT_CODE128[0]!.slice();
    invalid[7] = 0xff;
    invalid[8] = 0xff;
    const onlyCr = APPOINTMENT_CODE128[0]!.slice();
    onlyCr[1] = 1;
    onlyCr[5] = 0x0d;
    const events = decodeAll(GENERIC, [with0, invalid, onlyCr]);
    expect(events.map((e) => (e.kind === 'problem' ? e.reason : e.kind))).toEqual(['controlCharacters', 'encoding', 'empty']);
    for (const e of events) expect(JSON.stringify(e)).not.toContain('A0042');
  });

  it('zeroes the data it held once a label is decoded', () => {
    const decoder = new HidPosReportDecoder(GENERIC);
    const held: Uint8Array[] = [];
    const originalSlice = Uint8Array.prototype.slice;
    Uint8Array.prototype.slice = function (this: Uint8Array, ...args: [number?, number?]) {
      const copy = originalSlice.apply(this, args) as Uint8Array;
      held.push(copy);
      return copy;
    } as typeof Uint8Array.prototype.slice;
    try {
      decoder.push(ECERT_QR_UTF8[0]!);
      decoder.push(ECERT_QR_UTF8[1]!);
    } finally {
      Uint8Array.prototype.slice = originalSlice;
    }
    expect(held.length).toBeGreaterThan(0);
    for (const copy of held) expect(copy.every((b) => b === 0)).toBe(true);
  });
});
