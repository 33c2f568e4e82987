/**
 * The request/response side of a GA 467 reader (protocols.md §1.1): each command is one exchange of the
 * shared RequestMatcher, which reads the next response frame as its answer (responses do not name their
 * command) and makes a late reply to an abandoned request stale instead of an answer to a newer one.
 *
 * Recovery (issue 14): a lost reply (the deadline passes) or a damaged one (bad CHK, bad Len, a frame cut
 * off) fails the exchange; the same command is sent again, at most `retries` times, but only after the
 * matcher's late-reply window has passed or the late reply came (reply-ledger.ts `settle`), so one request
 * is never answered twice. SW3 `10` / `11` (the reader got a damaged frame from us, §1.3) are retried at once:
 * the reader has answered, nothing is owed.
 *
 * Received bytes are only ever logged per decoded frame, masked with the ranges the codec marks (§1.4,
 * ARCHITECTURE.md §8.7); frames nobody waits for are zeroed.
 */
import type { Clock } from '../../../common/clock';
import { maskedHex } from '../../../common/hex-dump';
import type { Logger } from '../../../common/logger';
import { encodeCommand, type Ga467Command } from '../../protocol/ga467/commands';
import { SW3 } from '../../protocol/ga467/constants';
import type { Ga467ResponseFrame } from '../../protocol/ga467/frame';
import { Ga467ResponseDecoder, type Ga467ResponseEvent } from '../../protocol/ga467/response-decoder';
import { DeviceError } from '../device-error';
import { RequestMatcher } from '../request-matcher';
import type { DeviceCounters } from '../statistics';

export interface SamLinkOptions {
  clock: Clock;
  log: Logger;
  counters: DeviceCounters;
  /** How long after an exchange gave up its reply may still arrive (then it is presumed lost). */
  lateReplyMs: number;
  /** Further attempts after a lost or damaged reply. */
  retries: number;
  /** Writes a request (with its trace dump). */
  send(bytes: Uint8Array, signal: AbortSignal): Promise<void>;
}

export interface SamExchange {
  command: Ga467Command;
  /** For messages: "find card". */
  what: string;
  timeoutMs: number;
  signal: AbortSignal;
}

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

/** A lost reply or a damaged one: worth sending the same command again. */
const RETRYABLE = new Set(['timeout', 'garbledReply']);

export class SamLink {
  private readonly decoder = new Ga467ResponseDecoder();
  private readonly matcher: RequestMatcher<Ga467ResponseFrame>;
  /** Exchanges in a row that ended without any reply (Device.silent). */
  unansweredInARow = 0;

  constructor(private readonly options: SamLinkOptions) {
    this.matcher = new RequestMatcher<Ga467ResponseFrame>(options.clock, {
      lateReplyMs: options.lateReplyMs,
      // Replies presumed lost: a frame begun for one of them is dropped, not completed by the next reply.
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

  /**
   * One command and its response, retried after a lost or damaged reply. Resolves with any well-formed
   * response (SW3 is read in context by the caller); the frame's `raw` may carry personal data: the caller
   * zeroes it once done.
   */
  async exchange({ command, what, timeoutMs, signal }: SamExchange): Promise<Ga467ResponseFrame> {
    const bytes = encodeCommand(command);
    for (let attempt = 0; ; attempt++) {
      try {
        const frame = await this.matcher.exchange(() => this.options.send(bytes, signal), { timeoutMs, signal, what });
        this.unansweredInARow = 0;
        if (frame.sw3 === SW3.CHECKSUM_ERROR || frame.sw3 === SW3.LENGTH_ERROR) {
          throw new DeviceError('garbledReply', `${what}: the reader received a damaged frame (SW3 ${hex2(frame.sw3)}, §1.3)`);
        }
        return frame;
      } catch (err) {
        const e = DeviceError.from(err);
        if (e.code === 'timeout') {
          this.unansweredInARow++;
          // A reply cut off in the middle: its bytes must not be completed by the next reply's.
          for (const event of this.decoder.abandonPartial()) this.onEvent(event);
        }
        if (!RETRYABLE.has(e.code) || attempt >= this.options.retries || signal.aborted) {
          this.options.counters.add(`exchangeFailures.${e.code}`);
          throw e;
        }
        this.options.counters.add('retries');
        this.options.log.debug('GA 467 exchange retried', { what, attempt: attempt + 1, code: e.code });
      }
    }
  }

  /** The link reopened or closed: the exchange under way fails and owed replies and held bytes are dropped. */
  reset(reason: DeviceError): void {
    this.matcher.reset(reason);
    this.decoder.reset();
  }

  private onEvent(event: Ga467ResponseEvent): void {
    const { log, counters } = this.options;
    switch (event.type) {
      case 'response': {
        const { frame } = event;
        if (log.isEnabled('trace')) log.trace('rx', { hex: maskedHex(frame.raw, frame.personal), sw3: hex2(frame.sw3) });
        const outcome = this.matcher.push(frame);
        if (outcome !== 'answered') {
          log.debug('GA 467 response nobody waits for', { outcome, sw3: hex2(frame.sw3) });
          frame.raw.fill(0);
        }
        return;
      }
      case 'garbage':
        counters.addQuietly('garbageBytes', event.bytes.length);
        if (log.isEnabled('trace')) log.trace('rx garbage', { hex: maskedHex(event.bytes, event.personal) });
        event.bytes.fill(0);
        return;
      case 'badChecksum':
        counters.add('badChecksums');
        log.warn('GA 467 response with a bad checksum', { head: maskedHex(event.head), expected: hex2(event.expected), received: hex2(event.received) });
        this.matcher.fail(new DeviceError('garbledReply', `response CHK ${hex2(event.received)}, expected ${hex2(event.expected)} (§1.1)`));
        return;
      case 'badLength':
        counters.add('badLengths');
        log.warn('GA 467 response with an impossible Len', { len: event.len, reason: event.reason });
        this.matcher.fail(new DeviceError('garbledReply', `response Len ${event.len} is ${event.reason} (§1.1)`));
        return;
      case 'truncated':
        counters.add('truncatedReplies');
        log.warn('GA 467 response cut off', { head: maskedHex(event.head), len: event.len, received: event.received });
        this.matcher.fail(new DeviceError('garbledReply', `response cut off after ${event.received} of ${event.len + 7} bytes`));
        return;
    }
  }
}
