/**
 * The simulated devices of one kiosk, by the configuration's device id (ARCHITECTURE.md §8.1): the same id
 * the host, logs, alerts and the control API use. Devices of any kind plug in through SimDevice.
 */
import type { SimDevice } from './sim-device';

export class SimRegistry {
  private readonly devices = new Map<string, SimDevice>();

  constructor(devices: Iterable<SimDevice> = []) {
    for (const d of devices) this.add(d);
  }

  add(device: SimDevice): this {
    if (this.devices.has(device.id)) throw new Error(`a simulated device "${device.id}" is already registered`);
    this.devices.set(device.id, device);
    return this;
  }

  get(id: string): SimDevice | undefined {
    return this.devices.get(id);
  }

  /** In registration order. */
  list(): SimDevice[] {
    return [...this.devices.values()];
  }

  /** Every device healthy and empty (POST /sim/reset). */
  resetAll(): void {
    for (const d of this.devices.values()) d.reset();
  }
}
