/**
 * The host's view of the device registry (ARCHITECTURE.md §8.1): devices by id, the roles they serve, and
 * their status. Devices are built elsewhere (main/composition.ts); this opens them, re-opens one that went
 * away (with back-off on the injected clock), and publishes status changes.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceSummary, TransportConfig } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { Device } from '../../../drivers/devices/device-types';

export interface ManagedDevice {
  device: Device;
  transport: TransportConfig['kind'];
}

export class DeviceManager {
  private readonly byId = new Map<string, ManagedDevice>();
  private readonly listeners = new Set<(id: string, status: DeviceStatus) => void>();
  private readonly retryTimers = new Map<string, TimerHandle>();
  private readonly retryDelay = new Map<string, number>();
  private stopped = false;

  constructor(
    devices: ManagedDevice[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly backoff = { initialMs: 1000, maxMs: 10_000 },
  ) {
    for (const managed of devices) {
      this.byId.set(managed.device.id, managed);
      managed.device.onStatusChanged((_delta, status) => {
        for (const l of [...this.listeners]) l(managed.device.id, status);
        if (status.device === 'noDevice') this.scheduleReopen(managed.device);
      });
    }
  }

  /** Opens and enables every device; one that fails stays `noDevice` and is retried in the background. */
  async start(): Promise<void> {
    await Promise.all([...this.byId.values()].map(({ device }) => this.tryOpen(device)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.retryTimers.values()) t.cancel();
    this.retryTimers.clear();
    await Promise.all([...this.byId.values()].map(({ device }) => device.close().catch(() => undefined)));
  }

  get(id: string): Device | undefined {
    return this.byId.get(id)?.device;
  }

  /** The device serving a role, if the configuration names one. */
  forRole<T extends Device = Device>(role: DeviceRole): T | undefined {
    for (const { device } of this.byId.values()) if (device.roles.includes(role)) return device as T;
    return undefined;
  }

  summaries(): DeviceSummary[] {
    return [...this.byId.values()].map(({ device, transport }) => ({
      id: device.id,
      roles: [...device.roles],
      driver: device.driver,
      model: device.model,
      transport,
      status: device.status,
    }));
  }

  onStatusChanged(listener: (id: string, status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async tryOpen(device: Device): Promise<void> {
    try {
      await device.open();
      await device.enable();
      this.retryDelay.delete(device.id);
      this.log.info('device ready', { deviceId: device.id, status: device.status });
    } catch (err) {
      this.log.warn('device could not be opened', { deviceId: device.id, error: err instanceof Error ? err.message : String(err) });
      this.scheduleReopen(device);
    }
  }

  private scheduleReopen(device: Device): void {
    if (this.stopped || this.retryTimers.has(device.id)) return;
    const delay = this.retryDelay.get(device.id) ?? this.backoff.initialMs;
    this.retryDelay.set(device.id, Math.min(delay * 2, this.backoff.maxMs));
    this.retryTimers.set(
      device.id,
      this.clock.setTimer(delay, () => {
        this.retryTimers.delete(device.id);
        if (this.stopped || device.status.device !== 'noDevice') return;
        void device.close().catch(() => undefined).then(() => this.tryOpen(device));
      }),
    );
  }
}
