import { describe, expect, it } from 'vitest';
import { REPLIES } from '../../drivers/protocol/escpos/fixtures';
import { interpretAsb, interpretPaperStatus, interpretRealtimeStatus } from '../../drivers/protocol/escpos/status-bits';
import { asbBlock, asbChangeWanted, paperStatusByte, realtimeStatusByte, type PrinterCondition } from './status-bytes';

const HEALTHY: PrinterCondition = { offline: false, coverOpen: false, paperEnd: false, paperNearEnd: false, cutterError: false, paperJam: false, headOverheat: false, ticketNotTaken: false, ticketInOutput: false };

describe('status bytes', () => {
  it('match the golden replies of protocols.md §2.4 and §2.5', () => {
    expect([1, 2, 3, 4].map((n) => realtimeStatusByte(n as 1, HEALTHY))).toEqual([0x12, 0x12, 0x12, 0x12]);
    expect(realtimeStatusByte(4, { ...HEALTHY, paperNearEnd: true })).toBe(REPLIES.rollNearEnd);
    expect(realtimeStatusByte(4, { ...HEALTHY, paperEnd: true, paperNearEnd: true })).toBe(REPLIES.rollEnd);
    expect(realtimeStatusByte(1, { ...HEALTHY, offline: true })).toBe(REPLIES.n1Offline);
    expect(realtimeStatusByte(1, { ...HEALTHY, ticketNotTaken: true })).toBe(REPLIES.n1TicketNotTaken);
    expect(asbBlock(HEALTHY)).toEqual(REPLIES.asbHealthy);
    expect(asbBlock({ ...HEALTHY, coverOpen: true, paperEnd: true })).toEqual(REPLIES.asbOfflineCoverOpenPaperEnd);
  });

  it('read back through the driver-side interpreters as the condition they came from', () => {
    const c: PrinterCondition = { ...HEALTHY, coverOpen: true, cutterError: true, paperNearEnd: true };
    expect(interpretRealtimeStatus(2, realtimeStatusByte(2, c))).toMatchObject({ coverOpen: true, errorOccurred: true, paperEndStop: false });
    expect(interpretRealtimeStatus(3, realtimeStatusByte(3, c))).toMatchObject({ cutterError: true });
    expect(interpretRealtimeStatus(4, realtimeStatusByte(4, c))).toMatchObject({ paperNearEnd: true, paperEnd: false });
    expect(interpretAsb(asbBlock(c))).toMatchObject({ offline: true, coverOpen: true, cutterError: true, paperNearEnd: true, paperEnd: false });
    expect(interpretPaperStatus(paperStatusByte(c))).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(paperStatusByte({ ...HEALTHY, paperEnd: true }) & 0x10).toBe(0);
  });

  it('report a jam as the recoverable error and a hot head as the auto-recoverable one, both offline (§2.4, §2.5)', () => {
    const jam = { ...HEALTHY, paperJam: true };
    expect(interpretRealtimeStatus(1, realtimeStatusByte(1, jam))).toMatchObject({ offline: true });
    expect(interpretRealtimeStatus(2, realtimeStatusByte(2, jam))).toMatchObject({ errorOccurred: true, coverOpen: false });
    expect(interpretRealtimeStatus(3, realtimeStatusByte(3, jam))).toEqual({ recoverableError: true, cutterError: false, unrecoverableError: false, autoRecoverableError: false });
    const hot = { ...HEALTHY, headOverheat: true };
    expect(interpretRealtimeStatus(3, realtimeStatusByte(3, hot))).toEqual({ recoverableError: false, cutterError: false, unrecoverableError: false, autoRecoverableError: true });
    expect(interpretAsb(asbBlock(hot))).toMatchObject({ offline: true, autoRecoverableError: true, recoverableError: false });
    expect(interpretAsb(asbBlock(jam))).toMatchObject({ offline: true, recoverableError: true, autoRecoverableError: false });
  });

  it('keep every DLE EOT reply and every ASB first byte inside the fixed-bit rule (§2.5)', () => {
    const flags = ['offline', 'coverOpen', 'paperEnd', 'paperNearEnd', 'cutterError', 'paperJam', 'headOverheat'] as const;
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const c = { ...HEALTHY };
      flags.forEach((f, i) => (c[f] = (mask & (1 << i)) !== 0));
      for (const n of [1, 2, 3, 4] as const) expect(realtimeStatusByte(n, c) & 0x93).toBe(0x12);
      expect(asbBlock(c)[0]! & 0x93).toBe(0x10);
    }
  });

  it('asbChangeWanted follows the GS a mask groups', () => {
    const a = asbBlock(HEALTHY);
    const paper = asbBlock({ ...HEALTHY, paperEnd: true });
    expect(asbChangeWanted(0xff, undefined, a)).toBe(true);
    expect(asbChangeWanted(0, undefined, a)).toBe(false);
    expect(asbChangeWanted(0xff, a, a)).toBe(false);
    expect(asbChangeWanted(0x08, a, paper)).toBe(true);
    expect(asbChangeWanted(0x04, a, asbBlock({ ...HEALTHY, paperNearEnd: true }))).toBe(false);
  });
});
