import { describe, expect, it } from 'vitest';
import { escPosModel } from '../../protocol/escpos/models';
import { interpretRealtimeStatus } from '../../protocol/escpos/status-bits';
import { printBlocker, statusFromBits } from './printer-status';

const generic = escPosModel('generic-escpos-80');
const bitsOf = (b1: number, b2: number, b3: number, b4: number) => ({
  ...interpretRealtimeStatus(1, b1),
  ...interpretRealtimeStatus(2, b2),
  ...interpretRealtimeStatus(3, b3),
  ...interpretRealtimeStatus(4, b4),
});

describe('ESC/POS status → common vocabulary', () => {
  it('healthy 12 12 12 12 → online, paper full', () => {
    expect(statusFromBits(bitsOf(0x12, 0x12, 0x12, 0x12), generic)).toEqual({ device: 'online', printer: { paper: 'full', coverOpen: false, cutterError: false, headOverheat: false } });
    expect(printBlocker(bitsOf(0x12, 0x12, 0x12, 0x12))).toBeNull();
  });
  it('near end 1E → paper low, still printing', () => {
    const bits = bitsOf(0x12, 0x12, 0x12, 0x1e);
    expect(statusFromBits(bits, generic)).toMatchObject({ device: 'online', printer: { paper: 'low' } });
    expect(printBlocker(bits)).toBeNull();
  });
  it('paper end 72 with offline and paper-end stop → paper out, staff must act', () => {
    const bits = bitsOf(0x1a, 0x32, 0x12, 0x72);
    expect(statusFromBits(bits, generic)).toMatchObject({ device: 'userError', printer: { paper: 'out' } });
    expect(printBlocker(bits)).toBe('paperOut');
  });
  it('cover open and cutter error', () => {
    expect(printBlocker(bitsOf(0x1a, 0x16, 0x12, 0x12))).toBe('coverOpen');
    const cutter = bitsOf(0x1a, 0x52, 0x1a, 0x12);
    expect(printBlocker(cutter)).toBe('cutterError');
    expect(statusFromBits(cutter, generic)).toMatchObject({ device: 'hardwareError', printer: { cutterError: true } });
  });
  it('a jam (recoverable error 16 in n = 3) → paper jammed, staff; a hot head (52 in n = 3) → busy, not ready yet', () => {
    const jam = bitsOf(0x1a, 0x52, 0x16, 0x12);
    expect(statusFromBits(jam, generic)).toMatchObject({ device: 'userError', printer: { paper: 'jammed' } });
    expect(printBlocker(jam)).toBe('paperJam');
    const hot = bitsOf(0x1a, 0x52, 0x52, 0x12);
    expect(statusFromBits(hot, generic)).toMatchObject({ device: 'busy', printer: { headOverheat: true, paper: 'full' } });
    expect(printBlocker(hot)).toBe('deviceNotReady');
  });
  it('trusts the ticket-taken bit only on models that have it (protocols.md §2.6)', () => {
    const bits = bitsOf(0x92, 0x12, 0x12, 0x12);
    expect(statusFromBits(bits, escPosModel('cashino-kp628e')).printer?.mediaPresented).toBe(true);
    expect(statusFromBits(bits, generic).printer?.mediaPresented).toBeUndefined();
  });
});
