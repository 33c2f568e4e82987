/**
 * A simulated ESC/POS ticket printer on the device end of a Transport (ARCHITECTURE.md §4, protocols.md §2,
 * §7 item 2). Receive stage: DLE EOT / DLE ENQ / GS a act at once, ahead of the print buffer (§2.4, §2.5);
 * everything else waits in the print buffer, which the print engine drains at a line rate, so a process-ID
 * or GS r reply proves the data before it printed (§2.7) while DLE EOT can say "healthy" with the job still
 * buffered. Faults use the status words (§8.2) and show in every status reply.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceStatus, PrinterFaults } from '../../common/device';
import type { EscPosCommand } from '../../drivers/protocol/escpos/command-parser';
import { BLOCK_REPLY_HEADER, EJECTOR_RETRACT, FULL_STATUS_N, NUL, PROCESS_ID_LENGTH, PROCESS_ID_REPLY_ID, RECOVERY_CLEAR_BUFFERS, RECOVERY_RESUME, TRANSMIT_STATUS_PAPER } from '../../drivers/protocol/escpos/constants';
import { escPosModel, type EscPosModel, type StoppedState } from '../../drivers/protocol/escpos/models';
import type { Transport } from '../../drivers/transport/transport';
import { SimLink } from '../sim-link';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice } from '../sim-device';
import { PaperModel } from './paper-model';
import { PrintEngine } from './print-engine';
import type { PrintedTicket, TicketDelivery } from './printed-ticket';
import { PrinterFaultState, parsePrinterFaults, type ActivePrinterFaults, type PaperSupply } from './printer-faults';
import { ReceiveBuffer, type ReceiveBufferOptions } from './receive-buffer';
import { ReceiveStage } from './receive-stage';
import { XOFF, XON } from '../../drivers/transport/flow-control';
import { ReplyChannel, type SimLog } from './reply-channel';
import { asbBlock, asbChangeWanted, fullStatusReply, paperStatusByte, realtimeStatusByte, type PrinterCondition } from './status-bytes';
import { printerDeviceStatus } from './printer-status';

export interface SimEscPosPrinterOptions {
  /** The configuration's device id (§8.1). */
  id: string;
  /** A models.ts id, e.g. "generic-escpos-80". */
  model: string;
  /** A row that is not in the table yet (a printer being qualified); `model` then only names it. */
  spec?: EscPosModel;
  roles?: readonly DeviceRole[];
  /** The device end: a memory pair's `device`, or a serial/TCP Transport in another process. */
  transport: Transport;
  clock: Clock;
  /** Time per paper line; 0 drains at once (benchmarks). Default: the model's lineTimeMs. */
  lineTimeMs?: number;
  paper?: PaperSupply;
  /** Faults to start with (the same words as the control API). */
  faults?: PrinterFaults;
  /** Seed of the `garbage` generator. */
  seed?: number;
  /**
   * false: firmware that prints and cuts but has no GS ( H, so never answers the process-ID request (§2.7:
   * "not every Chinese kiosk printer has it"), whatever the model table believes. Default true.
   */
  answersProcessId?: boolean;
  /**
   * Models that sense the ticket in the mouth (ticketTakenBit, presenter): clock time after a cut until the
   * citizen takes it; null waits for takeTicket() (the control API's `take`), or a presenter's retract
   * time-out. Default 3000.
   */
  ticketTakenAfterMs?: number | null;
  /**
   * A bounded receive buffer (receive-buffer.ts): XOFF/XON before it fills, or, without flow control, lost
   * bytes when a host sends on. Default unbounded, as over USB or TCP where the link paces the host.
   */
  receiveBuffer?: ReceiveBufferOptions;
  log?: SimLog;
}

export interface SimPrinterStatistics {
  bytesReceived: number;
  linesPrinted: number;
  cuts: number;
  statusRequests: number;
  /** Commands waiting in the print buffer now. */
  bufferedCommands: number;
  /** Bytes lost because the receive buffer was full (receive-buffer.ts). */
  overflowBytes: number;
}

export class SimEscPosPrinter implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  private readonly spec: EscPosModel;
  private readonly faults = new PrinterFaultState();
  private readonly paper: PaperModel;
  private readonly engine: PrintEngine;
  private readonly replies: ReplyChannel;
  private readonly stage: ReceiveStage;
  private readonly buffer: ReceiveBuffer | null;
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private stats = { bytesReceived: 0, linesPrinted: 0, cuts: 0, statusRequests: 0 };
  private asbMask = 0;
  private lastAsb: Uint8Array | undefined;
  private lastStatusJson = '';
  private mediaPresented = false;
  /** The printed list's seq of the ticket in a presenter's mouth (§2.6), while it is there. */
  private presentedSeq: number | null = null;
  private retractTimer: TimerHandle | undefined;
  private tearOffPending = false;
  private takeTimer: TimerHandle | undefined;
  private readonly link: SimLink;

  constructor(private readonly options: SimEscPosPrinterOptions) {
    this.id = options.id;
    this.spec = options.spec ?? escPosModel(options.model);
    this.model = this.spec.id;
    this.roles = [...(options.roles ?? ['ticketPrinter'])];
    this.stage = new ReceiveStage(this.spec, (cmd) => this.take(cmd), (command) => options.log?.('warn', 'command not modelled, skipped', { command }));
    this.paper = new PaperModel({ clock: options.clock, charsPerLine: this.spec.charsPerLine });
    this.link = new SimLink(options.transport, options.log);
    this.replies = new ReplyChannel(options.transport, options.clock, new SeededRandom(options.seed ?? 1), () => this.faults.current, options.log);
    this.engine = new PrintEngine(options.clock, options.lineTimeMs ?? this.spec.lineTimeMs, {
      plan: (cmd) => this.paper.plan(cmd),
      stopped: () => this.stopped(),
      cutBlocked: () => this.faults.current.cutterError,
      linePrinted: () => this.linePrinted(),
      reached: (cmd) => this.reached(cmd),
      advanced: () => this.signalBuffer(),
    });
    this.buffer = options.receiveBuffer ? new ReceiveBuffer(options.receiveBuffer) : null;
    if (options.paper) this.faults.apply(parsePrinterFaults({ paper: options.paper }, this.spec));
    if (options.faults) this.faults.apply(parsePrinterFaults(options.faults, this.spec));
    this.lastStatusJson = JSON.stringify(this.status());
  }

  /** Opens the transport and starts listening. */
  async start(): Promise<void> {
    await this.link.attach((chunk) => this.receive(chunk), this.faults.current.unplugged);
  }

  async stop(): Promise<void> {
    this.link.detach();
    this.engine.dispose();
    this.replies.cancelDelayed();
    this.takeTimer?.cancel();
    this.retractTimer?.cancel();
    await this.replies.flushed();
    await this.link.close();
  }

  status(): DeviceStatus {
    return printerDeviceStatus(this.faults.current, this.sensesMouth ? this.mediaPresented : undefined);
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    const faults = parsePrinterFaults(body, this.spec);
    const before = { ...this.faults.current };
    this.faults.apply(faults);
    this.afterFaultChange(before);
    return this.status();
  }

  clearFaults(): void {
    const before = { ...this.faults.current };
    this.faults.clear();
    this.afterFaultChange(before);
  }

  printed(): PrintedTicket[] {
    return this.paper.printed();
  }

  /** Healthy, buffer and paper emptied, counters zeroed. The host's ASB setting survives, like its link. */
  reset(): void {
    this.engine.clear();
    this.tearOffPending = false;
    this.replies.cancelDelayed();
    this.paper.reset();
    this.stage.reset();
    if (this.buffer?.reset() === 'xon') this.replies.sendFlowControl(XON);
    this.stats = { bytesReceived: 0, linesPrinted: 0, cuts: 0, statusRequests: 0 };
    this.setMediaPresented(false);
    const before = { ...this.faults.current };
    this.faults.clear();
    this.afterFaultChange(before);
  }

  /** The citizen tears the ticket off (models with ticketTakenBit or a presenter, protocols.md §2.6). */
  takeTicket(): void {
    this.leaveMouth('taken');
  }

  /** `take` where the model senses the mouth (ticketTakenBit or a presenter, §2.6). */
  actions(): Readonly<Record<string, SimAction>> {
    if (!this.sensesMouth) return {};
    return {
      take: {
        description: 'the citizen takes the ticket waiting in the mouth (409 when there is none)',
        start: () => {
          if (!this.mediaPresented) throw new SimActionError('no ticket is waiting in the mouth');
          this.takeTicket();
          return this.status();
        },
      },
    };
  }

  private get sensesMouth(): boolean {
    return this.spec.ticketTakenBit || this.spec.presenter !== null;
  }

  statistics(): SimPrinterStatistics {
    return { ...this.stats, bufferedCommands: this.engine.buffered, overflowBytes: this.buffer?.overflowBytes ?? 0 };
  }

  /** What DLE EOT, ASB and GS r report now. */
  condition(): PrinterCondition {
    const f = this.faults.current;
    return {
      offline: f.offline,
      coverOpen: f.coverOpen,
      paperEnd: f.paper === 'out',
      paperNearEnd: f.paper === 'low' && this.spec.nearEndSensor,
      cutterError: f.cutterError,
      paperJam: f.paper === 'jammed',
      headOverheat: f.headOverheat,
      ticketNotTaken: this.spec.ticketTakenBit && this.mediaPresented,
      ticketInOutput: this.spec.presenter !== null && this.mediaPresented,
    };
  }

  /** The error states the printer is stopped in now, in the model table's words (models.ts StoppedState). */
  private stoppedStates(): StoppedState[] {
    const f = this.faults.current;
    const states: StoppedState[] = [];
    if (f.cutterError) states.push('cutterError');
    if (f.paper === 'jammed') states.push('paperJam');
    if (f.coverOpen) states.push('coverOpen');
    if (f.paper === 'out') states.push('paperOut');
    return states;
  }

  private receive(chunk: Uint8Array): void {
    const f = this.faults.current;
    if (f.unplugged) return;
    this.stats.bytesReceived += chunk.length;
    // A hung firmware takes the bytes off the wire and does nothing with them.
    if (f.noReply) return;
    this.stage.push(chunk);
    this.engine.pump();
    this.signalBuffer();
  }

  /** Into the print buffer, if a bounded one has room; lost otherwise, as on a printer (receive-buffer.ts). */
  private intoBuffer(cmd: EscPosCommand): void {
    if (this.buffer && !this.buffer.admit(this.engine.waitingBytes, cmd.raw.length)) {
      this.options.log?.('warn', 'receive buffer full: command lost', { bytes: cmd.raw.length, capacity: this.buffer.options.bytes });
      return;
    }
    this.engine.enqueue(cmd);
  }

  private signalBuffer(): void {
    const signal = this.buffer?.signal(this.engine.waitingBytes);
    if (signal) this.replies.sendFlowControl(signal === 'xoff' ? XOFF : XON);
  }

  /** The receive stage (protocols.md §2.4, §2.5): real-time commands now, the rest into the buffer. */
  private take(cmd: EscPosCommand): void {
    switch (cmd.type) {
      case 'realtimeStatus':
        this.stats.statusRequests++;
        if (cmd.n >= 1 && cmd.n <= 4) this.replies.send(Uint8Array.of(realtimeStatusByte(cmd.n as 1 | 2 | 3 | 4, this.condition())));
        else if (cmd.n === FULL_STATUS_N && this.spec.statusQuery === 'fullStatus') this.replies.send(fullStatusReply(this.condition()));
        return;
      case 'realtimeRecovery':
        if (cmd.n === RECOVERY_CLEAR_BUFFERS) this.clearBuffer();
        else if (cmd.n === RECOVERY_RESUME) this.engine.pump();
        return;
      case 'asbEnable':
        if (!this.spec.asb) return;
        this.asbMask = cmd.mask;
        this.lastAsb = undefined;
        this.pushAsb();
        return;
      default:
        this.intoBuffer(cmd);
    }
  }

  /**
   * DLE ENQ 2 (protocols.md §2.7): only in a stopped state the model's row lists does the printer drop its
   * buffer (a ticket already partly on paper is kept without its cut); otherwise it ignores the command, and
   * after a paper end or an open cover it prints on from its buffer once it can.
   */
  private clearBuffer(): void {
    if (!this.stoppedStates().some((s) => this.spec.bufferClearIn.includes(s))) {
      this.options.log?.('debug', 'DLE ENQ 2 ignored: no error this model recovers from', { states: this.stoppedStates() });
      return;
    }
    this.engine.clear();
    this.paper.abandon();
    this.engine.pump();
  }

  private stopped(): boolean {
    const f = this.faults.current;
    return f.noReply || f.offline || f.coverOpen || f.headOverheat || f.paper === 'out' || f.paper === 'jammed';
  }

  private linePrinted(): void {
    this.stats.linesPrinted++;
    this.paper.notePaperLine();
    const before = { ...this.faults.current };
    if (this.faults.linePrinted()) this.afterFaultChange(before);
  }

  /** The print engine got to `cmd`: everything before it is on paper. */
  private reached(cmd: EscPosCommand): void {
    const cut = this.paper.apply(cmd);
    this.tearOffIfDone();
    if (cmd.type === 'processId' && this.spec.completion === 'processId' && this.options.answersProcessId !== false) {
      // 37 22 d1..d4 00 (protocols.md §2.7)
      this.replies.send(Uint8Array.of(BLOCK_REPLY_HEADER, PROCESS_ID_REPLY_ID, ...cmd.raw.subarray(cmd.raw.length - PROCESS_ID_LENGTH), NUL));
    } else if (cmd.type === 'transmitStatus' && (cmd.n === TRANSMIT_STATUS_PAPER || cmd.n === 0x31)) {
      this.replies.send(Uint8Array.of(paperStatusByte(this.condition())));
    } else if (cmd.type === 'ejector') {
      this.ejector(cmd.n, cmd.timeoutS);
    } else if (cut) {
      this.stats.cuts++;
      if (this.sensesMouth) this.enterMouth(cmd.type === 'present' && cmd.onTimeout !== 'hold' ? { after: cmd.timeoutS, then: cmd.onTimeout === 'retract' ? 'retracted' : 'ejected' } : null);
      this.notify();
    }
  }

  /**
   * The roll ran out mid-ticket: what is on paper leaves with the old roll's tail (§2.7), once the command
   * whose last line went onto it is committed.
   */
  private tearOffIfDone(): void {
    if (!this.tearOffPending || this.engine.midCommand) return;
    this.tearOffPending = false;
    this.paper.tearOff();
  }

  /**
   * A cut ticket waits in the mouth (§2.6): until the citizen takes it, or, after FS P's time-out, until the
   * presenter retracts it into its bin or ejects it. A new ticket pushes an older one out.
   */
  private enterMouth(timeout: { after: number; then: 'retracted' | 'ejected' } | null): void {
    if (this.mediaPresented) this.leaveMouth('ejected');
    this.setMediaPresented(true);
    this.presentedSeq = this.spec.presenter ? this.paper.lastSeq : null;
    if (this.presentedSeq !== null) this.paper.delivered(this.presentedSeq, 'presented');
    const after = this.options.ticketTakenAfterMs === undefined ? 3000 : this.options.ticketTakenAfterMs;
    if (after !== null) this.takeTimer = this.options.clock.setTimer(after, () => this.takeTicket());
    if (timeout) this.retractTimer = this.options.clock.setTimer(timeout.after * 1000, () => this.leaveMouth(timeout.then));
  }

  private leaveMouth(how: Exclude<TicketDelivery, 'presented'>): void {
    if (!this.mediaPresented) return;
    if (this.presentedSeq !== null) this.paper.delivered(this.presentedSeq, how);
    this.options.log?.('debug', 'ticket left the mouth', { how });
    this.setMediaPresented(false);
    this.notify();
  }

  /** GS e n (§2.6, Pyramid/Custom): 2 retract, 5 eject; 3 and 20 present a cut ticket (20 then retracts after t s). */
  private ejector(n: number, timeoutS: number | undefined): void {
    if (!this.spec.presenter) return;
    if (n === EJECTOR_RETRACT) this.leaveMouth('retracted');
    else if (n === 0x05) this.leaveMouth('ejected');
    else if (n === 0x20 && timeoutS !== undefined && this.mediaPresented) {
      this.retractTimer?.cancel();
      this.retractTimer = this.options.clock.setTimer(timeoutS * 1000, () => this.leaveMouth('retracted'));
    }
  }

  private setMediaPresented(on: boolean): void {
    this.takeTimer?.cancel();
    this.takeTimer = undefined;
    this.retractTimer?.cancel();
    this.retractTimer = undefined;
    this.mediaPresented = on;
    if (!on) this.presentedSeq = null;
  }

  private afterFaultChange(before: Readonly<ActivePrinterFaults>): void {
    const unplugged = this.faults.current.unplugged;
    if (unplugged !== before.unplugged) this.link.setPlugged(!unplugged);
    if (this.faults.current.paper === 'out' && before.paper !== 'out') {
      this.tearOffPending = true;
      this.tearOffIfDone();
    }
    this.engine.pump();
    this.notify();
  }

  /** Tells status listeners and, if enabled, the host through ASB (§2.5) what changed. */
  private notify(): void {
    this.pushAsb();
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    for (const l of [...this.listeners]) l(status);
  }

  private pushAsb(): void {
    const f = this.faults.current;
    if (this.asbMask === 0 || f.noReply || f.unplugged) return;
    const block = asbBlock(this.condition());
    if (!asbChangeWanted(this.asbMask, this.lastAsb, block)) return;
    this.lastAsb = block;
    this.replies.send(block);
  }
}
