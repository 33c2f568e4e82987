/**
 * The GA 467 ID-card reader's factories in the driver table (driver-table.ts): Ga467IdCardReader for real
 * readers, SimGa467Reader for training, both from the same registry entry (protocols.md §1).
 */
import { SimGa467Reader } from '../../devices-sim/ga467/sim-ga467-reader';
import { Ga467IdCardReader } from '../../drivers/devices/ga467/ga467-id-card-reader';
import { ga467ReaderModel } from '../../drivers/protocol/ga467/reader-models';
import type { DriverFactories } from './driver-table';

export const GA467_FACTORIES: DriverFactories = {
  createDevice: (ctx, transport) =>
    new Ga467IdCardReader({ id: ctx.id, roles: ctx.roles, model: ctx.model, transport, clock: ctx.clock, log: ctx.log, statistics: ctx.statistics }),
  // The simulated reader behaves as its model row says a card lifted after a read shows (or does not).
  createSimulator: (ctx) =>
    new SimGa467Reader({ id: ctx.id, model: ctx.model, roles: ctx.roles, transport: ctx.transport, clock: ctx.clock, removalProbe: ga467ReaderModel(ctx.model).removalProbe }),
};
