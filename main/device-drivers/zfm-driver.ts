/**
 * The fingerprint module driver's factories in the driver table (driver-table.ts): ZfmFingerprintReader for
 * real modules, SimZfmFingerprint for training, both from the same registry entry and options (protocols.md §3).
 */
import { SimZfmFingerprint } from '../../devices-sim/zfm/sim-zfm-fingerprint';
import { ZfmFingerprintReader } from '../../drivers/devices/zfm/zfm-fingerprint-reader';
import type { DriverFactories } from './driver-table';
import type { ZfmOptions } from './zfm-config';

const link = (options: ZfmOptions): ZfmOptions => ({
  ...(options.address !== undefined && { address: options.address }),
  ...(options.password !== undefined && { password: options.password }),
});

export const ZFM_FACTORIES: DriverFactories = {
  createDevice: (ctx, transport) =>
    new ZfmFingerprintReader({ id: ctx.id, roles: ctx.roles, model: ctx.model, transport, clock: ctx.clock, log: ctx.log, statistics: ctx.statistics, ...link(ctx.options as ZfmOptions) }),
  createSimulator: (ctx) => new SimZfmFingerprint({ id: ctx.id, model: ctx.model, roles: ctx.roles, transport: ctx.transport, clock: ctx.clock, ...link(ctx.options as ZfmOptions) }),
};
