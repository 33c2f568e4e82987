/**
 * The smart locker driver's factories in the driver table (driver-table.ts): SerialLocker for real HLB/1 lock
 * boards, SimLocker for training, both from the same entry and the same `boards` (docs/locker-protocol.md §7).
 */
import { SimLocker } from '../../devices-sim/locker/sim-locker';
import { SerialLocker } from '../../drivers/devices/locker/serial-locker';
import type { DriverFactories } from './driver-table';
import type { LockerOptions } from './locker-config';

export const LOCKER_FACTORIES: DriverFactories = {
  createDevice: (ctx, transport) => {
    const o = ctx.options as LockerOptions;
    return new SerialLocker({
      id: ctx.id,
      roles: ctx.roles,
      model: ctx.model,
      transport,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      ...(o.boards !== undefined && { boards: o.boards }),
      ...(o.pollMs !== undefined && { pollMs: o.pollMs }),
      ...(o.commandTimeoutMs !== undefined && { commandTimeoutMs: o.commandTimeoutMs }),
      ...(o.openTimeoutMs !== undefined && { openTimeoutMs: o.openTimeoutMs }),
      ...(o.openConfirmMs !== undefined && { openConfirmMs: o.openConfirmMs }),
      ...(o.missedBeforeOffline !== undefined && { missedBeforeOffline: o.missedBeforeOffline }),
    });
  },
  createSimulator: (ctx) => {
    const o = ctx.options as LockerOptions;
    return new SimLocker({
      id: ctx.id,
      model: ctx.model,
      roles: ctx.roles,
      transport: ctx.transport,
      clock: ctx.clock,
      ...(o.boards !== undefined && { boards: o.boards }),
      ...(o.simCloseAfterMs !== undefined && { closeAfterMs: o.simCloseAfterMs }),
    });
  },
};
