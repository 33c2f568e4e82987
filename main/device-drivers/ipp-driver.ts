/**
 * The IPP document printer's factories in the driver table (driver-table.ts `link: 'url'`; issue 17 §1):
 * IppDocumentPrinter for a real printer or CUPS queue at the configured url, and SimIppPrinter, an IPP server
 * on 127.0.0.1 at port 0 in training, whose url the device asks for when it opens.
 */
import { SimIppPrinter } from '../../devices-sim/ipp/sim-ipp-printer';
import { IppDocumentPrinter } from '../../drivers/devices/ipp/ipp-document-printer';
import type { UrlDriverFactories } from './driver-table';
import type { IppOptions } from './ipp-config';

export const IPP_FACTORIES: UrlDriverFactories = {
  link: 'url',
  createDevice(ctx, endpoint) {
    const o = ctx.options as IppOptions;
    return new IppDocumentPrinter({
      id: ctx.id,
      roles: ctx.roles,
      model: ctx.model,
      endpoint,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      ...(o.pollIntervalMs !== undefined && { pollIntervalMs: o.pollIntervalMs }),
      ...(o.jobPollMs !== undefined && { jobPollMs: o.jobPollMs }),
      ...(o.requestTimeoutMs !== undefined && { requestTimeoutMs: o.requestTimeoutMs }),
      ...(o.userName !== undefined && { userName: o.userName }),
    });
  },
  createSimulator(ctx) {
    const o = ctx.options as IppOptions;
    // lineTimeMs 0 (benchmarks) means instant printing here too.
    const pageMs = ctx.lineTimeMs === 0 ? 0 : o.simPageMs;
    return new SimIppPrinter({
      id: ctx.id,
      model: ctx.model,
      roles: ctx.roles,
      clock: ctx.clock,
      ...(pageMs !== undefined && { pageMs }),
      ...(o.simTraySheets !== undefined && { tray: { capacity: o.simTraySheets } }),
    });
  },
};
