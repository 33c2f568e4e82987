/**
 * How a maintenance hold reaches the citizen side (issue 15 §3; ARCHITECTURE.md §3, §8.11): a service whose
 * device a technician holds is unavailable with the reason `maintenance` (the home tile shows 暂停服务), and
 * the services that take a device by role get none while it is held. Small adapters over maintenance.ts for
 * availability-service.ts's host blockers and for DeviceManager.forRole callers.
 */
import type { CitizenService } from '../../../common/availability';
import type { DeviceRole } from '../../../common/device';
import type { ErrorCode } from '../../../common/errors';
import type { Device } from '../../../drivers/devices/device-types';
import { SERVICE_NEEDS, type HostBlockers } from '../availability/availability-service';
import type { Maintenance } from './maintenance';

type Holds = Pick<Maintenance, 'isHeld'>;

/**
 * One host blocker per citizen service: `maintenance` while a device serving one of the roles it needs is
 * held. `deviceIdForRole`: config-types.ts `deviceIdForRole` over the running configuration. Merge with the
 * host's other blockers (`() => clockBlocker() ?? blockers.takeTicket!()`), and call the availability
 * service's `refresh()` from `maintenance.onChanged`.
 */
export function maintenanceBlockers(maintenance: Holds, deviceIdForRole: (role: DeviceRole) => string | undefined): Required<HostBlockers> {
  const blocker = (service: CitizenService) => (): ErrorCode | null =>
    SERVICE_NEEDS[service].some((role) => {
      const id = deviceIdForRole(role);
      return id !== undefined && maintenance.isHeld(id);
    })
      ? 'maintenance'
      : null;
  return Object.fromEntries((Object.keys(SERVICE_NEEDS) as CitizenService[]).map((s) => [s, blocker(s)])) as Required<HostBlockers>;
}

/** `forRole` as a citizen flow must see it: a held device is no device (device-manager.ts `forRole`). */
export function citizenForRole(devices: { forRole<T extends Device = Device>(role: DeviceRole): T | undefined }, maintenance: Holds) {
  return <T extends Device = Device>(role: DeviceRole): T | undefined => {
    const device = devices.forRole<T>(role);
    return device !== undefined && maintenance.isHeld(device.id) ? undefined : device;
  };
}
