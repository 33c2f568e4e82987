/**
 * A simulated smart locker cabinet speaking HLB/1 on the device end of a Transport (ARCHITECTURE.md §4;
 * docs/locker-protocol.md): every configured board on one simulated RS-485 bus. It reads requests with the
 * drivers' decoder, stays silent for a frame that is not a request to one of its boards (a bad BCC, another
 * address, the host's echo), refuses what §3.6 refuses, and answers after `latencyMs` (OPEN after the
 * `pulseMs` coil pulse). Mechanics in locker-cabinet.ts; faults in the status words (locker-faults.ts);
 * replies go out through the printer's ReplyChannel so noReply / garbage / slowMs / unplugged behave as on
 * every simulated device. Actions: a person closes a door (`door`), puts something in or takes it out (`item`).
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus } from '../../common/device';
import { PROTOCOL_VERSION } from '../../drivers/protocol/locker/constants';
import { encodeReply, errorReply, parseRequest } from '../../drivers/protocol/locker/frame-codec';
import { LockerFrameDecoder } from '../../drivers/protocol/locker/frame-decoder';
import type { LockerReply, LockerRequest, RawFrame } from '../../drivers/protocol/locker/frames';
import type { Transport } from '../../drivers/transport/transport';
import { ReplyChannel, type ReplyFaults, type SimLog } from '../escpos/reply-channel';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice, type SimOutput } from '../sim-device';
import { SimLink } from '../sim-link';
import { LockerCabinet, type SimBoard } from './locker-cabinet';
import { parseLockerFaults, type LockerFaults } from './locker-faults';

export interface SimLockerOptions {
  id: string;
  /** Default "generic-hlb". */
  model?: string;
  roles?: readonly DeviceRole[];
  transport: Transport;
  clock: Clock;
  /** In compartment order; default one board at address 1 with 12 locks. */
  boards?: readonly SimBoard[];
  /** Before an ordinary reply (§5: under 50 ms). Default 20; 0 answers at once. */
  latencyMs?: number;
  /** The OPEN coil pulse (§3.2). Default 300. */
  pulseMs?: number;
  /** How long a `slowDoor` takes to spring open after its pulse. Default 500. */
  slowDoorMs?: number;
  /** A simulated person pushes an opened door shut this long after it opened; absent: only the `door` action. */
  closeAfterMs?: number;
  faults?: LockerFaults;
  seed?: number;
  log?: SimLog;
}

const HEALTHY: Readonly<ReplyFaults> = { noReply: false, unplugged: false, garbage: false, slowMs: 0 };
const FIRMWARE = '1.0';

export class SimLocker implements SimDevice {
  readonly id: string;
  readonly model: string;
  readonly roles: readonly DeviceRole[];
  readonly cabinet: LockerCabinet;
  private readonly link: SimLink;
  private readonly replies: ReplyChannel;
  private readonly decoder = new LockerFrameDecoder();
  private comm: ReplyFaults = { ...HEALTHY };
  private locks = { jammed: new Set<number>(), coilFault: new Set<number>(), slowDoor: new Set<number>() };
  private silentBoards = new Set<number>();
  private readonly pulsing = new Set<number>();
  private readonly timers = new Set<TimerHandle>();
  private readonly closers = new Map<number, TimerHandle>();
  private requests = 0;

  constructor(private readonly options: SimLockerOptions) {
    this.id = options.id;
    this.model = options.model ?? 'generic-hlb';
    this.roles = [...(options.roles ?? ['locker'])];
    this.link = new SimLink(options.transport, options.log);
    this.replies = new ReplyChannel(options.transport, options.clock, new SeededRandom(options.seed ?? 1), () => this.comm, options.log);
    this.cabinet = new LockerCabinet(options.boards ?? [{ address: 1, locks: 12 }], options.clock, options.slowDoorMs ?? 500, (c) => this.doorMaybeOpened(c));
    if (options.faults) this.apply(options.faults);
  }

  async start(): Promise<void> {
    await this.link.attach((chunk) => this.receive(chunk), this.comm.unplugged);
  }

  async stop(): Promise<void> {
    this.link.detach();
    this.cancelWork();
    await this.replies.flushed();
    await this.link.close();
  }

  status(): DeviceStatus {
    let device: DeviceState = 'online';
    if (this.comm.unplugged) device = 'noDevice';
    else if (this.comm.noReply || this.comm.garbage) device = 'hardwareError';
    return { device, locker: { compartments: this.cabinet.compartments, doorsOpen: this.cabinet.doorsOpen(), occupied: this.cabinet.occupied() } };
  }

  setFaults(body: unknown): DeviceStatus {
    this.apply(parseLockerFaults(body, this.cabinet.compartments));
    return this.status();
  }

  clearFaults(): void {
    if (this.comm.unplugged) this.link.setPlugged(true);
    this.comm = { ...HEALTHY };
    this.locks = { jammed: new Set(), coilFault: new Set(), slowDoor: new Set() };
    this.silentBoards = new Set();
  }

  /** A locker prints nothing. */
  printed(): SimOutput[] {
    return [];
  }

  /** Healthy, every door closed, every compartment empty, counters at zero. */
  reset(): void {
    this.cancelWork();
    this.decoder.reset();
    this.cabinet.reset();
    this.requests = 0;
    this.clearFaults();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      door: {
        description: 'POST {"compartment": 5, "closed": true}: a person pushes the door shut (409 when it is closed already)',
        start: (body) => {
          const { compartment, closed } = (body ?? {}) as { compartment?: unknown; closed?: unknown };
          const c = this.compartment(compartment);
          if (closed !== true) throw new SimActionError('send {"compartment": <n>, "closed": true}: a locked door opens only by OPEN', true);
          if (!this.closeDoor(c)) throw new SimActionError(`door ${c} is closed already`);
          return this.status();
        },
      },
      item: {
        description: 'POST {"compartment": 5, "present": true|false}: something is put in or taken out (409 while the door is closed)',
        start: (body) => {
          const { compartment, present } = (body ?? {}) as { compartment?: unknown; present?: unknown };
          const c = this.compartment(compartment);
          if (typeof present !== 'boolean') throw new SimActionError('send {"compartment": <n>, "present": true|false}', true);
          if (!this.cabinet.setItem(c, present)) throw new SimActionError(`door ${c} is closed: nothing can be put in or taken out`);
          return this.status();
        },
      },
    };
  }

  /** A person pushes door `c` shut; false when it was closed. */
  closeDoor(c: number): boolean {
    this.closers.get(c)?.cancel();
    this.closers.delete(c);
    return this.cabinet.close(c);
  }

  statistics(): { requests: number } {
    return { requests: this.requests };
  }

  private compartment(value: unknown): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > this.cabinet.compartments) {
      throw new SimActionError(`compartment must be 1 … ${this.cabinet.compartments}, got ${JSON.stringify(value)}`, true);
    }
    return value;
  }

  private apply(f: LockerFaults): void {
    const wasUnplugged = this.comm.unplugged;
    const comm = { ...this.comm };
    if (f.noReply !== undefined) comm.noReply = f.noReply;
    if (f.garbage !== undefined) comm.garbage = f.garbage;
    if (f.slowMs !== undefined) comm.slowMs = f.slowMs;
    if (f.unplugged !== undefined) comm.unplugged = f.unplugged;
    this.comm = comm;
    if (comm.unplugged !== wasUnplugged) this.link.setPlugged(!comm.unplugged);
    if (f.jammed) this.locks.jammed = new Set(f.jammed);
    if (f.coilFault) this.locks.coilFault = new Set(f.coilFault);
    if (f.slowDoor) this.locks.slowDoor = new Set(f.slowDoor);
    if (f.silentBoards) this.silentBoards = new Set(f.silentBoards);
  }

  private receive(chunk: Uint8Array): void {
    if (this.comm.unplugged) return;
    for (const decoded of this.decoder.push(chunk)) {
      if (decoded.type !== 'frame') continue; // §2.2: a frame it cannot trust gets no answer
      const frame = decoded.frame;
      if (frame.direction !== 'request' || !this.cabinet.board(frame.address) || this.silentBoards.has(frame.address)) continue;
      this.requests++;
      this.answer(frame);
    }
  }

  private answer(frame: RawFrame): void {
    const reading = parseRequest(frame);
    if (!reading.ok) return this.after(this.options.latencyMs ?? 20, () => this.reply(frame.address, errorReply(frame, reading.error)));
    const request = reading.request;
    const c = 'lock' in request ? this.cabinet.compartmentOf(frame.address, request.lock) : undefined;
    if ('lock' in request && c === undefined) return this.after(this.options.latencyMs ?? 20, () => this.reply(frame.address, errorReply(frame, 'BAD_LOCK')));
    if (request.cmd === 'open') return this.open(frame, c!);
    this.after(this.options.latencyMs ?? 20, () => this.reply(frame.address, this.replyTo(frame.address, request, c)));
  }

  private open(frame: RawFrame, c: number): void {
    if (this.pulsing.has(frame.address)) return this.after(this.options.latencyMs ?? 20, () => this.reply(frame.address, errorReply(frame, 'BUSY')));
    this.pulsing.add(frame.address);
    this.after(this.options.pulseMs ?? 300, () => {
      this.pulsing.delete(frame.address);
      const result = this.cabinet.pulse(c, this.locks);
      this.reply(frame.address, { cmd: 'open', lock: frame.lock, result, doorOpen: this.cabinet.lockState(c).doorOpen });
    });
  }

  private replyTo(address: number, request: Exclude<LockerRequest, { cmd: 'open' }>, c: number | undefined): LockerReply {
    switch (request.cmd) {
      case 'status':
        return { cmd: 'status', ...this.cabinet.boardState(address) };
      case 'readLock':
        return { cmd: 'readLock', lock: request.lock, ...this.cabinet.lockState(c!) };
      case 'light':
        return { cmd: 'light', lock: request.lock };
      case 'version':
        return { cmd: 'version', protocol: PROTOCOL_VERSION, locks: this.cabinet.board(address)!.locks, firmware: FIRMWARE, model: `SIM-LB${this.cabinet.board(address)!.locks}` };
    }
  }

  private reply(address: number, reply: LockerReply): void {
    this.replies.send(encodeReply(address, reply));
  }

  /** A door just opened: the simulated person of `closeAfterMs` will push it shut. */
  private doorMaybeOpened(c: number): void {
    const ms = this.options.closeAfterMs;
    if (ms === undefined || !this.cabinet.lockState(c).doorOpen || this.closers.has(c)) return;
    const timer = this.options.clock.setTimer(ms, () => {
      this.closers.delete(c);
      this.cabinet.close(c);
    });
    this.closers.set(c, timer);
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
    for (const t of [...this.timers, ...this.closers.values()]) t.cancel();
    this.timers.clear();
    this.closers.clear();
    this.pulsing.clear();
    this.replies.cancelDelayed();
  }
}
