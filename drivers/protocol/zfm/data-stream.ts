/**
 * Bulk transfers (protocols.md §3.2 UpChar / DownChar / UpImage, §3.4 sizes): after an OK ack, data
 * travels in PID 02 packets and ends with one PID 08 packet (§7 item 3). The packets carry no sequence number,
 * so order is checked only by what can be seen: data before the end, nothing else in between, every
 * packet but the last exactly the module's packet size, and the total exactly the expected size. The whole
 * result is a template or an image: session-only personal data (ARCHITECTURE.md §8.7), never to be logged.
 */
import type { ErrorCode } from '../../../common/errors';
import * as C from './constants';
import { encodePacket, ZfmEncodeError } from './packet';
import type { ZfmDecoderEvent } from './packet-decoder';

export type DataKind = 'template' | 'image';

export interface DataStreamOptions {
  kind: DataKind;
  /** The exact size; default TEMPLATE_BYTES (512) or IMAGE_BYTES (36 864) per §3.4. */
  expectedBytes?: number;
  /** The module's data-packet size (ReadSysPara, §3.1); when given, packet sizes are checked too. */
  packetBytes?: number;
}

export type DataStreamFailure =
  /** An ack or command packet, or line garbage, in the middle of the stream. */
  | 'interrupted'
  /** A bad checksum, bad length or given-up packet: some data is lost. */
  | 'corrupted'
  /** More data than expected without the end packet: stopped, so memory stays bounded. */
  | 'tooLong'
  /** The end packet came with a total other than the expected size. */
  | 'wrongLength'
  /** A data packet longer than the packet size, or one short of it before the end. */
  | 'wrongPacketSize'
  /** Anything after the stream ended or failed. */
  | 'afterEnd';

/** Lost or stray bytes point at the line (garbledReply); a wrong size at the module or its settings. */
const FAILURE_ERROR: Readonly<Record<DataStreamFailure, ErrorCode>> = {
  interrupted: 'garbledReply',
  corrupted: 'garbledReply',
  afterEnd: 'garbledReply',
  tooLong: 'invalidData',
  wrongLength: 'invalidData',
  wrongPacketSize: 'invalidData',
};

export type DataStreamStep =
  | { state: 'more'; receivedBytes: number }
  | { state: 'done'; kind: DataKind; data: Uint8Array; packets: number }
  | { state: 'failed'; reason: DataStreamFailure; detail: string; error: ErrorCode };

/** Feed it every decoder event from the OK ack on; it answers each with where the stream stands. */
export class DataStreamAssembler {
  readonly kind: DataKind;
  readonly expectedBytes: number;
  private readonly packetBytes: number | undefined;
  private data: Uint8Array;
  private received = 0;
  private packets = 0;
  private lastShort = false;
  private finished = false;

  constructor(options: DataStreamOptions) {
    this.kind = options.kind;
    this.expectedBytes = options.expectedBytes ?? (options.kind === 'template' ? C.TEMPLATE_BYTES : C.IMAGE_BYTES);
    if (!Number.isInteger(this.expectedBytes) || this.expectedBytes < 1) throw new ZfmEncodeError(`bad expectedBytes ${this.expectedBytes}`);
    if (options.packetBytes !== undefined && !(C.DATA_PACKET_SIZES as readonly number[]).includes(options.packetBytes)) {
      throw new ZfmEncodeError(`packet size ${options.packetBytes}: §3.1 allows ${C.DATA_PACKET_SIZES.join('/')}`);
    }
    this.packetBytes = options.packetBytes;
    this.data = new Uint8Array(this.expectedBytes);
  }

  get done(): boolean {
    return this.finished;
  }

  push(event: ZfmDecoderEvent): DataStreamStep {
    if (this.finished) return this.fail('afterEnd', `${event.type} after the stream ended`);
    if (event.type === 'garbage') return this.fail('interrupted', `${event.length} stray bytes inside the stream`);
    if (event.type !== 'packet') return this.fail('corrupted', `${event.type} inside the stream`);
    const { pid, payload } = event.packet;
    if (pid !== C.PID_DATA && pid !== C.PID_END_OF_DATA) return this.fail('interrupted', `packet identifier ${pid} inside the stream`);
    const size = this.packetBytes;
    if (size !== undefined && (payload.length > size || this.lastShort)) {
      return this.fail('wrongPacketSize', `a ${payload.length}-byte packet after ${this.packets} packets of a ${size}-byte stream`);
    }
    if (this.received + payload.length > this.expectedBytes) {
      return this.fail('tooLong', `more than ${this.expectedBytes} bytes`);
    }
    this.data.set(payload, this.received);
    this.received += payload.length;
    this.packets++;
    this.lastShort = size !== undefined && payload.length < size;
    if (pid === C.PID_DATA) return { state: 'more', receivedBytes: this.received };
    if (this.received !== this.expectedBytes) return this.fail('wrongLength', `${this.received} bytes, expected ${this.expectedBytes}`);
    this.finished = true;
    const data = this.data;
    this.data = new Uint8Array(0);
    return { state: 'done', kind: this.kind, data, packets: this.packets };
  }

  private fail(reason: DataStreamFailure, detail: string): DataStreamStep {
    this.finished = true;
    this.data.fill(0); // session-only data: wipe what was gathered (§8.7)
    this.data = new Uint8Array(0);
    return { state: 'failed', reason, detail, error: FAILURE_ERROR[reason] };
  }
}

/**
 * A template or image as the frames that carry it: PID 02 packets of `packetBytes`, the last one PID 08
 * (§3.2; F2 uploadCharacteristics). For the host's DownChar and the simulator's UpChar/UpImage.
 */
export function encodeDataPackets(data: Uint8Array, packetBytes: number = C.DEFAULT_DATA_PACKET_SIZE, address: number = C.DEFAULT_ADDRESS): Uint8Array[] {
  if (!(C.DATA_PACKET_SIZES as readonly number[]).includes(packetBytes)) {
    throw new ZfmEncodeError(`packet size ${packetBytes}: §3.1 allows ${C.DATA_PACKET_SIZES.join('/')}`);
  }
  if (data.length === 0) throw new ZfmEncodeError('no data to send');
  const frames: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += packetBytes) {
    const last = at + packetBytes >= data.length;
    frames.push(encodePacket(last ? C.PID_END_OF_DATA : C.PID_DATA, data.subarray(at, at + packetBytes), address));
  }
  return frames;
}
