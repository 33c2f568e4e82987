/**
 * The command side of an HRL/1 base (docs/robot-protocol.md §2.2, §3, §6): each command goes out with a fresh
 * sequence tag and waits, bounded, for the reply with the same tag; a reply to a tag nobody waits for (late,
 * or `#0` for a line the base could not read) is counted and dropped. A command answered `CHECKSUM`, or not
 * at all in time, is sent once more (`retries`) with a new tag: every HRL/1 command is safe to repeat.
 * Events go to `onEvent`; lines that cannot be read are counted.
 */
import type { Clock } from '../../../common/clock';
import type { ErrorCode } from '../../../common/errors';
import type { Logger } from '../../../common/logger';
import { MAX_SEQ } from '../../protocol/robot-line/constants';
import type { RobotCommand, RobotEvent } from '../../protocol/robot-line/frames';
import { commandText, encodeLine } from '../../protocol/robot-line/line-codec';
import { RobotLineDecoder } from '../../protocol/robot-line/line-decoder';
import { boundedWait, type BoundedWait } from '../bounded-wait';
import { DeviceError } from '../device-error';
import type { DeviceCounters } from '../statistics';

export interface RobotLineLinkOptions {
  clock: Clock;
  log: Logger;
  counters: DeviceCounters;
  /** Further attempts after a lost reply or a CHECKSUM refusal. */
  retries: number;
  send(bytes: Uint8Array, signal: AbortSignal): Promise<void>;
  onEvent(event: RobotEvent): void;
}

/** §3.7: what each ERR code means for the kiosk. */
const ERR_MEANING: Readonly<Record<string, ErrorCode>> = {
  UNKNOWN_POINT: 'invalidData',
  NO_ROUTE: 'invalidData',
  BADARG: 'invalidData',
  BADCMD: 'unsupported',
  BUSY: 'busy',
  LOW_BATTERY: 'deviceNotReady',
  FAULT: 'hardwareError',
  CHECKSUM: 'garbledReply',
  BADLINE: 'garbledReply',
  TOOLONG: 'garbledReply',
};

type Reply = { ok: true; fields: Record<string, string> } | { ok: false; code: string; text: string };

export class RobotLineLink {
  private readonly decoder = new RobotLineDecoder();
  private readonly waiters = new Map<number, BoundedWait<Reply>>();
  private seq = 0;
  /** Exchanges in a row that ended without any reply (the heartbeat, §6). */
  unansweredInARow = 0;
  staleReplies = 0;

  constructor(private readonly options: RobotLineLinkOptions) {}

  /** One command, its retries included; resolves with the OK reply's fields. */
  async exchange(command: RobotCommand, timeoutMs: number, signal: AbortSignal): Promise<Record<string, string>> {
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await this.once(command, timeoutMs, signal);
        this.unansweredInARow = 0;
        if (reply.ok) return reply.fields;
        const code = ERR_MEANING[reply.code] ?? 'hardwareError';
        const err = new DeviceError(code, `${command.verb}: the base answered ERR ${reply.code}${reply.text ? ` ${reply.text}` : ''}`);
        if (reply.code !== 'CHECKSUM' || attempt >= this.options.retries) throw err;
        this.options.counters.add('checksumRefusals');
      } catch (err) {
        const e = DeviceError.from(err);
        if (e.code === 'timeout') this.unansweredInARow++;
        if (e.code !== 'timeout' || attempt >= this.options.retries || signal.aborted) throw e;
        this.options.counters.add('repliesLost');
      }
    }
  }

  push(chunk: Uint8Array): void {
    for (const frame of this.decoder.push(chunk)) {
      switch (frame.type) {
        case 'ok':
        case 'err': {
          const waiter = this.waiters.get(frame.seq);
          if (!waiter) {
            this.staleReplies++;
            if (frame.type === 'err') this.options.log.debug('robot base refused a line', { seq: frame.seq, code: frame.code });
            break;
          }
          waiter.resolve(frame.type === 'ok' ? { ok: true, fields: frame.fields } : { ok: false, code: frame.code, text: frame.text });
          break;
        }
        case 'event':
          this.options.onEvent(frame.event);
          break;
        case 'garbage':
          this.options.counters.add(`garbageLines.${frame.reason}`);
          this.options.log.debug('robot base line dropped', { reason: frame.reason, bytes: frame.length });
          break;
        default:
          this.options.counters.add('garbageLines.command'); // a command from the base: not ours to obey
      }
    }
  }

  /** The link closed or reopened: every waiter fails with `reason`, a half line is forgotten. */
  reset(reason: DeviceError): void {
    for (const w of [...this.waiters.values()]) w.reject(reason);
    this.waiters.clear();
    this.decoder.reset();
    this.unansweredInARow = 0;
  }

  private async once(command: RobotCommand, timeoutMs: number, signal: AbortSignal): Promise<Reply> {
    this.seq = this.seq >= MAX_SEQ ? 1 : this.seq + 1;
    const seq = this.seq;
    const text = commandText(seq, command);
    const wait = boundedWait<Reply>({
      clock: this.options.clock,
      what: `${command.verb} reply`,
      signal,
      timeoutMs,
      cleanup: () => this.waiters.delete(seq),
    });
    if (!wait.ended) this.waiters.set(seq, wait);
    if (this.options.log.isEnabled('trace')) this.options.log.trace('tx', { line: text });
    try {
      await this.options.send(encodeLine(text), signal);
    } catch (err) {
      wait.reject(new DeviceError('canceled', `${command.verb}: not sent`));
      throw err;
    }
    return wait.promise;
  }
}
