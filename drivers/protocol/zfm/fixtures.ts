/**
 * Golden fingerprint-module frames. COMMANDS and ACKS_QUOTED are protocols.md §3.2's example frames as
 * printed there (their checksums recomputed and equal); ACKS_CONSTRUCTED are built here by hand from
 * §3.1–§3.3 (checksums worked out apart from packet.ts). Shared by the codec tests and, later, the
 * simulator's (ARCHITECTURE.md §4).
 */
import type { ZfmCommand } from './commands';
import { concatBytes, hex } from '../escpos/fixtures';

export { chunkings, concatBytes, hex } from '../escpos/fixtures';

/** Host → module: §3.2's example frame for each instruction that has one, with the command it encodes. */
export const COMMANDS: readonly { name: string; command: ZfmCommand; frame: Uint8Array }[] = [
  { name: 'GenImg', command: { op: 'genImg' }, frame: hex('EF 01 FF FF FF FF 01 00 03 01 00 05') },
  { name: 'Img2Tz buffer 1', command: { op: 'img2Tz', buffer: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 04 02 01 00 08') },
  { name: 'Match', command: { op: 'match' }, frame: hex('EF 01 FF FF FF FF 01 00 03 03 00 07') },
  { name: 'Search 1, 0, 163', command: { op: 'search', buffer: 1, start: 0, count: 0xa3 }, frame: hex('EF 01 FF FF FF FF 01 00 08 04 01 00 00 00 A3 00 B1') },
  { name: 'RegModel', command: { op: 'regModel' }, frame: hex('EF 01 FF FF FF FF 01 00 03 05 00 09') },
  { name: 'Store 1 → page 1', command: { op: 'store', buffer: 1, page: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 06 06 01 00 01 00 0F') },
  { name: 'LoadChar page 1 → 1', command: { op: 'loadChar', buffer: 1, page: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 06 07 01 00 01 00 10') },
  { name: 'UpChar buffer 1', command: { op: 'upChar', buffer: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 04 08 01 00 0E') },
  { name: 'DownChar buffer 1', command: { op: 'downChar', buffer: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 04 09 01 00 0F') },
  { name: 'UpImage', command: { op: 'upImage' }, frame: hex('EF 01 FF FF FF FF 01 00 03 0A 00 0E') },
  { name: 'DeletChar page 1, 1', command: { op: 'deleteChar', page: 1, count: 1 }, frame: hex('EF 01 FF FF FF FF 01 00 07 0C 00 01 00 01 00 16') },
  { name: 'Empty', command: { op: 'empty' }, frame: hex('EF 01 FF FF FF FF 01 00 03 0D 00 11') },
  { name: 'ReadSysPara', command: { op: 'readSysPara' }, frame: hex('EF 01 FF FF FF FF 01 00 03 0F 00 13') },
  { name: 'VfyPwd 00000000', command: { op: 'vfyPwd', password: 0 }, frame: hex('EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B') },
  { name: 'HighSpeedSearch 1, 0, 163', command: { op: 'highSpeedSearch', buffer: 1, start: 0, count: 0xa3 }, frame: hex('EF 01 FF FF FF FF 01 00 08 1B 01 00 00 00 A3 00 C8') },
  { name: 'TempleteNum', command: { op: 'templateNum' }, frame: hex('EF 01 FF FF FF FF 01 00 03 1D 00 21') },
  { name: 'ReadIndexTable page 0', command: { op: 'readIndexTable', indexPage: 0 }, frame: hex('EF 01 FF FF FF FF 01 00 04 1F 00 00 24') },
];

/** Commands §3.2 lists without an example frame, built here by hand. */
export const COMMANDS_CONSTRUCTED: readonly { name: string; command: ZfmCommand; frame: Uint8Array }[] = [
  { name: 'VfyPwd 12345678', command: { op: 'vfyPwd', password: 0x12345678 }, frame: hex('EF 01 FF FF FF FF 01 00 07 13 12 34 56 78 01 2F') },
  { name: 'HandShake', command: { op: 'handShake' }, frame: hex('EF 01 FF FF FF FF 01 00 04 17 00 00 1C') },
  { name: 'SetSysPara packet size 2', command: { op: 'setSysPara', register: 6, value: 2 }, frame: hex('EF 01 FF FF FF FF 01 00 05 0E 06 02 00 1C') },
];

/** Module → host, quoted in §3.2 "Acknowledgement examples". */
export const ACKS_QUOTED = {
  ok: hex('EF 01 FF FF FF FF 07 00 03 00 00 0A'),
  noFinger: hex('EF 01 FF FF FF FF 07 00 03 02 00 0C'),
  searchHitPage5Score100: hex('EF 01 FF FF FF FF 07 00 07 00 00 05 00 64 00 77'),
} as const;

/** Module → host, built by hand from §3.2's ack data column and §3.3's codes. */
export const ACKS_CONSTRUCTED = {
  matchScore100: hex('EF 01 FF FF FF FF 07 00 05 00 00 64 00 70'),
  noMatch: hex('EF 01 FF FF FF FF 07 00 03 08 00 12'),
  searchNotFound: hex('EF 01 FF FF FF FF 07 00 07 09 00 00 00 00 00 17'),
  templateCount3: hex('EF 01 FF FF FF FF 07 00 05 00 00 03 00 0F'),
  // status 0, system ID 9, capacity 163, security 5, address FFFFFFFF, size code 2 (128), baud N 6 (57600)
  sysPara: hex('EF 01 FF FF FF FF 07 00 13 00 00 00 00 09 00 A3 00 05 FF FF FF FF 00 02 00 06 04 CF'),
  // slots 0, 1, 2 (byte 0 = 07), 15 (byte 1 = 80) and 248 (byte 31 = 01) used
  indexTable: hex(`EF 01 FF FF FF FF 07 00 23 00 07 80 ${'00 '.repeat(29)}01 00 B2`),
  passwordNeeded: hex('EF 01 FF FF FF FF 07 00 03 21 00 2B'),
  unknownCode42: hex('EF 01 FF FF FF FF 07 00 03 42 00 4C'),
} as const;

/** A frame built independently of packet.ts, so a shared checksum bug cannot hide (§3.1). */
function frameOf(pid: number, payload: Uint8Array): Uint8Array {
  const length = payload.length + 2;
  let sum = pid + (length >> 8) + (length & 0xff);
  for (const b of payload) sum += b;
  const head = Uint8Array.of(0xef, 0x01, 0xff, 0xff, 0xff, 0xff, pid, length >> 8, length & 0xff);
  return concatBytes(head, payload, Uint8Array.of((sum >> 8) & 0xff, sum & 0xff));
}

/**
 * A made-up 512-byte template (§3.4), not a real finger. Bytes 200–211 spell a whole ack frame, so a
 * decoder that looked for EF 01 inside a good packet would split it.
 */
export const TEMPLATE_512: Uint8Array = (() => {
  const t = Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) & 0xff);
  t.set(ACKS_QUOTED.ok, 200);
  return t;
})();

/** UpChar's reply: OK ack, then 3 data packets (02) and an end packet (08) of 128 bytes each (§3.2). */
export const UP_CHAR_PACKETS: readonly Uint8Array[] = [
  ACKS_QUOTED.ok,
  frameOf(0x02, TEMPLATE_512.subarray(0, 128)),
  frameOf(0x02, TEMPLATE_512.subarray(128, 256)),
  frameOf(0x02, TEMPLATE_512.subarray(256, 384)),
  frameOf(0x08, TEMPLATE_512.subarray(384, 512)),
];
export const UP_CHAR_STREAM: Uint8Array = concatBytes(...UP_CHAR_PACKETS);
