/**
 * Golden GA 467 frames from protocols.md §1, shared by the codec tests and the simulator's tests so both
 * sides are held to the same bytes (ARCHITECTURE.md §4). "verbatim" frames are copied from §1.2 / §1.3;
 * "derived" ones are built by hand from a §1 layout, with the checksum arithmetic in the comment (⊕ = XOR;
 * an even count of equal bytes cancels). None is built by the encoder under test.
 */
import { concatBytes, hex } from '../escpos/fixtures';

export { chunkings, concatBytes, hex } from '../escpos/fixtures';

/** Host → reader (§1.2). */
export const REQUESTS = {
  resetSam: hex('AA AA AA 96 69 00 03 10 FF EC'), // verbatim [V guocihong]
  samStatus: hex('AA AA AA 96 69 00 03 11 FF ED'), // verbatim [V]
  readSamId: hex('AA AA AA 96 69 00 03 12 FF EE'), // verbatim [V*]
  findCard: hex('AA AA AA 96 69 00 03 20 01 22'), // verbatim [V]
  selectCard: hex('AA AA AA 96 69 00 03 20 02 21'), // verbatim [V]
  readTextPhoto: hex('AA AA AA 96 69 00 03 30 01 32'), // verbatim [V]
  readLatestAddress: hex('AA AA AA 96 69 00 03 30 03 30'), // verbatim [V*]
  readTextPhotoFingerprint: hex('AA AA AA 96 69 00 03 30 10 23'), // verbatim [V*]
  setBaud115200: hex('AA AA AA 96 69 00 03 60 00 63'), // verbatim [V*]
  setBaud9600: hex('AA AA AA 96 69 00 03 60 04 67'), // derived: 00 ⊕ 03 ⊕ 60 ⊕ 04 = 67
  setRfFrameSize80: hex('AA AA AA 96 69 00 04 61 FF 50 CA'), // verbatim [V hev]
} as const;

/** The §1.2 [!] BearPi reset, `01 FF`: derived, 00 ⊕ 03 ⊕ 01 ⊕ FF = FD. Not a standard command. */
export const BEARPI_RESET_SAM = hex('AA AA AA 96 69 00 03 01 FF FD');

/** A 256-byte text block: 张 (U+5F20) 三 (U+4E09) in UCS-2LE, then 126 spaces `20 00` (§1.5 padding). */
export const TEXT_BLOCK = concatBytes(hex('20 5F 09 4E'), new Uint8Array(252).map((_, i) => (i % 2 === 0 ? 0x20 : 0x00)));
/** XOR of TEXT_BLOCK: the 126 spaces cancel; 20 ⊕ 5F ⊕ 09 ⊕ 4E = 38. */
export const TEXT_BLOCK_XOR = 0x38;
/** A stand-in WLT photo (§1.7, an opaque blob): byte i is i mod 256, four runs of 00..FF, XOR 00. */
export const PHOTO = Uint8Array.from({ length: 1024 }, (_, i) => i & 0xff);
/** A stand-in fingerprint (§1.7): byte i is FF − (i mod 256), four runs of FF..00, XOR 00. */
export const FINGERPRINT = Uint8Array.from({ length: 1024 }, (_, i) => 0xff - (i & 0xff));
/** 70 bytes of UCS-2LE address (§1.4): 北 (U+5317) 京 (U+4EAC) 市 (U+5E02), then 32 spaces `20 00`. */
export const LATEST_ADDRESS = concatBytes(hex('17 53 AC 4E 02 5E'), new Uint8Array(64).map((_, i) => (i % 2 === 0 ? 0x20 : 0x00)));
/** 16 SAM-ID bytes shaped like §1.4's example `05.01-20101011-0012345678-1234567890` [shape C]. */
export const SAM_ID = hex('05 00 01 00 93 B7 32 01 4E 61 BC 00 D2 02 96 49');

/** Reader → host. */
export const RESPONSES = {
  statusOk: hex('AA AA AA 96 69 00 04 00 00 90 94'), // verbatim §1.3
  samSelfTestFailed: hex('AA AA AA 96 69 00 04 00 00 60 64'), // verbatim §1.3
  findOk: hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'), // verbatim §1.3
  findFailed: hex('AA AA AA 96 69 00 04 00 00 80 84'), // verbatim §1.3
  selectOk: hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'), // verbatim §1.3
  selectFailed: hex('AA AA AA 96 69 00 04 00 00 81 85'), // verbatim §1.3
  readFailed: hex('AA AA AA 96 69 00 04 00 00 41 45'), // verbatim §1.3
  // derived from §1.3 "Answer `10`/`11`/`21`" (§7): 04 ⊕ 10 = 14, 04 ⊕ 11 = 15, 04 ⊕ 21 = 25
  checksumError: hex('AA AA AA 96 69 00 04 00 00 10 14'),
  lengthError: hex('AA AA AA 96 69 00 04 00 00 11 15'),
  commandError: hex('AA AA AA 96 69 00 04 00 00 21 25'),
  // derived: read latest address when the card has none, SW3 91 (§1.4): 04 ⊕ 91 = 95
  latestAddressNone: hex('AA AA AA 96 69 00 04 00 00 91 95'),
  // derived: SW3 90 + 70 bytes (§1.4), Len = 3 + 70 + 1 = 74 = 00 4A.
  // CHK = (00 ⊕ 4A ⊕ 00 ⊕ 00 ⊕ 90 = DA) ⊕ (17 ⊕ 53 ⊕ AC ⊕ 4E ⊕ 02 ⊕ 5E = FA; spaces cancel) = 20
  latestAddress: concatBytes(hex('AA AA AA 96 69 00 4A 00 00 90'), LATEST_ADDRESS, hex('20')),
  // derived: SW3 90 + 16 bytes (§1.4), Len = 3 + 16 + 1 = 20 = 00 14. Header 00 ⊕ 14 ⊕ 90 = 84; data:
  // 05 ⊕ 01 = 04, 93 ⊕ B7 ⊕ 32 ⊕ 01 = 17, 4E ⊕ 61 ⊕ BC = 93, D2 ⊕ 02 ⊕ 96 ⊕ 49 = 0F, all = 8F; CHK = 84 ⊕ 8F = 0B
  samId: concatBytes(hex('AA AA AA 96 69 00 14 00 00 90'), SAM_ID, hex('0B')),
  // derived from the captured header `AA AA AA 96 69 05 08 00 00 90 01 00 04 00` (§1.4 [V]), 1295 bytes.
  // CHK = (05 ⊕ 08 ⊕ 00 ⊕ 00 ⊕ 90 ⊕ 01 ⊕ 00 ⊕ 04 ⊕ 00 = 98) ⊕ TEXT 38 ⊕ PHOTO 00 = A0
  readTextPhoto: concatBytes(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'), TEXT_BLOCK, PHOTO, hex('A0')),
  // derived from the captured prefix `AA AA AA 96 69 09 0A 00 00 90` (§1.4 [V*]) and the three lengths, 2321 bytes.
  // CHK = (09 ⊕ 0A ⊕ 90 ⊕ 01 ⊕ 04 ⊕ 04 = 92) ⊕ TEXT 38 ⊕ PHOTO 00 ⊕ FINGERPRINT 00 = AA
  readTextPhotoFingerprint: concatBytes(hex('AA AA AA 96 69 09 0A 00 00 90 01 00 04 00 04 00'), TEXT_BLOCK, PHOTO, FINGERPRINT, hex('AA')),
  // derived, fingerprint length 0 (§1.4 [V*; firmware behaviour C]): Len = 2314 − 1024 = 1290 = 05 0A.
  // CHK = (05 ⊕ 0A ⊕ 90 ⊕ 01 ⊕ 04 = 9A) ⊕ TEXT 38 ⊕ PHOTO 00 = A2
  readTextPhotoNoFingerprint: concatBytes(hex('AA AA AA 96 69 05 0A 00 00 90 01 00 04 00 00 00'), TEXT_BLOCK, PHOTO, hex('A2')),
} as const;
