/**
 * A simulated second-generation ID card reader speaking GA 467 SAM frames on the device end of a Transport
 * (ARCHITECTURE.md §4; protocols.md §1, §7 item 1). It parses requests with the drivers' codec, answers each
 * §1.2 command with the §1.3 status words and the §1.4 payloads, one request at a time, after a processing
 * time and the reply's wire time on the injected clock (reader-timing.ts). The card's state machine is
 * card-slot.ts (find → select → read; find says "no card" after a read until the card is re-presented).
 * Faults are in the status words (reader-faults.ts); replies go through the printer's ReplyChannel, so
 * noReply / garbage / slowMs / unplugged behave the same on every simulated device.
 */
import type { Clock, TimerHandle } from '../../common/clock';
import type { DeviceRole, DeviceState, DeviceStatus } from '../../common/device';
import { recogniseRequest, expectedDataLength, type Ga467Command } from '../../drivers/protocol/ga467/commands';
import { FIND_DATA_LENGTH, SAM_ID_LENGTH, SELECT_DATA_LENGTH, SW3 } from '../../drivers/protocol/ga467/constants';
import { encodeResponse } from '../../drivers/protocol/ga467/frame-encoder';
import { Ga467RequestParser, type Ga467RequestEvent } from '../../drivers/protocol/ga467/request-parser';
import { encodeReadData } from '../../drivers/protocol/ga467/response-layout';
import type { Transport } from '../../drivers/transport/transport';
import { SimLink } from '../sim-link';
import { ReplyChannel, type SimLog } from '../escpos/reply-channel';
import { SeededRandom } from '../seeded-random';
import type { SimAction, SimDevice, SimOutput } from '../sim-device';
import { CardSlot, type CardPhase, type RemovalProbe } from './card-slot';
import { parseCardRequest } from './card-request';
import { FIXTURE_NAMES, fixtureCard, type FixtureName, type SimCard } from './fixture-citizens';
import { parseReaderFaults, ReaderFaultState, type ReaderFaults } from './reader-faults';
import { DEFAULT_BAUD, DEFAULT_TIMING, processingMs, wireMs, type ReaderTiming } from './reader-timing';
import { SimActionError } from '../sim-device';

export interface SimGa467ReaderOptions {
  /** The configuration's device id (§8.1). */
  id: string;
  /** Names the model for the registry, e.g. "generic-ga467". */
  model: string;
  roles?: readonly DeviceRole[];
  transport: Transport;
  clock: Clock;
  /** Line speed in bits/s for the wire time (8N1, §1.8); 0: replies take no wire time. Default 115200. */
  baud?: number;
  /** Processing times; default DEFAULT_TIMING (reader-timing.ts), INSTANT_TIMING for tests. */
  timing?: Partial<ReaderTiming>;
  /** Whether select shows a card lifted after a read (card-slot.ts; reader-models.ts `removalProbe`). Default "none". */
  removalProbe?: RemovalProbe;
  /** false: a reader without fingerprint support answers `30 10` with SW3 `21` (status.ts). Default true. */
  readsFingerprints?: boolean;
  /**
   * `30 10` on a card without fingerprints: "emptyPart" answers `90` with a fingerprint length of 0, which
   * "clients accept" (§1.4 [V*; firmware behaviour C]); "noContent" answers `91` (§1.3). Default "emptyPart".
   */
  noFingerprint?: 'emptyPart' | 'noContent';
  /** The 16 bytes `12 FF` answers (§1.4). */
  samId?: Uint8Array;
  faults?: ReaderFaults;
  /** A card lying on the reader from the start. */
  card?: FixtureName;
  /** Seed of the `garbage` generator. */
  seed?: number;
  log?: SimLog;
}

/**
 * A fake SAM number, shaped like §1.4's display form `05.01-20101011-0012345678-1234567890` [shape C]: bytes 0
 * and 2, then three little-endian uint32 (20101011, 12345678, 1234567890).
 */
export const DEFAULT_SAM_ID = Uint8Array.of(0x05, 0x00, 0x01, 0x00, 0x93, 0xb7, 0x32, 0x01, 0x4e, 0x61, 0xbc, 0x00, 0xd2, 0x02, 0x96, 0x49);

interface Answer {
  sw3: number;
  data?: Uint8Array;
  /** A line speed to switch to once this reply is out (`60 nn`, §1.2). */
  thenBaud?: number;
}

export class SimGa467Reader implements SimDevice {
  readonly id: string;
  readonly roles: readonly DeviceRole[];
  readonly model: string;
  private readonly faults = new ReaderFaultState();
  private readonly slot: CardSlot;
  private readonly replies: ReplyChannel;
  private readonly timing: ReaderTiming;
  private parser = new Ga467RequestParser();
  private baud: number;
  private readonly queue: Ga467RequestEvent[] = [];
  private busy = false;
  private readonly timers = new Set<TimerHandle>();
  private readonly listeners = new Set<(status: DeviceStatus) => void>();
  private lastStatusJson = '';
  private requests = 0;
  private readonly link: SimLink;

  constructor(private readonly options: SimGa467ReaderOptions) {
    this.id = options.id;
    this.model = options.model;
    this.roles = [...(options.roles ?? ['idCardReader'])];
    this.slot = new CardSlot(options.removalProbe ?? 'none');
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.baud = options.baud ?? DEFAULT_BAUD;
    if (options.samId !== undefined && options.samId.length !== SAM_ID_LENGTH) throw new RangeError(`samId must be ${SAM_ID_LENGTH} bytes`);
    this.link = new SimLink(options.transport, options.log);
    this.replies = new ReplyChannel(options.transport, options.clock, new SeededRandom(options.seed ?? 1), () => this.faults.current, options.log);
    if (options.faults) this.faults.apply(parseReaderFaults(options.faults));
    if (options.card) this.slot.place(fixtureCard(options.card));
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
    else if (f.noReply || f.garbage || f.sam !== 'ok') device = 'hardwareError';
    return { device, cardReader: { cardPresent: this.slot.present, sam: f.sam === 'ok' ? 'ok' : 'error' } };
  }

  onStatusChanged(listener: (status: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setFaults(body: unknown): DeviceStatus {
    const faults = parseReaderFaults(body);
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

  /** A reader produces nothing to inspect; what it was asked shows in statistics(). */
  printed(): SimOutput[] {
    return [];
  }

  /** Healthy, no card, nothing in progress, the configured line speed, counters at zero. */
  reset(): void {
    this.cancelWork();
    this.parser.reset();
    this.parser = new Ga467RequestParser();
    this.slot.lift();
    this.baud = this.options.baud ?? DEFAULT_BAUD;
    this.requests = 0;
    this.clearFaults();
  }

  actions(): Readonly<Record<string, SimAction>> {
    return {
      card: {
        description: `POST {"fixture": ${FIXTURE_NAMES.join(' | ')}} or card fields (name, gender, nation, birth, address, id, authority, from, to) places a card, replacing one already there; DELETE lifts it`,
        start: (body) => {
          this.placeCard(parseCardRequest(body));
          return this.status();
        },
        stop: () => {
          if (!this.slot.present) throw new SimActionError('no card lies on the reader');
          this.liftCard();
          return this.status();
        },
      },
    };
  }

  /** Places a card; one already there is lifted first, so find succeeds again (§1.9). */
  placeCard(card: SimCard): void {
    this.slot.place(card);
    this.notify();
  }

  liftCard(): void {
    this.slot.lift();
    this.notify();
  }

  /** Where the card is in find → select → read (card-slot.ts). */
  cardPhase(): CardPhase {
    return this.slot.state;
  }

  statistics(): { requests: number; lineBaud: number } {
    return { requests: this.requests, lineBaud: this.baud };
  }

  private receive(chunk: Uint8Array): void {
    const f = this.faults.current;
    // Unplugged: nothing arrives. Hung firmware or no SAM: the bytes are taken off the wire, nobody answers.
    if (f.unplugged || f.noReply || f.sam === 'absent') return;
    for (const event of this.parser.push(chunk)) {
      if (event.type === 'garbage') this.options.log?.('debug', 'bytes outside a frame ignored', { bytes: event.bytes.length });
      else this.queue.push(event);
    }
    this.pump();
  }

  /** One request at a time (§1.9 clients wait for each answer): processing, then the reply's wire time. */
  private pump(): void {
    if (this.busy) return;
    const event = this.queue.shift();
    if (event === undefined) return;
    this.busy = true;
    this.requests++;
    const command = event.type === 'request' ? recogniseRequest(event.frame) : undefined;
    this.after(processingMs(this.timing, command), () => {
      const answer = this.answer(event, command);
      const frame = encodeResponse(answer.sw3, answer.data);
      this.after(wireMs(frame.length, this.baud), () => {
        this.emit(frame);
        if (answer.thenBaud !== undefined && this.baud > 0) this.baud = answer.thenBaud;
        this.busy = false;
        this.pump();
      });
    });
  }

  /** The answer, decided when processing ends: a card lifted meanwhile makes a read fail (§1.3 `41`). */
  private answer(event: Ga467RequestEvent, command: Ga467Command | undefined): Answer {
    if (event.type === 'badChecksum') return { sw3: SW3.CHECKSUM_ERROR };
    if (event.type !== 'request') return { sw3: SW3.LENGTH_ERROR }; // badLength (truncated never comes from push)
    if (command === undefined) {
      const known = expectedDataLength(event.frame.cmd, event.frame.para) !== undefined;
      return { sw3: known ? SW3.LENGTH_ERROR : SW3.COMMAND_ERROR };
    }
    if (this.faults.current.sam === 'selfTestFailed') return { sw3: SW3.SAM_SELF_TEST_FAILED };
    return this.run(command);
  }

  private run(command: Ga467Command): Answer {
    switch (command.type) {
      case 'samStatus':
      case 'resetSam':
      case 'setRfFrameSize':
        return { sw3: SW3.SUCCESS };
      case 'setBaudRate':
        return { sw3: SW3.SUCCESS, thenBaud: command.baud };
      case 'readSamId':
        return { sw3: SW3.SUCCESS, data: (this.options.samId ?? DEFAULT_SAM_ID).slice() };
      case 'findCard':
        return this.slot.find() ? { sw3: SW3.CARD_FOUND, data: new Uint8Array(FIND_DATA_LENGTH) } : { sw3: SW3.FIND_FAILED };
      case 'selectCard':
        return this.slot.select() ? { sw3: SW3.SUCCESS, data: new Uint8Array(SELECT_DATA_LENGTH) } : { sw3: SW3.SELECT_FAILED };
      case 'readTextPhoto':
      case 'readTextPhotoFingerprint':
        return this.read(command.type);
      case 'readLatestAddress': {
        const card = this.slot.cardForAddress();
        if (card === undefined) return { sw3: SW3.READ_FAILED };
        return card.latestAddress ? { sw3: SW3.SUCCESS, data: card.latestAddress } : { sw3: SW3.NO_CONTENT };
      }
    }
  }

  private read(type: 'readTextPhoto' | 'readTextPhotoFingerprint'): Answer {
    const withFingerprint = type === 'readTextPhotoFingerprint';
    if (withFingerprint && this.options.readsFingerprints === false) return { sw3: SW3.COMMAND_ERROR };
    const outcome = this.slot.read();
    if (!outcome.ok) return { sw3: SW3.READ_FAILED };
    if (this.faults.take('liftDuringRead')) {
      this.liftCard();
      return { sw3: SW3.READ_FAILED };
    }
    const { text, photo, fingerprint } = outcome.card;
    if (!withFingerprint) return { sw3: SW3.SUCCESS, data: encodeReadData({ text, photo }, 'textPhoto') };
    if (fingerprint === undefined && this.options.noFingerprint === 'noContent') return { sw3: SW3.NO_CONTENT };
    return { sw3: SW3.SUCCESS, data: encodeReadData(fingerprint ? { text, photo, fingerprint } : { text, photo }, 'textPhotoFingerprint') };
  }

  private emit(frame: Uint8Array): void {
    if (this.faults.take('badChecksum')) frame[frame.length - 1] = (frame[frame.length - 1] as number) ^ 0xff;
    this.replies.send(frame);
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
