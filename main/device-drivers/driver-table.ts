/**
 * The driver table (ARCHITECTURE.md §8.14): one entry per `driver` name of the device registry, holding its
 * configuration part (driver-configs.ts: models, transports, options, checks) and its two factories: the
 * device class that drives the hardware, and the simulator that stands in for it in training. composition.ts
 * stays the one place that chooses between them; it looks drivers up here and never names one.
 *
 * Devices differ in what their link carries, so an entry says (`link`): a byte stream (serial, TCP, usblp:
 * printers, card readers, fingerprint modules; the default), HID reports (a HID POS scanner), or camera frames
 * (the face camera, whose simulator is its frame source), or an address (`url`: IPP, a vendor's local HTTP
 * service). composition.ts builds the matching link.
 */
import type { Clock } from '../../common/clock';
import type { DeviceRole } from '../../common/device';
import type { HallMap } from '../../common/hall-map';
import type { Logger } from '../../common/logger';
import type { SimDevice } from '../../devices-sim/sim-device';
import type { Device } from '../../drivers/devices/device-types';
import type { StatisticsStore } from '../../drivers/devices/statistics';
import type { FaceFrameSource } from '../../drivers/devices/face-camera-types';
import type { ReportTransport } from '../../drivers/transport/report-transport';
import type { Transport } from '../../drivers/transport/transport';
import type { DriverConfigPart } from './driver-config';
import { DRIVER_CONFIGS, type DriverName } from './driver-configs';
import { DOCCAM_FACTORIES } from './doccam-driver';
import { ESCPOS_FACTORIES } from './escpos-driver';
import { FACECAM_FACTORIES } from './facecam-driver';
import { GA467_FACTORIES } from './ga467-driver';
import { HIDPOS_FACTORIES } from './hidpos-driver';
import { IPP_FACTORIES } from './ipp-driver';
import { LOCKER_FACTORIES } from './locker-driver';
import { ROBOTLINE_FACTORIES } from './robotline-driver';
import { ZFM_FACTORIES } from './zfm-driver';

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
  /** The hall's map (`hall.map`), for a simulator that walks it (the robot base); absent: its own small one. */
  hallMap?: HallMap;
}

/** A device class that reads and writes a byte stream (drivers/transport/transport.ts). */
export interface ByteDriverFactories {
  link?: 'bytes';
  createDevice(ctx: DeviceContext, transport: Transport): Device;
  createSimulator(ctx: SimContext): RunnableSim;
}

/** A device class that speaks HID reports (drivers/transport/report-transport.ts). */
export interface ReportDriverFactories {
  link: 'reports';
  createDevice(ctx: DeviceContext, transport: ReportTransport): Device;
  createSimulator(ctx: Omit<SimContext, 'transport'> & { transport: ReportTransport }): RunnableSim;
}

/** A camera: the device class takes frames from a source; in training the simulator is that source. */
export interface FrameDriverFactories {
  link: 'frames';
  createDevice(ctx: DeviceContext, source: FaceFrameSource): Device;
  createSimulator(ctx: Omit<SimContext, 'transport'>): RunnableSim & FaceFrameSource;
}

/**
 * A device spoken to over HTTP at an address (an IPP printer, protocols.md §4; a document camera's vendor
 * service, §6). The simulator is a server on loopback at port 0, so its address is known only once it has
 * started: the device asks `endpoint()` when it opens, never before.
 */
export interface UrlDriverFactories {
  link: 'url';
  createDevice(ctx: DeviceContext, endpoint: () => string): Device;
  createSimulator(ctx: Omit<SimContext, 'transport'>): RunnableSim & { readonly url: string };
}

export type DriverFactories = ByteDriverFactories | ReportDriverFactories | FrameDriverFactories | UrlDriverFactories;

export type DriverEntry = DriverConfigPart & DriverFactories;

const FACTORIES: { [K in DriverName]: DriverFactories } = {
  escpos: ESCPOS_FACTORIES,
  ga467: GA467_FACTORIES,
  zfm: ZFM_FACTORIES,
  hidpos: HIDPOS_FACTORIES,
  facecam: FACECAM_FACTORIES,
  robotline: ROBOTLINE_FACTORIES,
  ipp: IPP_FACTORIES,
  hlb: LOCKER_FACTORIES,
  doccam: DOCCAM_FACTORIES,
};

export const DRIVERS: { readonly [K in DriverName]: DriverEntry } = Object.fromEntries(
  Object.entries(DRIVER_CONFIGS).map(([name, config]) => [name, { ...config, ...FACTORIES[name as DriverName] }]),
) as { [K in DriverName]: DriverEntry };
