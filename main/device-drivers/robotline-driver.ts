/**
 * The robot base driver's factories in the driver table (driver-table.ts): LineRobotBase for a real base,
 * SimRobotBase for training, walking the kiosk's hall map (SimContext.hallMap), both from the same entry.
 */
import { SimRobotBase } from '../../devices-sim/robot-base/sim-robot-base';
import { LineRobotBase } from '../../drivers/devices/robot-base/line-robot-base';
import type { DriverFactories } from './driver-table';
import type { RobotLineOptions } from './robotline-config';

export const ROBOTLINE_FACTORIES: DriverFactories = {
  createDevice: (ctx, transport) => {
    const o = ctx.options as RobotLineOptions;
    return new LineRobotBase({
      id: ctx.id,
      roles: ctx.roles,
      model: ctx.model,
      transport,
      clock: ctx.clock,
      log: ctx.log,
      statistics: ctx.statistics,
      ...(o.pollMs !== undefined && { pollMs: o.pollMs }),
      ...(o.commandTimeoutMs !== undefined && { commandTimeoutMs: o.commandTimeoutMs }),
      ...(o.missedBeforeOffline !== undefined && { missedBeforeOffline: o.missedBeforeOffline }),
    });
  },
  createSimulator: (ctx) => {
    const o = ctx.options as RobotLineOptions;
    return new SimRobotBase({
      id: ctx.id,
      model: ctx.model,
      roles: ctx.roles,
      transport: ctx.transport,
      clock: ctx.clock,
      ...(ctx.hallMap !== undefined && { map: ctx.hallMap }),
      ...(o.simSpeedMps !== undefined && { speedMps: o.simSpeedMps }),
      ...(o.simBatteryPercent !== undefined && { batteryPercent: o.simBatteryPercent }),
    });
  },
};
