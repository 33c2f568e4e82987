/**
 * A printer's state in staff words (issue 15 §2): its name, its paper, and what is wrong with it, if anything.
 * The host reports; these only say it.
 */
import type { DeviceState } from '../../../common/device';
import type { PrinterSupply } from '../../../common/staff-desk';
import type { StaffMessageId } from './i18n/staff-text';

/** What stops a printer from printing, most pressing first; null when it can print. */
export type SupplyProblem = 'offline' | 'jammed' | 'coverOpen' | 'paperOut' | 'fault';

export function supplyProblem(supply: PrinterSupply): SupplyProblem | null {
  if (supply.device === 'offline' || supply.device === 'noDevice') return 'offline';
  if (supply.paper === 'jammed') return 'jammed';
  if (supply.coverOpen === true) return 'coverOpen';
  if (supply.paper === 'out') return 'paperOut';
  if (supply.device === 'hardwareError' || supply.device === 'fraudAttempt' || supply.device === 'userError') return 'fault';
  return null;
}

export function paperWordsId(supply: PrinterSupply): StaffMessageId {
  return supply.paper === undefined ? 'paper.unknown' : `paper.${supply.paper}`;
}

export function deviceWordsId(state: DeviceState): StaffMessageId {
  return `device.${state}`;
}

const PRINTER_ROLE_IDS = { ticketPrinter: 'printer.ticketPrinter', receiptPrinter: 'printer.receiptPrinter', documentPrinter: 'printer.documentPrinter' } as const;

/** The printer's first printing role in words ("号票打印机"). */
export function printerRoleId(supply: PrinterSupply): StaffMessageId {
  for (const role of supply.roles) if (role in PRINTER_ROLE_IDS) return PRINTER_ROLE_IDS[role as keyof typeof PRINTER_ROLE_IDS];
  return 'printer.other';
}
