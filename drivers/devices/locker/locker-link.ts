/**
 * The request side of an HLB/1 bus (docs/locker-protocol.md §2, §3.6, §5): one request on the bus at a time,
 * each waiting, bounded, for the reply from the same board with the same command and lock; anything else is
 * counted and dropped (the host's own echo, a late reply, noise). A half frame is forgotten at the deadline.
 * STATUS, READ LOCK, LIGHT and VERSION unanswered in time are sent once more (`retries`), BUSY after a pause;
 * OPEN is never repeated here: the device decides after reading the lock back (§4.1).
 */
import type { Clock } from '../../../common/clock';
import type { ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import { TURNAROUND_MS } from '../../protocol/locker/constants';
import { encodeRequest, parseReply } from '../../protocol/locker/frame-codec';
import { LockerFrameDecoder } from '../../protocol/locker/frame-decoder';
import type { LockerReply, LockerRequest } from '../../protocol/locker/frames';
import { frameHex } from './locker-hex';
import { boundedWait, type BoundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import type { DeviceCounters } from '../statistics';

export interface LockerLinkOptions {
  clock: Clock;
  log: Logger;
  counters: DeviceCounters;
  /** Further attempts after a lost reply (not OPEN). */
  retries: number;
  /** Pause before retrying a BUSY refusal. */
  busyRetryMs?: number;
  send(bytes: Uint8Array, signal: AbortSignal): Promise<void>;
}

/** §3.6: what each board error means for the kiosk. */
const ERROR_MEANING: Readonly<Record<string, ErrorCode>> = {
  UNKNOWN_COMMAND: 'unsupported',
  BAD_LOCK: 'invalidData',
  BAD_DATA: 'invalidData',
  BUSY: 'busy',
};

const COMMAND_OF: Readonly<Record<LockerRequest['cmd'], number>> = { status: 0x30, open: 0x31, readLock: 0x32, light: 0x33, version: 0x34 };

interface Waiter {
  address: number;
  command: number;
  lock: number;
  wait: BoundedWait<LockerReply>;
}

export type ReplyOf<R extends LockerRequest['cmd']> = Extract<LockerReply, { cmd: R }>;

export class LockerLink {
  private readonly decoder = new LockerFrameDecoder();
  private waiter: Waiter | null = null;
  private lastReplyAt = -Infinity;
  staleReplies = 0;

  constructor(private readonly options: LockerLinkOptions) {}

  /** One request with its retries; resolves with the board's reply of the same kind. */
  async exchange<R extends LockerRequest>(address: number, request: R, timeoutMs: number, signal: AbortSignal): Promise<ReplyOf<R['cmd']>> {
    const retries = request.cmd === 'open' ? 0 : this.options.retries;
    let busyRetried = false;
    for (let attempt = 0; ; attempt++) {
      let reply: LockerReply;
      try {
        reply = await this.once(address, request, timeoutMs, signal);
      } catch (err) {
        const e = DeviceError.from(err);
        if (e.code !== 'timeout' || attempt >= retries || signal.aborted) throw e;
        this.options.counters.add('repliesLost');
        continue;
      }
      if (reply.cmd !== 'error') return reply as ReplyOf<R['cmd']>;
      const err = new DeviceError(ERROR_MEANING[reply.error] ?? 'hardwareError', `board ${address}: ${request.cmd} refused with ${reply.error}`);
      if (reply.error !== 'BUSY' || busyRetried) throw err;
      busyRetried = true;
      attempt--;
      await this.pause(this.options.busyRetryMs ?? 400, signal);
    }
  }

  push(chunk: Uint8Array): void {
    for (const decoded of this.decoder.push(chunk)) {
      if (decoded.type === 'garbage') {
        this.options.counters.add(`garbage.${decoded.reason}`);
        continue;
      }
      const frame = decoded.frame;
      if (frame.direction === 'request') {
        this.options.counters.addQuietly('echoFrames'); // our own request heard back on a two-wire bus
        continue;
      }
      const w = this.waiter;
      const reply = parseReply(frame);
      if (!reply) {
        this.options.counters.add('garbage.form');
        continue;
      }
      const command = reply.cmd === 'error' ? reply.command : frame.command;
      if (!w || w.address !== frame.address || w.command !== command || w.lock !== frame.lock) {
        this.staleReplies++;
        continue;
      }
      this.lastReplyAt = this.options.clock.elapsedMs();
      if (this.options.log.isEnabled('trace')) this.options.log.trace('rx', { address: frame.address, frame: frameHex(frame) });
      w.wait.resolve(reply);
    }
  }

  /** The link closed or reopened: the waiter fails with `reason`, a half frame is forgotten. */
  reset(reason: DeviceError): void {
    this.waiter?.wait.reject(reason);
    this.waiter = null;
    this.decoder.reset();
  }

  private async once(address: number, request: LockerRequest, timeoutMs: number, signal: AbortSignal): Promise<LockerReply> {
    const quiet = this.lastReplyAt + TURNAROUND_MS - this.options.clock.elapsedMs();
    if (quiet > 0) await this.pause(quiet, signal);
    const bytes = encodeRequest(address, request);
    const lock = 'lock' in request ? request.lock : 0;
    const wait = boundedWait<LockerReply>({
      clock: this.options.clock,
      what: `board ${address} ${request.cmd} reply`,
      signal,
      timeoutMs,
      cleanup: (answered) => {
        if (this.waiter?.wait === wait) this.waiter = null;
        if (!answered) this.decoder.reset(); // §2.5: a half frame dies with its deadline
      },
    });
    if (!wait.ended) this.waiter = { address, command: COMMAND_OF[request.cmd], lock, wait };
    if (this.options.log.isEnabled('trace')) this.options.log.trace('tx', { address, request: request.cmd, lock });
    try {
      await this.options.send(bytes, signal);
    } catch (err) {
      wait.reject(DeviceError.from(err, 'canceled'));
    }
    return wait.promise;
  }

  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return boundedWait<void>({ clock: this.options.clock, what: 'pause', signal, timeoutMs: ms, atDeadline: () => ({ value: undefined }) }).promise;
  }
}
