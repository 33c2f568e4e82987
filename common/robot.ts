/**
 * The hall robot's base (issue 16 §9; docs/robot-protocol.md): go to a named hall-map point, cancel, status
 * (battery, position, docked, obstacle) and feedback events. The host owns a trip ("带我去"): the renderer shows
 * its progress and never drives the base itself.
 */
import type { KioskErrorInfo } from './errors';

export type RobotTripPhase =
  /** Nobody is being walked anywhere. */
  | 'idle'
  /** Underway to `to`; `progress` in [0, 1]. */
  | 'walking'
  /** Stopped by an obstacle, waiting for the way to clear (then walking again, or `blocked` after a while). */
  | 'paused'
  /** Reached `to`: the citizen is at the window. */
  | 'arrived'
  /** The way stays blocked, or the base refused: the citizen is told where to go themselves. */
  | 'blocked'
  /** Battery low: the trip ends at the nearest safe point, the citizen is handed over (the route shown). */
  | 'handedOver'
  | 'canceled'
  /** Going back to the dock after a trip. */
  | 'returning'
  /** The base stopped answering or is offline: shown as unavailable, never left walking. */
  | 'unavailable';

export interface RobotPosition {
  floor: number;
  xM: number;
  yM: number;
  /** The hall-map point last passed or reached. */
  point?: string;
}

export interface RobotStatusView {
  online: boolean;
  batteryPercent?: number;
  charging?: boolean;
  docked?: boolean;
  obstacle?: boolean;
  position?: RobotPosition;
}

export interface RobotTripView {
  phase: RobotTripPhase;
  /** Hall-map point id of the destination. */
  to?: string;
  progress?: number;
  /** Remaining metres along the route. */
  remainingM?: number;
  error?: KioskErrorInfo;
  status: RobotStatusView;
}

export interface RobotGoRequest {
  to: string;
  requestId: string;
}
