/**
 * The driver table (ARCHITECTURE.md §8.14): one entry per `driver` name of the device registry, holding its
 * configuration part (driver-configs.ts: models, transports, options, checks) and its two factories: the
 * device class that drives the hardware, and the simulator that stands in for it in training. composition.ts
 * stays the one place that chooses between them; it looks drivers up here and never names one.
 */
import type { Clock } from '../../common/clock';
import type { DeviceRole } from '../../common/device';
import type { Logger } from '../../common/logger';
import type { SimDevice } from '../../devices-sim/sim-device';
import type { Device } from '../../drivers/devices/device-types';
import type { StatisticsStore } from '../../drivers/devices/statistics';
import type { Transport } from '../../drivers/transport/transport';
import type { DriverConfigPart } from './driver-config';
import { DRIVER_CONFIGS, type DriverName } from './driver-configs';
import { ESCPOS_FACTORIES } from './escpos-driver';
import { GA467_FACTORIES } from './ga467-driver';

/** What every device of the registry is built from. `options`: the entry's validated `options`. */
export interface DeviceContext {
  id: string;
  roles: DeviceRole[];
  model: string;
  options: Record<string, unknown>;
  clock: Clock;
  log: Logger;
  statistics: StatisticsStore;
  /** The hall's, for anything a device prints or stamps with a date (§8.4). */
  timeZone: string;
}

/** A simulator as the host runs it: the control API's SimDevice, started and stopped with the kiosk. */
export interface RunnableSim extends SimDevice {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface SimContext extends Pick<DeviceContext, 'id' | 'roles' | 'model' | 'options' | 'clock'> {
  /** The device end of the link whose host end the device class gets. */
  transport: Transport;
  /** Per-line print time, where it prints (0 = instant, for benchmarks); default: the model's. */
  lineTimeMs?: number;
}

export interface DriverFactories {
  createDevice(ctx: DeviceContext, transport: Transport): Device;
  createSimulator(ctx: SimContext): RunnableSim;
}

export type DriverEntry = DriverConfigPart & DriverFactories;

const FACTORIES: { [K in DriverName]: DriverFactories } = {
  escpos: ESCPOS_FACTORIES,
  ga467: GA467_FACTORIES,
};

export const DRIVERS: { readonly [K in DriverName]: DriverEntry } = Object.fromEntries(
  Object.entries(DRIVER_CONFIGS).map(([name, config]) => [name, { ...config, ...FACTORIES[name as DriverName] }]),
) as { [K in DriverName]: DriverEntry };
