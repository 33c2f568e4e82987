/**
 * Seeded fuzzing of the HID POS report decoder (xorshift32, so a failure replays): random reports, mutated
 * golden reports, random lengths. It must never throw, every problem must say which rule in plain words,
 * and what it holds must never pass MAX_SCAN_BYTES.
 */
import { describe, expect, it } from 'vitest';
import { MAX_SCAN_BYTES } from './constants';
import { APPOINTMENT_CODE128, APPOINTMENT_QR_GB18030, ECERT_QR_UTF8, HONEYWELL_REVINF } from './fixtures';
import { HidPosReportDecoder, type ReportEvent } from './report-decoder';
import { HIDPOS_SCANNER_MODELS } from './scanner-models';
import { SYMBOLOGIES } from './symbology';

function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const GOLDEN = [...HONEYWELL_REVINF, ...APPOINTMENT_CODE128, ...ECERT_QR_UTF8, ...APPOINTMENT_QR_GB18030];
const REASONS = ['shortReport', 'badLength', 'tooLong', 'incomplete', 'encoding', 'controlCharacters', 'empty'];

function check(event: ReportEvent | null): void {
  if (event === null) return;
  if (event.kind === 'problem') {
    expect(REASONS).toContain(event.reason);
    expect(event.message.length).toBeGreaterThan(10);
  } else if (event.kind === 'scan') {
    expect(event.text.length).toBeGreaterThan(0);
    expect(SYMBOLOGIES).toContain(event.symbology);
  } else expect(event.kind).toBe('ignored');
}

describe.each(Object.values(HIDPOS_SCANNER_MODELS))('fuzzing the decoder for $id', (model) => {
  it('random reports of random lengths never throw and give clear problems', () => {
    const next = xorshift32(0x5ca1ab1e);
    const decoder = new HidPosReportDecoder(model);
    for (let i = 0; i < 2000; i++) {
      const length = next() % 3 === 0 ? next() % 80 : 64;
      const report = Uint8Array.from({ length }, () => next() & 0xff);
      if (length > 0 && next() % 2 === 0) report[0] = 0x02; // mostly the scanner's own report id
      if (length > 1 && next() % 2 === 0) report[1] = next() % 60;
      check(decoder.push(report));
      if (next() % 50 === 0) check(decoder.abandon());
    }
  });

  it('mutated golden reports never throw; a clean report after garbage still reads', () => {
    const next = xorshift32(0xdecade);
    const decoder = new HidPosReportDecoder(model);
    for (let i = 0; i < 2000; i++) {
      const report = GOLDEN[next() % GOLDEN.length]!.slice();
      for (let m = 0; m <= next() % 4; m++) report[next() % report.length] = next() & 0xff;
      check(decoder.push(report));
    }
    decoder.reset();
    const clean = decoder.push(APPOINTMENT_CODE128[0]!);
    expect(clean?.kind).toBe('scan');
  });

  it('a flood of "continued" reports is cut off at the limit, again and again', () => {
    const decoder = new HidPosReportDecoder(model);
    let problems = 0;
    for (let i = 0; i < 1000; i++) {
      const e = decoder.push(HONEYWELL_REVINF[0]!);
      if (e?.kind === 'problem') {
        expect(e.reason).toBe('tooLong');
        problems++;
      }
    }
    expect(problems).toBe(Math.floor(1000 / (Math.floor(MAX_SCAN_BYTES / 56) + 1)));
  });
});
