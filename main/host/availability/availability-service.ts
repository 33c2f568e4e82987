/**
 * Availability is one service (ARCHITECTURE.md §8.11): each citizen service declares the device roles it
 * needs; availability follows device status, with the reason and where to go instead, and is pushed on
 * every change. Later features ask here instead of looking at devices themselves.
 */
import type { CitizenService, ServiceAvailability } from '../../../common/availability';
import type { DeviceRole, DeviceStatus } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import type { LocalText } from '../../../common/queue';

/** What each citizen service needs (ARCHITECTURE.md §8.11). */
export const SERVICE_NEEDS: Readonly<Record<CitizenService, readonly DeviceRole[]>> = {
  takeTicket: ['ticketPrinter'],
  identityTicket: ['ticketPrinter', 'idCardReader'],
  // 预约签到 (issue 14 item 7): the ticket printer; the code comes from the QR scanner, a keyboard-wedge scanner
  // or the ID card, any of them (the check-in screen shows which work), and the platform must be configured
  // (a host blocker in composition).
  appointmentCheckIn: ['ticketPrinter'],
  // 证明打印 (issue 17 §2): the card and the A4 printer; the platform must be configured (a host blocker).
  certificates: ['documentPrinter', 'idCardReader'],
};

export interface DeviceLookup {
  statusOfRole(role: DeviceRole): DeviceStatus | undefined;
}

/**
 * A reason of the host's own that withdraws a service whatever its devices say, e.g. `clockInvalid` while a
 * clock that went back stops ticket issuing (clock-watch.ts); null when it does not.
 */
export type HostBlockers = Partial<Record<CitizenService, () => ErrorCode | null>>;

/** Why a device cannot serve right now, or null when it can. */
export function blockingReason(status: DeviceStatus | undefined): ErrorCode | null {
  if (!status) return 'noDevice';
  const printer = status.printer;
  if (printer?.paper === 'out') return 'paperOut';
  if (printer?.paper === 'jammed') return 'paperJam';
  if (printer?.coverOpen) return 'coverOpen';
  if (printer?.cutterError) return 'cutterError';
  if (printer?.headOverheat) return 'deviceNotReady';
  switch (status.device) {
    case 'online':
    case 'busy':
      return null;
    case 'starting':
      return 'deviceNotReady';
    case 'offline':
      return 'offline';
    case 'noDevice':
      return 'noDevice';
    case 'userError':
      return 'userError';
    case 'hardwareError':
    case 'fraudAttempt':
      return 'hardwareError';
  }
}

export class AvailabilityService {
  private last = '';
  private readonly listeners = new Set<(availability: ServiceAvailability[]) => void>();

  constructor(
    private readonly devices: DeviceLookup,
    private readonly alternatives: Partial<Record<CitizenService, LocalText>>,
    private readonly hostBlockers: HostBlockers = {},
  ) {}

  compute(): ServiceAvailability[] {
    return (Object.keys(SERVICE_NEEDS) as CitizenService[]).map((service) => this.of(service));
  }

  of(service: CitizenService): ServiceAvailability {
    const hostReason = this.hostBlockers[service]?.() ?? null;
    if (hostReason) {
      const alternative = this.alternatives[service];
      return alternative ? { service, available: false, reason: hostReason, alternative } : { service, available: false, reason: hostReason };
    }
    for (const role of SERVICE_NEEDS[service]) {
      const reason = blockingReason(this.devices.statusOfRole(role));
      if (reason) {
        const alternative = this.alternatives[service];
        return alternative ? { service, available: false, reason, role, alternative } : { service, available: false, reason, role };
      }
    }
    return { service, available: true };
  }

  /** Call when any device status changed; listeners hear only real changes. */
  refresh(): void {
    const now = this.compute();
    const key = JSON.stringify(now);
    if (key === this.last) return;
    this.last = key;
    for (const l of [...this.listeners]) l(now);
  }

  onChanged(listener: (availability: ServiceAvailability[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
