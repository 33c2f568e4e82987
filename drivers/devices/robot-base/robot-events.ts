/**
 * A robot base's events (docs/robot-protocol.md §4) as the listeners of RobotBase hear them, each applied to
 * the status first (robot-condition.ts), so a listener reading the status sees what the event said.
 */
import type { RobotPosition } from '../../../common/robot';
import type { RobotEvent } from '../../protocol/robot-line/frames';
import { Listeners } from '../../transport/transport';
import type { RobotBase } from './robot-base-types';
import type { RobotCondition } from './robot-condition';

type EventMethods = Pick<RobotBase, 'onPosition' | 'onArrived' | 'onBlocked' | 'onCleared' | 'onBatteryLow' | 'onDocked' | 'onStopped' | 'onRestarted'>;

export class RobotEvents implements EventMethods {
  readonly position = new Listeners<[RobotPosition]>();
  readonly arrived = new Listeners<[string]>();
  readonly blocked = new Listeners<[]>();
  readonly cleared = new Listeners<[]>();
  readonly batteryLow = new Listeners<[number]>();
  readonly docked = new Listeners<[]>();
  readonly stopped = new Listeners<[string | undefined]>();
  readonly restarted = new Listeners<[]>();

  onPosition = (l: (position: RobotPosition) => void): (() => void) => this.position.add(l);
  onArrived = (l: (point: string) => void): (() => void) => this.arrived.add(l);
  onBlocked = (l: () => void): (() => void) => this.blocked.add(l);
  onCleared = (l: () => void): (() => void) => this.cleared.add(l);
  onBatteryLow = (l: (percent: number) => void): (() => void) => this.batteryLow.add(l);
  onDocked = (l: () => void): (() => void) => this.docked.add(l);
  onStopped = (l: (point: string | undefined) => void): (() => void) => this.stopped.add(l);
  onRestarted = (l: () => void): (() => void) => this.restarted.add(l);

  /** Applies `event` to the status, then tells the listeners; `restarted`: what the device does on READY. */
  dispatch(event: RobotEvent, c: RobotCondition, restarted: () => void): void {
    switch (event.name) {
      case 'POS': {
        const { floor, xM, yM, point } = event;
        const at: RobotPosition = point === undefined ? { floor, xM, yM } : { floor, xM, yM, point };
        c.position(at);
        return this.position.emit(at);
      }
      case 'ARRIVED':
        c.update({ moving: false });
        return this.arrived.emit(event.point);
      case 'BLOCKED':
        c.update({ obstacle: true });
        return this.blocked.emit();
      case 'CLEAR':
        c.update({ obstacle: false });
        return this.cleared.emit();
      case 'BATTERY':
        return c.battery(event.percent, event.low);
      case 'DOCKED':
        c.update({ docked: true, moving: false });
        return this.docked.emit();
      case 'STOPPED':
        c.update({ moving: false });
        return this.stopped.emit(event.point);
      case 'FAULT':
        return c.setFault(event.code);
      case 'READY':
        c.greeted = false;
        c.update({ moving: false });
        restarted();
        this.restarted.emit();
    }
  }
}
