/**
 * What a robot base's status is (ARCHITECTURE.md §3; docs/robot-protocol.md §3.2, §4, §5, §6), from its
 * STATUS replies and events: the `robot` block, and the common `device` state — `hardwareError` while the
 * base reports a fault, `offline` once `missedBeforeOffline` heartbeats in a row went unanswered (silent),
 * `online` otherwise. It also tells when the battery falls to the low level, once per fall.
 */
import type { DeviceState, RobotStatusBlock } from '../../../common/device';
import type { Logger } from '../../../common/logger';
import type { RobotPosition } from '../../../common/robot';
import type { RobotFaultCode } from '../../protocol/robot-line/constants';
import type { RobotStatusFields } from '../../protocol/robot-line/status-fields';
import type { StatusHolder } from '../device-status';

const samePosition = (a: RobotPosition | undefined, b: RobotPosition): boolean =>
  a !== undefined && a.floor === b.floor && a.xM === b.xM && a.yM === b.yM && a.point === b.point;

export class RobotCondition {
  /** The base stopped answering (Device.silent). */
  silent = false;
  /** HELLO has been answered since the link opened. */
  greeted = false;
  private fault: RobotFaultCode = 'NONE';
  private lowSaid = false;

  constructor(
    private readonly holder: StatusHolder,
    private readonly log: Logger,
    private readonly missedBeforeOffline: number,
    private readonly lowBatteryPercent: number,
    /** Called once each time the battery falls to the low level. */
    private readonly batteryLow: (percent: number) => void,
  ) {}

  get faultCode(): RobotFaultCode {
    return this.fault;
  }

  /** A reply came: the base is there. */
  answered(): void {
    if (this.silent) this.log.info('robot base answers again');
    this.silent = false;
    this.publish();
  }

  /** An exchange ended without a reply; `inARow` such exchanges so far. */
  missed(inARow: number): void {
    if (inARow < this.missedBeforeOffline || this.silent) return;
    this.log.warn('robot base stopped answering', { missedInARow: inARow });
    this.silent = true;
    this.publish();
  }

  setFault(code: RobotFaultCode): void {
    if (code === this.fault) return;
    if (code !== 'NONE') this.log.error('robot base reports a fault', { fault: code });
    else this.log.info('robot base fault over', { was: this.fault });
    this.fault = code;
    this.publish();
  }

  /** A STATUS reply's fields. */
  status(fields: RobotStatusFields): void {
    const { fault, position, batteryPercent, ...flags } = fields;
    if (fault !== undefined) this.setFault(fault);
    this.update({ ...flags, ...(batteryPercent !== undefined && { batteryPercent }) });
    if (position) this.position(position);
    if (batteryPercent !== undefined) this.battery(batteryPercent, false);
  }

  position(position: RobotPosition): boolean {
    if (samePosition(this.holder.status.robot?.position, position)) return false;
    this.holder.update({ robot: { position: { ...position } } });
    return true;
  }

  battery(percent: number, saysLow: boolean): void {
    this.update({ batteryPercent: percent });
    const low = saysLow || percent <= this.lowBatteryPercent;
    if (low && !this.lowSaid) {
      this.lowSaid = true;
      this.log.warn('robot base battery low', { percent });
      this.batteryLow(percent);
    } else if (!low) this.lowSaid = false;
  }

  update(block: RobotStatusBlock): void {
    this.holder.update({ robot: block });
  }

  /** A link opened or lost: nothing is known until the base answers. */
  restart(): void {
    this.silent = false;
    this.greeted = false;
    this.fault = 'NONE';
  }

  publish(): void {
    let device: DeviceState = 'online';
    if (this.fault !== 'NONE') device = 'hardwareError';
    else if (this.silent || !this.greeted) device = 'offline';
    this.holder.update({ device });
  }
}
