/**
 * What the renderer knows of the host (ARCHITECTURE.md §1: the renderer is a view of host state): the last
 * snapshot, kept current by pushed events and by the session states that replies carry. Messages arrive in
 * order on one channel, so each is applied as it comes; events before the first snapshot are dropped (the
 * snapshot that follows supersedes them).
 */
import type { AppointmentView } from '../../../common/appointment';
import type { IdentityView } from '../../../common/identity';
import type { KioskEvent, KioskSnapshot } from '../../../common/kiosk-api';
import type { BusinessView } from '../../../common/queue';
import type { RobotTripView } from '../../../common/robot';
import type { SessionState } from '../../../common/session';
import type { StaffView } from '../../../common/staff';

/** Host clock at a moment of the renderer's monotonic clock; the host's "now" is extrapolated from it. */
export interface ClockSync {
  hostMs: number;
  localMs: number;
}

export interface HostView {
  snapshot: KioskSnapshot | null;
  clock: ClockSync | null;
  /** Nothing came from the host for its `hostLostAfterMs`: the kiosk is out of service until it answers. */
  lost: boolean;
}

export type HostAction =
  | { type: 'host/snapshot'; snapshot: KioskSnapshot; localMs: number }
  | { type: 'host/event'; event: KioskEvent; localMs: number }
  | { type: 'host/session'; session: SessionState }
  | { type: 'host/businesses'; businesses: BusinessView[] }
  | { type: 'host/identity'; identity: IdentityView }
  | { type: 'host/appointment'; appointment: AppointmentView }
  /** The pad and the staff session as a staff reply carries them (sign-in, sign-out, open and close the pad). */
  | { type: 'host/staff'; staff: StaffView }
  /** The robot's trip as a `robot:go` / `robot:cancel` reply carries it (issue 16 §9). */
  | { type: 'host/robot'; robot: RobotTripView }
  | { type: 'host/lost' };

export const EMPTY_HOST_VIEW: HostView = { snapshot: null, clock: null, lost: false };

export function hostViewReducer(state: HostView, action: HostAction): HostView {
  if (action.type === 'host/snapshot') {
    return { snapshot: action.snapshot, clock: { hostMs: action.snapshot.nowMs, localMs: action.localMs }, lost: false };
  }
  if (action.type === 'host/lost') return state.lost ? state : { ...state, lost: true };
  const snapshot = state.snapshot;
  if (snapshot === null) return state;
  switch (action.type) {
    case 'host/session':
      return { ...state, snapshot: { ...snapshot, session: action.session } };
    case 'host/businesses':
      return { ...state, snapshot: { ...snapshot, businesses: action.businesses } };
    case 'host/identity':
      return { ...state, snapshot: { ...snapshot, identity: action.identity } };
    case 'host/appointment':
      return { ...state, snapshot: { ...snapshot, appointment: action.appointment } };
    case 'host/staff':
      return { ...state, snapshot: { ...snapshot, staff: action.staff } };
    case 'host/robot':
      return { ...state, snapshot: { ...snapshot, robot: action.robot } };
    case 'host/event':
      return applyEvent(state, snapshot, action.event, action.localMs);
  }
}

function applyEvent(state: HostView, snapshot: KioskSnapshot, event: KioskEvent, localMs: number): HostView {
  switch (event.type) {
    case 'session:changed':
      return { ...state, snapshot: { ...snapshot, session: event.session } };
    case 'availability:changed':
      return { ...state, snapshot: { ...snapshot, availability: event.availability } };
    case 'queue:changed':
      return { ...state, snapshot: { ...snapshot, businesses: event.businesses } };
    case 'clock:changed':
      return { ...state, clock: { hostMs: event.nowMs, localMs } };
    case 'identity:changed':
      return { ...state, snapshot: { ...snapshot, identity: event.identity } };
    case 'appointment:changed':
      return { ...state, snapshot: { ...snapshot, appointment: event.appointment } };
    case 'staff:changed':
      return { ...state, snapshot: { ...snapshot, staff: event.staff } };
    case 'guides:changed':
      return { ...state, snapshot: { ...snapshot, guides: event.guides } };
    case 'robot:changed':
      return { ...state, snapshot: { ...snapshot, robot: event.robot } };
    case 'evaluation:changed':
      return { ...state, snapshot: { ...snapshot, evaluation: event.evaluation } };
    case 'kiosk:resync':
    case 'host:alive':
      return state; // the loader handles both: a fresh snapshot, and the time the host was last heard
    case 'ticket:delivery':
      return state; // the ticket service's own (services/ticket/TicketService.tsx)
    case 'face:streaming':
      return { ...state, snapshot: { ...snapshot, faceStreaming: { on: event.on, ...(event.deviceLabel !== undefined && { deviceLabel: event.deviceLabel }) } } };
  }
}

/** The host's clock now, from the last sync and the renderer's monotonic clock. */
export function hostNowMs(clock: ClockSync, localNowMs: number): number {
  return clock.hostMs + (localNowMs - clock.localMs);
}
