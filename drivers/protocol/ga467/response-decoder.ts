/**
 * Driver-side decoder of what a GA 467 reader sends (protocols.md §1.1): streaming, split anywhere,
 * resynchronising on the next preamble after garbage, bounded by MAX_RESPONSE_LEN. Each response exposes
 * SW1–SW3, the DATA and the ranges of `raw` that carry personal data (§1.4, ARCHITECTURE.md §8.7). A bad
 * checksum, a bad Len or a cut-off frame is an event, never an exception.
 */
import { HEADER_LENGTH, MAX_RESPONSE_LEN, MIN_RESPONSE_LEN, RESPONSE_DATA_OFFSET } from './constants';
import type { Ga467FramingEvent, Ga467ResponseFrame } from './frame';
import { MappedFrameDecoder, type ScanEvent } from './frame-scanner';
import { responsePersonalRanges } from './response-layout';

export type Ga467ResponseEvent = { type: 'response'; frame: Ga467ResponseFrame } | Ga467FramingEvent;

export interface Ga467ResponseDecoderOptions {
  /** Largest Len accepted (default MAX_RESPONSE_LEN); a longer one is a `badLength` event. */
  maxLen?: number;
}

/** A checked frame's fields (`raw` must be one whole frame with a valid CHK). */
export function toResponseFrame(raw: Uint8Array): Ga467ResponseFrame {
  const sw3 = raw[RESPONSE_DATA_OFFSET - 1] as number;
  const data = raw.subarray(RESPONSE_DATA_OFFSET, raw.length - 1);
  return {
    raw,
    len: raw.length - HEADER_LENGTH,
    sw1: raw[7] as number,
    sw2: raw[8] as number,
    sw3,
    data,
    personal: responsePersonalRanges(sw3, data),
  };
}

const toEvent = (e: ScanEvent): Ga467ResponseEvent => (e.type === 'frame' ? { type: 'response', frame: toResponseFrame(e.raw) } : e);

export class Ga467ResponseDecoder extends MappedFrameDecoder<Ga467ResponseEvent> {
  constructor(options: Ga467ResponseDecoderOptions = {}) {
    super({ minLen: MIN_RESPONSE_LEN, maxLen: options.maxLen ?? MAX_RESPONSE_LEN, headLength: RESPONSE_DATA_OFFSET }, toEvent);
  }
}
