/**
 * A small scripted reader for the driver tests: the device end of a memory pair that parses the host's
 * frames (request-parser.ts) and answers with frames built by frame-encoder.ts `encodeResponse`, after the
 * §1.3 / §1.4 layouts. Not the project's simulator (devices-sim/ga467): just enough state to script faults.
 */
import { ManualClock } from '../../../common/manual-clock';
import type { LogLevel, Logger } from '../../../common/logger';
import { recogniseRequest, type Ga467Command } from '../../protocol/ga467/commands';
import { SW3 } from '../../protocol/ga467/constants';
import { encodeResponse } from '../../protocol/ga467/frame-encoder';
import type { Ga467ReaderModel } from '../../protocol/ga467/reader-models';
import { Ga467RequestParser } from '../../protocol/ga467/request-parser';
import { encodeReadData } from '../../protocol/ga467/response-layout';
import { FINGERPRINT, PHOTO } from '../../protocol/ga467/fixtures';
import { createMemoryPair, type MemoryDeviceEnd } from '../../transport/memory-pair';
import { Ga467IdCardReader } from './ga467-id-card-reader';

/** One answer: a frame, a frame in chunks, or nothing at all (a lost reply). */
export type Answer = Uint8Array | Uint8Array[] | null;
export type CommandType = Ga467Command['type'];

const ZEROS = (n: number): Uint8Array => new Uint8Array(n);

export class FakeReader {
  /** Command types in the order they arrived. */
  readonly requests: string[] = [];
  /** Text block of the card on the antenna; null: none. */
  card: Uint8Array | null = null;
  samOk = true;
  /** The card on the antenna was read since it was put down: find answers 80 (§1.9). */
  private readDone = false;
  /** The next answers to a command type, before the normal behaviour (faults). */
  private readonly scripted = new Map<string, Answer[]>();
  private readonly parser = new Ga467RequestParser();

  constructor(private readonly end: MemoryDeviceEnd) {
    end.onData((chunk) => {
      for (const event of this.parser.push(chunk)) {
        if (event.type !== 'request') continue;
        const command = recogniseRequest(event.frame);
        this.requests.push(command?.type ?? 'unknown');
        const queued = this.scripted.get(command?.type ?? 'unknown');
        this.answer(queued !== undefined && queued.length > 0 ? (queued.shift() as Answer) : this.normal(command));
      }
    });
  }

  place(text: Uint8Array): void {
    this.card = text;
    this.readDone = false;
  }

  lift(): void {
    this.card = null;
    this.readDone = false;
  }

  /** The next answer(s) to `type`, ahead of the normal ones. */
  script(type: CommandType, ...answers: Answer[]): void {
    this.scripted.set(type, [...(this.scripted.get(type) ?? []), ...answers]);
  }

  /** The read response the card on the antenna gets (§1.4). */
  readFrame(): Uint8Array {
    return encodeResponse(SW3.SUCCESS, encodeReadData({ text: this.card ?? ZEROS(256), photo: PHOTO }, 'textPhoto'));
  }

  private normal(command: Ga467Command | undefined): Uint8Array {
    switch (command?.type) {
      case 'samStatus':
      case 'resetSam':
        return encodeResponse(this.samOk ? SW3.SUCCESS : SW3.SAM_SELF_TEST_FAILED);
      case 'findCard':
        return this.card && !this.readDone ? encodeResponse(SW3.CARD_FOUND, ZEROS(4)) : encodeResponse(SW3.FIND_FAILED);
      case 'selectCard':
        return this.card ? encodeResponse(SW3.SUCCESS, ZEROS(8)) : encodeResponse(SW3.SELECT_FAILED);
      case 'readTextPhoto': {
        if (!this.card) return encodeResponse(SW3.READ_FAILED);
        this.readDone = true;
        return this.readFrame();
      }
      case 'readTextPhotoFingerprint': {
        if (!this.card) return encodeResponse(SW3.READ_FAILED);
        this.readDone = true;
        return encodeResponse(SW3.SUCCESS, encodeReadData({ text: this.card, photo: PHOTO, fingerprint: FINGERPRINT }, 'textPhotoFingerprint'));
      }
      default:
        return encodeResponse(SW3.COMMAND_ERROR);
    }
  }

  private answer(answer: Answer): void {
    if (answer === null) return;
    for (const chunk of Array.isArray(answer) ? answer : [answer]) void this.end.write(chunk);
  }
}

export interface LogLine {
  level: LogLevel;
  msg: string;
  fields: Record<string, unknown> | undefined;
}

/** A logger that keeps every line, trace included. */
export function captureLog(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>) => void lines.push({ level, msg, fields });
  const log: Logger = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => log, isEnabled: () => true };
  return { log, lines };
}

/** Lets every queued microtask and I/O callback run (the memory pair delivers on microtasks). */
export const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function makeRig(model: string | Ga467ReaderModel = 'generic-ga467') {
  const clock = new ManualClock();
  const pair = createMemoryPair('idr');
  await pair.device.open();
  const fake = new FakeReader(pair.device);
  const { log, lines } = captureLog();
  const reader = new Ga467IdCardReader({ id: 'idr-1', model, transport: pair.host, clock, log });
  const events: string[] = [];
  reader.onCardPresented(() => events.push('presented'));
  reader.onCardRead((card) => events.push(`read:${card.text.kind}`));
  reader.onReadFailed((e) => events.push(`failed:${e.code}`));
  reader.onCardRemoved(() => events.push('removed'));
  /** Moves the clock by `ms` and lets everything that follows run. */
  const advance = async (ms: number): Promise<void> => {
    await settle();
    clock.advance(ms);
    await settle();
  };
  /** Moves the clock `ms` in steps, letting the work each step starts run (its timers are set on the way). */
  const run = async (ms: number, stepMs = 50): Promise<void> => {
    for (let t = 0; t < ms; t += stepMs) await advance(Math.min(stepMs, ms - t));
  };
  const open = async (): Promise<void> => {
    const opened = reader.open();
    await settle();
    await opened;
  };
  return { clock, pair, fake, log, lines, reader, events, advance, run, open };
}
