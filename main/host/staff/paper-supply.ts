/**
 * A printer's paper as staff need it (issue 15 §2): the state it reports, and the tickets left on the roll
 * estimated from its statistics since the last guided exchange and the roll length in the model table.
 */
import type { DeviceRole, DeviceStatus } from '../../../common/device';
import type { PrinterSupply, RestockView } from '../../../common/staff-desk';
import type { DeviceStatistics } from '../../../drivers/devices/device-types';
import type { RollStart } from './paper-roll-store';

/** A text line at the default line spacing, ESC 2 (1/6 inch; protocols.md §2.1). */
export const LINE_MM = 25.4 / 6;
/** Paper fed past the head to reach the cutter at each cut [C]: the distance of a typical 80 mm kiosk mechanism. */
export const CUT_FEED_MM = 12;
/** A ticket when nothing was printed yet to measure one by: 20 lines [C]. */
export const DEFAULT_TICKET_MM = 20 * LINE_MM + CUT_FEED_MM;
/** What remains when the near-end sensor trips [C]: sensors sit at about 1.5 m of paper. */
export const NEAR_END_MM = 1500;

export interface SupplyInputs {
  deviceId: string;
  roles: readonly DeviceRole[];
  model: string;
  status: DeviceStatus;
  statistics: DeviceStatistics;
  rollLengthMm: number | null;
  rollStart: RollStart | null;
  restock: RestockView | null;
}

export function paperSupply(i: SupplyInputs): PrinterSupply {
  const lines = i.statistics.linesPrinted ?? 0;
  const cuts = i.statistics.cuts ?? 0;
  const linesSince = Math.max(0, lines - (i.rollStart?.linesAt ?? 0));
  const cutsSince = Math.max(0, cuts - (i.rollStart?.cutsAt ?? 0));
  const usedMm = linesSince * LINE_MM + cutsSince * CUT_FEED_MM;
  // The average ticket of this printer: of this roll when it has printed some, else of its life, else a default.
  const averageMm = cutsSince > 0 ? usedMm / cutsSince : cuts > 0 ? (lines * LINE_MM + cuts * CUT_FEED_MM) / cuts : DEFAULT_TICKET_MM;
  const paper = i.status.printer?.paper;
  let leftMm: number | null = i.rollLengthMm === null || i.rollStart === null ? null : Math.max(0, i.rollLengthMm - usedMm);
  // The printer's own sensors outrank the estimate: out is none left, near-end is at most what it leaves.
  if (paper === 'out') leftMm = 0;
  else if (paper === 'low') leftMm = Math.min(leftMm ?? NEAR_END_MM, NEAR_END_MM);
  const supply: PrinterSupply = {
    deviceId: i.deviceId,
    roles: [...i.roles],
    model: i.model,
    device: i.status.device,
    rollLengthMm: i.rollLengthMm,
    usedSinceExchangeMm: Math.round(usedMm),
    ticketsSinceExchange: cutsSince,
    ticketsLeft: leftMm === null ? null : Math.floor(leftMm / averageMm),
    lastExchangeAt: i.rollStart?.exchangedAt ?? null,
    restock: i.restock,
  };
  if (paper !== undefined) supply.paper = paper;
  if (i.status.printer?.coverOpen !== undefined) supply.coverOpen = i.status.printer.coverOpen;
  if (i.status.printer?.mediaPresented !== undefined) supply.mediaPresented = i.status.printer.mediaPresented;
  return supply;
}
