/**
 * The staff channels' handlers (issue 15 §1, §2): each runs only after channel-gate.ts let the call through,
 * so a signed-in actor is there; the sign-in channels themselves are open to the pad.
 */
import { errorInfo } from '../../../common/errors';
import type { ApiChannel, ApiChannelHandlers } from '../../../common/kiosk-api-channels';
import { KioskApiError } from '../../../common/kiosk-api';
import type { StaffDesk } from '../staff/staff-desk';
import type { StaffActor, StaffSessionService } from '../staff/staff-session';

type StaffChannel = Extract<ApiChannel, `staff:${string}`>;

export function staffHandlers(session: StaffSessionService, desk: StaffDesk): Pick<ApiChannelHandlers, StaffChannel> {
  const actor = (): StaffActor => {
    const a = session.actor();
    // The gate checked it; a sign-out between the gate and here (the timer) is refused the same way.
    if (!a) throw new KioskApiError(errorInfo('forbidden', 'staff sign-in required'));
    return a;
  };
  return {
    'staff:open-pad': () => session.openPad(),
    'staff:close-pad': () => session.closePad(),
    'staff:sign-in': (r) => session.signIn(r.accountId, r.pin),
    'staff:sign-out': () => (actor(), session.signOut('signOut')),
    'staff:activity': () => session.touch() ?? (actor(), session.touch()!),
    'staff:overview': () => (actor(), desk.overview()),
    'staff:restock': (r) => desk.restock(r.deviceId, r.step, actor()),
    'staff:recheck': (r) => desk.recheck(r.deviceId, actor()),
    'staff:test-ticket': (r) => desk.testTicket(r.deviceId, actor()),
    'staff:settle-ticket': (r) => desk.settle(r, actor()),
    'staff:settle-certificate': (r) => desk.settleCertificate(r, actor()),
    'staff:set-service': (r) => desk.setService(r, actor()),
    'staff:found-items': () => (actor(), desk.foundItems()),
    'staff:log-found-item': (r) => desk.logFoundItem(r, actor()),
    'staff:hand-over': (r) => desk.handOver(r.id, r.handedTo, actor()),
    'staff:figures': () => (actor(), desk.figures()),
    'staff:restart-app': () => {
      const a = actor();
      desk.restart(a);
      return {};
    },
  };
}
