import { describe, it, expect } from 'vitest';
import { REPLIES } from './fixtures';
import { interpretAsb, interpretFullStatus, interpretPaperStatus, interpretRealtimeStatus } from './status-bits';

describe('DLE EOT replies (protocols.md §2.4)', () => {
  it('n = 4: python-escpos masks 12 / 1E / 72', () => {
    expect(interpretRealtimeStatus(4, REPLIES.healthy)).toEqual({ paperNearEnd: false, paperEnd: false });
    expect(interpretRealtimeStatus(4, REPLIES.rollNearEnd)).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(interpretRealtimeStatus(4, REPLIES.rollEnd)).toEqual({ paperNearEnd: false, paperEnd: true });
  });

  it('n = 1: escpos-rs reads 1A as offline; P5 bit 7 is ticket not taken', () => {
    expect(interpretRealtimeStatus(1, REPLIES.n1Offline)).toEqual({
      offline: true, waitingOnlineRecovery: false, feedButton: false, ticketNotTaken: false,
    });
    expect(interpretRealtimeStatus(1, REPLIES.n1TicketNotTaken)).toEqual({
      offline: false, waitingOnlineRecovery: false, feedButton: false, ticketNotTaken: true,
    });
    expect(interpretRealtimeStatus(1, 0x72)).toMatchObject({ waitingOnlineRecovery: true, feedButton: true });
  });

  it('n = 2: escpos-rs reads 5E as cover open + FEED + error', () => {
    expect(interpretRealtimeStatus(2, REPLIES.n2CoverOpenFeedError)).toEqual({
      coverOpen: true, paperFeeding: true, paperEndStop: false, errorOccurred: true,
    });
    expect(interpretRealtimeStatus(2, 0x32)).toEqual({ coverOpen: false, paperFeeding: false, paperEndStop: true, errorOccurred: false });
  });

  it('n = 3: error causes', () => {
    expect(interpretRealtimeStatus(3, REPLIES.healthy)).toEqual({
      recoverableError: false, cutterError: false, unrecoverableError: false, autoRecoverableError: false,
    });
    expect(interpretRealtimeStatus(3, 0x1a)).toMatchObject({ cutterError: true, recoverableError: false });
    expect(interpretRealtimeStatus(3, 0x76)).toEqual({
      recoverableError: true, cutterError: false, unrecoverableError: true, autoRecoverableError: true,
    });
  });

  it('rejects other n', () => {
    expect(() => interpretRealtimeStatus(5 as never, 0x12)).toThrow(RangeError);
  });
});

describe('ASB blocks (protocols.md §2.5)', () => {
  it('healthy block: every field false', () => {
    const status = interpretAsb(REPLIES.asbHealthy);
    expect(Object.values(status).every((v) => v === false)).toBe(true);
    expect(Object.keys(status).sort()).toEqual([
      'autoRecoverableError', 'coverOpen', 'cutterError', 'feedButton', 'offline', 'paperEnd', 'paperFeeding',
      'paperNearEnd', 'recoverableError', 'unrecoverableError', 'waitingOnlineRecovery',
    ]);
  });

  it('offline, cover open, paper end', () => {
    expect(interpretAsb(REPLIES.asbOfflineCoverOpenPaperEnd)).toMatchObject({
      offline: true, coverOpen: true, paperEnd: true, paperNearEnd: false, paperFeeding: false, cutterError: false,
    });
  });

  it('byte 2 and byte 3 bits', () => {
    expect(interpretAsb(Uint8Array.of(0x50, 0x6f, 0x03, 0x00))).toEqual({
      offline: false, coverOpen: false, paperFeeding: true, waitingOnlineRecovery: true, feedButton: true,
      recoverableError: true, cutterError: true, unrecoverableError: true, autoRecoverableError: true,
      paperNearEnd: true, paperEnd: false,
    });
  });

  it('rejects a block of the wrong length', () => {
    expect(() => interpretAsb(Uint8Array.of(0x10, 0, 0))).toThrow(RangeError);
  });
});

describe('GS r 1 replies (protocols.md §2.1, §2.7)', () => {
  it('near end and paper end bits', () => {
    expect(interpretPaperStatus(0x00)).toEqual({ paperNearEnd: false, paperEnd: false });
    expect(interpretPaperStatus(0x03)).toEqual({ paperNearEnd: true, paperEnd: false });
    expect(interpretPaperStatus(0x0c)).toEqual({ paperNearEnd: false, paperEnd: true });
  });
});

describe('the presenter full status, DLE EOT 20 (protocols.md §2.6)', () => {
  const reply = (paper: number, user: number, recoverable: number, unrecoverable: number): Uint8Array => Uint8Array.of(0x10, 0x0f, paper, user, recoverable, unrecoverable);

  it('healthy, nothing in the mouth', () => {
    expect(interpretFullStatus(reply(0, 0, 0, 0))).toEqual({
      paperEnd: false, paperNearEnd: false, ticketNotTaken: false, coverOpen: false, autoRecoverableError: false,
      offline: false, recoverableError: false, cutterError: false, unrecoverableError: false,
    });
  });

  it('each bit of the table', () => {
    expect(interpretFullStatus(reply(0x01, 0, 0, 0))).toMatchObject({ paperEnd: true });
    expect(interpretFullStatus(reply(0x04, 0, 0, 0))).toMatchObject({ paperNearEnd: true, paperEnd: false });
    expect(interpretFullStatus(reply(0x20, 0, 0, 0))).toMatchObject({ ticketNotTaken: true });
    expect(interpretFullStatus(reply(0, 0x01, 0, 0))).toMatchObject({ coverOpen: true });
    expect(interpretFullStatus(reply(0, 0x02, 0, 0))).toMatchObject({ coverOpen: true });
    expect(interpretFullStatus(reply(0, 0x04, 0, 0))).toMatchObject({ coverOpen: false }); // spooling
    expect(interpretFullStatus(reply(0, 0, 0x01, 0))).toMatchObject({ autoRecoverableError: true });
    expect(interpretFullStatus(reply(0, 0, 0x08, 0))).toMatchObject({ offline: true });
    expect(interpretFullStatus(reply(0, 0, 0x40, 0))).toMatchObject({ recoverableError: true });
    expect(interpretFullStatus(reply(0, 0, 0x22, 0))).toMatchObject({ recoverableError: false, offline: false }); // RS232, not acknowledged
    expect(interpretFullStatus(reply(0, 0, 0, 0x01))).toMatchObject({ cutterError: true, unrecoverableError: false });
    for (const b of [0x04, 0x08, 0x40]) expect(interpretFullStatus(reply(0, 0, 0, b))).toMatchObject({ unrecoverableError: true });
  });

  it('refuses anything that is not 10 0F and four bytes', () => {
    expect(() => interpretFullStatus(Uint8Array.of(0x10, 0x0f, 0, 0, 0))).toThrow(RangeError);
    expect(() => interpretFullStatus(Uint8Array.of(0x10, 0x0e, 0, 0, 0, 0))).toThrow(RangeError);
  });
});
