/**
 * Maintenance mode per device (issue 15 §3; ARCHITECTURE.md §3 "a technician's diagnostics claim it
 * exclusively: the UI shows 暂停服务 until released"). Entering claims the device for the technician
 * (Device.claim, owner `maintenance:<actor>`) and, by default, disables it so its own status polling leaves the
 * link to the raw console and the interactive checks; releasing gives it back and re-enables it if it was
 * enabled. Citizen flows do not claim devices, so the hold is what they ask (`isHeld`, maintenance-
 * availability.ts): availability says `maintenance` and the services treat the device as absent. Every enter
 * and release is audited; a signed-out technician's holds are released by `releaseAllOf`.
 */
import type { Clock } from '../../../common/clock';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import type { Device } from '../../../drivers/devices/device-types';
import { DiagnosticsError, bilingual } from './diagnostics-error';

export interface MaintenanceHolder {
  /** The technician (staff account id) who holds the device. */
  actor: string;
  /** Clock time the hold began, epoch ms. */
  since: number;
}

export type ReleaseReason = 'byHand' | 'sessionEnded';

export interface MaintenanceAudit {
  actor: string;
  action: 'device.maintenance.enter' | 'device.maintenance.release';
  subject: string;
  detail: { claimed?: boolean; quiesced?: boolean; reason?: ReleaseReason; heldMs?: number; reEnabled?: boolean };
}

export interface MaintenanceOptions {
  devices: { get(id: string): Device | undefined };
  clock: Clock;
  audit(entry: MaintenanceAudit): void | Promise<void>;
  /** Disable a held device (its polling stops) and enable it again on release. Default true. */
  quiesce?: boolean;
  log?: Logger;
}

interface Hold extends MaintenanceHolder {
  /** The device claim succeeded (false for a device whose link is closed: there is nothing to claim yet). */
  claimed: boolean;
  wasEnabled: boolean;
}

const ownerOf = (actor: string): string => `maintenance:${actor}`;

export class Maintenance {
  private readonly holds = new Map<string, Hold>();
  private readonly listeners = new Set<(deviceId: string, holder: MaintenanceHolder | undefined) => void>();
  private readonly quiesce: boolean;
  private readonly log: Logger;

  constructor(private readonly options: MaintenanceOptions) {
    this.quiesce = options.quiesce ?? true;
    this.log = options.log ?? SILENT_LOGGER;
  }

  /** Claims `deviceId` for `actor`. Entering again by the same technician is a no-op. */
  async enter(deviceId: string, actor: string): Promise<MaintenanceHolder> {
    const device = this.options.devices.get(deviceId);
    if (device === undefined) throw new DiagnosticsError('unknownDevice', bilingual(`没有设备 ${deviceId}`, `no device ${deviceId}`));
    const existing = this.holds.get(deviceId);
    if (existing !== undefined) {
      if (existing.actor === actor) return { actor, since: existing.since };
      throw new DiagnosticsError('heldByOther', bilingual(`${deviceId} 正由 ${existing.actor} 维护中`, `${deviceId} is held for maintenance by ${existing.actor}`));
    }
    let claimed = true;
    try {
      device.claim(ownerOf(actor));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'deviceNotReady') {
        throw new DiagnosticsError('deviceInUse', bilingual(`${deviceId} 正在使用中,无法进入维护模式:${(err as Error).message}`, `${deviceId} is in use and cannot enter maintenance mode: ${(err as Error).message}`));
      }
      claimed = false; // closed (absent, unplugged): held all the same, so it is not handed to a citizen when it comes back
    }
    const wasEnabled = device.lifecycle === 'enabled';
    const hold: Hold = { actor, since: this.options.clock.now(), claimed, wasEnabled };
    this.holds.set(deviceId, hold); // before any await: a second technician is refused from here on
    const quiesced = this.quiesce && wasEnabled;
    if (quiesced) await device.disable().catch((err: unknown) => this.log.warn('maintenance: disable failed', { deviceId, error: String(err) }));
    this.emit(deviceId, { actor, since: hold.since });
    await this.options.audit({ actor, action: 'device.maintenance.enter', subject: deviceId, detail: { claimed, quiesced } });
    return { actor, since: hold.since };
  }

  /** Gives the device back. Only its holder may; false when it was not held. */
  async release(deviceId: string, actor: string, reason: ReleaseReason = 'byHand'): Promise<boolean> {
    const hold = this.holds.get(deviceId);
    if (hold === undefined) return false;
    if (hold.actor !== actor) {
      throw new DiagnosticsError('heldByOther', bilingual(`${deviceId} 由 ${hold.actor} 维护,只有其本人可以解除`, `${deviceId} is held by ${hold.actor}; only they can release it`));
    }
    this.holds.delete(deviceId);
    const device = this.options.devices.get(deviceId);
    device?.release(ownerOf(actor));
    let reEnabled = false;
    if (device !== undefined && this.quiesce && hold.wasEnabled && device.lifecycle !== 'closed') {
      reEnabled = await device.enable().then(
        () => true,
        (err: unknown) => (this.log.warn('maintenance: enable after release failed', { deviceId, error: String(err) }), false),
      );
    }
    this.emit(deviceId, undefined);
    await this.options.audit({ actor, action: 'device.maintenance.release', subject: deviceId, detail: { reason, heldMs: this.options.clock.now() - hold.since, reEnabled } });
    return true;
  }

  /** Releases everything `actor` holds (their staff session ended); returns the device ids. */
  async releaseAllOf(actor: string, reason: ReleaseReason = 'sessionEnded'): Promise<string[]> {
    const ids = [...this.holds].filter(([, h]) => h.actor === actor).map(([id]) => id);
    for (const id of ids) await this.release(id, actor, reason);
    return ids;
  }

  isHeld(deviceId: string): boolean {
    return this.holds.has(deviceId);
  }

  holder(deviceId: string): MaintenanceHolder | undefined {
    const hold = this.holds.get(deviceId);
    return hold === undefined ? undefined : { actor: hold.actor, since: hold.since };
  }

  held(): Array<{ deviceId: string } & MaintenanceHolder> {
    return [...this.holds].map(([deviceId, h]) => ({ deviceId, actor: h.actor, since: h.since }));
  }

  /** The raw console's guard (raw-console.ts `assertMaintenance`): throws unless `actor` holds `deviceId`. */
  assertHeldBy(deviceId: string, actor: string): void {
    const hold = this.holds.get(deviceId);
    if (hold === undefined) {
      throw new DiagnosticsError('notInMaintenance', bilingual(`${deviceId} 不在维护模式:请先进入维护模式`, `${deviceId} is not in maintenance mode: enter it first`));
    }
    if (hold.actor !== actor) {
      throw new DiagnosticsError('heldByOther', bilingual(`${deviceId} 正由 ${hold.actor} 维护中`, `${deviceId} is held for maintenance by ${hold.actor}`));
    }
  }

  /** A hold began (holder) or ended (undefined); returns an unsubscribe. */
  onChanged(listener: (deviceId: string, holder: MaintenanceHolder | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(deviceId: string, holder: MaintenanceHolder | undefined): void {
    for (const l of [...this.listeners]) {
      try {
        l(deviceId, holder);
      } catch (err) {
        this.log.warn('maintenance: a change listener failed', { deviceId, error: String(err) });
      }
    }
  }
}
