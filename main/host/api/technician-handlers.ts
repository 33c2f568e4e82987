/**
 * The technician channels' handlers (issue 15 §3): each runs only after channel-gate.ts found a technician
 * signed in.
 */
import { errorInfo } from '../../../common/errors';
import type { ApiChannel, ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import { KioskApiError } from '../../../common/kiosk-api';
import type { TechnicianDesk } from '../diagnostics/technician-desk';
import type { StaffActor } from '../staff/staff-session';

type TechnicianChannel = Extract<ApiChannel, `tech:${string}`>;

export function technicianHandlers(actorOf: () => StaffActor | null, desk: TechnicianDesk): Pick<ApiChannelHandlers, TechnicianChannel> {
  const actor = (): StaffActor => {
    const a = actorOf();
    if (!a || a.role !== 'technician') throw new KioskApiError(errorInfo('forbidden', 'a technician must be signed in'));
    return a;
  };
  return {
    'tech:devices': () => (actor(), desk.devices()),
    'tech:health-check': (r) => desk.healthCheck(r.deviceId, r.level, actor()),
    'tech:frames': (r) => (actor(), desk.frames(r.deviceId, r.afterSeq)),
    'tech:maintenance': (r) => desk.setMaintenance(r.deviceId, r.on, actor()),
    'tech:raw-command': (r) => desk.rawCommand(r.deviceId, r.hex, r.waitMs, actor()),
    'tech:edit-device': (r) => desk.editDevice(r, actor()),
    'tech:export-bundle': () => desk.bundle(actor()),
    'tech:audit': () => (actor(), desk.auditStatus()),
  };
}
