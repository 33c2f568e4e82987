/**
 * Hall staff and technicians at the kiosk (issue 15 §1): the PIN pad and the staff session as the host holds
 * them. The renderer shows these; the host decides (§8.6): a staff channel is refused without a session,
 * whatever the renderer shows, and citizen channels are refused while one is open.
 */
export type StaffRole = 'staff' | 'technician';

/** PINs are 4–12 digits (main/host/staff/pin-hash.ts). */
export const STAFF_PIN_MIN_LENGTH = 4;
export const STAFF_PIN_MAX_LENGTH = 12;

/** One person on the pad's first step: tap your name, then type your PIN. */
export interface StaffAccountTile {
  id: string;
  name: string;
  role: StaffRole;
}

/** The PIN pad, opened by the hidden entry (a 3 s long press on a corner of any citizen screen). */
export interface StaffPadView {
  open: boolean;
  /** The pad closes by itself at this clock time if nobody signs in (a pad left open); null when closed. */
  closesAt: number | null;
  /** Who may sign in; empty while the pad is closed. */
  accounts: StaffAccountTile[];
  /** Too many wrong PINs: the pad refuses every PIN until then (the lock survives a restart). */
  lockedUntil: number | null;
  /** Wrong PINs left before the pad locks. */
  failuresLeft: number;
}

export interface StaffSessionView {
  accountId: string;
  name: string;
  role: StaffRole;
  signedInAt: number;
  /** Signed out automatically at this clock time unless the staff member touches the screen before. */
  signOutAt: number;
}

export interface StaffView {
  pad: StaffPadView;
  session: StaffSessionView | null;
}

export interface StaffSignInRequest {
  accountId: string;
  pin: string;
}

export type StaffSignInResult =
  | { ok: true; session: StaffSessionView }
  | { ok: false; reason: 'wrongPin'; failuresLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number }
  /** The pad had closed (timed out) before the PIN came: open it again. */
  | { ok: false; reason: 'padClosed' };

/** Why a staff session ended, for the screen and the audit. */
export type StaffSignOutReason = 'signOut' | 'idle' | 'restart';

