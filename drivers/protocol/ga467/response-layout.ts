/**
 * The DATA part of GA 467 responses (protocols.md §1.3, §1.4): the read commands' length fields and parts,
 * the fixed-size answers of find, select, SAM ID and latest address, and which bytes of a response carry
 * personal data (ARCHITECTURE.md §8.7). The text block is not decoded here (text-block.ts, §1.5).
 * Parsed parts are views into the data they came from, so wiping a frame's `raw` wipes them too.
 */
import type { ByteRange } from '../../../common/hex-dump';
import * as C from './constants';

/** The card data of a read response (§1.4). `fingerprint` is absent when the card holds none (length 0). */
export interface Ga467CardData {
  text: Uint8Array;
  photo: Uint8Array;
  fingerprint?: Uint8Array;
}

export type ReadKind = 'textPhoto' | 'textPhotoFingerprint';

export type LayoutResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** How many big-endian length fields follow SW3 in each read response (§1.4). */
const LENGTH_FIELDS: Record<ReadKind, number> = {
  textPhoto: C.TEXT_PHOTO_LENGTH_FIELDS,
  textPhotoFingerprint: C.TEXT_PHOTO_FINGERPRINT_LENGTH_FIELDS,
};

/** The part sizes §1.4 allows, in length-field order: text 256, photo 1024, fingerprint 1024 or 0. */
const ALLOWED_LENGTHS: readonly (readonly number[])[] = [
  [C.TEXT_LENGTH],
  [C.PHOTO_LENGTH],
  [C.FINGERPRINT_LENGTH, C.NO_FINGERPRINT_LENGTH],
];

interface Part {
  start: number;
  end: number;
}

/** The parts of a read response's data (offsets within `data`), or why it does not fit §1.4. */
function readParts(data: Uint8Array, fields: number): LayoutResult<Part[]> {
  const headerLength = 2 * fields;
  if (data.length < headerLength) return { ok: false, reason: `read data of ${data.length} bytes has no room for ${fields} length fields` };
  const parts: Part[] = [];
  let at = headerLength;
  for (let f = 0; f < fields; f++) {
    const length = ((data[2 * f] as number) << 8) | (data[2 * f + 1] as number);
    if (!(ALLOWED_LENGTHS[f] as readonly number[]).includes(length)) {
      return { ok: false, reason: `length field ${f + 1} is ${length}, §1.4 allows ${(ALLOWED_LENGTHS[f] as readonly number[]).join(' or ')}` };
    }
    parts.push({ start: at, end: at + length });
    at += length;
  }
  if (at !== data.length) return { ok: false, reason: `length fields add up to ${at} bytes, the data has ${data.length}` };
  return { ok: true, value: parts };
}

/** Splits the data of a `30 01` or `30 10` response with SW3 `90` into its parts (§1.4). */
export function parseReadData(data: Uint8Array, kind: ReadKind): LayoutResult<Ga467CardData> {
  const parts = readParts(data, LENGTH_FIELDS[kind]);
  if (!parts.ok) return parts;
  const [text, photo, fingerprint] = parts.value.map((p) => data.subarray(p.start, p.end)) as [Uint8Array, Uint8Array, Uint8Array?];
  if (fingerprint === undefined || fingerprint.length === 0) return { ok: true, value: { text, photo } };
  return { ok: true, value: { text, photo, fingerprint } };
}

/**
 * The data of a read response (for the simulator): length fields, then the parts. `textPhotoFingerprint`
 * without a fingerprint gives length 0 (§1.4: clients accept it) [V*; firmware behaviour C].
 */
export function encodeReadData(card: Ga467CardData, kind: ReadKind): Uint8Array {
  if (card.text.length !== C.TEXT_LENGTH) throw new RangeError(`text block must be ${C.TEXT_LENGTH} bytes`);
  if (card.photo.length !== C.PHOTO_LENGTH) throw new RangeError(`photo must be ${C.PHOTO_LENGTH} bytes`);
  const fingerprint = card.fingerprint ?? new Uint8Array(0);
  if (kind === 'textPhoto' && card.fingerprint !== undefined) throw new RangeError('read text + photo carries no fingerprint');
  if (fingerprint.length !== C.FINGERPRINT_LENGTH && fingerprint.length !== C.NO_FINGERPRINT_LENGTH) {
    throw new RangeError(`fingerprint must be ${C.FINGERPRINT_LENGTH} bytes`);
  }
  const parts = kind === 'textPhoto' ? [card.text, card.photo] : [card.text, card.photo, fingerprint];
  const out = new Uint8Array(2 * parts.length + parts.reduce((n, p) => n + p.length, 0));
  let at = 2 * parts.length;
  parts.forEach((p, f) => {
    out[2 * f] = p.length >> 8;
    out[2 * f + 1] = p.length & 0xff;
    out.set(p, at);
    at += p.length;
  });
  return out;
}

/** Fixed-size answers (§1.3, §1.4): find 4 bytes, select 8 (the card serial), SAM ID 16, latest address 70. */
export const FIXED_DATA_LENGTH = {
  findCard: C.FIND_DATA_LENGTH,
  selectCard: C.SELECT_DATA_LENGTH,
  readSamId: C.SAM_ID_LENGTH,
  readLatestAddress: C.LATEST_ADDRESS_LENGTH,
} as const;

export type FixedDataKind = keyof typeof FIXED_DATA_LENGTH;

/**
 * The data of a successful find / select / SAM ID / latest-address response, checked for its size. The
 * latest address is 70 bytes of UCS-2LE text, returned undecoded.
 */
export function parseFixedData(data: Uint8Array, kind: FixedDataKind): LayoutResult<Uint8Array> {
  const expected = FIXED_DATA_LENGTH[kind];
  if (data.length !== expected) return { ok: false, reason: `${kind} answered ${data.length} data bytes, §1 gives ${expected}` };
  return { ok: true, value: data };
}

/**
 * The ranges of a response frame that carry personal data, from the frame alone (responses do not name
 * their command). A read response's text, photo and fingerprint parts are marked, its length fields are
 * not; the data of a find (SW3 `9F`, 4 bytes) and of a SAM ID (SW3 `90`, 16 bytes) identify no person and stay
 * visible. Any other data is marked whole: the latest address, the card serial from select, and anything
 * §1 does not describe.
 */
export function responsePersonalRanges(sw3: number, data: Uint8Array, dataOffset: number = C.RESPONSE_DATA_OFFSET): ByteRange[] {
  if (data.length === 0) return [];
  for (const fields of [C.TEXT_PHOTO_LENGTH_FIELDS, C.TEXT_PHOTO_FINGERPRINT_LENGTH_FIELDS]) {
    const parts = readParts(data, fields);
    if (parts.ok) {
      return parts.value.filter((p) => p.end > p.start).map((p) => ({ start: dataOffset + p.start, end: dataOffset + p.end }));
    }
  }
  if (sw3 === C.SW3.CARD_FOUND && data.length === C.FIND_DATA_LENGTH) return [];
  if (sw3 === C.SW3.SUCCESS && data.length === C.SAM_ID_LENGTH) return [];
  return [{ start: dataOffset, end: dataOffset + data.length }];
}
