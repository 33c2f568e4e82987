/**
 * The host's view of the device registry (ARCHITECTURE.md §8.1): devices by id, the roles they serve, and
 * their status. Devices are built elsewhere (main/composition.ts); this opens them, re-opens one whose link
 * was lost (with back-off on the injected clock, logged), and publishes status changes.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus, DeviceSummary, TransportConfig } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { Device } from '../../../drivers/devices/device-types';

export interface ManagedDevice {
  device: Device;
  transport: TransportConfig['kind'];
}

/**
 * When the link counts as lost, per transport kind (issue 13 §2): the device is closed and reopened until it
 * answers. `noDevice` everywhere (unplugged, connection closed, absent at start). On TCP also a device gone
 * silent (Device.silent: status rounds unanswered, reported offline): a printer behind a restarted switch may
 * have dropped its side of the connection without a word, and the kernel would notice only after many
 * minutes of retransmissions, so a new connection is the cure (keep-alive alone cannot tell while status
 * requests are unanswered). A printer that answers and says it is offline is left alone: a new connection
 * would not change its mind. A local link (serial, usblp) cannot go half-open: its loss comes from the
 * kernel as noDevice.
 */
export const LINK_LOST_IN: Readonly<Record<TransportConfig['kind'], { states: readonly DeviceState[]; whenSilent: boolean }>> = {
  sim: { states: ['noDevice'], whenSilent: false },
  serial: { states: ['noDevice'], whenSilent: false },
  tcp: { states: ['noDevice'], whenSilent: true },
  usblp: { states: ['noDevice'], whenSilent: false },
  hid: { states: ['noDevice'], whenSilent: false },
  usb: { states: ['noDevice'], whenSilent: false },
  // The renderer's camera (issue 14 item 5): reopening the device cannot bring it back; the renderer's report does.
  uvc: { states: [], whenSilent: false },
  // An address (issue 17): each request is its own connection, so a reopen is only needed once the device
  // itself says nothing answers there.
  ipp: { states: ['noDevice'], whenSilent: false },
  http: { states: ['noDevice'], whenSilent: false },
};

export class DeviceManager {
  private readonly byId = new Map<string, ManagedDevice>();
  private readonly listeners = new Set<(id: string, status: DeviceStatus) => void>();
  private readonly retryTimers = new Map<string, TimerHandle>();
  private readonly retryDelay = new Map<string, number>();
  /** Devices whose link was lost and is not back yet, with the reopen attempts so far (for the log). */
  private readonly lost = new Map<string, number>();
  private readonly unsubscribe = new Map<string, () => void>();
  private stopped = false;

  constructor(
    devices: ManagedDevice[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly backoff = { initialMs: 1000, maxMs: 10_000 },
  ) {
    for (const managed of devices) this.adopt(managed);
  }

  /** Keeps `managed` under this manager: its status reaches the listeners, a lost link is reopened. */
  private adopt(managed: ManagedDevice): void {
    this.byId.set(managed.device.id, managed);
    const off = managed.device.onStatusChanged((_delta, status) => {
      if (this.byId.get(managed.device.id) !== managed) return; // replaced since (a configuration change)
      for (const l of [...this.listeners]) l(managed.device.id, status);
      const id = managed.device.id;
      if (this.linkLost(managed)) {
        if (!this.lost.has(id)) this.log.warn('device link lost; reopening with back-off', { deviceId: id, transport: managed.transport, state: status.device });
        if (!this.lost.has(id)) this.lost.set(id, 0);
        this.scheduleReopen(managed.device);
      } else if (this.lost.has(id) && status.device !== 'starting') {
        // Back for real (answering), not merely reopened: only now does the back-off start over.
        this.log.info('device back after its link was lost', { deviceId: id, reopenAttempts: this.lost.get(id), state: status.device });
        this.lost.delete(id);
        this.retryDelay.delete(id);
      }
    });
    this.unsubscribe.set(managed.device.id, off);
  }

  /**
   * A technician changed the device's configuration (issue 15 §3): the old device is closed, `next` (built on
   * the new link) takes its place under the same id and is opened; a failed open is retried like any other.
   */
  async replace(next: ManagedDevice): Promise<void> {
    const id = next.device.id;
    const old = this.byId.get(id);
    if (!old) throw new Error(`no device ${id} to replace`);
    this.retryTimers.get(id)?.cancel();
    this.retryTimers.delete(id);
    this.retryDelay.delete(id);
    this.lost.delete(id);
    this.unsubscribe.get(id)?.();
    await old.device.close().catch(() => undefined);
    this.adopt(next);
    for (const l of [...this.listeners]) l(id, next.device.status);
    await this.tryOpen(next.device);
    for (const l of [...this.listeners]) l(id, next.device.status);
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

  /** The configured transport kind of a device (alert wording names the link, device-alerts.ts). */
  transportKind(id: string): TransportConfig['kind'] | undefined {
    return this.byId.get(id)?.transport;
  }

  onStatusChanged(listener: (id: string, status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async tryOpen(device: Device): Promise<void> {
    try {
      await device.open();
      await device.enable();
      if (!this.lost.has(device.id)) this.retryDelay.delete(device.id);
      this.log.info('device opened', { deviceId: device.id, status: device.status });
    } catch (err) {
      this.log.warn('device could not be opened', { deviceId: device.id, error: err instanceof Error ? err.message : String(err) });
      this.scheduleReopen(device);
    }
  }

  private linkLost(managed: ManagedDevice): boolean {
    const rule = LINK_LOST_IN[managed.transport];
    const { device } = managed;
    return rule.states.includes(device.status.device) || (rule.whenSilent && device.status.device === 'offline' && device.silent === true);
  }

  private scheduleReopen(device: Device): void {
    if (this.stopped || this.retryTimers.has(device.id)) return;
    const delay = this.retryDelay.get(device.id) ?? this.backoff.initialMs;
    this.retryDelay.set(device.id, Math.min(delay * 2, this.backoff.maxMs));
    this.retryTimers.set(
      device.id,
      this.clock.setTimer(delay, () => {
        this.retryTimers.delete(device.id);
        const managed = this.byId.get(device.id);
        if (this.stopped || !managed || !this.linkLost(managed)) return;
        if (this.lost.has(device.id)) this.lost.set(device.id, (this.lost.get(device.id) ?? 0) + 1);
        void device
          .close()
          .catch(() => undefined)
          .then(() => this.tryOpen(device))
          // Opened but still not answering (a status that did not change): try again, with back-off.
          .then(() => this.linkLost(managed) && this.scheduleReopen(device));
      }),
    );
  }
}
