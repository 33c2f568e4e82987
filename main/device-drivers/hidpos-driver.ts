/**
 * The HID POS scanner's factories in the driver table (driver-table.ts): HidPosBarcodeScanner for real
 * scanners, SimHidScanner for training, both from the same registry entry. HID moves reports, not bytes
 * (drivers/transport/report-transport.ts), so these factories take and give a ReportTransport
 * (driver-table.ts `link: 'reports'`).
 */
import { SimHidScanner } from '../../devices-sim/hid-scanner/sim-hid-scanner';
import { HidPosBarcodeScanner } from '../../drivers/devices/hidpos/hidpos-barcode-scanner';
import type { ReportDriverFactories } from './driver-table';
import type { HidPosOptions } from './hidpos-config';

export const HIDPOS_FACTORIES: ReportDriverFactories = {
  link: 'reports',
  createDevice(ctx, transport) {
    const options = ctx.options as HidPosOptions;
    return new HidPosBarcodeScanner({
      id: ctx.id,
      roles: ctx.roles,
      model: ctx.model,
      transport,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      ...(options.continuationTimeoutMs !== undefined && { continuationTimeoutMs: options.continuationTimeoutMs }),
    });
  },
  createSimulator(ctx) {
    const options = ctx.options as HidPosOptions;
    return new SimHidScanner({ id: ctx.id, model: ctx.model, roles: ctx.roles, transport: ctx.transport, clock: ctx.clock, ...(options.simOutput && { output: options.simOutput }) });
  },
};
