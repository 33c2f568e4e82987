/**
 * The host's robot desk (issue 16 §9; RobotDeskPort of host/api/guide-handlers.ts): "带我去" trips of the guide
 * robot. It plans the way on the hall map, sends the base, follows its events (progress, a pause for an
 * obstacle, `blocked` when it stays, a hand-over when the battery runs low far from the window), and after
 * every trip sends the base back to its dock. A base that is offline, stops answering or falls silent on a
 * trip ends it as `unavailable`: a trip is never left `walking`. The renderer only shows the view.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import { errorInfo, type ErrorCode, type KioskErrorInfo } from '../../../common/errors';
import type { HallMap } from '../../../common/hall-map';
import { shortestRoute } from '../../../common/hall-route';
import type { Logger } from '../../../common/logger';
import type { RobotGoRequest, RobotStatusView, RobotTripPhase, RobotTripView } from '../../../common/robot';
import { DeviceError } from '../../../drivers/devices/device-error';
import type { RobotBase } from '../../../drivers/devices/robot-base/robot-base-types';
import type { RobotDeskPort } from '../api/guide-handlers';
import { RobotBinding, type RobotSignals } from './robot-binding';
import { TripProgress, remainingM } from './trip-progress';

export interface RobotDeskOptions {
  clock: Clock;
  log: Logger;
  /** The robot base now (devices can be replaced); undefined: the kiosk has none. */
  robot: () => RobotBase | undefined;
  map: HallMap;
  /** Default "dock". */
  dockPoint?: string;
  /** At or below it a trip far from its end hands the citizen over. Default 20. */
  lowBatteryPercent?: number;
  /** An obstacle standing this long ends a paused trip as `blocked`. Default 20000. */
  blockedAfterMs?: number;
  /** A trip this close to its end finishes on a low battery. Default 15. */
  finishWithinM?: number;
  /** How long arrived / handed over / blocked / canceled shows before the base goes back. Default 8000. */
  holdMs?: number;
  /** A trip with no word from the base this long ends as unavailable. Default 15000. */
  silenceMs?: number;
}

interface Trip {
  requestId: string;
  to: string;
  progress: TripProgress;
  lowHandled: boolean;
}

const UNDER_WAY: readonly RobotTripPhase[] = ['walking', 'paused'];
const FOLLOWED: readonly RobotTripPhase[] = ['walking', 'paused', 'handedOver', 'returning'];
const OFFLINE_CODES: Readonly<Record<string, ErrorCode>> = { noDevice: 'noDevice', offline: 'offline', hardwareError: 'hardwareError' };
/** Request ids remembered, so a retried go() never starts a second trip. */
const REQUESTS_KEPT = 50;

export class RobotDesk implements RobotDeskPort {
  private phase: RobotTripPhase = 'idle';
  private trip: Trip | null = null;
  private error: KioskErrorInfo | undefined;
  private readonly seen: string[] = [];
  private readonly binding: RobotBinding;
  private readonly listeners = new Set<(view: RobotTripView) => void>();
  private blockedTimer: TimerHandle | null = null;
  private holdTimer: TimerHandle | null = null;
  private readonly watch: TimerHandle;
  private lastWordMs: number;
  private lastJson = '';
  private readonly dockPoint: string;
  private readonly lowBatteryPercent: number;
  private readonly blockedAfterMs: number;
  private readonly finishWithinM: number;
  private readonly holdMs: number;
  private readonly silenceMs: number;

  constructor(private readonly o: RobotDeskOptions) {
    this.dockPoint = o.dockPoint ?? 'dock';
    this.lowBatteryPercent = o.lowBatteryPercent ?? 20;
    this.blockedAfterMs = o.blockedAfterMs ?? 20_000;
    this.finishWithinM = o.finishWithinM ?? 15;
    this.holdMs = o.holdMs ?? 8000;
    this.silenceMs = o.silenceMs ?? 15_000;
    this.lastWordMs = o.clock.elapsedMs();
    this.binding = new RobotBinding(o.robot, this.signals());
    this.binding.check();
    this.watch = o.clock.every(1000, () => this.tick());
    this.lastJson = JSON.stringify(this.view());
  }

  view(): RobotTripView {
    const status = this.statusView();
    const down = this.downReason();
    if (down && !FOLLOWED.includes(this.phase)) return { phase: 'unavailable', error: down, status };
    const t = this.trip;
    const view: RobotTripView = { phase: this.phase, status };
    if (this.phase === 'returning') view.to = this.dockPoint;
    else if (t && this.phase !== 'idle' && this.phase !== 'unavailable') Object.assign(view, { to: t.to, progress: t.progress.progress, remainingM: t.progress.remainingM });
    const error = this.error ?? (this.phase === 'unavailable' ? down : undefined);
    if (error) view.error = error;
    return view;
  }

  go(request: RobotGoRequest): RobotTripView {
    this.binding.check();
    if (this.seen.includes(request.requestId)) return this.view();
    const refuse = (code: ErrorCode, detail: string): RobotTripView => ({ ...this.view(), error: errorInfo(code, detail) });
    const robot = this.binding.robot;
    if (!robot || this.downReason()) return this.view();
    if (UNDER_WAY.includes(this.phase) || this.phase === 'handedOver') return refuse('busy', `a trip to ${this.trip?.to ?? '?'} is under way`);
    if (!this.o.map.points.some((p) => p.id === request.to)) return refuse('invalidData', `no point ${request.to} on the hall map`);
    const battery = robot.status.robot?.batteryPercent;
    if (battery !== undefined && battery <= this.lowBatteryPercent) return refuse('deviceNotReady', `battery ${battery}%: the robot must charge first`);
    const from = robot.status.robot?.position?.point ?? this.dockPoint;
    const route = shortestRoute(this.o.map, from, request.to, { stepFree: true });
    if (!route) return refuse('invalidData', `no step-free way from ${from} to ${request.to}`);
    this.remember(request.requestId);
    this.clearTimers();
    const trip: Trip = { requestId: request.requestId, to: request.to, progress: new TripProgress(route.lengthM), lowHandled: false };
    this.trip = trip;
    this.error = undefined;
    this.lastWordMs = this.o.clock.elapsedMs();
    this.o.log.info('robot trip', { to: request.to, from, routeM: route.lengthM });
    robot.goTo(request.to).catch((err: unknown) => this.tripFailed(trip, err));
    this.set('walking');
    return this.view();
  }

  cancel(): RobotTripView {
    if (UNDER_WAY.includes(this.phase)) {
      this.binding.robot?.cancel().catch((err: unknown) => this.o.log.warn('robot cancel failed', { detail: String(err) }));
      this.hold('canceled');
      return this.view();
    }
    if (['arrived', 'handedOver', 'blocked', 'canceled'].includes(this.phase)) this.returnToDock();
    return this.view();
  }

  onChanged(listener: (view: RobotTripView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the base (the kiosk is shutting down). */
  stop(): void {
    this.watch.cancel();
    this.clearTimers();
    this.binding.release();
  }

  private signals(): RobotSignals {
    const heard = (): void => void (this.lastWordMs = this.o.clock.elapsedMs());
    return {
      position: (p) => {
        heard();
        const t = this.trip;
        if (t && UNDER_WAY.includes(this.phase) && t.progress.update(remainingM(this.o.map, p, t.to))) this.changed();
      },
      arrived: (point) => {
        heard();
        if (!this.trip || point !== this.trip.to || !(UNDER_WAY.includes(this.phase) || this.phase === 'handedOver')) return;
        this.trip.progress.finish();
        this.hold('arrived');
      },
      blocked: () => {
        heard();
        if (this.phase !== 'walking') return;
        this.blockedTimer = this.o.clock.setTimer(this.blockedAfterMs, () => this.stillBlocked());
        this.set('paused');
      },
      cleared: () => {
        heard();
        this.blockedTimer?.cancel();
        this.blockedTimer = null;
        if (this.phase === 'paused') this.set('walking');
      },
      batteryLow: () => this.lowBattery(),
      docked: () => {
        heard();
        if (this.phase === 'returning') this.set('idle');
      },
      stopped: () => {
        heard();
        if (this.phase === 'handedOver' && !this.holdTimer) this.holdTimer = this.o.clock.setTimer(this.holdMs, () => this.returnToDock());
        else if (UNDER_WAY.includes(this.phase)) this.hold('blocked', errorInfo('hardwareError', 'the base stopped on its own'));
      },
      restarted: () => {
        if (FOLLOWED.includes(this.phase)) this.hold('blocked', errorInfo('hardwareError', 'the base restarted and forgot the trip'));
      },
      status: () => this.statusChanged(),
    };
  }

  private statusChanged(): void {
    const battery = this.binding.robot?.status.robot?.batteryPercent;
    if (battery !== undefined && battery <= this.lowBatteryPercent) this.lowBattery();
    const down = this.downReason();
    if (down && FOLLOWED.includes(this.phase)) return this.unavailable(down);
    if (!down && this.phase === 'unavailable') {
      this.error = undefined;
      if (this.binding.robot?.status.robot?.docked === false) return this.returnToDock();
      return this.set('idle');
    }
    this.changed();
  }

  /** Battery low on a trip: finish when close, else stop at the next point and show the route (once a trip). */
  private lowBattery(): void {
    const t = this.trip;
    if (!t || !UNDER_WAY.includes(this.phase) || t.lowHandled) return;
    t.lowHandled = true;
    if (t.progress.remainingM <= this.finishWithinM) {
      this.o.log.info('robot battery low; the trip is nearly done and finishes', { remainingM: t.progress.remainingM });
      return;
    }
    this.o.log.warn('robot battery low; handing the citizen over', { remainingM: t.progress.remainingM, to: t.to });
    this.blockedTimer?.cancel();
    this.blockedTimer = null;
    this.binding.robot?.halt().catch((err: unknown) => this.tripFailed(t, err));
    this.set('handedOver');
  }

  private stillBlocked(): void {
    this.blockedTimer = null;
    if (this.phase !== 'paused') return;
    this.binding.robot?.cancel().catch(() => undefined);
    this.hold('blocked', errorInfo('userError', `the way to ${this.trip?.to ?? '?'} stays blocked`));
  }

  private tripFailed(trip: Trip, err: unknown): void {
    if (trip !== this.trip || !FOLLOWED.includes(this.phase)) return;
    const e = DeviceError.from(err);
    this.o.log.warn('robot refused or lost the trip', { code: e.code, detail: e.message });
    if (e.code === 'timeout' || e.code === 'noDevice' || e.code === 'offline' || e.code === 'canceled') return this.unavailable(e.info());
    this.hold('blocked', e.info());
  }

  /** A trip's end the citizen sees for `holdMs`, then the base goes back to its dock. */
  private hold(phase: 'arrived' | 'blocked' | 'canceled', error?: KioskErrorInfo): void {
    this.clearTimers();
    this.error = error;
    this.holdTimer = this.o.clock.setTimer(this.holdMs, () => this.returnToDock());
    this.set(phase);
  }

  private returnToDock(): void {
    this.clearTimers();
    this.error = undefined;
    const robot = this.binding.robot;
    if (!robot || this.downReason()) return this.set('unavailable');
    if (robot.status.robot?.docked === true) return this.set('idle');
    this.lastWordMs = this.o.clock.elapsedMs();
    robot.dock().catch((err: unknown) => {
      if (this.phase !== 'returning') return;
      const e = DeviceError.from(err);
      this.o.log.warn('robot could not go back to its dock', { code: e.code, detail: e.message });
      this.unavailable(e.info());
    });
    this.set('returning');
  }

  private unavailable(error: KioskErrorInfo | undefined): void {
    this.clearTimers();
    this.error = error;
    this.o.log.warn('robot trip ended: the base is unavailable', { phase: this.phase, code: error?.code });
    this.set('unavailable');
  }

  private tick(): void {
    if (this.binding.check()) this.statusChanged();
    if (FOLLOWED.includes(this.phase) && this.o.clock.elapsedMs() - this.lastWordMs > this.silenceMs) {
      this.unavailable(errorInfo('timeout', `no word from the robot base for ${this.silenceMs} ms`));
    }
  }

  /** Why the base cannot take a trip now; undefined when it can. */
  private downReason(): KioskErrorInfo | undefined {
    const robot = this.binding.robot;
    if (!robot) return errorInfo('noDevice', 'this kiosk has no robot base');
    const state = robot.status.device;
    if (state === 'online') return undefined;
    return errorInfo(OFFLINE_CODES[state] ?? 'deviceNotReady', `robot base ${state}`);
  }

  private statusView(): RobotStatusView {
    const robot = this.binding.robot;
    if (!robot) return { online: false };
    const view: RobotStatusView = { online: robot.status.device === 'online' };
    const { batteryPercent, charging, docked, obstacle, position } = robot.status.robot ?? {};
    if (batteryPercent !== undefined) view.batteryPercent = batteryPercent;
    if (charging !== undefined) view.charging = charging;
    if (docked !== undefined) view.docked = docked;
    if (obstacle !== undefined) view.obstacle = obstacle;
    if (position) view.position = { ...position };
    return view;
  }

  private remember(requestId: string): void {
    this.seen.push(requestId);
    if (this.seen.length > REQUESTS_KEPT) this.seen.shift();
  }

  private clearTimers(): void {
    this.blockedTimer?.cancel();
    this.holdTimer?.cancel();
    this.blockedTimer = this.holdTimer = null;
  }

  private set(phase: RobotTripPhase): void {
    this.phase = phase;
    if (phase === 'idle') this.trip = null;
    this.changed();
  }

  private changed(): void {
    const view = this.view();
    const json = JSON.stringify(view);
    if (json === this.lastJson) return;
    this.lastJson = json;
    for (const l of [...this.listeners]) l(view);
  }
}
