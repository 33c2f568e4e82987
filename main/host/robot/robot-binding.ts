/**
 * The robot desk's hold on the current robot base (devices can be replaced: a technician's configuration
 * change builds a new one under the same id). `check()` follows the getter: a new base is subscribed, the old
 * one let go. What the base says goes to one `RobotSignals` object.
 */
import type { RobotPosition } from '../../../common/robot';
import type { RobotBase } from '../../../drivers/devices/robot-base/robot-base-types';

export interface RobotSignals {
  position(p: RobotPosition): void;
  arrived(point: string): void;
  blocked(): void;
  cleared(): void;
  batteryLow(percent: number): void;
  docked(): void;
  stopped(point: string | undefined): void;
  restarted(): void;
  status(): void;
}

export class RobotBinding {
  private bound: RobotBase | undefined;
  private off: Array<() => void> = [];

  constructor(
    private readonly get: () => RobotBase | undefined,
    private readonly signals: RobotSignals,
  ) {}

  get robot(): RobotBase | undefined {
    return this.bound;
  }

  /** Re-reads the getter; true when the base changed (or came, or went). */
  check(): boolean {
    const now = this.get();
    if (now === this.bound) return false;
    this.release();
    this.bound = now;
    if (now) {
      const s = this.signals;
      this.off = [
        now.onPosition((p) => s.position(p)),
        now.onArrived((p) => s.arrived(p)),
        now.onBlocked(() => s.blocked()),
        now.onCleared(() => s.cleared()),
        now.onBatteryLow((p) => s.batteryLow(p)),
        now.onDocked(() => s.docked()),
        now.onStopped((p) => s.stopped(p)),
        now.onRestarted(() => s.restarted()),
        now.onStatusChanged(() => s.status()),
      ];
    }
    return true;
  }

  release(): void {
    for (const u of this.off.splice(0)) u();
    this.bound = undefined;
  }
}
