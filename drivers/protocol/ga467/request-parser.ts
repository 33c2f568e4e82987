/**
 * Simulator-side parser of what the host sends a GA 467 reader (protocols.md §1.1): the same framing as
 * the response decoder, bounded by MAX_REQUEST_LEN. A `badChecksum` event is what the simulator answers
 * with SW3 `10`, a `badLength` with `11`; for a request, commands.ts `expectedDataLength` tells an unknown
 * command or value (`21`) from a wrong data length (`11`) (§1.3, §7 item 1). Requests carry no personal data.
 */
import { HEADER_LENGTH, MAX_REQUEST_LEN, MIN_REQUEST_LEN, REQUEST_DATA_OFFSET } from './constants';
import type { Ga467FramingEvent, Ga467RequestFrame } from './frame';
import { MappedFrameDecoder, type ScanEvent } from './frame-scanner';

export type Ga467RequestEvent = { type: 'request'; frame: Ga467RequestFrame } | Ga467FramingEvent;

export interface Ga467RequestParserOptions {
  /** Largest Len accepted (default MAX_REQUEST_LEN); a longer one is a `badLength` event. */
  maxLen?: number;
}

export function toRequestFrame(raw: Uint8Array): Ga467RequestFrame {
  return {
    raw,
    len: raw.length - HEADER_LENGTH,
    cmd: raw[7] as number,
    para: raw[8] as number,
    data: raw.subarray(REQUEST_DATA_OFFSET, raw.length - 1),
  };
}

const toEvent = (e: ScanEvent): Ga467RequestEvent => (e.type === 'frame' ? { type: 'request', frame: toRequestFrame(e.raw) } : e);

export class Ga467RequestParser extends MappedFrameDecoder<Ga467RequestEvent> {
  constructor(options: Ga467RequestParserOptions = {}) {
    super({ minLen: MIN_REQUEST_LEN, maxLen: options.maxLen ?? MAX_REQUEST_LEN, headLength: REQUEST_DATA_OFFSET }, toEvent);
  }
}
