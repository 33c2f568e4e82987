/**
 * The bytes a printer sends about itself: the DLE EOT n reply (protocols.md §2.4), the 4-byte Automatic
 * Status Back block (§2.5) and the GS r 1 paper-sensor reply (§2.1, §2.7), all built from one condition
 * snapshot so the three can never disagree.
 */
import { ASB_ERROR, ASB_ONLINE, ASB_PAPER } from '../../drivers/protocol/escpos/constants';

export interface PrinterCondition {
  offline: boolean;
  coverOpen: boolean;
  /** Printing stopped because the roll ran out. */
  paperEnd: boolean;
  /** Reported only when the model has the near-end sensor (§2.4: without it bits 2 and 3 read 0). */
  paperNearEnd: boolean;
  cutterError: boolean;
  /** A paper jam: the recoverable (mechanical) error of DLE EOT 3 bit 2 (§2.4). */
  paperJam: boolean;
  /** The head is too hot: the automatically recoverable error of DLE EOT 3 bit 6 (§2.4). */
  headOverheat: boolean;
  /** DLE EOT 1 bit 7 on printers that report it (§2.6, Cashino): the ticket is still in the mouth. */
  ticketNotTaken: boolean;
  /** A presenter holds a ticket in its mouth: the full status's paper byte bit 5 (§2.6, Custom). */
  ticketInOutput: boolean;
}

// DLE EOT n replies (protocols.md §2.4): bits 1 and 4 fixed 1, bits 0 and 7 fixed 0 (bit 7 is P5's ticket bit).
export const RT_FIXED = 0x12;
export const RT1_OFFLINE = 0x08;
export const RT1_TICKET_NOT_TAKEN = 0x80;
export const RT2_COVER_OPEN = 0x04;
export const RT2_PAPER_END_STOP = 0x20;
export const RT2_ERROR = 0x40;
export const RT3_RECOVERABLE = 0x04;
export const RT3_CUTTER_ERROR = 0x08;
export const RT3_AUTO_RECOVERABLE = 0x40;
export const RT4_NEAR_END = 0x0c;
export const RT4_PAPER_END = 0x60;

// ASB block (protocols.md §2.5).
export const ASB1_FIXED = 0x10;
export const ASB1_OFFLINE = 0x08;
export const ASB1_COVER_OPEN = 0x20;
export const ASB2_RECOVERABLE = 0x04;
export const ASB2_CUTTER_ERROR = 0x08;
export const ASB2_AUTO_RECOVERABLE = 0x40;
export const ASB3_NEAR_END = 0x03;
export const ASB3_PAPER_END = 0x0c;

// GS r 1 (protocols.md §2.1, §2.5 "GS r replies have bit 4 = 0").
export const PS_NEAR_END = 0x03;
export const PS_PAPER_END = 0x0c;

function isError(c: PrinterCondition): boolean {
  return c.cutterError || c.paperJam || c.headOverheat;
}

/** Epson goes offline for a cover, a paper end or an error (§2.4 n = 1, bit 3). */
function isOffline(c: PrinterCondition): boolean {
  return c.offline || c.coverOpen || c.paperEnd || isError(c);
}

export function realtimeStatusByte(n: 1 | 2 | 3 | 4, c: PrinterCondition): number {
  switch (n) {
    case 1:
      return RT_FIXED | (isOffline(c) ? RT1_OFFLINE : 0) | (c.ticketNotTaken ? RT1_TICKET_NOT_TAKEN : 0);
    case 2:
      return RT_FIXED | (c.coverOpen ? RT2_COVER_OPEN : 0) | (c.paperEnd ? RT2_PAPER_END_STOP : 0) | (isError(c) ? RT2_ERROR : 0);
    case 3:
      return RT_FIXED | (c.paperJam ? RT3_RECOVERABLE : 0) | (c.cutterError ? RT3_CUTTER_ERROR : 0) | (c.headOverheat ? RT3_AUTO_RECOVERABLE : 0);
    case 4:
      // Paper end wins over near end: python-escpos reads 72, not 7E, as "no paper" (§2.4 worked values).
      return RT_FIXED | (c.paperEnd ? RT4_PAPER_END : c.paperNearEnd ? RT4_NEAR_END : 0);
  }
}

export function asbBlock(c: PrinterCondition): Uint8Array {
  return Uint8Array.of(
    ASB1_FIXED | (isOffline(c) ? ASB1_OFFLINE : 0) | (c.coverOpen ? ASB1_COVER_OPEN : 0),
    (c.paperJam ? ASB2_RECOVERABLE : 0) | (c.cutterError ? ASB2_CUTTER_ERROR : 0) | (c.headOverheat ? ASB2_AUTO_RECOVERABLE : 0),
    c.paperEnd ? ASB3_PAPER_END : c.paperNearEnd ? ASB3_NEAR_END : 0,
    0,
  );
}

// Full status to DLE EOT 20 on presenter printers (protocols.md §2.6, Custom VKP80 [V*]).
export const FS_PAPER_NOT_PRESENT = 0x01;
export const FS_PAPER_NEAR_END = 0x04;
export const FS_TICKET_IN_OUTPUT = 0x20;
export const FS_USER_COVER_OPEN = 0x01;
export const FS_REC_HEAD_TEMPERATURE = 0x01;
export const FS_REC_SUPPLY_VOLTAGE = 0x08;
export const FS_REC_PAPER_JAM = 0x40;
export const FS_UNREC_CUTTER = 0x01;

/**
 * `10 0F` paper user recoverable unrecoverable (§2.6). The full status has no offline bit; an offline
 * simulated printer shows the supply-voltage error, the one recoverable state that stops it for no other
 * reason [C].
 */
export function fullStatusReply(c: PrinterCondition): Uint8Array {
  return Uint8Array.of(
    0x10,
    0x0f,
    (c.paperEnd ? FS_PAPER_NOT_PRESENT : 0) | (c.paperNearEnd ? FS_PAPER_NEAR_END : 0) | (c.ticketInOutput ? FS_TICKET_IN_OUTPUT : 0),
    c.coverOpen ? FS_USER_COVER_OPEN : 0,
    (c.headOverheat ? FS_REC_HEAD_TEMPERATURE : 0) | (c.offline ? FS_REC_SUPPLY_VOLTAGE : 0) | (c.paperJam ? FS_REC_PAPER_JAM : 0),
    c.cutterError ? FS_UNREC_CUTTER : 0,
  );
}

export function paperStatusByte(c: PrinterCondition): number {
  return c.paperEnd ? PS_PAPER_END : c.paperNearEnd ? PS_NEAR_END : 0;
}

/**
 * Whether a change from `prev` to `next` is one the GS a mask asked to hear about (§2.5, Epson bits [C]):
 * bit 1 online/offline (byte 1), bit 2 errors (byte 2), bit 3 roll paper (byte 3). `prev` undefined: the
 * first block after enabling, always sent.
 */
export function asbChangeWanted(mask: number, prev: Uint8Array | undefined, next: Uint8Array): boolean {
  if (mask === 0) return false;
  if (!prev) return true;
  return (
    ((mask & ASB_ONLINE) !== 0 && prev[0] !== next[0]) ||
    ((mask & ASB_ERROR) !== 0 && prev[1] !== next[1]) ||
    ((mask & ASB_PAPER) !== 0 && prev[2] !== next[2])
  );
}
