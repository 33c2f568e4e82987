/**
 * The ESC/POS driver's factories in the driver table (driver-table.ts): EscPosPrinter for real printers,
 * SimEscPosPrinter for training, both from the same registry entry (protocols.md §2).
 */
import { SimEscPosPrinter } from '../../devices-sim/escpos/sim-escpos-printer';
import { EscPosPrinter } from '../../drivers/devices/escpos/escpos-printer';
import type { DriverFactories } from './driver-table';
import type { EscPosOptions } from './escpos-config';

export const ESCPOS_FACTORIES: DriverFactories = {
  createDevice(ctx, transport) {
    const options = ctx.options as EscPosOptions;
    return new EscPosPrinter({
      id: ctx.id,
      roles: ctx.roles,
      model: ctx.model,
      transport,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      timeZone: ctx.timeZone,
      ...(options.presentTimeoutS !== undefined && { presentTimeoutS: options.presentTimeoutS }),
    });
  },
  createSimulator(ctx) {
    const options = ctx.options as EscPosOptions;
    return new SimEscPosPrinter({
      id: ctx.id,
      model: ctx.model,
      roles: ctx.roles,
      transport: ctx.transport,
      clock: ctx.clock,
      lineTimeMs: ctx.lineTimeMs,
      ...(options.simTicketTakenAfterMs !== undefined && { ticketTakenAfterMs: options.simTicketTakenAfterMs }),
    });
  },
};
