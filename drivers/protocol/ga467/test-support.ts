/**
 * Helpers for the GA 467 codec tests (and the simulator's): feed chunks to a decoder and collect its events,
 * merging adjacent garbage, which a decoder may report in pieces per push; and a seeded RNG for fuzzing.
 */
import { concatBytes } from '../escpos/fixtures';
import type { Ga467FramingEvent } from './frame';

interface Pushable<E> {
  push(chunk: Uint8Array): E[];
  abandonPartial(): E[];
}

export function collect<E extends { type: string }>(decoder: Pushable<E>, chunks: Uint8Array[], abandonAtEnd = false): E[] {
  const out: E[] = [];
  const add = (event: E): void => {
    const last = out[out.length - 1];
    if (event.type === 'garbage' && last?.type === 'garbage') {
      const bytes = concatBytes((last as unknown as { bytes: Uint8Array }).bytes, (event as unknown as { bytes: Uint8Array }).bytes);
      const merged: Ga467FramingEvent = { type: 'garbage', bytes, personal: [{ start: 0, end: bytes.length }] };
      out[out.length - 1] = merged as unknown as E;
    } else {
      out.push(event);
    }
  };
  for (const chunk of chunks) decoder.push(chunk).forEach(add);
  if (abandonAtEnd) decoder.abandonPartial().forEach(add);
  return out;
}

/** xorshift32 (Marsaglia 2003): a small seeded generator, so a failing fuzz case replays exactly. */
export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

/** An integer in [0, n) from `next`. */
export const below = (next: () => number, n: number): number => next() % n;

/** `length` random bytes from `next`. */
export function randomBytes(next: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => next() & 0xff);
}
