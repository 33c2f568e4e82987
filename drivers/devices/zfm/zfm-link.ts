/**
 * The request/response side of a fingerprint module (protocols.md §3.1, §3.2): each command is one exchange
 * of the shared RequestMatcher, which takes the next ack packet (PID 07) as its answer (acks do not name
 * their instruction) and makes a late ack to an abandoned command stale instead of an answer to a newer one.
 * Only acks reach the matcher. Data packets (PID 02 … 08) go to the one stream armed by an UpChar whose ack
 * said OK (data-stream.ts); any other data packet is dropped and zeroed, since it carries a template (§8.7).
 *
 * Recovery (issue 14): a lost ack (the deadline passes), a damaged one (bad checksum, bad length, cut off,
 * no confirmation code), a damaged or cut-off template stream, and confirmation `01` (the module received a
 * damaged packet from us, §3.3) fail the attempt; the same command is sent again, at most `retries` times,
 * but after a lost or damaged ack only once the late-reply window has passed (reply-ledger.ts `settle`), so
 * one command is never answered twice. `21` (password must be verified) sends VfyPwd, then the command again.
 *
 * Received bytes are only ever logged per decoded packet, masked with the ranges the codec marks
 * (packet.ts `personalRanges`: every data payload, a password); data frames are zeroed once read.
 */
import type { Clock } from '../../../common/clock';
import { maskedHex } from '../../../common/hex-dump';
import type { Logger } from '../../../common/logger';
import { decodeAck, type ZfmAck } from '../../protocol/zfm/ack';
import { encodeCommand, type ZfmCommand } from '../../protocol/zfm/commands';
import { CC_OK } from '../../protocol/zfm/confirmation-codes';
import * as C from '../../protocol/zfm/constants';
import { DataStreamAssembler, encodeDataPackets, type DataStreamOptions } from '../../protocol/zfm/data-stream';
import { ZfmPacketDecoder, type ZfmDecoderEvent, type ZfmPacket } from '../../protocol/zfm/packet-decoder';
import { boundedWait, type BoundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import { RequestMatcher } from '../request-matcher';
import type { DeviceCounters } from '../statistics';

export interface ZfmLinkOptions {
  clock: Clock;
  log: Logger;
  counters: DeviceCounters;
  /** The module's address (§3.1, default FFFFFFFF): commands carry it, only packets from it are read. */
  address: number;
  /** Sent by VfyPwd when the module asks for it (`21`, §3.3). */
  password: number;
  /** How long after an exchange gave up its ack may still arrive (then it is presumed lost). */
  lateReplyMs: number;
  /** Further attempts after a lost or damaged reply. */
  retries: number;
  /** Writes one packet (with its masked trace dump). */
  send(frame: Uint8Array, signal: AbortSignal): Promise<void>;
}

export interface ZfmExchange {
  command: ZfmCommand;
  /** For messages: "capture image". */
  what: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** An ack read against its command: the confirmation code, its §3.3 meaning and error, the data after it. */
export type ZfmAnswer = Omit<Extract<ZfmAck, { type: 'ack' }>, 'type'>;

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');
const CC_RECEIVE_ERROR = 0x01;
const CC_PASSWORD_NEEDED = 0x21;
const RETRYABLE = new Set(['timeout', 'garbledReply']);

interface ArmedStream {
  assembler: DataStreamAssembler;
  wait: BoundedWait<Uint8Array>;
}

export class ZfmLink {
  private readonly decoder: ZfmPacketDecoder;
  private readonly matcher: RequestMatcher<ZfmPacket>;
  /** The stream the exchange under way will arm once its ack says OK (UpChar). */
  private streamWanted: { options: DataStreamOptions; timeoutMs: number; what: string } | null = null;
  private armed: ArmedStream | null = null;
  /** The stream the last OK ack armed, for its exchange to await (it may be complete already). */
  private uploadStream: ArmedStream | null = null;
  /** Exchanges in a row that ended without any reply (Device.silent). */
  unansweredInARow = 0;

  constructor(private readonly options: ZfmLinkOptions) {
    this.decoder = new ZfmPacketDecoder({ address: options.address });
    this.matcher = new RequestMatcher<ZfmPacket>(options.clock, {
      lateReplyMs: options.lateReplyMs,
      onForget: () => this.decoder.reset(),
    });
  }

  get staleReplies(): number {
    return this.matcher.staleReplies;
  }

  /** Bytes from the transport, split anywhere. */
  push(chunk: Uint8Array): void {
    this.options.counters.addQuietly('bytesReceived', chunk.length);
    for (const event of this.decoder.push(chunk)) this.onEvent(event);
  }

  /** One command and its ack, retried after a lost or damaged reply and after `01`. */
  async exchange(request: ZfmExchange): Promise<ZfmAnswer> {
    return this.withRetries(request, () => this.once(request));
  }

  /**
   * UpChar (§3.2): the ack, then the template in data packets. Resolves with the ack and, when it is OK,
   * the template (a buffer the caller owns and must wipe). A damaged or cut-off stream is a failed attempt:
   * the module still holds the features, so UpChar is simply sent again.
   */
  async exchangeUpload(request: ZfmExchange, stream: DataStreamOptions, streamTimeoutMs: number): Promise<{ answer: ZfmAnswer; data?: Uint8Array }> {
    return this.withRetries(request, async () => {
      this.streamWanted = { options: stream, timeoutMs: streamTimeoutMs, what: `${request.what} (data)` };
      try {
        const answer = await this.once(request);
        const armed = this.uploadStream;
        this.uploadStream = null;
        if (answer.code !== CC_OK || armed === null) return { answer };
        return { answer, data: await this.streamResult(armed, request.signal) };
      } finally {
        this.streamWanted = null;
        this.uploadStream = null;
      }
    });
  }

  /**
   * DownChar (§3.2): the ack, then the host sends the template in data packets; the module sends no ack
   * after them (F2 uploadCharacteristics), so a following Match is what shows it took them.
   */
  async download(request: ZfmExchange, template: Uint8Array, packetBytes: number): Promise<ZfmAnswer> {
    const answer = await this.exchange(request);
    if (answer.code !== CC_OK) return answer;
    const frames = encodeDataPackets(template, packetBytes, this.options.address);
    try {
      for (const frame of frames) await this.options.send(frame, request.signal);
    } finally {
      for (const frame of frames) frame.fill(0);
    }
    return answer;
  }

  /** The link reopened or closed: the exchange under way fails and owed replies and held bytes are dropped. */
  reset(reason: DeviceError): void {
    this.disarm(reason);
    this.matcher.reset(reason);
    this.decoder.reset();
  }

  private async withRetries<T>(request: ZfmExchange, attempt: () => Promise<T>): Promise<T> {
    const { counters, log, retries } = this.options;
    let verified = false;
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (err) {
        const e = DeviceError.from(err);
        if (e instanceof PasswordNeeded && !verified && request.command.op !== 'vfyPwd') {
          verified = true;
          await this.verifyPassword(request);
          n--;
          continue;
        }
        if (!RETRYABLE.has(e.code) || n >= retries || request.signal.aborted) {
          counters.add(`exchangeFailures.${e.code}`);
          throw e;
        }
        counters.add('retries');
        log.debug('fingerprint exchange retried', { what: request.what, attempt: n + 1, code: e.code });
      }
    }
  }

  /** One attempt: the ack read against its command; `01` and `21` become errors for withRetries. */
  private async once({ command, what, timeoutMs, signal }: ZfmExchange): Promise<ZfmAnswer> {
    const frame = encodeCommand(command, this.options.address);
    let packet: ZfmPacket;
    try {
      packet = await this.matcher.exchange(() => this.options.send(frame, signal), { timeoutMs, signal, what });
    } catch (err) {
      const e = DeviceError.from(err);
      if (e.code === 'timeout') {
        this.unansweredInARow++;
        // An ack cut off in the middle: its bytes must not be completed by the next reply's.
        for (const event of this.decoder.abandonPartial()) this.onEvent(event);
      }
      throw e;
    }
    this.unansweredInARow = 0;
    const ack = decodeAck(command, packet.pid, packet.payload);
    if (ack.type === 'malformed') throw new DeviceError('garbledReply', `${what}: ${ack.reason} (§3.2)`);
    if (ack.code === CC_RECEIVE_ERROR) throw new DeviceError('garbledReply', `${what}: the module received a damaged packet (confirmation 01, §3.3)`);
    if (ack.code === CC_PASSWORD_NEEDED) throw new PasswordNeeded(`${what}: the module asks for its password (confirmation 21, §3.3)`);
    const { type: _type, ...answer } = ack;
    return answer;
  }

  private async verifyPassword(request: ZfmExchange): Promise<void> {
    const answer = await this.exchange({ command: { op: 'vfyPwd', password: this.options.password }, what: 'verify password', timeoutMs: request.timeoutMs, signal: request.signal });
    if (answer.code !== CC_OK) throw new DeviceError(answer.error ?? 'hardwareError', `verify password: ${answer.meaning} (confirmation ${hex2(answer.code)}, §3.3)`);
  }

  private streamResult(armed: ArmedStream, signal: AbortSignal): Promise<Uint8Array> {
    const onAbort = (): void => this.disarm(new DeviceError('canceled', 'template upload canceled'));
    signal.addEventListener('abort', onAbort, { once: true });
    return armed.wait.promise.finally(() => signal.removeEventListener('abort', onAbort));
  }

  private arm(): void {
    const wanted = this.streamWanted;
    if (wanted === null) return;
    const armed: ArmedStream = {
      assembler: new DataStreamAssembler(wanted.options),
      wait: boundedWait<Uint8Array>({
        clock: this.options.clock,
        what: wanted.what,
        timeoutMs: wanted.timeoutMs,
        atDeadline: (ms) => {
          // Cut off: the rest of a half packet is not read as the start of the next reply.
          if (this.armed === armed) this.armed = null;
          armed.assembler.push({ type: 'garbage', length: 0 }); // fails it, which wipes what it gathered
          for (const event of this.decoder.abandonPartial()) this.onEvent(event);
          return new DeviceError('timeout', `${wanted.what}: the template did not arrive within ${ms} ms`);
        },
        cleanup: () => {
          if (this.armed === armed) this.armed = null;
        },
      }),
    };
    this.armed = armed;
    this.uploadStream = armed;
  }

  private disarm(reason: DeviceError): void {
    const armed = this.armed;
    if (armed === null) return;
    this.armed = null;
    armed.assembler.push({ type: 'garbage', length: 0 }); // fails it, which wipes what it gathered
    armed.wait.reject(reason);
  }

  private onEvent(event: ZfmDecoderEvent): void {
    if (this.armed !== null) return this.feedStream(this.armed, event);
    const { log, counters } = this.options;
    switch (event.type) {
      case 'packet': {
        const { packet } = event;
        if (log.isEnabled('trace')) log.trace('rx', { hex: maskedHex(packet.frame, packet.personal) });
        if (packet.pid !== C.PID_ACK) {
          counters.add('strayPackets');
          log.debug('fingerprint packet outside any exchange dropped', { pid: hex2(packet.pid) });
          packet.frame.fill(0);
          packet.payload.fill(0);
          return;
        }
        const outcome = this.matcher.push(packet);
        if (outcome === 'answered' && packet.payload[0] === CC_OK) this.arm();
        else if (outcome !== 'answered') log.debug('fingerprint ack nobody waits for', { outcome, code: hex2(packet.payload[0] ?? 0) });
        return;
      }
      case 'garbage':
        counters.addQuietly('garbageBytes', event.length);
        return;
      case 'badChecksum':
        counters.add('badChecksums');
        log.warn('fingerprint packet with a bad checksum', { pid: hex2(event.pid), expected: event.expected, received: event.received });
        this.matcher.fail(new DeviceError('garbledReply', `reply checksum ${event.received}, expected ${event.expected} (§3.1)`));
        return;
      case 'badLength':
        counters.add('badLengths');
        log.warn('fingerprint packet with an impossible length', { pid: hex2(event.pid), length: event.length });
        this.matcher.fail(new DeviceError('garbledReply', `reply length field ${event.length} is outside ${C.MIN_LENGTH_FIELD}–${C.MAX_LENGTH_FIELD} (§3.1)`));
        return;
      case 'truncated':
        counters.add('truncatedReplies');
        log.warn('fingerprint packet cut off', { pid: hex2(event.pid), length: event.length, received: event.received });
        this.matcher.fail(new DeviceError('garbledReply', `reply cut off after ${event.received} of ${C.PREFIX_BYTES + event.length} bytes`));
        return;
    }
  }

  private feedStream(armed: ArmedStream, event: ZfmDecoderEvent): void {
    const { log, counters } = this.options;
    if (event.type === 'packet') {
      if (log.isEnabled('trace')) log.trace('rx', { hex: maskedHex(event.packet.frame, event.packet.personal) });
    } else if (event.type !== 'garbage') counters.add(event.type === 'badChecksum' ? 'badChecksums' : 'truncatedReplies');
    const step = armed.assembler.push(event);
    if (event.type === 'packet') {
      event.packet.frame.fill(0); // the assembler holds its own copy (§8.7)
      event.packet.payload.fill(0);
    }
    if (step.state === 'more') return;
    this.armed = null;
    if (step.state === 'done') {
      armed.wait.resolve(step.data);
      return;
    }
    log.warn('template stream failed', { reason: step.reason, detail: step.detail });
    armed.wait.reject(new DeviceError(step.error, `template stream ${step.reason}: ${step.detail} (§3.2)`));
  }
}

/** Confirmation `21` (§3.3): VfyPwd, then the command again. */
class PasswordNeeded extends DeviceError {
  constructor(message: string) {
    super('deviceNotReady', message);
  }
}
