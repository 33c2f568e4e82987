/**
 * Who may call a channel, decided by the host (issue 15 §1; common/kiosk-api-channels.ts `access`): staff
 * channels need the host's staff session (a technician's for technician channels), whatever the renderer
 * shows; citizen channels are refused while a staff member is signed in, so the citizen UI is never reachable
 * with staff rights on. A staff call that passes counts as a touch: the automatic sign-out starts again.
 */
import { errorInfo, type KioskErrorInfo } from '../../../common/errors';
import type { ChannelAccess } from '../../../common/kiosk-api-channels';
import type { StaffActor } from '../staff/staff-session';

export interface StaffPresence {
  actor(): StaffActor | null;
  touch(): unknown;
}

export function refusalFor(access: ChannelAccess, staff: StaffPresence): KioskErrorInfo | null {
  const actor = staff.actor();
  switch (access) {
    case 'any':
      return null;
    case 'citizen':
      return actor ? errorInfo('staffSignedIn', 'a staff member is signed in: citizen services wait until they sign out') : null;
    case 'staff':
    case 'technician':
      if (!actor) return errorInfo('forbidden', 'staff sign-in required');
      if (access === 'technician' && actor.role !== 'technician') return errorInfo('forbidden', 'a technician must be signed in');
      staff.touch();
      return null;
  }
}
