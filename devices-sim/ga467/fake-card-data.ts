/**
 * The binary parts of a simulated card besides its text (protocols.md §1.7): a 1024-byte photo and a
 * 1024-byte fingerprint record. Real photos are WLT, a proprietary compressed format only vendor libraries
 * decode, and fingerprints are 公安部 minutiae templates [C]; nothing public lets a simulator make real ones, so
 * these are "WLT-shaped" only in size and in being opaque: deterministic noise from a seed, never a person.
 */
import { FINGERPRINT_LENGTH, LATEST_ADDRESS_LENGTH, PHOTO_LENGTH } from '../../drivers/protocol/ga467/constants';
import { writeUcs2 } from '../../drivers/protocol/ga467/text-block-encoder';
import { SeededRandom } from '../seeded-random';

function noise(length: number, seed: number): Uint8Array {
  const random = new SeededRandom(seed);
  return Uint8Array.from({ length }, () => random.int(0, 255));
}

/** 1024 opaque bytes standing for a WLT photo (§1.4 photo length `04 00`). Same seed, same bytes. */
export const fakePhoto = (seed: number): Uint8Array => noise(PHOTO_LENGTH, 0x5717_0000 + seed);

/** 1024 opaque bytes standing for the card's fingerprint record (§1.7: two 512-byte templates [C]). */
export const fakeFingerprint = (seed: number): Uint8Array => noise(FINGERPRINT_LENGTH, 0xf19e_0000 + seed);

/** The 70 bytes `30 03` answers (§1.4): UCS-2LE text padded with spaces, as the text block's fields are. */
export function latestAddressBytes(address: string): Uint8Array {
  const out = new Uint8Array(LATEST_ADDRESS_LENGTH);
  for (let i = 0; i < out.length; i += 2) out[i] = 0x20;
  writeUcs2(out, 0, LATEST_ADDRESS_LENGTH, address);
  return out;
}
