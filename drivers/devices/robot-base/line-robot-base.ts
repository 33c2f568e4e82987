/**
 * LineRobotBase: a hall robot base speaking HRL/1 lines (docs/robot-protocol.md) over any Transport, serial
 * 115200 8N1 by default. Open says HELLO; while enabled, a STATUS every `pollMs` is the heartbeat and keeps
 * the `robot` block (robot-condition.ts); commands and polls share one queue, each bounded, each exchange
 * tagged so a late reply is never taken for a newer one (robot-line-link.ts). Events become listeners' calls.
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta, RobotStatusBlock } from '../../../common/device';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import * as C from '../../protocol/robot-line/constants';
import type { RobotCommand } from '../../protocol/robot-line/frames';
import { parseStatusFields } from '../../protocol/robot-line/status-fields';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { LifecycleState } from '../lifecycle';
import { DeviceCounters, MemoryStatisticsStore, type StatisticsStore } from '../statistics';
import type { RobotBase, RobotHaltAccepted, RobotTripAccepted } from './robot-base-types';
import { RobotCondition } from './robot-condition';
import { RobotEvents } from './robot-events';
import { RobotLineLink } from './robot-line-link';

export interface LineRobotBaseOptions {
  id: string;
  roles?: DeviceRole[];
  /** Default "generic-hrl": any base that speaks HRL/1. */
  model?: string;
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** STATUS heartbeat period while enabled (§6). Default 1000. */
  pollMs?: number;
  /** Deadline of one reply (§6). Default 1000. */
  commandTimeoutMs?: number;
  /** Heartbeats in a row unanswered before the base shows offline (§6). Default 3. */
  missedBeforeOffline?: number;
  /** Further attempts after a lost reply or a CHECKSUM refusal. Default 1. */
  retries?: number;
  /** onBatteryLow fires at or below this, or when the base says LOW (§4). Default 20. */
  lowBatteryPercent?: number;
  openTimeoutMs?: number;
}

const num = (value: string | undefined): number | undefined => (value !== undefined && /^\d+(\.\d+)?$/u.test(value) ? Number(value) : undefined);

export class LineRobotBase implements RobotBase {
  readonly driver = 'robotline';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly holder = new StatusHolder({ device: 'starting', robot: {} });
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly link: RobotLineLink;
  private readonly condition: RobotCondition;
  private readonly pollMs: number;
  private readonly commandTimeoutMs: number;
  private readonly retries: number;
  private readonly openTimeoutMs: number;
  private pollTimer: TimerHandle | null = null;
  private polling = false;
  private unsubscribe: Array<() => void> = [];
  private readonly on = new RobotEvents();

  constructor(options: LineRobotBaseOptions) {
    this.id = options.id;
    this.roles = options.roles ?? ['robotBase'];
    this.model = options.model ?? 'generic-hrl';
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.pollMs = options.pollMs ?? C.POLL_MS;
    this.commandTimeoutMs = options.commandTimeoutMs ?? C.COMMAND_TIMEOUT_MS;
    this.retries = options.retries ?? 1;
    this.openTimeoutMs = options.openTimeoutMs ?? 5000;
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    const send = (bytes: Uint8Array, signal: AbortSignal): Promise<void> => this.send(bytes, signal);
    this.link = new RobotLineLink({ clock: this.clock, log: this.log, counters: this.counters, retries: this.retries, send, onEvent: (e) => this.on.dispatch(e, this.condition, () => this.restarted()) });
    const low = (percent: number): void => this.on.batteryLow.emit(percent);
    this.condition = new RobotCondition(this.holder, this.log, options.missedBeforeOffline ?? C.MISSED_BEFORE_OFFLINE, options.lowBatteryPercent ?? 20, low);
  }

  get silent(): boolean {
    return this.condition.silent;
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    return this.holder.onChanged(listener);
  }

  /** The port, bounded; then HELLO and a STATUS, whose failure shows in the status, not as a rejection. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    try {
      await this.queue.run('open', () => this.connect(), { timeoutMs: options.timeoutMs ?? this.openTimeoutMs, signal: options.signal });
    } catch (err) {
      this.detach();
      this.life.closed();
      await this.transport.close().catch(() => undefined);
      this.holder.update({ device: 'noDevice' });
      throw DeviceError.from(err, 'noDevice');
    }
    await this.refreshStatus({ signal: options.signal }).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.stopPolling();
    this.detach();
    this.link.reset(new DeviceError('canceled', 'device closed'));
    this.life.closed();
    await this.transport.close();
    this.counters.flush();
  }

  claim(owner: string): void {
    this.life.claim(this.id, owner);
  }

  release(owner: string): void {
    this.life.release(owner);
  }

  async enable(): Promise<void> {
    this.life.enable(this.id);
    this.schedulePoll(0);
  }

  async disable(): Promise<void> {
    this.life.disable();
    this.stopPolling();
  }

  statistics(): Record<string, number> {
    return { ...this.counters.snapshot(), staleReplies: this.link.staleReplies };
  }

  async goTo(point: string, options: CommandOptions = {}): Promise<RobotTripAccepted> {
    if (!C.POINT_ID.test(point)) throw new DeviceError('invalidData', `not a point id the base can take: ${JSON.stringify(point)}`);
    const fields = await this.command({ verb: 'GOTO', point }, options);
    this.counters.add('trips');
    this.condition.update({ docked: false, moving: true });
    return this.trip(fields);
  }

  async cancel(options: CommandOptions = {}): Promise<void> {
    await this.command({ verb: 'CANCEL' }, options);
  }

  async halt(options: CommandOptions = {}): Promise<RobotHaltAccepted> {
    const at = (await this.command({ verb: 'HALT' }, options)).AT;
    return at === undefined || at === C.NO_POINT ? {} : { point: at };
  }

  async dock(options: CommandOptions = {}): Promise<RobotTripAccepted> {
    const fields = await this.command({ verb: 'DOCK' }, options);
    if (this.status.robot?.docked !== true) this.condition.update({ moving: true });
    return this.trip(fields);
  }

  async refreshStatus(options: CommandOptions = {}): Promise<RobotStatusBlock> {
    const budget = (this.retries + 1) * this.commandTimeoutMs;
    const run = async (signal: AbortSignal): Promise<void> => {
      if (!this.condition.greeted) await this.hello(signal);
      this.condition.status(parseStatusFields(await this.link.exchange({ verb: 'STATUS' }, this.commandTimeoutMs, signal)));
    };
    await this.bounded('status', run, { timeoutMs: options.timeoutMs ?? 2 * budget, signal: options.signal });
    return this.status.robot ?? {};
  }

  onPosition: RobotBase['onPosition'] = (l) => this.on.onPosition(l);
  onArrived: RobotBase['onArrived'] = (l) => this.on.onArrived(l);
  onBlocked: RobotBase['onBlocked'] = (l) => this.on.onBlocked(l);
  onCleared: RobotBase['onCleared'] = (l) => this.on.onCleared(l);
  onBatteryLow: RobotBase['onBatteryLow'] = (l) => this.on.onBatteryLow(l);
  onDocked: RobotBase['onDocked'] = (l) => this.on.onDocked(l);
  onStopped: RobotBase['onStopped'] = (l) => this.on.onStopped(l);
  onRestarted: RobotBase['onRestarted'] = (l) => this.on.onRestarted(l);

  async healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const findings = [`transport ${this.transport.description} ${this.transport.isOpen ? 'open' : 'closed'}`, `lifecycle ${this.life.value}`, `queue length ${this.queue.length}`];
    if (level === 'internal') return this.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: new DeviceError('noDevice', 'link closed').info() };
    try {
      const robot = await this.refreshStatus(options);
      findings.push(`battery ${robot.batteryPercent ?? '?'} %`, `docked ${robot.docked ? 'yes' : 'no'}`, `fault ${this.condition.faultCode}`);
      if (level === 'interactive') findings.push('send it to a point from the technician screen and watch it go (docs/robot-protocol.md §7)');
      return { level, ok: this.condition.faultCode === 'NONE', findings };
    } catch (err) {
      return { level, ok: false, findings, error: DeviceError.from(err).info() };
    }
  }

  private trip(fields: Record<string, string>): RobotTripAccepted {
    const routeM = num(fields.ROUTE);
    return routeM === undefined ? {} : { routeM };
  }

  private command(command: RobotCommand, options: CommandOptions): Promise<Record<string, string>> {
    if (this.life.value === 'closed') return Promise.reject(new DeviceError('deviceNotReady', `${this.id}: open it before ${command.verb}`));
    const run = (signal: AbortSignal): Promise<Record<string, string>> => this.link.exchange(command, this.commandTimeoutMs, signal);
    return this.bounded(command.verb, run, { timeoutMs: options.timeoutMs ?? (this.retries + 1) * this.commandTimeoutMs + 500, signal: options.signal });
  }

  /** One queued command whose outcome feeds the heartbeat. */
  private bounded<T>(name: string, body: (signal: AbortSignal) => Promise<T>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
    return this.queue.run(name, body, options).then(
      (value) => (this.condition.answered(), value),
      (err: unknown) => {
        const e = DeviceError.from(err);
        if (this.link.unansweredInARow === 0 && e.code !== 'canceled' && e.code !== 'timeout') this.condition.answered(); // refused, but there
        this.condition.missed(this.link.unansweredInARow);
        this.counters.add(`failures.${e.code}`);
        throw e;
      },
    );
  }

  private async hello(signal: AbortSignal): Promise<void> {
    try {
      const fields = await this.link.exchange({ verb: 'HELLO' }, this.commandTimeoutMs, signal);
      this.log.info('robot base greeted', { proto: fields.PROTO, model: fields.MODEL, firmware: fields.FW, map: fields.MAP });
    } catch (err) {
      if (DeviceError.from(err).code === 'timeout' || signal.aborted) throw err;
      this.log.warn('robot base refused HELLO; going on', { detail: err instanceof Error ? err.message : String(err) });
    }
    this.condition.greeted = true;
  }

  private restarted(): void {
    this.log.warn('robot base restarted');
    this.counters.add('restarts');
    this.schedulePoll(0);
  }

  private async send(bytes: Uint8Array, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new DeviceError('canceled', 'canceled before writing');
    await this.transport.write(bytes, signal);
    this.counters.addQuietly('bytesSent', bytes.length);
  }

  private async connect(): Promise<void> {
    await this.transport.open();
    this.link.reset(new DeviceError('canceled', 'reopened'));
    this.condition.restart();
    this.unsubscribe = [this.transport.onData((chunk) => this.link.push(chunk)), this.transport.onDisconnect((reason) => this.onDisconnect(reason))];
    this.life.opened();
  }

  private schedulePoll(delayMs = this.pollMs): void {
    this.stopPolling();
    if (this.life.value !== 'enabled') return;
    this.pollTimer = this.clock.setTimer(delayMs, () => {
      this.pollTimer = null;
      void this.poll();
    });
  }

  private async poll(): Promise<void> {
    if (this.polling || this.life.value === 'closed') return;
    this.polling = true;
    try {
      await this.refreshStatus();
    } catch {
      // counted by bounded(): the heartbeat missed
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private onDisconnect(reason: string): void {
    this.log.warn('robot base disconnected', { reason });
    this.counters.add('disconnects');
    this.stopPolling();
    this.detach();
    this.link.reset(new DeviceError('noDevice', `robot base disconnected: ${reason}`));
    this.life.closed();
    this.condition.restart();
    this.holder.update({ device: 'noDevice' });
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
  }

  private stopPolling(): void {
    this.pollTimer?.cancel();
    this.pollTimer = null;
  }
}
