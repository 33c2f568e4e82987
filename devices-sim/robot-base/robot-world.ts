/**
 * The simulated robot base's body (docs/robot-protocol.md §3 – §6, §8.1): where it is, the trip it is on, its
 * battery, the obstacle in its way and its fault, moved on by the injected clock in steps of `tickMs` while
 * it has something to do (a trip, charging). What it notices goes out as HRL/1 events through `emit`.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { HallMap } from '../../common/hall-map';
import { WATCHDOG_MS, type RobotErrCode, type RobotFaultCode } from '../../drivers/protocol/robot-line/constants';
import type { RobotEvent } from '../../drivers/protocol/robot-line/frames';
import type { RobotStatusFields } from '../../drivers/protocol/robot-line/status-fields';
import { haltPoint, onRide, planFrom, step, walkLengthM, type Pose, type Trip } from './robot-motion';

export interface RobotWorldOptions {
  clock: Clock;
  map: HallMap;
  dockPoint: string;
  speedMps: number;
  batteryPercent: number;
  drainPercentPerM: number;
  chargePercentPerMin: number;
  lowPercent: number;
  criticalPercent: number;
  tickMs: number;
  posEveryMs: number;
  /** Host silence on a trip before it stops (§6); 0: never. */
  watchdogMs?: number;
  emit(event: RobotEvent): void;
  changed(): void;
}

export type TripAnswer = { ok: true; routeM: number } | { ok: false; code: RobotErrCode; text: string };

interface Obstacle {
  active: boolean;
  atPoint?: string;
  afterM?: number;
  clearAfterMs?: number;
}

const CHARGE_TICK_MS = 5000;
/** Positions as the wire says them (§2.1: one decimal). */
const tenth = (m: number): number => Math.round(m * 10) / 10 + 0;

export class RobotWorld {
  pose: Pose;
  trip: Trip | null = null;
  docked = true;
  battery: number;
  drainPercentPerM: number;
  fault: RobotFaultCode = 'NONE';
  private obstacle: Obstacle = { active: false };
  private clearTimer: TimerHandle | null = null;
  private tickTimer: TimerHandle | null = null;
  private lastPosMs = 0;
  private lastHeardMs: number;

  constructor(private readonly o: RobotWorldOptions) {
    this.pose = this.poseAt(o.dockPoint);
    this.battery = o.batteryPercent;
    this.drainPercentPerM = o.drainPercentPerM;
    this.lastHeardMs = o.clock.elapsedMs();
    this.schedule();
  }

  get blocked(): boolean {
    return this.obstacle.active;
  }

  get reportedBattery(): number {
    return Math.max(0, Math.min(100, Math.round(this.battery)));
  }

  status(): Required<Omit<RobotStatusFields, 'position'>> & Pick<RobotStatusFields, 'position'> {
    const { floor, lastPoint } = this.pose;
    const [xM, yM] = [tenth(this.pose.xM), tenth(this.pose.yM)];
    return {
      batteryPercent: this.reportedBattery,
      charging: this.docked && this.battery < 100,
      docked: this.docked,
      obstacle: this.obstacle.active,
      moving: this.trip !== null,
      fault: this.fault,
      position: lastPoint === undefined ? { floor, xM, yM } : { floor, xM, yM, point: lastPoint },
    };
  }

  /** A line came from the host (the watchdog's clock, §6). */
  heard(): void {
    this.lastHeardMs = this.o.clock.elapsedMs();
  }

  /** GOTO (docking false) or DOCK; the reply first, then the caller calls `started()`. */
  goTo(to: string, docking: boolean): TripAnswer {
    if (this.fault !== 'NONE') return { ok: false, code: 'FAULT', text: this.fault };
    if (!this.o.map.points.some((p) => p.id === to)) return { ok: false, code: 'UNKNOWN_POINT', text: `no point ${to} on the map` };
    if (!docking && this.battery < this.o.criticalPercent) return { ok: false, code: 'LOW_BATTERY', text: `battery ${this.reportedBattery}%` };
    if (onRide(this.trip)) return { ok: false, code: 'BUSY', text: `in a lift to ${this.trip!.to}` };
    const segments = this.trip ? this.redirect(to) : planFrom(this.o.map, this.pose, to);
    if (!segments) return { ok: false, code: 'NO_ROUTE', text: `no way to ${to} without stairs` };
    this.trip = { to, docking, segments, index: 0, done: 0, halt: false };
    this.heard();
    return { ok: true, routeM: walkLengthM(segments) };
  }

  /** Right after an accepted GOTO or DOCK's reply went out. */
  started(): void {
    if (!this.trip) return;
    if (this.docked && this.trip.segments.length > 0) this.docked = false;
    this.posNow();
    if (this.obstacle.active) this.o.emit({ name: 'BLOCKED' });
    this.advance(0);
    this.schedule();
  }

  cancel(): void {
    if (!this.trip) return;
    this.trip = null;
    this.o.emit({ name: 'STOPPED', ...this.pointField() });
    this.o.changed();
  }

  /** HALT: the point where it will stop (undefined: not on a trip, or it stands at `lastPoint`). */
  halt(): string | undefined {
    if (!this.trip) return this.pose.heading ? undefined : this.pose.lastPoint;
    this.trip.halt = true;
    return haltPoint(this.trip);
  }

  /** Sets it down at `point`, stopped (the `place` action). */
  place(point: string): void {
    this.trip = null;
    this.pose = this.poseAt(point);
    this.docked = point === this.o.dockPoint;
    this.o.changed();
    this.schedule();
  }

  setObstacle(o: Obstacle): void {
    this.clearTimer?.cancel();
    this.clearTimer = null;
    const deferred = o.atPoint !== undefined || o.afterM !== undefined;
    if (o.active && !deferred) return this.block(o.clearAfterMs);
    const was = this.obstacle.active;
    // Deferred: not in the way yet; it blocks when the robot reaches it (walk()).
    this.obstacle = o.active ? { ...o, active: false } : { active: false };
    if (was && this.trip) this.o.emit({ name: 'CLEAR' });
    this.o.changed();
  }

  setFault(code: RobotFaultCode): void {
    if (code === this.fault) return;
    this.fault = code;
    this.o.emit({ name: 'FAULT', code });
    this.o.changed();
  }

  setBattery(percent: number): void {
    const before = this.reportedBattery;
    this.battery = percent;
    if (this.reportedBattery !== before) this.batteryEvent();
    this.o.changed();
  }

  stop(): void {
    this.tickTimer?.cancel();
    this.clearTimer?.cancel();
    this.tickTimer = this.clearTimer = null;
  }

  private poseAt(point: string): Pose {
    const p = this.o.map.points.find((q) => q.id === point);
    return p ? { floor: p.floor, xM: p.xM, yM: p.yM, lastPoint: p.id } : { floor: 1, xM: 0, yM: 0 };
  }

  private pointField(): { point?: string } {
    return this.pose.lastPoint === undefined ? {} : { point: this.pose.lastPoint };
  }

  /** A new destination during a trip: finish the stretch to the next point, then the new way. */
  private redirect(to: string): Trip['segments'] | null {
    const trip = this.trip!;
    const seg = trip.segments[trip.index];
    if (!seg) return planFrom(this.o.map, this.pose, to);
    return planFrom(this.o.map, { ...this.pose, heading: seg.to }, to, true);
  }

  private block(clearAfterMs: number | undefined): void {
    const was = this.obstacle.active;
    this.obstacle = { active: true };
    if (!was && this.trip) this.o.emit({ name: 'BLOCKED' });
    if (clearAfterMs !== undefined) this.clearTimer = this.o.clock.setTimer(clearAfterMs, () => this.setObstacle({ active: false }));
    this.o.changed();
  }

  private schedule(): void {
    this.tickTimer?.cancel();
    this.tickTimer = null;
    const charging = this.docked && this.battery < 100 && !this.trip;
    if (!this.trip && !charging) return;
    const ms = this.trip ? this.o.tickMs : CHARGE_TICK_MS;
    this.tickTimer = this.o.clock.setTimer(ms, () => {
      this.tickTimer = null;
      this.advance(ms);
      this.schedule();
    });
  }

  private advance(dtMs: number): void {
    const before = this.reportedBattery;
    if (!this.trip) {
      if (this.docked) this.battery = Math.min(100, this.battery + (this.o.chargePercentPerMin * dtMs) / 60_000);
    } else this.walk(dtMs);
    if (this.reportedBattery !== before) this.batteryEvent();
    this.o.changed();
  }

  private walk(dtMs: number): void {
    const trip = this.trip!;
    const watchdog = this.o.watchdogMs ?? WATCHDOG_MS;
    if (watchdog > 0 && this.o.clock.elapsedMs() - this.lastHeardMs > watchdog) return this.cancel();
    const o = this.obstacle;
    const canMove = !o.active && this.fault === 'NONE' && this.battery > 0;
    const result = canMove
      ? step(this.pose, trip, dtMs, { speedMps: this.o.speedMps, maxM: o.afterM ?? Infinity, stopAt: (p) => o.atPoint === p })
      : { walkedM: 0, passed: [] as string[], ended: undefined };
    this.battery = Math.max(0, this.battery - result.walkedM * this.drainPercentPerM);
    if (o.afterM !== undefined) o.afterM -= result.walkedM;
    for (const id of result.passed) this.posAt(id);
    if (result.ended === 'arrived') return this.arrive(trip);
    if (result.ended === 'halted') {
      this.trip = null;
      return this.o.emit({ name: 'STOPPED', ...this.pointField() });
    }
    const reachedObstacle = (o.atPoint !== undefined && o.atPoint === this.pose.lastPoint && !this.pose.heading) || (o.afterM !== undefined && o.afterM <= 1e-9);
    if (reachedObstacle) this.block(o.clearAfterMs);
    if (this.battery <= 0) this.setFault('BATTERY');
    if (this.o.clock.elapsedMs() - this.lastPosMs >= this.o.posEveryMs) this.posNow();
  }

  private arrive(trip: Trip): void {
    this.trip = null;
    if (!trip.docking) this.o.emit({ name: 'ARRIVED', point: trip.to });
    if (trip.to === this.o.dockPoint) {
      this.docked = true;
      this.o.emit({ name: 'DOCKED' });
    }
  }

  /** POS at a point it reached on the way (§4: at every point). */
  private posAt(id: string): void {
    const p = this.o.map.points.find((q) => q.id === id);
    if (!p) return;
    this.lastPosMs = this.o.clock.elapsedMs();
    this.o.emit({ name: 'POS', floor: p.floor, xM: p.xM, yM: p.yM, point: id });
  }

  private posNow(): void {
    this.lastPosMs = this.o.clock.elapsedMs();
    const { floor, xM, yM } = this.pose;
    this.o.emit({ name: 'POS', floor, xM, yM, ...this.pointField() });
  }

  private batteryEvent(): void {
    const percent = this.reportedBattery;
    this.o.emit({ name: 'BATTERY', percent, low: percent <= this.o.lowPercent });
  }
}
