/**
 * The hall robot's base (ARCHITECTURE.md §3 role `robotBase`; docs/robot-protocol.md): it goes to a named
 * hall-map point by a way it plans itself, stops, docks, and reports where it is. Status is data: the common
 * device state plus the `robot` block (battery, charging, docked, obstacle, moving, position). Commands are
 * bounded and answer once the base accepted them; what happens on the way comes as events.
 */
import type { RobotStatusBlock } from '../../../common/device';
import type { RobotPosition } from '../../../common/robot';
import type { CommandOptions, Device } from '../device-types';

/** A trip the base accepted: the length of the way it planned, metres (lift rides not counted), where it says. */
export interface RobotTripAccepted {
  routeM?: number;
}

/** HALT accepted: the point where the base will stop (absent: it stands between points, or is not on a trip). */
export interface RobotHaltAccepted {
  point?: string;
}

export interface RobotBase extends Device {
  /**
   * Sends the base to `point`; resolves when it accepted and planned the trip (a trip under way takes the new
   * destination). Refusals: `invalidData` (not on its map, no way there), `busy` (riding a lift),
   * `deviceNotReady` (battery below its critical level), `hardwareError` (a fault, §5).
   */
  goTo(point: string, options?: CommandOptions): Promise<RobotTripAccepted>;
  /** Stops where it stands, now. */
  cancel(options?: CommandOptions): Promise<void>;
  /** Stops at the next point of its way (a hand-over, not a halt mid-corridor). */
  halt(options?: CommandOptions): Promise<RobotHaltAccepted>;
  /** Back to the dock, to charge. Never refused for the battery. */
  dock(options?: CommandOptions): Promise<RobotTripAccepted>;
  /** One STATUS round through the device's queue (polling does the same every `pollMs`). */
  refreshStatus(options?: CommandOptions): Promise<RobotStatusBlock>;
  /** Where it is, at every point and at least every second on a trip. */
  onPosition(listener: (position: RobotPosition) => void): () => void;
  /** The destination of the last goTo is reached. */
  onArrived(listener: (point: string) => void): () => void;
  /** An obstacle stopped it; it goes on by itself once the way is clear (onCleared). */
  onBlocked(listener: () => void): () => void;
  onCleared(listener: () => void): () => void;
  /** The battery fell to the low level (once per fall: it must rise above it before this fires again). */
  onBatteryLow(listener: (percent: number) => void): () => void;
  onDocked(listener: () => void): () => void;
  /** Stopped after cancel, halt or its own watchdog, at the point last passed (undefined: none). */
  onStopped(listener: (point: string | undefined) => void): () => void;
  /** The base started afresh (power-up, reset): any trip it was on is forgotten. */
  onRestarted(listener: () => void): () => void;
}
