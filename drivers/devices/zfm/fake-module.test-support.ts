/**
 * A small scripted fingerprint module for the driver tests: the device end of a memory pair that decodes
 * the host's packets (packet-decoder.ts, commands.ts) and answers with acks built by packet.ts and the golden
 * fixtures (§3.2). Not the project's simulator (devices-sim/zfm): just enough state to script faults.
 */
import { ManualClock } from '../../../common/manual-clock';
import { parseCommand, type ZfmOp } from '../../protocol/zfm/commands';
import * as C from '../../protocol/zfm/constants';
import { ACKS_CONSTRUCTED, ACKS_QUOTED, TEMPLATE_512, UP_CHAR_PACKETS } from '../../protocol/zfm/fixtures';
import { encodePacket } from '../../protocol/zfm/packet';
import { ZfmPacketDecoder } from '../../protocol/zfm/packet-decoder';
import { createMemoryPair, type MemoryDeviceEnd } from '../../transport/memory-pair';
import { captureLog, settle } from '../ga467/fake-reader.test-support';
import type { CaptureEvents } from '../fingerprint-types';
import { ZfmFingerprintReader, type ZfmFingerprintReaderOptions } from './zfm-fingerprint-reader';

export { captureLog, settle };

/** One answer: bytes, bytes in chunks, or nothing at all (a lost reply). */
export type Answer = Uint8Array | Uint8Array[] | null;

/** An ack with `code` and data (§3.1, §3.2). */
export const ack = (code: number, ...data: number[]): Uint8Array => encodePacket(C.PID_ACK, Uint8Array.of(code, ...data));

export class FakeModule {
  /** Ops in the order they arrived; data packets as "data". */
  readonly requests: string[] = [];
  /** The payloads of the data packets the host sent (DownChar). */
  readonly downloaded: Uint8Array[] = [];
  finger = false;
  poor = false;
  sameFinger = true;
  /** A module that stopped answering: commands are taken off the wire, nothing comes back. */
  mute = false;
  private readonly scripted = new Map<string, Answer[]>();
  private readonly decoder = new ZfmPacketDecoder({ address: 'any' });

  constructor(private readonly end: MemoryDeviceEnd) {
    end.onData((chunk) => {
      for (const event of this.decoder.push(chunk)) {
        if (event.type !== 'packet') continue;
        if (event.packet.pid !== C.PID_COMMAND) {
          this.requests.push('data');
          this.downloaded.push(event.packet.payload);
          continue;
        }
        if (this.mute) continue;
        const parsed = parseCommand(event.packet.payload);
        const op = parsed.type === 'command' ? parsed.command.op : 'unknown';
        this.requests.push(op);
        const queued = this.scripted.get(op);
        this.answer(queued !== undefined && queued.length > 0 ? (queued.shift() as Answer) : this.normal(op));
      }
    });
  }

  /** The next answer(s) to `op`, ahead of the normal ones. */
  script(op: ZfmOp, ...answers: Answer[]): void {
    this.scripted.set(op, [...(this.scripted.get(op) ?? []), ...answers]);
  }

  count(op: string): number {
    return this.requests.filter((r) => r === op).length;
  }

  private normal(op: string): Answer {
    switch (op) {
      case 'vfyPwd':
      case 'regModel':
      case 'downChar':
        return ACKS_QUOTED.ok;
      case 'readSysPara':
        return ACKS_CONSTRUCTED.sysPara;
      case 'templateNum':
        return ack(0x00, 0x00, 0x00);
      case 'genImg':
        return this.finger ? ACKS_QUOTED.ok : ACKS_QUOTED.noFinger;
      case 'img2Tz':
        return this.poor ? ack(0x07) : ACKS_QUOTED.ok;
      case 'upChar':
        return [...UP_CHAR_PACKETS];
      case 'match':
        return this.sameFinger ? ACKS_CONSTRUCTED.matchScore100 : ACKS_CONSTRUCTED.noMatch;
      case 'search':
        return ACKS_CONSTRUCTED.searchNotFound;
      default:
        return ack(0x01);
    }
  }

  private answer(answer: Answer): void {
    if (answer === null) return;
    for (const chunk of Array.isArray(answer) ? answer : [answer]) void this.end.write(chunk);
  }
}

export { TEMPLATE_512 };

export async function makeRig(extra: Partial<ZfmFingerprintReaderOptions> = {}) {
  const clock = new ManualClock();
  const pair = createMemoryPair('fp');
  await pair.device.open();
  const fake = new FakeModule(pair.device);
  const { log, lines } = captureLog();
  const reader = new ZfmFingerprintReader({ id: 'fp-1', model: 'generic-zfm', transport: pair.host, clock, log, ...extra });
  const prompts: string[] = [];
  const events: CaptureEvents = {
    onPlaceFinger: () => prompts.push('place'),
    onFingerDetected: () => prompts.push('detected'),
    onLiftFinger: () => prompts.push('lift'),
  };
  /** Moves the clock by `ms` and lets everything that follows run. */
  const advance = async (ms: number): Promise<void> => {
    await settle();
    clock.advance(ms);
    await settle();
  };
  /** Moves the clock `ms` in steps, letting the work each step starts run. */
  const run = async (ms: number, stepMs = 50): Promise<void> => {
    for (let t = 0; t < ms; t += stepMs) await advance(Math.min(stepMs, ms - t));
  };
  const open = async (): Promise<void> => {
    const opened = reader.open();
    for (let i = 0; i < 10; i++) await settle();
    await opened;
  };
  return { clock, pair, fake, log, lines, reader, prompts, events, advance, run, open };
}
