/**
 * Ticket and receipt printers (ARCHITECTURE.md §3, §8.3). A print is done only when the printer confirms
 * it processed everything up to the cut (protocols.md §2.7), never because bytes were written.
 */
import type { KioskErrorInfo } from '../../common/errors';
import type { PrintDocument } from '../../common/print-document';
import type { CommandOptions, Device } from './device-types';

export interface PrintEvents {
  /**
   * Called once the printer was found ready, just before the job's first byte is written: from here on
   * paper may move, so a crash after this point leaves the outcome uncertain, not void.
   */
  onSending?: () => void;
  /**
   * Presenter printers (protocols.md §2.6), after a confirmed job: the ticket waits in the mouth. Called
   * once the job confirmed; `onRemoved` follows when the mouth is empty: taken by the citizen, retracted by
   * the printer after its time-out, or unknown (the printer went away, or a newer ticket came first).
   */
  onPresented?: () => void;
  onRemoved?: (how: TicketRemoval) => void;
}

export type TicketRemoval = 'taken' | 'retracted' | 'unknown';

/**
 * confirmed: the printer confirmed the job through the cut.
 * notPrinted: the printer refused or was not ready before any byte went out; no paper moved.
 * incomplete: the printer reported a fault (paper end, cover, cutter) before confirming; it may have printed
 *   part of the job, and its buffer was cleared so the rest never prints later.
 * unknown: the printer went silent or vanished after bytes went out; the paper may or may not be in the tray.
 */
export type PrintResult =
  | { outcome: 'confirmed' }
  | { outcome: 'notPrinted'; error: KioskErrorInfo }
  | { outcome: 'incomplete'; error: KioskErrorInfo }
  | { outcome: 'unknown'; error: KioskErrorInfo };

export interface TicketPrinter extends Device {
  print(document: PrintDocument, options?: CommandOptions<PrintEvents>): Promise<PrintResult>;
}

/** The same device class serves receipts; a role name keeps call sites honest. */
export type ReceiptPrinter = TicketPrinter;
