/**
 * SerialLocker: a smart locker whose lock boards speak HLB/1 (docs/locker-protocol.md) on one RS-485 bus,
 * over any Transport (serial 9600 8N1, or a 485-to-Ethernet gateway). Opening reads every board's VERSION and
 * STATUS; while enabled, or while someone waits for a door, a STATUS round every `pollMs` keeps the `locker`
 * block (locker-condition.ts). Commands and polls share one queue, each bounded (locker-link.ts). An opening
 * is confirmed only by the board (§4.1, door-opening.ts); a door left open is a result, not an error (§4.2).
 */
import type { Clock, TimerHandle } from '../../../common/clock';
import type { DeviceRole, DeviceStatus, DeviceStatusDelta, LockerStatusBlock } from '../../../common/device';
import { SILENT_LOGGER, type Logger } from '../../../common/logger';
import * as C from '../../protocol/locker/constants';
import type { Transport } from '../../transport/transport';
import { CommandQueue } from '../command-queue';
import { DeviceError } from '../device-error';
import { StatusHolder } from '../device-status';
import type { CommandOptions, HealthLevel, HealthReport, Lifecycle } from '../device-types';
import { LifecycleState } from '../lifecycle';
import { DeviceCounters, MemoryStatisticsStore, type StatisticsStore } from '../statistics';
import { openDoor } from './door-opening';
import { LockerCondition } from './locker-condition';
import { LockerLayout } from './locker-layout';
import { LockerLink } from './locker-link';
import type { CompartmentState, DoorClosedResult, Locker, LockerBoardConfig, LockerDoors, LockerOpened, WaitClosedOptions } from './locker-types';
import { waitForDoorClosed } from './wait-closed';

export interface SerialLockerOptions {
  id: string;
  roles?: DeviceRole[];
  /** Default "generic-hlb". */
  model?: string;
  transport: Transport;
  clock: Clock;
  log?: Logger;
  statistics?: StatisticsStore;
  /** In compartment order (§2.3). Default one board at address 1 with 12 locks. */
  boards?: readonly LockerBoardConfig[];
  pollMs?: number;
  commandTimeoutMs?: number;
  /** Deadline of an OPEN reply (§5). Default 1500. */
  openTimeoutMs?: number;
  /** After "still closed", how long to read the door back (§4.1). Default 2000. */
  openConfirmMs?: number;
  missedBeforeOffline?: number;
  /** Further attempts after a lost reply (not OPEN). Default 1. */
  retries?: number;
  openLinkTimeoutMs?: number;
}

export class SerialLocker implements Locker {
  readonly driver = 'hlb';
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  readonly compartments: number;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly queue: CommandQueue;
  private readonly layout: LockerLayout;
  private readonly holder: StatusHolder;
  private readonly life = new LifecycleState();
  private readonly counters: DeviceCounters;
  private readonly link: LockerLink;
  private readonly condition: LockerCondition;
  private readonly timing: { pollMs: number; commandTimeoutMs: number; openTimeoutMs: number; openConfirmMs: number; openLinkTimeoutMs: number; retries: number };
  private pollTimer: TimerHandle | null = null;
  private polling = false;
  private watchers = 0;
  private versions: string[] = [];
  private unsubscribe: Array<() => void> = [];

  constructor(options: SerialLockerOptions) {
    this.id = options.id;
    this.roles = options.roles ?? ['locker'];
    this.model = options.model ?? 'generic-hlb';
    this.transport = options.transport;
    this.clock = options.clock;
    this.log = options.log ?? SILENT_LOGGER;
    this.queue = new CommandQueue(options.clock);
    this.layout = new LockerLayout(options.boards ?? [{ address: 1, locks: 12 }]);
    this.compartments = this.layout.compartments;
    this.holder = new StatusHolder({ device: 'starting', locker: { compartments: this.compartments, doorsOpen: [], occupied: [] } });
    this.timing = {
      pollMs: options.pollMs ?? C.POLL_MS,
      commandTimeoutMs: options.commandTimeoutMs ?? C.COMMAND_TIMEOUT_MS,
      openTimeoutMs: options.openTimeoutMs ?? C.OPEN_TIMEOUT_MS,
      openConfirmMs: options.openConfirmMs ?? C.OPEN_CONFIRM_MS,
      openLinkTimeoutMs: options.openLinkTimeoutMs ?? 5000,
      retries: options.retries ?? 1,
    };
    this.counters = new DeviceCounters(options.id, options.statistics ?? new MemoryStatisticsStore());
    this.link = new LockerLink({ clock: this.clock, log: this.log, counters: this.counters, retries: this.timing.retries, send: (bytes, signal) => this.send(bytes, signal) });
    this.condition = new LockerCondition(this.layout, this.holder, this.log, options.missedBeforeOffline ?? C.MISSED_BEFORE_OFFLINE);
  }

  get lifecycle(): Lifecycle {
    return this.life.value;
  }

  get status(): DeviceStatus {
    return this.holder.status;
  }

  get silent(): boolean {
    return this.condition.silent;
  }

  onStatusChanged(listener: (delta: DeviceStatusDelta, status: DeviceStatus) => void): () => void {
    return this.holder.onChanged(listener);
  }

  onDoorChanged(listener: (compartment: number, open: boolean) => void): () => void {
    return this.condition.doorChanged.add(listener);
  }

  onItemChanged(listener: (compartment: number, present: boolean) => void): () => void {
    return this.condition.itemChanged.add(listener);
  }

  /** The port, bounded; then VERSION and STATUS of every board, whose failures show in the status. */
  async open(options: CommandOptions = {}): Promise<void> {
    if (this.life.value !== 'closed') return;
    try {
      await this.queue.run('open', () => this.connect(), { timeoutMs: options.timeoutMs ?? this.timing.openLinkTimeoutMs, signal: options.signal });
    } catch (err) {
      this.detach();
      this.life.closed();
      await this.transport.close().catch(() => undefined);
      this.holder.update({ device: 'noDevice' });
      throw DeviceError.from(err, 'noDevice');
    }
    await this.readVersions(options.signal).catch(() => undefined);
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
    if (this.watchers === 0) this.stopPolling();
  }

  statistics(): Record<string, number> {
    return { ...this.counters.snapshot(), staleReplies: this.link.staleReplies };
  }

  doors(): LockerDoors {
    return this.condition.doors();
  }

  /** Opens one door, confirmed by the board (§4.1). */
  async openDoor(compartment: number, options: CommandOptions = {}): Promise<LockerOpened> {
    const { board, lock } = this.locate(compartment);
    const t = this.timing;
    const budget = t.openTimeoutMs + 2 * (t.retries + 1) * t.commandTimeoutMs + t.openTimeoutMs + t.openConfirmMs + 1000;
    try {
      const opened = await this.bounded(board.address, 'open', (signal) => openDoor({ link: this.link, clock: this.clock, condition: this.condition, timing: t }, compartment, board.address, lock, signal), { timeoutMs: options.timeoutMs ?? budget, signal: options.signal });
      this.counters.add(`opens.${compartment}`);
      this.log.info('locker door opened', { compartment, confirmedBy: opened.confirmedBy });
      return opened;
    } catch (err) {
      const e = DeviceError.from(err);
      if (e.code === 'hardwareError') {
        this.condition.openFailed(compartment);
        this.counters.add(`openFailures.${compartment}`);
        this.log.error('locker door did not open', { compartment, detail: e.message });
      }
      throw e;
    }
  }

  async readCompartment(compartment: number, options: CommandOptions = {}): Promise<CompartmentState> {
    const { board, lock } = this.locate(compartment);
    const reply = await this.bounded(board.address, 'readLock', (signal) => this.link.exchange(board.address, { cmd: 'readLock', lock }, this.timing.commandTimeoutMs, signal), this.budget(options));
    const state = { compartment, doorOpen: reply.doorOpen, occupied: reply.occupied, fault: reply.fault };
    this.condition.set(state);
    return this.condition.state(compartment);
  }

  async setLight(compartment: number, mode: C.LightMode, options: CommandOptions = {}): Promise<void> {
    const { board, lock } = this.locate(compartment);
    await this.bounded(board.address, 'light', (signal) => this.link.exchange(board.address, { cmd: 'light', lock, mode }, this.timing.commandTimeoutMs, signal), this.budget(options));
  }

  /** STATUS of every board; a board that does not answer is counted, and the round goes on. */
  async refreshStatus(options: CommandOptions = {}): Promise<LockerStatusBlock> {
    if (this.life.value === 'closed') throw new DeviceError('deviceNotReady', `${this.id}: open it before reading its status`);
    let answered = 0;
    let last: DeviceError | null = null;
    for (const board of this.layout.boards) {
      try {
        const reply = await this.bounded(board.address, 'status', (signal) => this.link.exchange(board.address, { cmd: 'status' }, this.timing.commandTimeoutMs, signal), this.budget(options));
        if (reply.locks !== board.locks) this.counters.add('lockCountMismatch');
        this.condition.board(board.address, reply);
        answered++;
      } catch (err) {
        last = DeviceError.from(err);
      }
    }
    if (answered === 0 && last) throw last;
    return this.status.locker ?? {};
  }

  async waitForClosed(compartment: number, options: WaitClosedOptions): Promise<DoorClosedResult> {
    const { board } = this.locate(compartment);
    if (this.life.value === 'closed') throw new DeviceError('deviceNotReady', `${this.id}: open it before waiting for a door`);
    this.watchers++;
    if (this.watchers === 1 && this.life.value !== 'enabled') this.schedulePoll(0);
    try {
      const result = await waitForDoorClosed({ clock: this.clock, condition: this.condition, compartment, address: board.address, ...options });
      if (!result.closed) {
        this.counters.add(`doorsLeftOpen.${compartment}`);
        this.log.warn('locker door left open', { compartment });
      }
      return result;
    } finally {
      this.watchers--;
      if (this.watchers === 0 && this.life.value !== 'enabled') this.stopPolling();
    }
  }

  async healthCheck(level: HealthLevel, options: CommandOptions = {}): Promise<HealthReport> {
    const findings = [`transport ${this.transport.description} ${this.transport.isOpen ? 'open' : 'closed'}`, `lifecycle ${this.life.value}`, `boards ${this.layout.boards.map((b) => `${b.address}×${b.locks}`).join(', ')}`];
    if (level === 'internal') return this.transport.isOpen ? { level, ok: true, findings } : { level, ok: false, findings, error: new DeviceError('noDevice', 'link closed').info() };
    try {
      await this.readVersions(options.signal);
      await this.refreshStatus(options);
      const d = this.doors();
      findings.push(...this.versions, `doors open ${d.doorsOpen.join(',') || 'none'}`, `occupied ${d.occupied.join(',') || 'none'}`, `faulty ${d.faulty.join(',') || 'none'}`, `unavailable ${d.unavailable.join(',') || 'none'}`);
      if (level === 'interactive') findings.push('open an empty compartment from the technician screen, watch its light and door, close it (docs/locker-protocol.md §4)');
      return { level, ok: d.unavailable.length === 0 && d.faulty.length === 0 && this.counters.snapshot().lockCountMismatch === undefined, findings };
    } catch (err) {
      return { level, ok: false, findings, error: DeviceError.from(err).info() };
    }
  }

  private locate(compartment: number): ReturnType<LockerLayout['locate']> {
    if (!this.layout.has(compartment)) throw new DeviceError('invalidData', `${this.id}: no compartment ${compartment} (1 … ${this.compartments})`);
    return this.layout.locate(compartment);
  }

  private budget(options: CommandOptions): { timeoutMs: number; signal?: AbortSignal } {
    const t = this.timing;
    return { timeoutMs: options.timeoutMs ?? (t.retries + 1) * t.commandTimeoutMs + 1000, ...(options.signal && { signal: options.signal }) };
  }

  /** One queued exchange with one board, whose outcome feeds that board's health. */
  private bounded<T>(address: number, name: string, body: (signal: AbortSignal) => Promise<T>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<T> {
    if (this.life.value === 'closed') return Promise.reject(new DeviceError('deviceNotReady', `${this.id}: open it before ${name}`));
    return this.queue.run(name, body, options).then(
      (value) => (this.condition.answered(address), value),
      (err: unknown) => {
        const e = DeviceError.from(err);
        if (e.code === 'timeout') this.condition.missed(address);
        else if (e.code !== 'canceled' && e.code !== 'noDevice') this.condition.answered(address); // refused, but there
        this.counters.add(`failures.${e.code}`);
        throw e;
      },
    );
  }

  private async readVersions(signal?: AbortSignal): Promise<void> {
    const found: string[] = [];
    for (const board of this.layout.boards) {
      const v = await this.bounded(board.address, 'version', (s) => this.link.exchange(board.address, { cmd: 'version' }, this.timing.commandTimeoutMs, s), this.budget(signal ? { signal } : {}));
      found.push(`board ${board.address}: ${v.model} firmware ${v.firmware}, ${v.locks} locks, protocol ${v.protocol}`);
      if (v.locks !== board.locks) {
        this.counters.add('lockCountMismatch');
        this.log.error('locker board has another number of locks than configured', { address: board.address, reports: v.locks, configured: board.locks });
      }
    }
    this.versions = found;
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

  private schedulePoll(delayMs = this.timing.pollMs): void {
    this.stopPolling();
    if (this.life.value === 'closed' || (this.life.value !== 'enabled' && this.watchers === 0)) return;
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
      // counted by bounded(): the boards missed a poll
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }

  private onDisconnect(reason: string): void {
    this.log.warn('locker disconnected', { reason });
    this.counters.add('disconnects');
    this.stopPolling();
    this.detach();
    this.link.reset(new DeviceError('noDevice', `locker disconnected: ${reason}`));
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
