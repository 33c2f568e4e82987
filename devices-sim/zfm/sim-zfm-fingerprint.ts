/**
 * A simulated optical fingerprint module speaking EF 01 packets on the device end of a Transport
 * (ARCHITECTURE.md §4; protocols.md §3, §7 item 3). It decodes the host's packets with the drivers' codec
 * (only those to its own address), answers each §3.2 instruction with an ack (PID 07) and a §3.3 code, one
 * command at a time, after a processing time and the reply's wire time on the injected clock
 * (module-timing.ts); UpChar's template follows the ack in PID 02 … 08 packets, DownChar's comes from the
 * host the same way. What each instruction does is module-state.ts. Faults are in the status words
 * (module-faults.ts); replies go through the printer's ReplyChannel, so noReply / garbage / slowMs /
 * unplugged behave the same on every simulated device. The `finger` action lays a finger on the sensor.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus } from '../../common/device';
import { parseCommand, type CharBuffer, type ZfmCommand } from '../../drivers/protocol/zfm/commands';
import * as C from '../../drivers/protocol/zfm/constants';
import { DataStreamAssembler, encodeDataPackets } from '../../drivers/protocol/zfm/data-stream';
import { encodePacket } from '../../drivers/protocol/zfm/packet';
import { ZfmPacketDecoder, type ZfmDecoderEvent } from '../../drivers/protocol/zfm/packet-decoder';
import type { Transport } from '../../drivers/transport/transport';
import { ReplyChannel, type SimLog } from '../escpos/reply-channel';
import { SeededRandom } from '../seeded-random';
import { SimActionError, type SimAction, type SimDevice, type SimOutput } from '../sim-device';
import { SimLink } from '../sim-link';
import { parseFingerRequest, type SimFinger } from './finger-request';
import { ModuleFaultState, parseModuleFaults, type ModuleFaults } from './module-faults';
import { CC, ZfmModuleState, type ModuleAnswer } from './module-state';
import { DEFAULT_BAUD, DEFAULT_TIMING, processingMs, wireMs, type ModuleTiming } from './module-timing';

export interface SimZfmFingerprintOptions {
  /** The configuration's device id (§8.1). */
  id: string;
  /** Names the model for the registry, e.g. "generic-zfm". */
  model: string;
  roles?: readonly DeviceRole[];
  transport: Transport;
  clock: Clock;
  /** Line speed in bits/s for the wire time (8N1, §3.1); 0: replies take no wire time. Default 57600. */
  baud?: number;
  /** Processing times; default DEFAULT_TIMING (module-timing.ts), INSTANT_TIMING for tests. */
  timing?: Partial<ModuleTiming>;
  /** Default FFFFFFFF (§3.1). */
  address?: number;
  /** Default 00000000 (§3.1); any other makes every command answer `21` until VfyPwd gives it. */
  password?: number;
  /** Library capacity ReadSysPara reports. Default 163 (F1's search count 00A3, §3.4) [decision]. */
  capacity?: number;
  /** Default 512 (§3.4 F2). */
  templateBytes?: number;
  faults?: ModuleFaults;
  /** A finger lying on the sensor from the start. */
  finger?: SimFinger;
  /** Seed of the `garbage` generator. */
  seed?: number;
  log?: SimLog;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

/** [decision] §3.3 has no "unknown instruction" code: a packet the module cannot use answers `01`. */
const UNUSABLE_PACKET = CC.RECEIVE_ERROR;

export class SimZfmFingerprint implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  private readonly faults = new ModuleFaultState();
  private readonly state: ZfmModuleState;
  private readonly replies: ReplyChannel;
  private readonly timing: ModuleTiming;
  private readonly link: SimLink;
  private readonly address: number;
  private decoder: ZfmPacketDecoder;
  private baud: number;
  private readonly queue: ZfmDecoderEvent[] = [];
  private busy = false;
  /** DownChar acknowledged: the host's data packets go into this buffer. */
  private receiving: { buffer: CharBuffer; assembler: DataStreamAssembler } | null = null;
  private lastFinger: SimFinger | null = null;
  private readonly timers = new Set<TimerHandle>();
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private lastStatusJson = '';
  private requests = 0;

  constructor(private readonly options: SimZfmFingerprintOptions) {
    this.id = options.id;
    this.model = options.model;
    this.roles = [...(options.roles ?? ['fingerprintReader'])];
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.baud = options.baud ?? DEFAULT_BAUD;
    this.address = options.address ?? C.DEFAULT_ADDRESS;
    this.decoder = new ZfmPacketDecoder({ address: this.address });
    this.state = new ZfmModuleState({
      address: this.address,
      password: options.password ?? C.DEFAULT_PASSWORD,
      capacity: options.capacity ?? C.DEFAULT_SEARCH_COUNT,
      templateBytes: options.templateBytes ?? C.TEMPLATE_BYTES,
      baudMultiplier: Math.max(1, Math.round((options.baud || DEFAULT_BAUD) / C.BAUD_UNIT)),
    });
    this.link = new SimLink(options.transport, options.log);
    this.replies = new ReplyChannel(options.transport, options.clock, new SeededRandom(options.seed ?? 1), () => this.faults.current, options.log);
    if (options.faults) this.faults.apply(parseModuleFaults(options.faults));
    if (options.finger) this.placeFinger(options.finger);
    this.lastStatusJson = JSON.stringify(this.status());
  }

  async start(): Promise<void> {
    await this.link.attach((chunk) => this.receive(chunk), this.faults.current.unplugged);
  }

  async stop(): Promise<void> {
    this.link.detach();
    this.cancelWork();
    await this.replies.flushed();
    await this.link.close();
  }

  status(): DeviceStatus {
    const f = this.faults.current;
    let device: DeviceState = 'online';
    if (f.unplugged) device = 'noDevice';
    else if (f.noReply || f.garbage || f.receiveError || f.sensor !== 'ok') device = 'hardwareError';
    return { device, fingerprint: { fingerPresent: this.state.finger !== null } };
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    const faults = parseModuleFaults(body);
    const wasUnplugged = this.faults.current.unplugged;
    this.faults.apply(faults);
    this.afterFaultChange(wasUnplugged);
    return this.status();
  }

  clearFaults(): void {
    const wasUnplugged = this.faults.current.unplugged;
    this.faults.clear();
    this.afterFaultChange(wasUnplugged);
  }

  /** A fingerprint module produces nothing to inspect: its templates are session-only (§8.7), never listed. */
  printed(): SimOutput[] {
    return [];
  }

  /** Healthy, no finger, buffers and library wiped, the configured line speed, counters at zero. */
  reset(): void {
    this.cancelWork();
    this.decoder.reset();
    this.decoder = new ZfmPacketDecoder({ address: this.address });
    this.state.reset();
    this.state.finger = null;
    this.lastFinger = null;
    this.baud = this.options.baud ?? DEFAULT_BAUD;
    this.requests = 0;
    this.clearFaults();
    this.notify();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      finger: {
        description: 'POST {"quality": "good" | "poor", "matches": true | false} (both optional: good, true) lays a finger on the sensor, replacing one there; "matches" is what the platform will answer for it against the card. DELETE lifts it',
        start: (body) => {
          this.placeFinger(parseFingerRequest(body));
          return this.status();
        },
        stop: () => {
          if (this.state.finger === null) throw new SimActionError('no finger lies on the sensor');
          this.liftFinger();
          return this.status();
        },
      },
    };
  }

  placeFinger(finger: SimFinger): void {
    this.state.finger = { ...finger };
    this.lastFinger = { ...finger };
    this.notify();
  }

  liftFinger(): void {
    this.state.finger = null;
    this.notify();
  }

  /**
   * Whether the platform will match the finger last laid on the sensor to the card (the `matches` of its
   * `finger` action); undefined when none was laid since the last reset. For the platform simulator.
   */
  fingerMatches(): boolean | undefined {
    return this.lastFinger?.matches;
  }

  statistics(): { requests: number; lineBaud: number; storedTemplates: number; packetBytes: number } {
    return { requests: this.requests, lineBaud: this.baud, storedTemplates: this.state.storedTemplates, packetBytes: this.state.packetBytes };
  }

  private receive(chunk: Uint8Array): void {
    const f = this.faults.current;
    // Unplugged: nothing arrives. Hung firmware: the bytes are taken off the wire, nobody answers.
    if (f.unplugged || f.noReply) return;
    for (const event of this.decoder.push(chunk)) {
      if (event.type === 'garbage' || event.type === 'badLength') this.options.log?.('debug', 'bytes outside a packet ignored', { type: event.type });
      else this.queue.push(event);
    }
    this.pump();
  }

  /** One packet at a time (F1/F2 wait for each ack): processing, then the reply's wire time. */
  private pump(): void {
    while (!this.busy) {
      const event = this.queue.shift();
      if (event === undefined) return;
      if (this.takeData(event)) continue;
      this.busy = true;
      this.requests++;
      const parsed = event.type === 'packet' && event.packet.pid === C.PID_COMMAND ? parseCommand(event.packet.payload) : undefined;
      const command = parsed?.type === 'command' ? parsed.command : undefined;
      this.after(processingMs(this.timing, command), () => {
        const answer = this.answer(event, command);
        const reply = this.encode(answer);
        this.after(wireMs(reply.length, this.baud), () => {
          this.emit(reply);
          if (answer.thenBaud !== undefined && this.baud > 0) this.baud = answer.thenBaud;
          this.busy = false;
          this.pump();
        });
      });
    }
  }

  /** DownChar's data packets (and whatever breaks their stream) go to the buffer, unanswered (F2). */
  private takeData(event: ZfmDecoderEvent): boolean {
    const isData = event.type === 'packet' && (event.packet.pid === C.PID_DATA || event.packet.pid === C.PID_END_OF_DATA);
    const receiving = this.receiving;
    if (receiving === null) {
      if (isData && event.type === 'packet') event.packet.payload.fill(0); // data nobody asked for: dropped
      return isData;
    }
    const isCommand = event.type === 'packet' && event.packet.pid === C.PID_COMMAND;
    if (isCommand) {
      this.receiving = null;
      this.state.received(receiving.buffer, null); // the stream stopped: the buffer holds nothing usable
      return false;
    }
    const step = receiving.assembler.push(event);
    if (event.type === 'packet') event.packet.payload.fill(0);
    if (step.state === 'more') return true;
    this.receiving = null;
    this.state.received(receiving.buffer, step.state === 'done' ? step.data : null);
    if (step.state === 'failed') this.options.log?.('debug', 'DownChar data refused', { reason: step.reason });
    return true;
  }

  /** The answer, decided when processing ends: a finger lifted meanwhile is gone for GenImg. */
  private answer(event: ZfmDecoderEvent, command: ZfmCommand | undefined): ModuleAnswer {
    if (event.type !== 'packet' || command === undefined) return { code: UNUSABLE_PACKET }; // bad checksum, cut off, unknown or bad instruction
    if (this.faults.current.receiveError) return { code: CC.RECEIVE_ERROR };
    const answer = this.state.run(command, this.faults.current.sensor);
    if (answer.receiveInto !== undefined) {
      const { templateBytes } = this.state.settings;
      this.receiving = { buffer: answer.receiveInto, assembler: new DataStreamAssembler({ kind: 'template', expectedBytes: templateBytes, packetBytes: this.state.packetBytes }) };
    }
    return answer;
  }

  private encode(answer: ModuleAnswer): Uint8Array {
    const ack = encodePacket(C.PID_ACK, concat(Uint8Array.of(answer.code), answer.data ?? new Uint8Array(0)), this.address);
    if (answer.upload === undefined) return ack;
    const packets = encodeDataPackets(answer.upload, this.state.packetBytes, this.address);
    answer.upload.fill(0);
    return concat(ack, ...packets);
  }

  private emit(reply: Uint8Array): void {
    if (this.faults.take('badChecksum')) reply[reply.length - 1] = (reply[reply.length - 1] as number) ^ 0xff;
    this.replies.send(reply);
  }

  /** Runs `fn` after `ms` of clock time; at once for 0, so instant tests need no clock. */
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
    this.queue.length = 0;
    this.busy = false;
    this.receiving = null;
    this.replies.cancelDelayed();
  }

  private afterFaultChange(wasUnplugged: boolean): void {
    const unplugged = this.faults.current.unplugged;
    if (unplugged !== wasUnplugged) this.link.setPlugged(!unplugged);
    this.notify();
  }

  private notify(): void {
    const status = this.status();
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    for (const l of [...this.listeners]) l(status);
  }
}
