/**
 * Seeded fuzzing of the GA 467 decoders (xorshift32, so any failure replays): random byte streams and
 * mutated valid frames, split at random. The decoders must never throw, never hold more than their
 * capacity, account for every byte, accept only frames that satisfy §1.1, and not depend on how input is split.
 */
import { describe, expect, it } from 'vitest';
import { PREAMBLE } from './constants';
import { concatBytes, REQUESTS, RESPONSES } from './fixtures';
import { Ga467RequestParser } from './request-parser';
import { Ga467ResponseDecoder } from './response-decoder';
import { below, collect, randomBytes, xorshift32 } from './test-support';

type Rng = () => number;
type AnyEvent = { type: string; frame?: { raw: Uint8Array; len: number }; bytes?: Uint8Array };
interface Decoder {
  push(chunk: Uint8Array): AnyEvent[];
  abandonPartial(): AnyEvent[];
  readonly buffered: number;
  readonly capacity: number;
}

const SHORT_RESPONSES = Object.values(RESPONSES).filter((f) => f.length < 100);
const ALL_RESPONSES = Object.values(RESPONSES);
const ALL_REQUESTS = Object.values(REQUESTS);

/** Bytes biased towards the preamble's, with real preambles and small Lens spliced in, so frames start often. */
function hostileBytes(next: Rng, length: number): Uint8Array {
  const out: number[] = [];
  while (out.length < length) {
    const r = below(next, 100);
    if (r < 5) out.push(...PREAMBLE, 0x00, below(next, 24));
    else if (r < 35) out.push([0xaa, 0x96, 0x69, 0x00][below(next, 4)] as number);
    else out.push(next() & 0xff);
  }
  return Uint8Array.from(out.slice(0, length));
}

function mutate(next: Rng, frame: Uint8Array): Uint8Array {
  const bytes = Array.from(frame);
  const at = below(next, bytes.length);
  switch (below(next, 6)) {
    case 0: bytes[at] = (bytes[at] as number) ^ (1 << below(next, 8)); break; // flip a bit
    case 1: bytes.splice(at, 1); break; // lose a byte
    case 2: bytes.splice(at, 0, next() & 0xff); break; // gain a byte
    case 3: bytes.length = at; break; // cut off
    case 4: bytes.splice(at, 0, ...bytes.slice(0, below(next, 12))); break; // repeat a head
    default: break; // unchanged
  }
  return Uint8Array.from(bytes);
}

function randomSplit(next: Rng, stream: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let i = 0;
  while (i < stream.length) {
    const n = 1 + below(next, below(next, 4) === 0 ? 3 : 400);
    chunks.push(stream.subarray(i, i + n));
    i += n;
  }
  return chunks;
}

/** XOR of Len1 … last DATA byte, recomputed here rather than taken from the code under test. */
const validChecksum = (raw: Uint8Array): boolean => raw.subarray(5, -1).reduce((x, b) => x ^ b, 0) === raw[raw.length - 1];

/** Bytes each event accounts for: a frame or garbage its own; a refused or bad frame only its preamble. */
const consumed = (e: AnyEvent): number => (e.type === 'garbage' ? e.bytes!.length : e.frame !== undefined ? e.frame.raw.length : PREAMBLE.length);

function checkRun(decoder: Decoder, chunks: Uint8Array[], minLen: number, maxLen: number): AnyEvent[] {
  const events: AnyEvent[] = [];
  let pushed = 0;
  for (const chunk of chunks) {
    events.push(...decoder.push(chunk));
    pushed += chunk.length;
    expect(decoder.buffered).toBeLessThanOrEqual(decoder.capacity);
    expect(events.reduce((n, e) => n + consumed(e), 0) + decoder.buffered).toBe(pushed);
  }
  events.push(...decoder.abandonPartial());
  expect(decoder.buffered).toBe(0);
  expect(events.reduce((n, e) => n + consumed(e), 0)).toBe(pushed);
  for (const e of events) {
    if (e.type === 'garbage') expect((e as { personal?: unknown }).personal).toEqual([{ start: 0, end: e.bytes!.length }]);
    if (e.frame === undefined) continue;
    const { raw, len } = e.frame;
    expect(Array.from(raw.subarray(0, 5))).toEqual(PREAMBLE);
    expect(raw.length).toBe(7 + len);
    expect(len).toBeGreaterThanOrEqual(minLen);
    expect(len).toBeLessThanOrEqual(maxLen);
    expect(validChecksum(raw)).toBe(true);
  }
  return events;
}

/** Each event as one string (fast to compare, unlike deep equality on long byte arrays). */
const signature = (events: AnyEvent[]): string[] =>
  events.map((e) => `${e.type} ${Buffer.from(e.frame?.raw ?? e.bytes ?? new Uint8Array(0)).toString('hex')} ${e.frame ? '' : JSON.stringify(e)}`);

const frameRaws = (events: AnyEvent[]): Uint8Array[] => events.flatMap((e) => (e.frame ? [e.frame.raw] : []));

describe('GA 467 decoders under seeded fuzzing', () => {
  it('3000 hostile random streams: no throw, bounded, every byte accounted for, only valid frames', () => {
    const next = xorshift32(0x6a467);
    let accepted = 0;
    for (let run = 0; run < 3000; run++) {
      const stream = hostileBytes(next, below(next, 700));
      const chunks = randomSplit(next, stream);
      if (run % 3 === 0) {
        const events = checkRun(new Ga467RequestParser(), chunks, 3, 64);
        accepted += frameRaws(events).length;
      } else {
        const maxLen = run % 3 === 1 ? 4096 : 16;
        const events = checkRun(new Ga467ResponseDecoder({ maxLen }), chunks, 4, maxLen);
        accepted += frameRaws(events).length;
      }
    }
    expect(accepted).toBeGreaterThan(100); // the streams do reach the checksum, not only the preamble search
  });

  it('3000 streams of mutated valid frames: same invariants, and the same frames however split', () => {
    const next = xorshift32(0x1295);
    for (let run = 0; run < 3000; run++) {
      const pool = run % 10 === 0 ? ALL_RESPONSES : SHORT_RESPONSES;
      const parts: Uint8Array[] = [];
      for (let k = below(next, 6); k >= 0; k--) {
        if (below(next, 3) === 0) parts.push(randomBytes(next, below(next, 20)));
        parts.push(mutate(next, pool[below(next, pool.length)] as Uint8Array));
      }
      const stream = concatBytes(...parts);
      const chunks = randomSplit(next, stream);
      checkRun(new Ga467ResponseDecoder(), chunks, 4, 4096);
      expect(signature(collect(new Ga467ResponseDecoder(), chunks, true))).toEqual(signature(collect(new Ga467ResponseDecoder(), [stream], true)));
    }
  });

  it('clean frames with garbage free of AA between them are all recovered, in order', () => {
    const next = xorshift32(42);
    for (let run = 0; run < 500; run++) {
      const frames: Uint8Array[] = [];
      const parts: Uint8Array[] = [];
      for (let k = 1 + below(next, 5); k > 0; k--) {
        parts.push(randomBytes(next, below(next, 30)).map((b) => (b === 0xaa ? 0x55 : b)));
        const f = (run % 2 === 0 ? ALL_REQUESTS : ALL_RESPONSES)[below(next, run % 2 === 0 ? ALL_REQUESTS.length : ALL_RESPONSES.length)] as Uint8Array;
        frames.push(f);
        parts.push(f);
      }
      const decoder = run % 2 === 0 ? new Ga467RequestParser() : new Ga467ResponseDecoder();
      const events = checkRun(decoder, randomSplit(next, concatBytes(...parts)), run % 2 === 0 ? 3 : 4, run % 2 === 0 ? 64 : 4096);
      expect(signature(frameRaws(events).map((raw) => ({ type: 'frame', bytes: raw })))).toEqual(signature(frames.map((raw) => ({ type: 'frame', bytes: raw }))));
      expect(events.every((e) => e.type === 'garbage' || e.frame !== undefined)).toBe(true);
    }
  });
});
