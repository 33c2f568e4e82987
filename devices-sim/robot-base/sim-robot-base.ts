/**
 * A simulated hall robot base speaking HRL/1 on the device end of a Transport (ARCHITECTURE.md §4;
 * docs/robot-protocol.md): it reads the host's lines with the drivers' decoder, answers each command after
 * `latencyMs` (BADLINE, BADCMD … for what it cannot use, and carries on), and walks the hall map in simulated
 * time (robot-world.ts), sending POS, ARRIVED, BLOCKED, CLEAR, BATTERY, DOCKED, STOPPED and FAULT events.
 * Faults in the status words (robot-faults.ts); every line goes out through the printer's ReplyChannel, so
 * noReply / garbage / slowMs / unplugged behave as on every simulated device. The `place` action sets it down.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus } from '../../common/device';
import type { HallMap } from '../../common/hall-map';
import { PROTOCOL, POINT_ID, UNTAGGED_SEQ } from '../../drivers/protocol/robot-line/constants';
import type { RobotCommand, RobotEvent, RobotFrame } from '../../drivers/protocol/robot-line/frames';
import { encodeEvent, encodeLine, errText, okText } from '../../drivers/protocol/robot-line/line-codec';
import { RobotLineDecoder } from '../../drivers/protocol/robot-line/line-decoder';
import { statusFields } from '../../drivers/protocol/robot-line/status-fields';
import type { Transport } from '../../drivers/transport/transport';
import { ReplyChannel, type ReplyFaults, type SimLog } from '../escpos/reply-channel';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice, type SimOutput } from '../sim-device';
import { SimLink } from '../sim-link';
import { FALLBACK_HALL_MAP } from './fallback-map';
import { parseRobotFaults, type RobotFaults } from './robot-faults';
import { RobotWorld } from './robot-world';

export interface SimRobotBaseOptions {
  id: string;
  /** Default "generic-hrl". */
  model?: string;
  roles?: readonly DeviceRole[];
  transport: Transport;
  clock: Clock;
  /** The hall it walks; default a one-window map (fallback-map.ts). */
  map?: HallMap;
  /** Where it docks and starts; default the map's first `dock` point. */
  dockPoint?: string;
  /** Before each reply (§6: under 200 ms). Default 20; 0 answers at once. */
  latencyMs?: number;
  /** Default 0.8. */
  speedMps?: number;
  /** Default 90. */
  batteryPercent?: number;
  /** Default 0.02. */
  drainPercentPerM?: number;
  /** On the dock. Default 1. */
  chargePercentPerMin?: number;
  /** Motion step. Default 250. */
  tickMs?: number;
  /** Host silence on a trip before it stops (§6). Default 10000; 0: never. */
  watchdogMs?: number;
  faults?: RobotFaults;
  seed?: number;
  log?: SimLog;
}

const HEALTHY: Readonly<ReplyFaults> = { noReply: false, unplugged: false, garbage: false, slowMs: 0 };

export class SimRobotBase implements SimDevice {
  readonly id: string;
  readonly model: string;
  readonly roles: readonly DeviceRole[];
  private readonly map: HallMap;
  private readonly dockPoint: string;
  private readonly link: SimLink;
  private readonly replies: ReplyChannel;
  private readonly decoder = new RobotLineDecoder();
  private comm: ReplyFaults = { ...HEALTHY };
  private world: RobotWorld;
  private readonly timers = new Set<TimerHandle>();
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private lastStatusJson = '';
  private commands = 0;

  constructor(private readonly options: SimRobotBaseOptions) {
    this.id = options.id;
    this.model = options.model ?? 'generic-hrl';
    this.roles = [...(options.roles ?? ['robotBase'])];
    this.map = options.map ?? FALLBACK_HALL_MAP;
    this.dockPoint = options.dockPoint ?? this.map.points.find((p) => p.kind === 'dock')?.id ?? 'dock';
    this.link = new SimLink(options.transport, options.log);
    this.replies = new ReplyChannel(options.transport, options.clock, new SeededRandom(options.seed ?? 1), () => this.comm, options.log);
    this.world = this.makeWorld();
    if (options.faults) this.apply(options.faults);
    this.lastStatusJson = JSON.stringify(this.status());
  }

  async start(): Promise<void> {
    await this.link.attach((chunk) => this.receive(chunk), this.comm.unplugged);
  }

  async stop(): Promise<void> {
    this.link.detach();
    this.cancelWork();
    this.world.stop();
    await this.replies.flushed();
    await this.link.close();
  }

  status(): DeviceStatus {
    let device: DeviceState = 'online';
    if (this.comm.unplugged) device = 'noDevice';
    else if (this.comm.noReply || this.comm.garbage || this.world.fault !== 'NONE') device = 'hardwareError';
    const { fault: _fault, ...robot } = this.world.status();
    return { device, robot };
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    this.apply(parseRobotFaults(body));
    return this.status();
  }

  clearFaults(): void {
    const wasUnplugged = this.comm.unplugged;
    this.comm = { ...HEALTHY };
    if (wasUnplugged) this.link.setPlugged(true);
    this.world.setObstacle({ active: false });
    this.world.setFault('NONE');
    this.world.setBattery(this.options.batteryPercent ?? 90);
    this.world.drainPercentPerM = this.options.drainPercentPerM ?? 0.02;
    this.notify();
  }

  /** A robot base prints nothing. */
  printed(): SimOutput[] {
    return [];
  }

  /** Healthy, on its dock, the configured battery, counters at zero. */
  reset(): void {
    this.cancelWork();
    this.decoder.reset();
    this.world.stop();
    this.world = this.makeWorld();
    this.commands = 0;
    this.clearFaults();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      place: {
        description: 'POST {"point": "A1"} sets the robot down at a hall-map point, stopped (on the dock point: docked)',
        start: (body) => {
          const point = (body as { point?: unknown } | null)?.point;
          if (typeof point !== 'string' || !POINT_ID.test(point)) throw new SimActionError('send {"point": "<hall-map point id>"}', true);
          if (!this.map.points.some((p) => p.id === point)) throw new SimActionError(`no point ${point} on the robot's map`, true);
          this.world.place(point);
          return this.status();
        },
      },
    };
  }

  statistics(): { commands: number } {
    return { commands: this.commands };
  }

  private makeWorld(): RobotWorld {
    const o = this.options;
    return new RobotWorld({
      clock: o.clock,
      map: this.map,
      dockPoint: this.dockPoint,
      speedMps: o.speedMps ?? 0.8,
      batteryPercent: o.batteryPercent ?? 90,
      drainPercentPerM: o.drainPercentPerM ?? 0.02,
      chargePercentPerMin: o.chargePercentPerMin ?? 1,
      lowPercent: 20,
      criticalPercent: 10,
      tickMs: o.tickMs ?? 250,
      posEveryMs: 1000,
      ...(o.watchdogMs !== undefined && { watchdogMs: o.watchdogMs }),
      emit: (event) => this.emit(event),
      changed: () => this.notify(),
    });
  }

  private apply(f: RobotFaults): void {
    const wasUnplugged = this.comm.unplugged;
    const comm = { ...this.comm };
    if (f.noReply !== undefined) comm.noReply = f.noReply;
    if (f.garbage !== undefined) comm.garbage = f.garbage;
    if (f.slowMs !== undefined) comm.slowMs = f.slowMs;
    if (f.unplugged !== undefined) comm.unplugged = f.unplugged;
    this.comm = comm;
    if (comm.unplugged !== wasUnplugged) this.link.setPlugged(!comm.unplugged);
    if (f.drainPercentPerM !== undefined) this.world.drainPercentPerM = f.drainPercentPerM;
    if (f.batteryPercent !== undefined) this.world.setBattery(f.batteryPercent);
    if (f.fault !== undefined) this.world.setFault(f.fault);
    if (f.obstacle !== undefined) {
      const { atPoint, afterM, clearAfterMs } = f;
      this.world.setObstacle({ active: f.obstacle, ...(atPoint !== undefined && { atPoint }), ...(afterM !== undefined && { afterM }), ...(clearAfterMs !== undefined && { clearAfterMs }) });
    }
    this.notify();
  }

  private receive(chunk: Uint8Array): void {
    if (this.comm.unplugged) return;
    for (const frame of this.decoder.push(chunk)) {
      this.world.heard();
      this.after(this.options.latencyMs ?? 20, () => this.answer(frame));
    }
  }

  private answer(frame: RobotFrame): void {
    switch (frame.type) {
      case 'command':
        this.commands++;
        return this.run(frame.seq, frame.command);
      case 'refused':
        return this.line(errText(frame.seq, frame.code, frame.text));
      case 'garbage':
        if (frame.reason === 'tooLong') return this.line(errText(UNTAGGED_SEQ, 'TOOLONG'));
        if (frame.reason === 'checksum') return this.line(errText(frame.seq ?? UNTAGGED_SEQ, 'CHECKSUM'));
        return this.line(errText(UNTAGGED_SEQ, 'BADLINE'));
      case 'ok':
      case 'err':
        return this.line(errText(frame.seq, 'BADCMD', 'not a command'));
      default:
        return this.line(errText(UNTAGGED_SEQ, 'BADLINE'));
    }
  }

  private run(seq: number, command: RobotCommand): void {
    const w = this.world;
    switch (command.verb) {
      case 'HELLO':
        return this.line(okText(seq, { PROTO: PROTOCOL, MODEL: this.model, FW: '1.0', MAP: '-' }));
      case 'STATUS':
        return this.line(okText(seq, statusFields(w.status())));
      case 'CANCEL':
        this.line(okText(seq));
        return w.cancel();
      case 'HALT':
        return this.line(okText(seq, { AT: w.halt() ?? '-' }));
      case 'GOTO':
      case 'DOCK': {
        const answer = command.verb === 'GOTO' ? w.goTo(command.point, false) : w.goTo(this.dockPoint, true);
        if (!answer.ok) return this.line(errText(seq, answer.code, answer.text));
        this.line(okText(seq, { ROUTE: answer.routeM.toFixed(1) }));
        return w.started();
      }
    }
  }

  private line(text: string): void {
    this.replies.send(encodeLine(text));
  }

  private emit(event: RobotEvent): void {
    this.replies.send(encodeEvent(event));
  }

  /** Runs `fn` after `ms` of clock time; at once for 0. */
  private after(ms: number, fn: () => void): void {
    if (ms <= 0) return fn();
    const timer = this.options.clock.setTimer(ms, () => {
      this.timers.delete(timer);
      fn();
    });
    this.timers.add(timer);
  }

  private cancelWork(): void {
    for (const t of this.timers) t.cancel();
    this.timers.clear();
    this.replies.cancelDelayed();
  }

  private notify(): void {
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    for (const l of [...this.listeners]) l(status);
  }
}
